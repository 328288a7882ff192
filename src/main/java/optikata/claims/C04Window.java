package optikata.claims;

import java.util.Locale;
import optikata.optim.Optimizer;
import optikata.optim.RmsProp;
import optikata.optim.RmsPropConfig;

/**
 * C04: s_t as an average of "roughly the last 1/(1−γ)" squared gradients. The weights are read
 * off the library's RMSProp itself: with s₀ = 0, feeding g² = 1 at step j only and 0 elsewhere
 * leaves the weight of step j in s_T.
 */
public final class C04Window extends AbstractClaim {
    static final double[] GAMMAS = {0.5, 0.9, 0.99};
    /** "Roughly the last k terms" is taken to hold when they carry at least this share of the weight. */
    static final double SHARE_FOR_HOLDS = 0.9;

    static final int EARLY = 5;

    public C04Window() {
        super(
                "C04",
                "d2l §7.6.1; the principles article §3",
                "s_t is a weighted average of roughly the last 1/(1−γ) squared gradients (γ = 0.9 → 10 steps)");
    }

    /** The weight of step j (1-based) in s_T, measured through the optimizer's state. */
    static double weight(Optimizers factory, double gamma, int j, int total) {
        Optimizer rms = factory.rmsprop(
                RmsPropConfig.builder().decay(gamma).learningRate(0.0).build());
        double[] g = new double[total];
        g[j - 1] = 1.0;
        fromZero(rms, 1).run(rows(g));
        return rms.state().buffer(RmsProp.SQUARED_GRADIENT_AVERAGE).get(0);
    }

    /** Share of the total weight in s_T carried by the last k steps, for T = total. */
    static double shareOfLast(Optimizers factory, double gamma, int k, int total) {
        double last = 0;
        double all = 0;
        for (int j = 1; j <= total; j++) {
            double w = weight(factory, gamma, j, total);
            all += w;
            if (j > total - k) {
                last += w;
            }
        }
        return last / all;
    }

    /** The fewest last steps that carry the share, read from the measured weights of s_total. */
    static int stepsForShare(Optimizers factory, double gamma, double share, int total) {
        double[] w = new double[total];
        double all = 0;
        for (int j = 1; j <= total; j++) {
            w[j - 1] = weight(factory, gamma, j, total);
            all += w[j - 1];
        }
        double last = 0;
        for (int k = 1; k <= total; k++) {
            last += w[total - k];
            if (last >= share * all) {
                return k;
            }
        }
        return total;
    }

    @Override
    public ClaimResult check(ClaimContext context) throws Exception {
        Optimizers o = context.optimizers();
        ClaimResult.Builder b = ClaimResult.of(this)
                .documented("windowSteps", 10)
                .setting("share taken as roughly all", SHARE_FOR_HOLDS);
        StringBuilder finding = new StringBuilder();
        double worstShare = 1;
        double share09 = 0;
        int k09 = 10;
        int steps09 = 0;
        for (double gamma : GAMMAS) {
            int k = (int) Math.ceil(1 / (1 - gamma) - 1e-9);
            int total = gamma == 0.99 ? 1000 : Math.max(200, 20 * k);
            double share = shareOfLast(o, gamma, k, total);
            worstShare = Math.min(worstShare, share);
            int k90 = stepsForShare(o, gamma, SHARE_FOR_HOLDS, total);
            b.measured("weightShareLast" + k + "(gamma=" + gamma + ")", share);
            b.measured("stepsFor90Percent(gamma=" + gamma + ")", k90);
            finding.append(String.format(
                    Locale.ROOT,
                    "γ = %s: the last %d squared gradients carry %.1f%% of the weight (90%% needs the last %d); ",
                    gamma,
                    k,
                    100 * share,
                    k90));
            if (gamma == 0.9) {
                share09 = share;
                k09 = k;
                steps09 = k90;
            }
        }
        // With s₀ = 0 the weights of an average sum to 1 − γ^t: a biased average early on.
        double earlySum = 0;
        for (int j = 1; j <= EARLY; j++) {
            earlySum += weight(o, 0.9, j, EARLY);
        }
        double averageSum = 1 - Math.pow(0.9, EARLY);
        b.setting("early steps", EARLY)
                .measured("weightSumAfter5Steps(gamma=0.9)", earlySum)
                .documented("weightSumAfter5StepsOfAnAverageFromZero(gamma=0.9)", averageSum);
        b.tolerance(SHARE_FOR_HOLDS);
        b.figure(figure(o));
        String text =
                finding + "after " + EARLY + " steps from s₀ = 0 the weights (γ = 0.9) sum to " + num(earlySum, 5);
        boolean anAverage = Math.abs(earlySum - averageSum) <= 1e-9;
        if (!anAverage) {
            return b.verdict(
                    Verdict.ERRATUM,
                    text,
                    "s_t is not a weighted average of the squared gradients: after " + EARLY
                            + " steps from s₀ = 0 its weights sum to " + num(earlySum, 5)
                            + ", where an exponential average's weights sum to 1 − γ^"
                            + EARLY + " = " + num(averageSum, 5) + ".");
        }
        if (worstShare >= SHARE_FOR_HOLDS) {
            return b.verdict(Verdict.HOLDS, text, null);
        }
        return b.verdict(
                Verdict.QUALIFIED,
                text,
                String.format(
                        Locale.ROOT,
                        "The last 1/(1−γ) squared gradients carry only part of the weight (%.1f%% for γ = 0.9 and the last %d; the last %d "
                                + "carry 90%%), and s_t is an average only once t ≫ 1/(1−γ): from s₀ = 0 its weights sum to 1 − γ^t "
                                + "(%.5f after %d steps), so early values are biased towards 0 (Adam's bias correction divides this out).",
                        100 * share09,
                        k09,
                        steps09,
                        earlySum,
                        EARLY));
    }

    private static Figure figure(Optimizers o) {
        int total = 40;
        double[] age = new double[total];
        double[] w = new double[total];
        for (int j = 1; j <= total; j++) {
            age[j - 1] = total - j; // 0 = the newest
            w[j - 1] = weight(o, 0.9, j, total);
        }
        double share = shareOfLast(o, 0.9, 10, 200);
        double top = 0;
        for (double v : w) {
            top = Math.max(top, v);
        }
        return Figure.of(
                        "c04-ema-window",
                        "C04: weight of each past g² in s_40 (γ = 0.9), read from RMSProp's state",
                        "age of the squared gradient (steps ago)",
                        "weight in s_t")
                .add("weight of the g² of that age", age, w, Figure.Style.POINTS)
                .vline(
                        String.format(
                                Locale.ROOT,
                                "window 1/(1−γ) = 10: the 10 newest carry %.1f%% of the weight",
                                100 * share),
                        9.5,
                        0,
                        top)
                .xRange(0, 40)
                .caption(
                        "Each squared gradient's weight by age; left of the dashed line is the text's window of 10 steps.");
    }
}
