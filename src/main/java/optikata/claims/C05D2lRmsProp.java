package optikata.claims;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import optikata.report.Charts;
import optikata.run.Trajectory;
import org.knowm.xchart.XYChart;

/** C05: the d2l 2-D RMSProp experiment. */
public final class C05D2lRmsProp extends AbstractClaim {
    public C05D2lRmsProp() {
        super("C05", "004 §7.6.1",
                "f(x)=0.1x₁²+2x₂², start (−5,−2), η=0.4, γ=0.9, ε=1e-6: after 20 steps x₁ ≈ −0.010599, x₂ ≈ 0.000000");
    }

    @Override
    public ClaimResult check(ClaimContext context) throws Exception {
        Trajectory t = D2lExperiments.rmsprop();
        double[] x = t.last().theta();
        ClaimResult.Builder b = ClaimResult.of(this).documented("x1", -0.010599).documented("x2", 0.0)
                .measured("x1", x[0]).measured("x2", x[1]).tolerance(5e-7);
        if (context.plots()) {
            b.plot(contour(context.plotDir()));
        }
        String finding = "after 20 steps x₁ = " + num(x[0]) + ", x₂ = " + num(x[1]) + " (text: −0.010599, 0.000000)";
        return b.documentedFiguresMatch() ? b.verdict(Verdict.HOLDS, finding, null)
                : b.verdict(Verdict.ERRATUM, finding, "the experiment ends at (" + num(x[0]) + ", " + num(x[1]) + ")");
    }

    /** Both d2l trajectories on the contour of f (shared with C06). */
    static Plot contour(Path dir) throws Exception {
        XYChart chart = Charts.chart("C05/C06: 20 steps on f = 0.1x₁² + 2x₂² from (−5, −2), η = 0.4", "x₁", "x₂");
        for (double c : new double[] {0.05, 0.25, 0.75, 1.5, 3, 5.5, 8.5, 12}) {
            int m = 200;
            double[] cx = new double[m + 1];
            double[] cy = new double[m + 1];
            for (int k = 0; k <= m; k++) {
                double phi = 2 * Math.PI * k / m;
                cx[k] = Math.sqrt(c / 0.1) * Math.cos(phi);
                cy[k] = Math.sqrt(c / 2) * Math.sin(phi);
            }
            Charts.guide(chart, "f = " + c, cx, cy);
        }
        Map<String, Charts.Series> series = new LinkedHashMap<>();
        series.put("RMSProp (γ 0.9, ε 1e-6)", path(D2lExperiments.rmsprop()));
        series.put("AdaGrad (ε 1e-6)", path(D2lExperiments.adagrad()));
        Charts.add(chart, series);
        chart.getStyler().setXAxisMin(-5.5).setXAxisMax(1.0).setYAxisMin(-2.5).setYAxisMax(2.5);
        Charts.save(chart, dir.resolve("c05-d2l-trajectories.png"));
        return new Plot("c05-d2l-trajectories.png", "RMSProp and AdaGrad trajectories on the contour of 0.1x₁² + 2x₂²");
    }

    private static Charts.Series path(Trajectory t) {
        int n = t.points().size();
        double[] x = new double[n];
        double[] y = new double[n];
        for (int k = 0; k < n; k++) {
            x[k] = t.at(k).theta()[0];
            y[k] = t.at(k).theta()[1];
        }
        return Charts.Series.points(x, y);
    }
}
