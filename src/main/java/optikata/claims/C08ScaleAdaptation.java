package optikata.claims;

import java.util.Collections;
import java.util.Locale;
import optikata.optim.Optimizer;
import optikata.optim.RmsPropConfig;
import org.ejml.data.DMatrixRMaj;

/**
 * C08: per-coordinate adaptation. Four coordinates with constant gradients of very different
 * scales, 300 steps of RMSProp (η 0.01, β 0.9, ε 1e-8 inside the root); then the same with d2l's ε.
 */
public final class C08ScaleAdaptation extends AbstractClaim {
    static final double[] SCALES = {100, 1, 0.01, 1e-4};
    /** "Tends to η" is taken to hold within 1 %. */
    static final double TOLERANCE = 0.01;

    static final int STEPS = 300;
    static final double LR = 0.01;

    public C08ScaleAdaptation() {
        super(
                "C08",
                "the principles article §4; the debugging guide §2.1",
                "A coordinate with persistently large gradients gets a smaller effective rate, one with small gradients a larger one; "
                        + "for a constant gradient the step tends to η whatever its scale");
    }

    /** Step/η per coordinate after {@code STEPS} constant gradients, and the effective rates (second row). */
    static double[][] run(Optimizers o, double eps) {
        Optimizer rms = o.rmsprop(
                RmsPropConfig.builder().learningRate(LR).decay(0.9).epsilon(eps).build());
        DMatrixRMaj before = new DMatrixRMaj(SCALES.length, 1);
        DMatrixRMaj theta = fromZero(rms, SCALES.length)
                .run(Collections.nCopies(STEPS, SCALES), (t, after, g) -> {
                    if (t == STEPS - 1) {
                        before.setTo(after);
                    }
                    return true;
                })
                .theta();
        DMatrixRMaj rate = new DMatrixRMaj(SCALES.length, 1);
        rms.effectiveLearningRate(rate);
        double[][] out = new double[2][SCALES.length];
        for (int i = 0; i < SCALES.length; i++) {
            out[0][i] = Math.abs(theta.data[i] - before.data[i]) / LR;
            out[1][i] = rate.data[i];
        }
        return out;
    }

    @Override
    public ClaimResult check(ClaimContext context) {
        double[][] r = run(context.optimizers(), 1e-8);
        double[][] d2l = run(context.optimizers(), 1e-6);
        ClaimResult.Builder b = ClaimResult.of(this)
                .documented("stepOverEta", 1.0)
                .tolerance(TOLERANCE)
                .setting("steps", STEPS)
                .setting("ε", 1e-8)
                .setting("d2l's ε", 1e-6);
        boolean ratesOrdered = true;
        StringBuilder steps = new StringBuilder();
        for (int i = 0; i < SCALES.length; i++) {
            b.measured("effectiveRate(g=" + SCALES[i] + ")", r[1][i]);
            b.measured("stepOverEta(g=" + SCALES[i] + ")", r[0][i]);
            if (i > 0 && !(r[1][i] > r[1][i - 1])) {
                ratesOrdered = false;
            }
            steps.append(String.format(
                    Locale.ROOT, "%s%.4g (g = %s)", i == 0 ? "" : ", ", r[0][i], FigureText.scientific(SCALES[i])));
        }
        b.measured("stepOverEtaWithD2lEps(g=1.0E-4)", d2l[0][SCALES.length - 1]);
        b.figure(
                Figure.of(
                                "c08-scale-adaptation",
                                "C08: step size after " + STEPS + " constant gradients, by gradient scale",
                                "|g| (log scale)",
                                "|Δθ| / η (log scale)")
                        .logX()
                        .logY()
                        .add("ε = 1e-8 inside the root", SCALES, r[0], Figure.Style.LINE_POINTS)
                        .add("ε = 1e-6 (d2l)", SCALES, d2l[0], Figure.Style.LINE_POINTS)
                        .hline("the text: the step tends to η", 1, SCALES[SCALES.length - 1], SCALES[0])
                        .caption(
                                "Where the points sit on the dashed line the step is η whatever |g|; below it the step is smaller."));
        String finding = (ratesOrdered
                        ? "the effective rate falls as |g| grows"
                        : "the effective rate does not fall as |g| grows")
                + "; step/η after " + STEPS + " steps: " + steps;
        if (!ratesOrdered) {
            return b.verdict(Verdict.ERRATUM, finding, "Larger gradients did not get smaller effective rates.");
        }
        double worst = 0;
        int largeOk = 0;
        for (int i = 0; i < SCALES.length; i++) {
            worst = Math.max(worst, Math.abs(r[0][i] - 1));
            if (Math.abs(r[0][i] - 1) <= TOLERANCE) {
                largeOk++;
            }
        }
        if (worst <= TOLERANCE) {
            return b.verdict(Verdict.HOLDS, finding, null);
        }
        boolean largeTendToEta = Math.abs(r[0][0] - 1) <= TOLERANCE;
        double smallest = r[0][SCALES.length - 1];
        if (largeTendToEta && smallest < 1) {
            return b.verdict(
                    Verdict.QUALIFIED,
                    finding,
                    String.format(
                            Locale.ROOT,
                            "The step tends to η only where g² ≫ ε: it is η for g = %s but %.3gη for a gradient of %s with ε = 1e-8, "
                                    + "and %.3gη with d2l's ε = 1e-6 (the steady step is η|g|/√(g² + ε)).",
                            FigureText.scientific(SCALES[0]),
                            smallest,
                            FigureText.scientific(SCALES[SCALES.length - 1]),
                            d2l[0][SCALES.length - 1]));
        }
        return b.verdict(
                Verdict.ERRATUM,
                finding,
                String.format(
                        Locale.ROOT,
                        "For a constant gradient the step does not tend to η: it settles at %.4gη even for g = %s (%d of %d scales within 1%% of η).",
                        r[0][0],
                        FigureText.scientific(SCALES[0]),
                        largeOk,
                        SCALES.length));
    }
}
