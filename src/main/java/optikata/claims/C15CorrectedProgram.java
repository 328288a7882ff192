package optikata.claims;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import optikata.objective.LeastSquares;
import optikata.report.Charts;
import org.ejml.data.DMatrixRMaj;
import org.knowm.xchart.XYChart;

/** C15: the corrected seed-001 program against the least-squares solution solved by EJML. */
public final class C15CorrectedProgram extends AbstractClaim {
    /** "Near": within 10η in each coordinate, the scale at which constant-η RMSProp hovers. */
    static final double NEAR = 10 * Seed001Program.ETA;

    public C15CorrectedProgram() {
        super("C15", "001 §5",
                "With a correct gradient, RMSProp (same settings) ends near the least-squares solution after 1000 steps");
    }

    @Override
    public ClaimResult check(ClaimContext context) throws Exception {
        Seed001Program.Outcome run = Seed001Program.run(Seed001Program.Gradient.CORRECTED, true);
        LeastSquares ls = LeastSquares.seed001();
        DMatrixRMaj best = ls.minimizer();
        double[] theta = run.theta();
        double distance = Math.max(Math.abs(theta[0] - best.get(0)), Math.abs(theta[1] - best.get(1)));
        double hover = 0;
        for (int t = 900; t <= Seed001Program.STEPS; t++) {
            double[] p = run.trajectory()[t];
            hover = Math.max(hover, Math.max(Math.abs(p[0] - best.get(0)), Math.abs(p[1] - best.get(1))));
        }
        double lossGap = ls.value(new DMatrixRMaj(2, 1, true, theta.clone())) - ls.value(best);
        ClaimResult.Builder b = ClaimResult.of(this)
                .measured("intercept", theta[0]).measured("slope", theta[1])
                .measured("leastSquaresIntercept", best.get(0)).measured("leastSquaresSlope", best.get(1))
                .measured("maxAbsDistance", distance).measured("maxAbsDistanceLast100Steps", hover).measured("lossGap", lossGap)
                .tolerance(NEAR);
        if (context.plots()) {
            b.plot(plot(run, best, context.plotDir()));
        }
        String finding = String.format(java.util.Locale.ROOT,
                "after 1000 steps θ = (%.5f, %.5f), least squares (EJML QR) = (%.5f, %.5f): max distance %.3g, "
                        + "%.3g over the last 100 steps; loss gap %.3g", theta[0], theta[1], best.get(0), best.get(1), distance, hover, lossGap);
        if (distance <= NEAR) {
            return b.verdict(Verdict.HOLDS, finding, null);
        }
        return b.verdict(Verdict.QUALIFIED, finding,
                "Constant-η RMSProp does not converge: its steps stay ≈ η in size, so it only reaches the O(η) neighbourhood "
                        + "of the solution; decay η (or use more steps) to get closer");
    }

    private static Plot plot(Seed001Program.Outcome run, DMatrixRMaj best, Path dir) throws Exception {
        int n = run.trajectory().length;
        double[] x = new double[n];
        double[] intercept = new double[n];
        double[] slope = new double[n];
        for (int t = 0; t < n; t++) {
            x[t] = t;
            intercept[t] = run.trajectory()[t][0];
            slope[t] = run.trajectory()[t][1];
        }
        XYChart chart = Charts.chart("C15: corrected seed-001 program (RMSProp η 0.01, β 0.9) against least squares",
                "step t", "parameter value");
        Map<String, Charts.Series> series = new LinkedHashMap<>();
        series.put("θ₀ (intercept)", Charts.Series.line(x, intercept));
        series.put("θ₁ (slope)", Charts.Series.line(x, slope));
        series.put("least squares intercept", Charts.Series.line(new double[] {0, n - 1}, new double[] {best.get(0), best.get(0)}));
        series.put("least squares slope", Charts.Series.line(new double[] {0, n - 1}, new double[] {best.get(1), best.get(1)}));
        Charts.add(chart, series);
        chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.InsideSE);
        Charts.save(chart, dir.resolve("c15-seed001-corrected.png"));
        return new Plot("c15-seed001-corrected.png", "The corrected seed-001 program's parameters against the least-squares solution");
    }
}
