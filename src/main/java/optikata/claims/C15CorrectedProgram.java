package optikata.claims;

import java.util.Locale;
import optikata.objective.LeastSquares;
import optikata.objective.Objective;
import optikata.optim.RmsPropConfig;
import optikata.run.Runner;
import optikata.run.Trajectory;
import org.ejml.data.DMatrixRMaj;

/**
 * C15: the tutorial's program with its gradient corrected, run on the library's RMSProp (the
 * program's own settings: η 0.01, β 0.9, ε 1e-8 inside the root, θ₀ = (0, 0), 1000 steps), against
 * the least-squares solution solved by EJML.
 */
public final class C15CorrectedProgram extends AbstractClaim {
    /** "Near": within 10η in each coordinate, the scale at which constant-η RMSProp hovers. */
    static final double NEAR = 10 * TutorialProgram.ETA;

    public C15CorrectedProgram() {
        super(
                "C15",
                "the NumPy tutorial §5",
                "With a correct gradient, RMSProp (same settings) ends near the least-squares solution after 1000 steps");
    }

    @Override
    public ClaimResult check(ClaimContext context) throws Exception {
        LeastSquares ls = LeastSquares.tutorial();
        RmsPropConfig config = RmsPropConfig.builder()
                .learningRate(TutorialProgram.ETA)
                .decay(TutorialProgram.BETA)
                .epsilon(TutorialProgram.EPSILON)
                .build();
        int steps = TutorialProgram.STEPS;
        Trajectory run = Runner.run(context.optimizers().rmsprop(config), ls, Objective.column(0, 0), steps);
        DMatrixRMaj best = ls.minimizer();
        double[] theta = run.last().theta();
        double distance = Math.max(Math.abs(theta[0] - best.get(0)), Math.abs(theta[1] - best.get(1)));
        double hover = 0;
        for (int t = steps - 100; t <= steps; t++) {
            double[] p = run.at(t).theta();
            hover = Math.max(hover, Math.max(Math.abs(p[0] - best.get(0)), Math.abs(p[1] - best.get(1))));
        }
        double lossGap = ls.value(new DMatrixRMaj(2, 1, true, theta.clone())) - ls.value(best);
        ClaimResult.Builder b = ClaimResult.of(this)
                .setting("steps", steps)
                .setting("η", TutorialProgram.ETA)
                .measured("intercept", theta[0])
                .measured("slope", theta[1])
                .measured("leastSquaresIntercept", best.get(0))
                .measured("leastSquaresSlope", best.get(1))
                .measured("maxAbsDistance", distance)
                .measured("maxAbsDistanceLast100Steps", hover)
                .measured("lossGap", lossGap)
                .tolerance(NEAR);
        b.figure(figure(run, best, steps));
        double[] gap = new double[steps + 1];
        for (int t = 0; t <= steps; t++) {
            double[] p = run.at(t).theta();
            gap[t] = Math.max(Math.max(Math.abs(p[0] - best.get(0)), Math.abs(p[1] - best.get(1))), 1e-12);
        }
        double[] x = new double[steps + 1];
        for (int t = 0; t <= steps; t++) {
            x[t] = t;
        }
        b.figure(
                Figure.of(
                                "c15-distance",
                                "C15: distance to the least-squares solution, largest coordinate (log scale)",
                                "step t",
                                "max |θ_t − θ*|")
                        .logY()
                        .add("the library's RMSProp, η 0.01", x, gap, Figure.Style.LINE)
                        .hline("near: 10η = 0.1", NEAR, 0, steps)
                        .hline("η = 0.01", TutorialProgram.ETA, 0, steps)
                        .xRange(0, steps)
                        .caption(
                                "Constant-η RMSProp gets within η of the solution and then hovers there instead of converging."));
        String finding = String.format(
                Locale.ROOT,
                "after %d steps of the library's RMSProp θ = (%.5f, %.5f), least squares (EJML QR) = (%.5f, %.5f): largest distance %.3g, "
                        + "%.3g over the last 100 steps; loss gap %.3g",
                steps,
                theta[0],
                theta[1],
                best.get(0),
                best.get(1),
                distance,
                hover,
                lossGap);
        if (distance <= NEAR) {
            return b.verdict(Verdict.HOLDS, finding, null);
        }
        if (hover <= 10 * NEAR) {
            return b.verdict(
                    Verdict.QUALIFIED,
                    finding,
                    String.format(
                            Locale.ROOT,
                            "After %d steps constant-η RMSProp is still %.3g from the solution in one coordinate (%.3g over the last 100 steps), "
                                    + "more than 10η = %.2g: it reaches only a neighbourhood of the solution whose size scales with η; decay η "
                                    + "or take more steps to get closer.",
                            steps,
                            distance,
                            hover,
                            NEAR));
        }
        return b.verdict(
                Verdict.ERRATUM,
                finding,
                String.format(
                        Locale.ROOT,
                        "RMSProp with the program's settings does not end near the least-squares solution: it is still %.3g away after %d steps.",
                        distance,
                        steps));
    }

    private static Figure figure(Trajectory run, DMatrixRMaj best, int steps) {
        int n = run.points().size();
        double[] x = new double[n];
        for (int t = 0; t < n; t++) {
            x[t] = t;
        }
        return Figure.of(
                        "c15-corrected-program",
                        "C15: the corrected program on the library's RMSProp (η 0.01, β 0.9) against least squares",
                        "step t",
                        "parameter value")
                .add("θ₀ (intercept)", x, C05D2lRmsProp.column(run, 0), Figure.Style.LINE)
                .add("θ₁ (slope)", x, C05D2lRmsProp.column(run, 1), Figure.Style.LINE)
                .hline(String.format(Locale.ROOT, "least-squares intercept %.4f", best.get(0)), best.get(0), 0, steps)
                .hline(String.format(Locale.ROOT, "least-squares slope %.4f", best.get(1)), best.get(1), 0, steps)
                .xRange(0, steps)
                .caption(
                        "The parameters over the run; the dashed lines are the least-squares solution, drawn over the curves.");
    }
}
