package optikata.claims;

import optikata.objective.LeastSquares;
import optikata.objective.Objective;
import optikata.optim.RmsProp;
import optikata.optim.RmsPropConfig;
import optikata.run.Runner;
import optikata.run.Trajectory;

/** C12: seed 001's gradient history g_t is computed but never used. */
public final class C12UnusedGradientAverage extends AbstractClaim {
    public C12UnusedGradientAverage() {
        super("C12", "001 §3", "The gradient history g_t = β g_{t−1} + (1−β)∇J is part of the RMSProp update");
    }

    @Override
    public ClaimResult check(ClaimContext context) {
        Seed001Program.Outcome with = Seed001Program.run(Seed001Program.Gradient.CORRECTED, true);
        Seed001Program.Outcome without = Seed001Program.run(Seed001Program.Gradient.CORRECTED, false);
        double effect = 0;
        for (int t = 0; t < with.trajectory().length; t++) {
            for (int i = 0; i < 2; i++) {
                effect = Math.max(effect, Math.abs(with.trajectory()[t][i] - without.trajectory()[t][i]));
            }
        }
        // Where a gradient average does belong: centered RMSProp divides by √(s − ḡ² + ε).
        LeastSquares ls = LeastSquares.seed001();
        RmsPropConfig c = RmsPropConfig.defaults().withLearningRate(0.01).withDecay(0.9).withEpsilon(1e-8);
        Trajectory plain = Runner.run(new RmsProp(c), ls, Objective.column(0, 0), 1000);
        Trajectory centered = Runner.run(new RmsProp(c.withCentered(true)), ls, Objective.column(0, 0), 1000);
        double centeredEffect = Math.max(Math.abs(plain.last().theta()[0] - centered.last().theta()[0]),
                Math.abs(plain.last().theta()[1] - centered.last().theta()[1]));
        ClaimResult.Builder b = ClaimResult.of(this).measured("maxEffectOfGradientHistoryOnTheta", effect)
                .measured("effectOfCenteringOnFinalTheta", centeredEffect).tolerance(0.0);
        String finding = "deleting the g_t line changes θ by " + num(effect) + " over 1000 steps: it is computed and never read; "
                + "used as centered RMSProp does, it moves the final θ by " + num(centeredEffect);
        if (effect > 0) {
            return b.verdict(Verdict.HOLDS, finding, null);
        }
        return b.verdict(Verdict.ERRATUM, finding,
                "Plain RMSProp keeps only the squared-gradient average. A gradient average ḡ_t = β ḡ_{t−1} + (1−β) g_t belongs to "
                        + "centered RMSProp (Graves 2013), which divides by √(E[g²]_t − ḡ_t² + ε), or to momentum/Adam as a first moment.");
    }
}
