package optikata.claims;

import java.util.Locale;
import optikata.optim.AdaGrad;
import optikata.optim.EpsilonPlacement;
import optikata.optim.NonFinitePolicy;
import optikata.optim.Optimizer;
import optikata.optim.RmsPropConfig;

/**
 * C21: after the gradient scale drops, how many steps until the step is back to half its new
 * steady size (η for RMSProp). 100 steps at |g| = 1, then |g| = 1/r.
 */
public final class C21NonStationary extends AbstractClaim {
    static final double BETA = 0.9;

    public C21NonStationary() {
        super(
                "C21",
                "the debugging guide §2.3; d2l §7.6 introduction",
                "RMSProp suits non-stationary objectives: after the gradient scale changes, its step size recovers within about 1/(1−β) steps, AdaGrad's does not");
    }

    /** |Δθ|/η per step: 100 steps of g = 1, then {@code after} steps of g = 1/r. */
    static double[] steps(Optimizer o, double r, int after) {
        double[] g = new double[100 + after];
        for (int t = 0; t < g.length; t++) {
            g[t] = t < 100 ? 1.0 : 1.0 / r;
        }
        return stepsOverEta(o, g);
    }

    static Optimizer rmsprop(Optimizers o) {
        return o.rmsprop(RmsPropConfig.builder()
                .learningRate(0.01)
                .decay(BETA)
                .epsilon(1e-12)
                .build());
    }

    static Optimizer adagrad(Optimizers o) {
        return o.adagrad(new AdaGrad.Config(0.01, 1e-12, EpsilonPlacement.OUTSIDE_ROOT, 0, NonFinitePolicy.REJECT));
    }

    /** Steps after the drop until |Δθ| ≥ η/2, or −1 within the horizon. */
    static int recovery(double[] s) {
        for (int t = 100; t < s.length; t++) {
            if (s[t] >= 0.5) {
                return t - 99;
            }
        }
        return -1;
    }

    @Override
    public ClaimResult check(ClaimContext context) throws Exception {
        Optimizers o = context.optimizers();
        double window = 1 / (1 - BETA);
        ClaimResult.Builder b = ClaimResult.of(this)
                .documented("recoverySteps", window)
                .setting("steps before the drop", 100)
                .setting("steps after the drop", 400)
                .setting("η", 0.01);
        StringBuilder finding = new StringBuilder("steps to get back to half the new step size after |g| drops r×: ");
        int worst = 0;
        int recovered = 0;
        double[] drops = {10, 100, 1000};
        int[] rec = new int[drops.length];
        for (int k = 0; k < drops.length; k++) {
            rec[k] = recovery(steps(rmsprop(o), drops[k], 400));
            b.never("rmspropRecoverySteps(r=" + drops[k] + ")", rec[k]);
            if (rec[k] >= 0) {
                b.measured("rmspropRecoveryInWindows(r=" + drops[k] + ")", rec[k] / window);
            }
            b.measured("closedFormRecoveryInWindows(r=" + drops[k] + ")", predictedRecovery(drops[k]) / window);
            finding.append(String.format(Locale.ROOT, "r = %d: %s; ", (int) drops[k], rec[k] < 0 ? "never" : rec[k]));
            worst = rec[k] < 0 ? Integer.MAX_VALUE : Math.max(worst, rec[k]);
            recovered += rec[k] < 0 ? 0 : 1;
        }
        double[] ada = steps(adagrad(o), 10, 400);
        int adaRecovery = recovery(ada);
        b.never("adagradRecoverySteps(r=10)", adaRecovery)
                .measured("adagradStepOverEtaAfter400(r=10)", ada[ada.length - 1]);
        finding.append(String.format(
                Locale.ROOT,
                "AdaGrad (r = 10) %s, its step %.3gη after 400 steps",
                adaRecovery < 0 ? "never" : "after " + adaRecovery + " steps",
                ada[ada.length - 1]));
        b.figure(figure(o));
        b.tolerance(window);
        if (adaRecovery >= 0) {
            return b.verdict(
                    Verdict.ERRATUM,
                    finding.toString(),
                    "AdaGrad's step recovered too (after " + adaRecovery + " steps).");
        }
        if (recovered == 0) {
            return b.verdict(
                    Verdict.ERRATUM,
                    finding.toString(),
                    "RMSProp's step does not recover within 400 steps after any of the drops "
                            + "(r = 10, 100, 1000): here it is no better suited to a change of scale than AdaGrad.");
        }
        if (worst <= 2 * window) {
            return b.verdict(Verdict.HOLDS, finding.toString(), null);
        }
        StringBuilder measuredWindows = new StringBuilder();
        for (int k = 0; k < drops.length; k++) {
            measuredWindows
                    .append(rec[k] < 0 ? "never" : String.format(Locale.ROOT, "%.1f", rec[k] / window))
                    .append(k < drops.length - 2 ? ", " : k == drops.length - 2 ? " and " : "");
        }
        return b.verdict(
                Verdict.QUALIFIED,
                finding.toString(),
                String.format(
                        Locale.ROOT,
                        "RMSProp's step recovers and AdaGrad's does not, but not within 1/(1−β) = %d steps for a large drop: it took %s windows of "
                                + "1/(1−β) for r = 10, 100 and 1000. The old E[g²] must decay to within 4× the new g², which takes "
                                + "ln((r²−1)/3)/ln(1/β) steps for a drop by r (%.1f, %.1f and %.1f windows).",
                        (int) Math.round(window),
                        measuredWindows,
                        predictedRecovery(10) / window,
                        predictedRecovery(100) / window,
                        predictedRecovery(1000) / window));
    }

    /**
     * Steps after a drop by r until the step is back to η/2, from the closed form: E[g²] ≈ 1 before the drop,
     * β^k + (1 − β^k)/r² after k steps, and (1/r)/√E[g²] ≥ 1/2 ⇔ β^k (1 − 1/r²) ≤ 3/r².
     */
    static double predictedRecovery(double r) {
        return Math.log((r * r - 1) / 3) / Math.log(1 / BETA);
    }

    private static Figure figure(Optimizers o) {
        double[] rms = steps(rmsprop(o), 100, 150);
        double[] ada = steps(adagrad(o), 100, 150);
        double[] x = Figure.steps(rms.length);
        double drop = 100 + 1 / (1 - BETA);
        Figure.Builder f = Figure.of(
                        "c21-non-stationary",
                        "C21: step size when |g| drops from 1 to 0.01 after step 100 (η 0.01, β 0.9)",
                        "step t",
                        "|Δθ| / η (log scale)")
                .logY()
                .add("RMSProp", x, rms, Figure.Style.LINE)
                .add("AdaGrad", x, ada, Figure.Style.LINE)
                .vline("1/(1−β) = " + (int) Math.round(1 / (1 - BETA)) + " steps after the drop", drop, 1e-4, 10)
                .xRange(0, 250);
        int back = recovery(rms);
        if (back > 0) {
            f.add(
                    "RMSProp back to η/2 after " + back + " steps",
                    new double[] {99 + back},
                    new double[] {rms[99 + back]},
                    Figure.Style.HIGHLIGHT);
        }
        return f.caption(
                "Step size after a 100× drop in gradient scale; the dashed line marks 1/(1−β) steps after the drop"
                        + (back > 0
                                ? ", the diamond where RMSProp's step is back to η/2."
                                : "; RMSProp's step never gets back to η/2 here."));
    }
}
