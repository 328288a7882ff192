package optikata.claims;

import java.util.Arrays;
import java.util.Locale;
import optikata.optim.Optimizer;
import optikata.optim.RmsPropConfig;

/** C18: the initial value of the cache and the first steps. */
public final class C18InitialAccumulator extends AbstractClaim {
    static final double[] STARTS = {0.0, 1e-8, 1e-2, 1.0};
    static final int STEPS = 30;

    public C18InitialAccumulator() {
        super(
                "C18",
                "the image-recognition article §3.2",
                "The cache may start at 0 or at a small value; the effect of the initial value on the first steps (1/√(1−β) first-step blow-up at 0)");
    }

    /** |Δθ|/η of the first {@code steps} steps for a constant gradient g. */
    static double[] stepsOverEta(Optimizers o, double s0, double beta, double g, int steps) {
        Optimizer rms = o.rmsprop(RmsPropConfig.builder()
                .decay(beta)
                .epsilon(1e-8)
                .initialAccumulator(s0)
                .build());
        double[] gradients = new double[steps];
        Arrays.fill(gradients, g);
        return stepsOverEta(rms, gradients);
    }

    @Override
    public ClaimResult check(ClaimContext context) throws Exception {
        Optimizers o = context.optimizers();
        double beta = 0.9;
        ClaimResult.Builder b = ClaimResult.of(this)
                .documented("firstStepOverEta(s0=0.0)", 1 / Math.sqrt(1 - beta))
                .tolerance(1e-6)
                .setting("β", beta);
        StringBuilder finding = new StringBuilder("first |Δθ|/η for g = 1: ");
        for (double s0 : STARTS) {
            double first = stepsOverEta(o, s0, beta, 1.0, 1)[0];
            b.measured("firstStepOverEta(s0=" + s0 + ")", first);
            finding.append(String.format(
                    Locale.ROOT, "%s%.4g (s₀ = %s)", s0 == STARTS[0] ? "" : ", ", first, FigureText.scientific(s0)));
        }
        double smallGradient = stepsOverEta(o, 1.0, beta, 0.01, 1)[0];
        b.measured("firstStepOverEta(s0=1,g=0.01)", smallGradient);
        finding.append(
                String.format(Locale.ROOT, "; with s₀ = 1 (TF1) a gradient of 0.01 moves only %.3gη", smallGradient));
        b.figure(figure(o));
        if (b.documentedFiguresMatch()) {
            return b.verdict(Verdict.HOLDS, finding.toString(), null);
        }
        double first = b.measured().get("firstStepOverEta(s0=0.0)");
        return b.verdict(
                Verdict.ERRATUM,
                finding.toString(),
                String.format(
                        Locale.ROOT,
                        "The first step from s₀ = 0 is %.4gη, not η/√(1−β) = %.4gη.",
                        first,
                        1 / Math.sqrt(1 - beta)));
    }

    private static Figure figure(Optimizers o) {
        Figure.Builder f = Figure.of(
                "c18-initial-accumulator",
                "C18: step size over the first " + STEPS + " steps for a constant gradient g = 1 (β 0.9)",
                "step t",
                "|Δθ| / η");
        for (double s0 : STARTS) {
            String who = s0 == 1.0
                    ? " (TF1)"
                    : s0 == 1e-8 ? " (ND4J: ε; on top of s₀ = 0)" : s0 == 0 ? " (PyTorch, Keras)" : "";
            // s₀ = 0 and s₀ = 1e-8 draw the same values: one as a line, the other as markers, so both show.
            f.add(
                    "s₀ = " + (s0 == 0 ? "0" : s0 == 1e-8 ? "1e-8" : s0 == 1e-2 ? "0.01" : "1") + who,
                    Figure.steps(STEPS),
                    stepsOverEta(o, s0, 0.9, 1.0, STEPS),
                    s0 == 0 ? Figure.Style.LINE : Figure.Style.POINTS);
        }
        return f.xRange(0, STEPS)
                .caption(
                        "The first steps of the library's RMSProp for each initial cache value: the text leaves the choice open, "
                                + "but it decides how large the first steps are.");
    }
}
