package optikata.claims;

import java.util.Locale;
import optikata.optim.EpsilonPlacement;
import optikata.optim.Optimizer;
import optikata.optim.RmsPropConfig;
import org.ejml.data.DMatrixRMaj;

/**
 * C07: ε outside the root, and where the two forms differ. One step of the library's RMSProp in
 * each form, from the steady state s = g² (the limit of a constant gradient, set as the initial
 * accumulator), as g² ranges from far below ε to far above it; the ratio of the two steps.
 */
public final class C07EpsilonOutside extends AbstractClaim {
    static final double EPS = 1e-8;
    static final double LR = 0.01;
    /** The forms "agree" where their steps differ by at most 1 %. */
    static final double AGREE = 0.01;

    public C07EpsilonOutside() {
        super(
                "C07",
                "the principles article §3, §6",
                "Variant with ε outside the root: Δθ = −η g / (√r_t + ε); differs from C01 only where g² is comparable to ε");
    }

    /** |Δθ| of one step of the library's RMSProp from s = g², with ε placed as given. */
    static double step(Optimizers o, EpsilonPlacement placement, double g2) {
        Optimizer rms = o.rmsprop(RmsPropConfig.builder()
                .learningRate(LR)
                .decay(0.9)
                .epsilon(EPS)
                .epsilonPlacement(placement)
                .initialAccumulator(g2)
                .build());
        DMatrixRMaj theta = new DMatrixRMaj(1, 1);
        rms.step(theta, new DMatrixRMaj(1, 1, true, Math.sqrt(g2)));
        return Math.abs(theta.get(0));
    }

    /** Ratio of the outside-form step to the inside-form step at s = g². */
    static double ratio(Optimizers o, double g2) {
        return step(o, EpsilonPlacement.OUTSIDE_ROOT, g2) / step(o, EpsilonPlacement.INSIDE_ROOT, g2);
    }

    @Override
    public ClaimResult check(ClaimContext context) {
        Optimizers o = context.optimizers();
        double atEps = ratio(o, EPS);
        double farBelow = ratio(o, EPS / 1e4);
        double farAbove = ratio(o, EPS * 1e4);
        int n = 161;
        double[] k = new double[n];
        double[] ratios = new double[n];
        double agreeFrom = Double.POSITIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            k[i] = Math.pow(10, -8 + 0.1 * i);
            ratios[i] = ratio(o, EPS * k[i]);
        }
        // smallest g²/ε from which on the two forms agree within 1 %
        for (int i = n - 1; i >= 0 && Math.abs(ratios[i] - 1) <= AGREE; i--) {
            agreeFrom = k[i];
        }
        ClaimResult.Builder b = ClaimResult.of(this)
                .documented("stepRatioFarFromEps", 1.0)
                .setting("ε", EPS)
                .measured("stepRatioAtGsqEqualEps", atEps)
                .measured("stepRatioAtGsqEpsOver1e4", farBelow)
                .measured("stepRatioAtGsqEpsTimes1e4", farAbove)
                .never("agreeWithin1PercentFromGsqOverEps", agreeFrom == Double.POSITIVE_INFINITY ? -1 : agreeFrom)
                .tolerance(AGREE);
        b.figure(Figure.of(
                        "c07-epsilon-placement",
                        "C07: one step with ε outside the root ÷ one step with ε inside (ε = 1e-8, s = g²)",
                        "g² / ε (log scale)",
                        "step ratio outside / inside (log scale)")
                .logX()
                .logY()
                .add("ratio of the library's two steps", k, ratios, Figure.Style.LINE)
                .hline("agreement: ratio 1", 1, k[0], k[n - 1])
                .vline("g² = ε", 1, Math.min(1, farBelow) / 2, Math.max(1, Math.max(farBelow, farAbove)) * 2)
                .caption("Left of g² = ε the forms differ more and more; right of it they merge."));
        String agree = agreeFrom == Double.POSITIVE_INFINITY
                ? "they never agree within 1% on g²/ε from 1e-8 to 1e8"
                : String.format(Locale.ROOT, "they agree within 1%% only for g² ≥ %.3gε", agreeFrom);
        String finding = String.format(
                        Locale.ROOT,
                        "outside/inside step ratio: %.3g at g² = ε, %.3g at g² = ε/10⁴, %.4g at g² = 10⁴ε; ",
                        atEps,
                        farBelow,
                        farAbove)
                + agree;
        boolean farAboveAgrees = Math.abs(farAbove - 1) <= AGREE;
        boolean onlyNearEps = Math.abs(farBelow - 1) <= Math.abs(atEps - 1);
        if (farAboveAgrees && onlyNearEps) {
            return b.verdict(Verdict.HOLDS, finding, null);
        }
        if (farAboveAgrees) {
            return b.verdict(
                    Verdict.QUALIFIED,
                    finding,
                    String.format(
                            Locale.ROOT,
                            "The forms agree for g² ≫ ε, but they differ most for g² ≪ ε, not only near it: the outside form's step is %.3g× "
                                    + "the inside form's at g² = ε/10⁴, against %.3g× at g² = ε (below ε the inside form takes SGD-like steps "
                                    + "η g/√ε while the outside form keeps steps near η).",
                            farBelow,
                            atEps));
        }
        return b.verdict(
                Verdict.ERRATUM,
                finding,
                String.format(
                        Locale.ROOT,
                        "The two forms differ even for g² ≫ ε: at g² = 10⁴ε the outside form's step is %.4g× the inside form's.",
                        farAbove));
    }
}
