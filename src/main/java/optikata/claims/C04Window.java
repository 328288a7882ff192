package optikata.claims;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import optikata.optim.RmsProp;
import optikata.optim.RmsPropConfig;
import optikata.report.Charts;
import org.ejml.data.DMatrixRMaj;
import org.knowm.xchart.XYChart;

/**
 * C04: s_t as an average of "roughly the last 1/(1−γ)" squared gradients. The weights are read
 * off the library's RMSProp itself: with s₀ = 0, feeding g² = 1 at step j only and 0 elsewhere
 * leaves the weight of step j in s_T.
 */
public final class C04Window extends AbstractClaim {
    static final double[] GAMMAS = {0.5, 0.9, 0.99};
    /** "Roughly the last k terms" is taken to hold when they carry at least this share of the weight. */
    static final double SHARE_FOR_HOLDS = 0.9;

    public C04Window() {
        super("C04", "004 §7.6.1; 002 §3",
                "s_t is a weighted average of roughly the last 1/(1−γ) squared gradients (γ = 0.9 → 10 steps)");
    }

    /** The weight of step j (1-based) in s_T, measured through the optimizer's state. */
    static double weight(double gamma, int j, int total) {
        RmsProp rms = new RmsProp(RmsPropConfig.defaults().withDecay(gamma).withLearningRate(0.0));
        DMatrixRMaj theta = new DMatrixRMaj(1, 1);
        for (int t = 1; t <= total; t++) {
            rms.step(theta, new DMatrixRMaj(1, 1, true, t == j ? 1.0 : 0.0));
        }
        return rms.state().buffer(RmsProp.SQUARED_GRADIENT_AVERAGE).get(0);
    }

    /** Share of the total weight in s_T carried by the last k steps, for T = total. */
    static double shareOfLast(double gamma, int k, int total) {
        double last = 0;
        double all = 0;
        for (int j = 1; j <= total; j++) {
            double w = weight(gamma, j, total);
            all += w;
            if (j > total - k) {
                last += w;
            }
        }
        return last / all;
    }

    @Override
    public ClaimResult check(ClaimContext context) throws Exception {
        ClaimResult.Builder b = ClaimResult.of(this).documented("windowSteps", 10);
        StringBuilder finding = new StringBuilder();
        double worstShare = 1;
        for (double gamma : GAMMAS) {
            int k = (int) Math.ceil(1 / (1 - gamma) - 1e-9);
            int total = Math.max(400, 20 * k);
            if (gamma == 0.99) {
                total = 1000;
            }
            double share = shareOfLast(gamma, k, total);
            worstShare = Math.min(worstShare, share);
            // steps needed for 90 % of the weight
            int k90 = 1;
            while (1 - Math.pow(gamma, k90) < SHARE_FOR_HOLDS) {
                k90++;
            }
            b.measured("weightShareLast" + k + "(gamma=" + gamma + ")", share);
            b.measured("stepsFor90Percent(gamma=" + gamma + ")", k90);
            finding.append(String.format(java.util.Locale.ROOT, "γ=%s: the last %d carry %.1f%% (90%% needs %d); ", gamma, k, 100 * share, k90));
        }
        // With s₀ = 0 the weights sum to 1 − γ^t: a biased average early on.
        double earlySum = 0;
        for (int j = 1; j <= 5; j++) {
            earlySum += weight(0.9, j, 5);
        }
        b.measured("weightSumAfter5Steps(gamma=0.9)", earlySum);
        b.measured("weightShareLast10(gamma=0.9)", shareOfLast(0.9, 10, 400));
        b.tolerance(SHARE_FOR_HOLDS);
        if (context.plots()) {
            b.plot(plot(context.plotDir()));
        }
        String text = finding + "after 5 steps from s₀ = 0 the weights sum to " + num(earlySum);
        if (worstShare >= SHARE_FOR_HOLDS && earlySum > 0.99) {
            return b.verdict(Verdict.HOLDS, text, null);
        }
        return b.verdict(Verdict.QUALIFIED, text,
                "The last ⌈1/(1−γ)⌉ squared gradients carry only 1−γ^{1/(1−γ)} ≈ 1−1/e ≈ 63–65% of the weight "
                        + "(90% needs ≈ 2.3/(1−γ) steps), and s_t is an average only once t ≫ 1/(1−γ): "
                        + "from s₀ = 0 its weights sum to 1−γ^t, so early values are biased towards 0 (Adam's bias correction divides this out).");
    }

    private static Plot plot(Path dir) throws Exception {
        int total = 40;
        double[] x = new double[total];
        double[] w = new double[total];
        for (int j = 1; j <= total; j++) {
            x[j - 1] = total - j; // age: 0 = the newest
            w[j - 1] = weight(0.9, j, total);
        }
        XYChart chart = Charts.chart("C04: weight of each past g² in s_40 (γ = 0.9); the window 1/(1−γ) = 10 marked",
                "age of the squared gradient (steps ago)", "weight in s_t");
        Map<String, Charts.Series> series = new LinkedHashMap<>();
        series.put("EMA weight (1−γ)γ^age, read from RMSProp's state", Charts.Series.points(x, w));
        Charts.add(chart, series);
        double share = shareOfLast(0.9, 10, 400);
        chart.addSeries(String.format(java.util.Locale.ROOT, "window: last 10 steps carry %.1f%%", 100 * share),
                new double[] {9.5, 9.5}, new double[] {0, 0.1}).setMarker(org.knowm.xchart.style.markers.SeriesMarkers.NONE);
        Charts.save(chart, dir.resolve("c04-ema-window.png"));
        return new Plot("c04-ema-window.png", "EMA weights by age with the 1/(1−γ) window marked");
    }
}
