package optikata.claims;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import optikata.optim.AdaGrad;
import optikata.optim.Optimizer;
import optikata.optim.RmsProp;
import optikata.optim.RmsPropConfig;
import optikata.report.Charts;
import org.ejml.data.DMatrixRMaj;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * C21: after the gradient scale drops, how many steps until the step is back to half its new
 * steady size (η for RMSProp). 100 steps at |g| = 1, then |g| = 1/r.
 */
public final class C21NonStationary extends AbstractClaim {
    static final double BETA = 0.9;

    public C21NonStationary() {
        super("C21", "000 §2.3; 004 intro",
                "RMSProp suits non-stationary objectives: after the gradient scale changes, its step size recovers within about 1/(1−β) steps, AdaGrad's does not");
    }

    /** |Δθ|/η per step: 100 steps of g = 1, then {@code after} steps of g = 1/r. */
    static double[] steps(Optimizer o, double r, int after) {
        DMatrixRMaj theta = new DMatrixRMaj(1, 1);
        double[] out = new double[100 + after];
        for (int t = 0; t < out.length; t++) {
            double g = t < 100 ? 1.0 : 1.0 / r;
            double before = theta.get(0);
            o.step(theta, new DMatrixRMaj(1, 1, true, g));
            out[t] = Math.abs(theta.get(0) - before) / 0.01;
        }
        return out;
    }

    static RmsProp rmsprop() {
        return new RmsProp(RmsPropConfig.defaults().withLearningRate(0.01).withDecay(BETA).withEpsilon(1e-12));
    }

    static AdaGrad adagrad() {
        return new AdaGrad(new AdaGrad.Config(0.01, 1e-12, optikata.optim.EpsilonPlacement.OUTSIDE_ROOT, 0, optikata.optim.NonFinitePolicy.REJECT));
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
        double window = 1 / (1 - BETA);
        ClaimResult.Builder b = ClaimResult.of(this).documented("recoverySteps", window);
        StringBuilder finding = new StringBuilder("steps to get back to half the new step size after |g| drops r×: ");
        int worst = 0;
        for (double r : new double[] {10, 100, 1000}) {
            int rec = recovery(steps(rmsprop(), r, 400));
            b.measured("rmspropRecoverySteps(r=" + r + ")", rec);
            finding.append(String.format(java.util.Locale.ROOT, "r=%s: %d; ", (int) r, rec));
            worst = rec < 0 ? Integer.MAX_VALUE : Math.max(worst, rec);
        }
        double[] ada = steps(adagrad(), 10, 400);
        int adaRecovery = recovery(ada);
        b.measured("adagradRecoverySteps(r=10)", adaRecovery).measured("adagradStepOverEtaAfter400(r=10)", ada[ada.length - 1]);
        finding.append(String.format(java.util.Locale.ROOT, "AdaGrad (r=10) %s, its step still %.3gη after 400 steps",
                adaRecovery < 0 ? "never" : adaRecovery + " steps", ada[ada.length - 1]));
        if (context.plots()) {
            b.plot(plot(context.plotDir()));
        }
        b.tolerance(window);
        if (adaRecovery >= 0) {
            return b.verdict(Verdict.ERRATUM, finding.toString(), "AdaGrad recovered too");
        }
        if (worst <= 2 * window) {
            return b.verdict(Verdict.HOLDS, finding.toString(), null);
        }
        return b.verdict(Verdict.QUALIFIED, finding.toString(),
                "RMSProp does recover and AdaGrad does not, but not within 1/(1−β) steps for a large drop: the old E[g²] must decay "
                        + "to within 4× the new g², which takes k ≥ ln((r²−1)/3)/ln(1/β) steps for a drop by r ("
                        + String.format(java.util.Locale.ROOT, "%.1f, %.1f and %.1f windows of 1/(1−β) for r = 10, 100, 1000)",
                                predictedRecovery(10) / window, predictedRecovery(100) / window, predictedRecovery(1000) / window)
                        + ". After an increase the step shrinks at once.");
    }

    /**
     * Steps after a drop by r until the step is back to η/2, from the closed form: E[g²] ≈ 1 before the drop,
     * β^k + (1 − β^k)/r² after k steps, and (1/r)/√E[g²] ≥ 1/2 ⇔ β^k (1 − 1/r²) ≤ 3/r².
     */
    static double predictedRecovery(double r) {
        return Math.log((r * r - 1) / 3) / Math.log(1 / BETA);
    }

    private static Plot plot(Path dir) throws Exception {
        double[] rms = steps(rmsprop(), 100, 150);
        double[] ada = steps(adagrad(), 100, 150);
        double[] x = new double[rms.length];
        for (int t = 0; t < x.length; t++) {
            x[t] = t + 1;
        }
        XYChart chart = Charts.chart("C21: step size when |g| drops from 1 to 0.01 at step 101 (η 0.01, β 0.9)", "step t",
                "|Δθ| / η (log scale)");
        chart.getStyler().setYAxisLogarithmic(true);
        chart.getStyler().setXAxisDecimalPattern("#");
        Map<String, Charts.Series> series = new LinkedHashMap<>();
        series.put("RMSProp", Charts.Series.line(x, rms));
        series.put("AdaGrad", Charts.Series.line(x, ada));
        Charts.add(chart, series);
        double drop = 100 + 1 / (1 - BETA);
        chart.addSeries("1/(1−β) = " + (int) Math.round(1 / (1 - BETA)) + " steps after the drop", new double[] {drop, drop},
                new double[] {1e-4, 10}).setMarker(SeriesMarkers.NONE);
        int back = recovery(rms);
        if (back > 0) {
            chart.addSeries("RMSProp back to η/2 after " + back + " steps", new double[] {99 + back}, new double[] {rms[99 + back]})
                    .setMarker(SeriesMarkers.DIAMOND);
        }
        Charts.save(chart, dir.resolve("c21-non-stationary.png"));
        return new Plot("c21-non-stationary.png", "Step size after a 100× drop in gradient scale; the vertical line marks 1/(1−β) steps after the drop, the diamond where RMSProp's step is back to η/2");
    }
}
