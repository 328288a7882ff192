package optikata.claims;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import optikata.objective.Square;
import optikata.optim.RmsProp;
import optikata.optim.RmsPropConfig;
import optikata.report.Charts;
import optikata.run.Runner;
import optikata.run.Trajectory;
import org.knowm.xchart.XYChart;

/** C02: the worked θ² example of the debugging guide. */
public final class C02ThetaSquared extends AbstractClaim {
    public C02ThetaSquared() {
        super("C02", "000 §4.2", "On L(θ)=θ², θ₀=1, α=0.01, β=0.9, ε=1e-8: E[g²]₀ = 0.4 and θ₁ ≈ 0.968");
    }

    @Override
    public ClaimResult check(ClaimContext context) throws Exception {
        RmsProp rms = new RmsProp(RmsPropConfig.defaults().withLearningRate(0.01).withDecay(0.9).withEpsilon(1e-8));
        Trajectory t = Runner.run(rms, new Square(), new Square().defaultStart(), 50);
        double s1 = t.at(1).state().buffer(RmsProp.SQUARED_GRADIENT_AVERAGE).get(0);
        double theta1 = t.at(1).theta()[0];
        // The text rounds to three decimals: a difference up to half a unit of the last digit agrees.
        ClaimResult.Builder b = ClaimResult.of(this)
                .documented("squaredGradientAverage", 0.4).documented("theta1", 0.968)
                .measured("squaredGradientAverage", s1).measured("theta1", theta1).tolerance(5e-4);
        if (context.plots()) {
            b.plot(plot(t, context.plotDir()));
        }
        if (b.documentedFiguresMatch()) {
            return b.verdict(Verdict.HOLDS, "E[g²] = " + num(s1) + ", θ₁ = " + num(theta1) + " (text: 0.4, ≈0.968)", null);
        }
        return b.verdict(Verdict.ERRATUM, "E[g²] = " + num(s1) + ", θ₁ = " + num(theta1) + " (text: 0.4, ≈0.968)",
                "θ₁ = 1 − 0.01·2/√(0.4 + 1e-8) = " + num(theta1));
    }

    private static Plot plot(Trajectory t, Path dir) throws Exception {
        int n = t.points().size();
        double[] step = new double[n];
        double[] theta = new double[n];
        for (int k = 0; k < n; k++) {
            step[k] = k;
            theta[k] = t.at(k).theta()[0];
        }
        XYChart chart = Charts.chart("C02: RMSProp on L(θ) = θ² from θ₀ = 1 (α 0.01, β 0.9, ε 1e-8)", "step t", "θ_t");
        Map<String, Charts.Series> series = new LinkedHashMap<>();
        series.put("θ_t", Charts.Series.points(step, theta));
        series.put("text: θ₁ ≈ 0.968", Charts.Series.points(new double[] {1}, new double[] {0.968}));
        Charts.add(chart, series);
        Charts.save(chart, dir.resolve("c02-theta-squared.png"));
        return new Plot("c02-theta-squared.png", "θ_t over the first 50 steps; the text's θ₁ ≈ 0.968 marked");
    }
}
