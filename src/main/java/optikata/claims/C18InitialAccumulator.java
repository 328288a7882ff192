package optikata.claims;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import optikata.optim.RmsProp;
import optikata.optim.RmsPropConfig;
import optikata.report.Charts;
import org.ejml.data.DMatrixRMaj;
import org.knowm.xchart.XYChart;

/** C18: the initial value of the cache and the first steps. */
public final class C18InitialAccumulator extends AbstractClaim {
    static final double[] STARTS = {0.0, 1e-8, 1e-2, 1.0};

    public C18InitialAccumulator() {
        super("C18", "003 §3.2",
                "The cache may start at 0 or at a small value; the effect of the initial value on the first steps (1/√(1−β) first-step blow-up at 0)");
    }

    /** |Δθ|/η of the first {@code steps} steps for a constant gradient g. */
    static double[] stepsOverEta(double s0, double beta, double g, int steps) {
        RmsProp rms = new RmsProp(RmsPropConfig.defaults().withDecay(beta).withEpsilon(1e-8).withInitialAccumulator(s0));
        DMatrixRMaj theta = new DMatrixRMaj(1, 1);
        double[] out = new double[steps];
        for (int t = 0; t < steps; t++) {
            double before = theta.get(0);
            rms.step(theta, new DMatrixRMaj(1, 1, true, g));
            out[t] = Math.abs(theta.get(0) - before) / 0.01;
        }
        return out;
    }

    @Override
    public ClaimResult check(ClaimContext context) throws Exception {
        double beta = 0.9;
        ClaimResult.Builder b = ClaimResult.of(this).documented("firstStepOverEta(s0=0.0)", 1 / Math.sqrt(1 - beta)).tolerance(1e-6);
        StringBuilder finding = new StringBuilder("first |Δθ|/η for g = 1: ");
        for (double s0 : STARTS) {
            double first = stepsOverEta(s0, beta, 1.0, 1)[0];
            b.measured("firstStepOverEta(s0=" + s0 + ")", first);
            finding.append(String.format(java.util.Locale.ROOT, "%s%.4g (s₀=%s)", s0 == STARTS[0] ? "" : ", ", first, s0));
        }
        double smallGradient = stepsOverEta(1.0, beta, 0.01, 1)[0];
        b.measured("firstStepOverEta(s0=1,g=0.01)", smallGradient);
        finding.append(String.format(java.util.Locale.ROOT, "; with s₀ = 1 (TF1) a gradient of 0.01 moves only %.3gη", smallGradient));
        if (context.plots()) {
            b.plot(plot(context.plotDir()));
        }
        if (b.documentedFiguresMatch()) {
            return b.verdict(Verdict.HOLDS, finding.toString(), null);
        }
        return b.verdict(Verdict.ERRATUM, finding.toString(), "the first step from s₀ = 0 is not η/√(1−β)");
    }

    private static Plot plot(Path dir) throws Exception {
        int steps = 30;
        double[] x = new double[steps];
        for (int t = 0; t < steps; t++) {
            x[t] = t + 1;
        }
        XYChart chart = Charts.chart("C18: step size over the first 30 steps for a constant gradient g = 1 (β 0.9)",
                "step t", "|Δθ| / η");
        Map<String, Charts.Series> series = new LinkedHashMap<>();
        for (double s0 : STARTS) {
            series.put("s₀ = " + s0 + (s0 == 1.0 ? " (TF1)" : s0 == 1e-8 ? " (ND4J: ε)" : s0 == 0 ? " (PyTorch, Keras)" : ""),
                    Charts.Series.points(x, stepsOverEta(s0, 0.9, 1.0, steps)));
        }
        Charts.add(chart, series);
        Charts.save(chart, dir.resolve("c18-initial-accumulator.png"));
        return new Plot("c18-initial-accumulator.png", "First steps for several initial accumulator values");
    }
}
