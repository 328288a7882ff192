package optikata.claims;

import optikata.conformance.Agreement;
import optikata.conformance.PeerForms;
import optikata.conformance.Recording;
import optikata.conformance.RecordingSet;
import optikata.optim.Adam;

/** L03: Tribuo 4.3.2's Adam multiplies the first moment by √v + ε where Adam divides. */
public final class L03TribuoAdam extends LibraryClaim {
    /** Tribuo's {@code new Adam()}: η 1e-3, β₁ 0.9, β₂ 0.999, ε 1e-6 (its constructor's Javadoc; L04 reads them too). */
    static final double LEARNING_RATE = 0.001;

    static final double BETA1 = 0.9;
    static final double BETA2 = 0.999;
    static final double EPSILON = 1e-6;

    public L03TribuoAdam() {
        super(
                "L03",
                "Tribuo 4.3.2 (org.tribuo:tribuo-math)",
                "org.tribuo.math.optimisers.Adam class Javadoc",
                "Adam: \"An implementation of the Adam gradient optimiser\" (Kingma & Ba, arxiv.org/abs/1412.6980)");
    }

    @Override
    public ClaimResult check(ClaimContext context) throws Exception {
        ClaimResult.Builder b = ClaimResult.of(this)
                .documented("max relative difference from Adam", 0.0)
                .tolerance(1e-12);
        RecordingSet set = recordings();
        if (set == null) {
            return missingRecordings(b);
        }
        Recording r = set.byId("tribuo-adam-default");
        double lr = LEARNING_RATE;
        double beta1 = BETA1;
        double beta2 = BETA2;
        double eps = EPSILON;
        b.setting("learning rate", lr)
                .setting("β₁", beta1)
                .setting("β₂", beta2)
                .setting("ε", eps)
                .setting("steps", r.steps());
        Adam.Config config = new Adam.Config(
                lr, beta1, beta2, eps, true, Adam.Config.defaults().nonFinitePolicy());
        double[][] adam = set.replay(context.optimizers().adam(config), r.steps());
        Agreement fromAdam = Agreement.of(adam, r.trajectory());
        Agreement tribuoForm = Agreement.of(
                PeerForms.tribuoAdam(set.start(), set.gradients(), r.steps(), lr, beta1, beta2, eps), r.trajectory());
        double adamStep = adam[1][0] - adam[0][0];
        double tribuoStep = r.trajectory()[1][0] - r.trajectory()[0][0];
        double firstStepParameterDifference =
                Math.abs(adam[1][0] - r.trajectory()[1][0]) / Math.abs(r.trajectory()[1][0]);
        double g1 = set.gradients().get(0)[0];
        b.measured("max relative difference from Adam", fromAdam.maxRelativeDifference())
                .measured("max relative difference from Tribuo's source form", tribuoForm.maxRelativeDifference())
                .measured("first step of θ₁: Adam", adamStep)
                .measured("first step of θ₁: Tribuo", tribuoStep)
                .measured("first step of θ₁: relative difference of θ₁", firstStepParameterDifference)
                .measured("first gradient of θ₁", g1);
        b.figure(differenceFigure(
                "l03-tribuo-adam-against-adam",
                "L03: Adam (Algorithm 1) against Tribuo's recorded new Adam()",
                set,
                adam,
                r.trajectory(),
                "Each coordinate's relative difference, step by step, between Adam as the paper states it (the library's Adam, lr "
                        + num(lr) + ", β₁ " + num(beta1) + ", β₂ " + num(beta2) + ", ε " + num(eps)
                        + ") and Tribuo's recorded run with the same settings. Tribuo multiplies by √v + ε where Adam divides, so its "
                        + "steps are far smaller for moderate gradients and far larger for large ones; the difference grows with the steps. "
                        + "Tribuo's source form reproduces the run "
                        + (tribuoForm.bitwise() ? "bit for bit" : "within " + num(tribuoForm.maxRelativeDifference()))
                        + "."));
        String finding = "on the first gradient g = " + num(g1) + " Adam moves θ₁ by " + num(adamStep)
                + " (≈ −η·sign g), Tribuo by "
                + num(tribuoStep) + ", so θ₁ after one step differs by " + num(firstStepParameterDifference)
                + " relative; over "
                + r.steps() + " steps by up to " + num(fromAdam.maxRelativeDifference())
                + ". Tribuo's source form, α_t·m·(√v + ε), "
                + "reproduces the run "
                + (tribuoForm.bitwise() ? "bit for bit" : "within " + num(tribuoForm.maxRelativeDifference()));
        if (b.documentedFiguresMatch()) {
            return b.verdict(Verdict.HOLDS, finding, null);
        }
        if (tribuoForm.maxRelativeDifference() > 1e-12) {
            return b.verdict(
                    Verdict.NOT_CHECKABLE,
                    finding,
                    "Tribuo's source form does not reproduce its recorded run, so the recording or the form is in question; "
                            + "no verdict on the documentation can be read from these figures.");
        }
        return b.verdict(
                Verdict.ERRATUM,
                finding,
                "Tribuo 4.3.2's Adam step multiplies the bias-corrected first moment by √v + ε (a Hadamard product with √v + ε) where "
                        + "Adam divides by it: its steps scale with g·|g| instead of being ≈ η per coordinate. Use another Adam, or a Tribuo "
                        + "release with the upstream fix (not in 4.3.2).");
    }
}
