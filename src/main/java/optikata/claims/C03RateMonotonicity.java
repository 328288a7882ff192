package optikata.claims;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import optikata.optim.AdaGrad;
import optikata.optim.Optimizer;
import optikata.optim.RmsProp;
import optikata.report.Charts;
import org.ejml.data.DMatrixRMaj;
import org.knowm.xchart.XYChart;

/** C03: AdaGrad's per-coordinate rate never increases; RMSProp's can. */
public final class C03RateMonotonicity extends AbstractClaim {
    static final long SEED = 3L;

    public C03RateMonotonicity() {
        super("C03", "000 §2.2; 002 §4; 004 intro", "AdaGrad's per-coordinate learning rate never increases; RMSProp's can (non-monotone)");
    }

    /** Number of steps at which some coordinate's effective rate rose, over random gradient sequences. */
    static long rateIncreases(java.util.function.Supplier<Optimizer> factory, long seed, int sequences, int steps) {
        Random random = new Random(seed);
        long increases = 0;
        DMatrixRMaj rate = new DMatrixRMaj(4, 1);
        DMatrixRMaj previous = new DMatrixRMaj(4, 1);
        for (int k = 0; k < sequences; k++) {
            Optimizer o = factory.get();
            DMatrixRMaj theta = new DMatrixRMaj(4, 1);
            for (int t = 0; t < steps; t++) {
                DMatrixRMaj g = new DMatrixRMaj(4, 1);
                for (int i = 0; i < 4; i++) {
                    g.data[i] = random.nextGaussian() * Math.pow(10, random.nextInt(5) - 2);
                }
                o.step(theta, g);
                o.effectiveLearningRate(rate);
                if (t > 0) {
                    for (int i = 0; i < 4; i++) {
                        if (rate.data[i] > previous.data[i]) {
                            increases++;
                        }
                    }
                }
                previous.setTo(rate);
            }
        }
        return increases;
    }

    @Override
    public ClaimResult check(ClaimContext context) throws Exception {
        long adagrad = rateIncreases(AdaGrad::new, SEED, 200, 100);
        long rmsprop = rateIncreases(RmsProp::new, SEED, 200, 100);
        // A worked sequence: ten large gradients, then small ones.
        double[] g = new double[40];
        for (int t = 0; t < g.length; t++) {
            g[t] = t < 10 ? 1.0 : 0.01;
        }
        double[][] rates = rates(g);
        double rise = rates[1][g.length - 1] / rates[1][9];
        ClaimResult.Builder b = ClaimResult.of(this)
                .measured("adagradRateIncreases", adagrad).measured("rmspropRateIncreases", rmsprop)
                .measured("rmspropRateRiseAfterScaleDrop", rise).measured("adagradRateRiseAfterScaleDrop", rates[0][g.length - 1] / rates[0][9]);
        if (context.plots()) {
            b.plot(plot(g, rates, context.plotDir()));
        }
        String figures = "over 200 random sequences × 100 steps × 4 coordinates the rate rose " + adagrad + " times for AdaGrad, "
                + rmsprop + " times for RMSProp; after g drops from 1 to 0.01 RMSProp's rate grows ×" + num(rise);
        if (adagrad == 0 && rmsprop > 0) {
            return b.verdict(Verdict.HOLDS, figures, null);
        }
        return b.verdict(Verdict.ERRATUM, figures, adagrad > 0 ? "AdaGrad's rate can rise" : "RMSProp's rate never rose here");
    }

    /** Effective rates of AdaGrad (row 0) and RMSProp (row 1) along one scalar gradient sequence. */
    static double[][] rates(double[] g) {
        Optimizer[] os = {new AdaGrad(), new RmsProp()};
        double[][] out = new double[2][g.length];
        for (int k = 0; k < 2; k++) {
            DMatrixRMaj theta = new DMatrixRMaj(1, 1);
            DMatrixRMaj rate = new DMatrixRMaj(1, 1);
            for (int t = 0; t < g.length; t++) {
                os[k].step(theta, new DMatrixRMaj(1, 1, true, g[t]));
                os[k].effectiveLearningRate(rate);
                out[k][t] = rate.get(0);
            }
        }
        return out;
    }

    private static Plot plot(double[] g, double[][] rates, Path dir) throws Exception {
        double[] x = new double[g.length];
        for (int t = 0; t < g.length; t++) {
            x[t] = t + 1;
        }
        XYChart chart = Charts.chart("C03: effective learning rate η/denominator when |g| drops from 1 to 0.01 at step 11",
                "step t", "effective rate η / denominator");
        chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.InsideNW);
        Map<String, Charts.Series> series = new LinkedHashMap<>();
        series.put("AdaGrad (η 0.01, ε 1e-10): never rises", Charts.Series.points(x, rates[0]));
        series.put("RMSProp (η 0.01, β 0.9, ε 1e-8): rises again", Charts.Series.points(x, rates[1]));
        Charts.add(chart, series);
        Charts.save(chart, dir.resolve("c03-effective-rates.png"));
        return new Plot("c03-effective-rates.png", "Effective learning rates over time: AdaGrad's only falls, RMSProp's recovers after the gradient scale drops");
    }
}
