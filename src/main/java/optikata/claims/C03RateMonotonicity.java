package optikata.claims;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import optikata.optim.Optimizer;
import org.ejml.data.DMatrixRMaj;

/** C03: AdaGrad's per-coordinate rate never increases; RMSProp's can. */
public final class C03RateMonotonicity extends AbstractClaim {
    static final long SEED = 3L;
    static final int SEQUENCES = 200;
    static final int STEPS = 100;
    static final int COORDINATES = 4;

    public C03RateMonotonicity() {
        super(
                "C03",
                "the debugging guide §2.2; the principles article §4; d2l §7.6 introduction",
                "AdaGrad's per-coordinate learning rate never increases; RMSProp's can (non-monotone)");
    }

    /** Number of steps at which some coordinate's effective rate rose, over random gradient sequences. */
    static long rateIncreases(Supplier<Optimizer> factory, long seed, int sequences, int steps) {
        Random random = new Random(seed);
        long[] increases = {0};
        DMatrixRMaj rate = new DMatrixRMaj(COORDINATES, 1);
        DMatrixRMaj previous = new DMatrixRMaj(COORDINATES, 1);
        for (int k = 0; k < sequences; k++) {
            List<double[]> gradients = new ArrayList<>(steps);
            for (int t = 0; t < steps; t++) {
                double[] g = new double[COORDINATES];
                for (int i = 0; i < COORDINATES; i++) {
                    g[i] = random.nextGaussian() * Math.pow(10, random.nextInt(5) - 2);
                }
                gradients.add(g);
            }
            Optimizer o = factory.get();
            fromZero(o, COORDINATES).run(gradients, (t, theta, g) -> {
                o.effectiveLearningRate(rate);
                if (t > 1) {
                    for (int i = 0; i < COORDINATES; i++) {
                        if (rate.data[i] > previous.data[i]) {
                            increases[0]++;
                        }
                    }
                }
                previous.setTo(rate);
                return true;
            });
        }
        return increases[0];
    }

    @Override
    public ClaimResult check(ClaimContext context) throws Exception {
        Optimizers o = context.optimizers();
        long adagrad = rateIncreases(o::adagrad, SEED, SEQUENCES, STEPS);
        long rmsprop = rateIncreases(o::rmsprop, SEED, SEQUENCES, STEPS);
        // A worked sequence: ten large gradients, then small ones.
        double[] g = new double[40];
        for (int t = 0; t < g.length; t++) {
            g[t] = t < 10 ? 1.0 : 0.01;
        }
        double[][] rates = rates(o, g);
        double rise = rates[1][g.length - 1] / rates[1][9];
        double adaRise = rates[0][g.length - 1] / rates[0][9];
        ClaimResult.Builder b = ClaimResult.of(this)
                .setting("random sequences", SEQUENCES)
                .setting("steps", STEPS)
                .setting("coordinates", COORDINATES)
                .setting("gradient before the drop", 1)
                .setting("gradient after the drop", 0.01)
                .measured("adagradRateIncreases", (double) adagrad)
                .measured("rmspropRateIncreases", (double) rmsprop)
                .measured("rmspropRateRiseAfterScaleDrop", rise)
                .measured("adagradRateRiseAfterScaleDrop", adaRise);
        b.figure(Figure.of(
                        "c03-effective-rates",
                        "C03: effective learning rate when |g| drops from 1 to 0.01 after step 10",
                        "step t",
                        "effective rate η / denominator")
                .add("AdaGrad (η 0.01, ε 1e-10)", Figure.steps(g.length), rates[0], Figure.Style.LINE_POINTS)
                .add("RMSProp (η 0.01, β 0.9, ε 1e-8)", Figure.steps(g.length), rates[1], Figure.Style.LINE_POINTS)
                .xRange(0, g.length)
                .caption("After the drop AdaGrad's rate changes by ×" + num(adaRise, 4) + ", RMSProp's by ×"
                        + num(rise, 4) + "."));
        String figures = "over " + SEQUENCES + " random sequences × " + STEPS + " steps × " + COORDINATES
                + " coordinates the rate rose "
                + adagrad + " times for AdaGrad and " + rmsprop
                + " times for RMSProp; after g drops from 1 to 0.01 RMSProp's rate changes ×"
                + num(rise, 4) + ", AdaGrad's ×" + num(adaRise, 4);
        if (adagrad == 0 && rmsprop > 0) {
            return b.verdict(Verdict.HOLDS, figures, null);
        }
        return b.verdict(
                Verdict.ERRATUM,
                figures,
                adagrad > 0
                        ? "AdaGrad's rate rose " + adagrad + " times: it can increase"
                        : "RMSProp's rate never rose in these runs");
    }

    /** Effective rates of AdaGrad (row 0) and RMSProp (row 1) along one scalar gradient sequence. */
    static double[][] rates(Optimizers factory, double[] g) {
        Optimizer[] os = {factory.adagrad(), factory.rmsprop()};
        double[][] out = new double[2][g.length];
        DMatrixRMaj rate = new DMatrixRMaj(1, 1);
        for (int k = 0; k < 2; k++) {
            Optimizer o = os[k];
            double[] rates = out[k];
            fromZero(o, 1).run(rows(g), (t, theta, gradient) -> {
                o.effectiveLearningRate(rate);
                rates[t - 1] = rate.get(0);
                return true;
            });
        }
        return out;
    }
}
