package optikata.claims;

import optikata.optim.EpsilonPlacement;

/**
 * C07: ε outside the root, and where the two forms differ. Step sizes of one RMSProp step from
 * a steady state s = g² (the limit of a constant gradient), inside against outside, as g² ranges
 * from far below ε to far above it.
 */
public final class C07EpsilonOutside extends AbstractClaim {
    static final double EPS = 1e-8;
    /** The forms "agree" where their steps differ by at most 1 %. */
    static final double AGREE = 0.01;

    public C07EpsilonOutside() {
        super("C07", "002 §3, §6",
                "Variant with ε outside the root: Δθ = −η g / (√r_t + ε); differs from C01 only where g² is comparable to ε");
    }

    /** Ratio of the outside-form step to the inside-form step at s = g². */
    static double ratio(double g2) {
        double inside = Math.sqrt(g2) / EpsilonPlacement.INSIDE_ROOT.denominator(g2, EPS);
        double outside = Math.sqrt(g2) / EpsilonPlacement.OUTSIDE_ROOT.denominator(g2, EPS);
        return outside / inside;
    }

    @Override
    public ClaimResult check(ClaimContext context) {
        double atEps = ratio(EPS);
        double farBelow = ratio(EPS / 1e4);
        double farAbove = ratio(EPS * 1e4);
        // smallest g²/ε above which the two forms agree within 1 %
        double agreeFrom = Double.NaN;
        for (double k = -8; k <= 8; k += 0.01) {
            double r = ratio(EPS * Math.pow(10, k));
            if (Math.abs(r - 1) <= AGREE) {
                agreeFrom = Math.pow(10, k);
                break;
            }
        }
        ClaimResult.Builder b = ClaimResult.of(this).documented("stepRatioFarFromEps", 1.0)
                .measured("stepRatioAtGsqEqualEps", atEps).measured("stepRatioAtGsqEpsOver1e4", farBelow)
                .measured("stepRatioAtGsqEpsTimes1e4", farAbove).measured("agreeWithin1PercentFromGsqOverEps", agreeFrom)
                .tolerance(AGREE);
        String finding = String.format(java.util.Locale.ROOT,
                "outside/inside step ratio: %.3g at g² = ε, %.3g at g² = ε/10⁴, %.4g at g² = 10⁴ε; agree within 1%% only for g² ≥ %.3gε",
                atEps, farBelow, farAbove, agreeFrom);
        boolean farAboveAgrees = Math.abs(farAbove - 1) <= AGREE;
        boolean onlyNearEps = Math.abs(farBelow - 1) <= Math.abs(atEps - 1);
        if (farAboveAgrees && onlyNearEps) {
            return b.verdict(Verdict.HOLDS, finding, null);
        }
        if (farAboveAgrees) {
            return b.verdict(Verdict.QUALIFIED, finding,
                    "The forms agree for g² ≫ ε, but they differ most for g² ≪ ε, not only near it: below ε the inside form "
                            + "takes SGD-like steps η g/√ε while the outside form keeps steps ≈ η (until √s ≈ ε), a ratio of √ε/|g|.");
        }
        return b.verdict(Verdict.ERRATUM, finding, "the two forms differ even for g² ≫ ε");
    }
}
