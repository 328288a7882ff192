package optikata.claims;

import optikata.conformance.Agreement;
import optikata.conformance.PeerForms;
import optikata.conformance.Recording;
import optikata.conformance.RecordingSet;
import optikata.optim.Adam;

/** L03: Tribuo 4.3.2's Adam multiplies the first moment by √v + ε where Adam divides. */
public final class L03TribuoAdam extends LibraryClaim {
    public L03TribuoAdam() {
        super("L03", "Tribuo 4.3.2 (org.tribuo:tribuo-math)", "org.tribuo.math.optimisers.Adam class Javadoc",
                "Adam: \"An implementation of the Adam gradient optimiser\" (Kingma & Ba, arXiv:1412.6980)");
    }

    @Override
    public ClaimResult check(ClaimContext context) throws Exception {
        ClaimResult.Builder b = ClaimResult.of(this).documented("maxRelativeDifferenceFromAdam", 0.0).tolerance(1e-12);
        RecordingSet set = recordings();
        if (set == null) {
            return missingRecordings(b);
        }
        Recording r = set.byId("tribuo-adam-default");
        // new Adam(): lr 1e-3, β₁ 0.9, β₂ 0.999, ε 1e-6
        Adam.Config config = new Adam.Config(0.001, 0.9, 0.999, 1e-6, true, Adam.Config.defaults().nonFinitePolicy());
        double[][] adam = set.replay(new Adam(config), r.steps());
        Agreement fromAdam = Agreement.of(adam, r.trajectory());
        Agreement tribuoForm = Agreement.of(PeerForms.tribuoAdam(set.start(), set.gradients(), r.steps(), 0.001, 0.9, 0.999, 1e-6),
                r.trajectory());
        double adamStep = adam[1][0] - adam[0][0];
        double tribuoStep = r.trajectory()[1][0] - r.trajectory()[0][0];
        double firstStepParameterDifference = Math.abs(adam[1][0] - r.trajectory()[1][0]) / Math.abs(r.trajectory()[1][0]);
        b.measured("maxRelativeDifferenceFromAdam", fromAdam.maxRelativeDifference())
                .measured("maxRelativeDifferenceFromTribuoSourceForm", tribuoForm.maxRelativeDifference())
                .measured("firstStep(g1):adam", adamStep).measured("firstStep(g1):tribuo", tribuoStep)
                .measured("firstStep(g1):parameterRelativeDifference", firstStepParameterDifference)
                .measured("firstGradient(g1)", set.gradients().get(0)[0]);
        String finding = String.format(java.util.Locale.ROOT,
                "on the first gradient g = %s Adam moves θ₁ by %s (≈ −η·sign g), Tribuo by %s, so θ₁ after one step differs by %s "
                        + "relative; over 30 steps by up to %s. Tribuo's source form, α_t·m·(√v + ε), reproduces the run %s",
                num(set.gradients().get(0)[0]), num(adamStep), num(tribuoStep), num(firstStepParameterDifference),
                num(fromAdam.maxRelativeDifference()), tribuoForm.bitwise() ? "bit for bit" : "within " + num(tribuoForm.maxRelativeDifference()));
        if (b.documentedFiguresMatch()) {
            return b.verdict(Verdict.HOLDS, finding, null);
        }
        return b.verdict(Verdict.ERRATUM, finding,
                "Tribuo 4.3.2's Adam.step multiplies the bias-corrected first moment by √v + ε "
                        + "(hadamardProductInPlace(secondMoment, a -> √a + ε)) where Adam divides by it: its steps scale with g·|g| instead "
                        + "of being ≈ η per coordinate. Use another Adam, or a Tribuo release with the upstream fix (not in 4.3.2).");
    }
}
