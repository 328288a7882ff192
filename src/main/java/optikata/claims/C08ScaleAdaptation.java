package optikata.claims;

import optikata.optim.RmsProp;
import optikata.optim.RmsPropConfig;
import org.ejml.data.DMatrixRMaj;

/**
 * C08: per-coordinate adaptation. Four coordinates with constant gradients of very different
 * scales, 300 steps of RMSProp (η 0.01, β 0.9, ε 1e-8 inside the root).
 */
public final class C08ScaleAdaptation extends AbstractClaim {
    static final double[] SCALES = {100, 1, 0.01, 1e-4};
    /** "Tends to η" is taken to hold within 1 %. */
    static final double TOLERANCE = 0.01;

    public C08ScaleAdaptation() {
        super("C08", "002 §4; 000 §2.1",
                "A coordinate with persistently large gradients gets a smaller effective rate, one with small gradients a larger one; "
                        + "for a constant gradient the step tends to η whatever its scale");
    }

    @Override
    public ClaimResult check(ClaimContext context) {
        double lr = 0.01;
        RmsProp rms = new RmsProp(RmsPropConfig.defaults().withLearningRate(lr).withDecay(0.9).withEpsilon(1e-8));
        DMatrixRMaj theta = new DMatrixRMaj(SCALES.length, 1);
        DMatrixRMaj g = new DMatrixRMaj(SCALES.length, 1, true, SCALES.clone());
        DMatrixRMaj before = new DMatrixRMaj(SCALES.length, 1);
        for (int t = 0; t < 299; t++) {
            rms.step(theta, g);
        }
        before.setTo(theta);
        rms.step(theta, g);
        DMatrixRMaj rate = new DMatrixRMaj(SCALES.length, 1);
        rms.effectiveLearningRate(rate);
        ClaimResult.Builder b = ClaimResult.of(this).documented("stepOverEta", 1.0).tolerance(TOLERANCE);
        boolean ratesOrdered = true;
        double worst = 0;
        StringBuilder steps = new StringBuilder();
        for (int i = 0; i < SCALES.length; i++) {
            double stepOverEta = Math.abs(theta.data[i] - before.data[i]) / lr;
            b.measured("effectiveRate(g=" + SCALES[i] + ")", rate.data[i]);
            b.measured("stepOverEta(g=" + SCALES[i] + ")", stepOverEta);
            if (i > 0 && !(rate.data[i] > rate.data[i - 1])) {
                ratesOrdered = false;
            }
            worst = Math.max(worst, Math.abs(stepOverEta - 1));
            steps.append(String.format(java.util.Locale.ROOT, "%s%.4g (g=%s)", i == 0 ? "" : ", ", stepOverEta, SCALES[i]));
        }
        String finding = "rates fall as |g| grows: " + ratesOrdered + "; step/η after 300 steps: " + steps;
        if (!ratesOrdered) {
            return b.verdict(Verdict.ERRATUM, finding, "larger gradients did not get smaller rates");
        }
        if (worst <= TOLERANCE) {
            return b.verdict(Verdict.HOLDS, finding, null);
        }
        return b.verdict(Verdict.QUALIFIED, finding,
                "The step tends to η only where g² ≫ ε (ε inside the root) or |g| ≫ ε (outside): the steady step is "
                        + "η|g|/√(g² + ε), so with ε = 1e-8 a gradient of 1e-4 moves at 0.71η, and with d2l's ε = 1e-6 at 0.1η.");
    }
}
