package optikata.claims;

import optikata.objective.LeastSquares;
import optikata.objective.Objective;
import optikata.optim.RmsPropConfig;
import optikata.run.Runner;
import optikata.run.Trajectory;

/** C12: the NumPy tutorial's gradient history g_t is computed but never used. */
public final class C12UnusedGradientAverage extends AbstractClaim {
    public C12UnusedGradientAverage() {
        super(
                "C12",
                "the NumPy tutorial §3",
                "The gradient history g_t = β g_{t−1} + (1−β)∇J is part of the RMSProp update");
    }

    @Override
    public ClaimResult check(ClaimContext context) {
        // The tutorial's own program (with the corrected gradient so that it runs), with and without its g line.
        TutorialProgram.Outcome with = TutorialProgram.run(TutorialProgram.Gradient.CORRECTED, true);
        TutorialProgram.Outcome without = TutorialProgram.run(TutorialProgram.Gradient.CORRECTED, false);
        double effect = 0;
        for (int t = 0; t < with.trajectory().length; t++) {
            for (int i = 0; i < 2; i++) {
                effect = Math.max(effect, Math.abs(with.trajectory()[t][i] - without.trajectory()[t][i]));
            }
        }
        // Where a gradient average does belong: the library's centered RMSProp divides by √(s − ḡ² + ε).
        LeastSquares ls = LeastSquares.tutorial();
        RmsPropConfig c = RmsPropConfig.builder()
                .learningRate(0.01)
                .decay(0.9)
                .epsilon(1e-8)
                .build();
        int steps = TutorialProgram.STEPS;
        Trajectory plain = Runner.run(context.optimizers().rmsprop(c), ls, Objective.column(0, 0), steps);
        Trajectory centered = Runner.run(
                context.optimizers().rmsprop(c.toBuilder().centered(true).build()), ls, Objective.column(0, 0), steps);
        double centeredEffect = Math.max(
                Math.abs(plain.last().theta()[0] - centered.last().theta()[0]),
                Math.abs(plain.last().theta()[1] - centered.last().theta()[1]));
        ClaimResult.Builder b = ClaimResult.of(this)
                .measured("maxEffectOfGradientHistoryOnTheta", effect)
                .measured("effectOfCenteringOnFinalTheta", centeredEffect)
                .setting("steps", steps)
                .tolerance(0.0);
        double[] x = new double[steps + 1];
        double[] slopeWith = new double[steps + 1];
        double[] slopeWithout = new double[steps + 1];
        for (int t = 0; t <= steps; t++) {
            x[t] = t;
            slopeWith[t] = with.trajectory()[t][1];
            slopeWithout[t] = without.trajectory()[t][1];
        }
        b.figure(Figure.of(
                        "c12-unused-gradient-history",
                        "C12: the tutorial's program with and without its g_t line, and centered RMSProp",
                        "step t",
                        "slope θ₁")
                .add(
                        "centered RMSProp (uses a gradient average)",
                        x,
                        C05D2lRmsProp.column(centered, 1),
                        Figure.Style.LINE)
                .add("the tutorial's program with the g_t line", x, slopeWith, Figure.Style.LINE)
                .add("the same program without it (dashed: the same curve)", x, slopeWithout, Figure.Style.REFERENCE)
                .caption("Deleting the g_t line changes the slope by " + num(effect, 3)
                        + ": the two runs draw one curve. Centered RMSProp, "
                        + "which does read a gradient average, moves the final θ by " + num(centeredEffect, 3) + "."));
        String finding = "deleting the g_t line changes θ by " + num(effect, 3) + " over " + steps + " steps"
                + (effect == 0 ? ": it is computed and never read" : "")
                + "; used as centered RMSProp uses it, a gradient average moves the final θ by "
                + num(centeredEffect, 3);
        if (effect > 0) {
            return b.verdict(Verdict.HOLDS, finding, null);
        }
        return b.verdict(
                Verdict.ERRATUM,
                finding,
                "Plain RMSProp keeps only the squared-gradient average. A gradient average ḡ_t = β ḡ_{t−1} + (1−β) g_t belongs to "
                        + "centered RMSProp (Graves 2013), which divides by √(E[g²]_t − ḡ_t² + ε), or to momentum/Adam as a first moment.");
    }
}
