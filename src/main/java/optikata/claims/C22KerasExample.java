package optikata.claims;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import optikata.objective.Objective;
import optikata.optim.RmsProp;
import optikata.optim.RmsPropPreset;
import optikata.report.Charts;
import optikata.run.Runner;
import optikata.run.Trajectory;
import org.ejml.data.DMatrixRMaj;
import org.knowm.xchart.XYChart;

/**
 * C22: the Keras example of seed 000 §5.1, with Keras's semantics: Dense(1) (kernel w, bias b),
 * mean squared error, RMSprop(0.01, ρ 0.9, ε 1e-8 inside the root), x = 1..4, y = 2x, batch
 * size 32 ≥ 4 so one full-batch step per epoch, 100 epochs. The kernel starts glorot-uniform:
 * for a 1×1 kernel, uniform in ±√(6/2) = ±√3; the bias starts at 0. Instead of one lucky seed,
 * every start on a grid over that range is run.
 */
public final class C22KerasExample extends AbstractClaim {
    static final int EPOCHS = 100;
    static final double FIT_LOSS = 1e-2;
    static final int GRID = 41;

    public C22KerasExample() {
        super("C22", "000 §5.1",
                "The Keras example (Dense(1), x=1..4, y=2x, RMSprop(0.01, ρ=0.9, ε=1e-8), 100 epochs of one full batch) fits y=2x");
    }

    /** MSE of w·x + b against y = 2x on x = 1..4; θ = (w, b). */
    static final class DenseMse implements Objective {
        static final double[] X = {1, 2, 3, 4};

        @Override
        public String name() {
            return "keras-dense-mse";
        }

        @Override
        public int dimension() {
            return 2;
        }

        @Override
        public double value(DMatrixRMaj theta) {
            double sum = 0;
            for (double x : X) {
                double r = theta.data[0] * x + theta.data[1] - 2 * x;
                sum += r * r;
            }
            return sum / X.length;
        }

        @Override
        public void gradient(DMatrixRMaj theta, DMatrixRMaj out) {
            out.reshape(2, 1);
            double gw = 0;
            double gb = 0;
            for (double x : X) {
                double r = theta.data[0] * x + theta.data[1] - 2 * x;
                gw += 2 * r * x / X.length;
                gb += 2 * r / X.length;
            }
            out.data[0] = gw;
            out.data[1] = gb;
        }

        @Override
        public DMatrixRMaj defaultStart() {
            return Objective.column(0, 0);
        }
    }

    static RmsProp kerasOptimizer() {
        return new RmsProp(RmsPropPreset.KERAS.config().withLearningRate(0.01).withDecay(0.9).withEpsilon(1e-8));
    }

    static double finalLoss(double w0, int epochs) {
        Trajectory t = Runner.run(kerasOptimizer(), new DenseMse(), Objective.column(w0, 0), epochs);
        return t.last().loss();
    }

    static int epochsToFit(double w0) {
        Trajectory t = Runner.run(kerasOptimizer(), new DenseMse(), Objective.column(w0, 0), 5000);
        for (int k = 0; k < t.points().size(); k++) {
            if (t.at(k).loss() < FIT_LOSS) {
                return k;
            }
        }
        return -1;
    }

    @Override
    public ClaimResult check(ClaimContext context) throws Exception {
        double limit = Math.sqrt(3);
        double[] w0 = new double[GRID];
        double[] loss = new double[GRID];
        int fit = 0;
        double smallestFittingStart = Double.NaN;
        for (int k = 0; k < GRID; k++) {
            w0[k] = -limit + 2 * limit * k / (GRID - 1);
            loss[k] = finalLoss(w0[k], EPOCHS);
            if (loss[k] < FIT_LOSS) {
                fit++;
                if (Double.isNaN(smallestFittingStart)) {
                    smallestFittingStart = w0[k];
                }
            }
        }
        double share = (double) fit / GRID;
        int worstEpochs = epochsToFit(-limit);
        ClaimResult.Builder b = ClaimResult.of(this).documented("shareOfStartsThatFit", 1.0)
                .measured("shareOfStartsThatFit", share).measured("smallestFittingInitialWeight", smallestFittingStart)
                .measured("finalLossFromW0=0", finalLoss(0, EPOCHS)).measured("epochsToFitFromW0=-sqrt3", worstEpochs)
                .tolerance(FIT_LOSS);
        if (context.plots()) {
            b.plot(plot(w0, loss, context.plotDir()));
        }
        String finding = String.format(java.util.Locale.ROOT,
                "after 100 epochs %d of %d initial weights in ±√3 reach MSE < %.0e, only those from w₀ ≥ %.3f (from w₀ = 0 the MSE is %.3g); "
                        + "from w₀ = −√3 it takes %d epochs", fit, GRID, FIT_LOSS, smallestFittingStart, finalLoss(0, EPOCHS), worstEpochs);
        if (share >= 0.9) {
            return b.verdict(Verdict.HOLDS, finding, null);
        }
        String correction = "With η = 0.01 each RMSProp step moves w by about η, so 100 epochs move it by about 1: only starts "
                + "already near w = 2 fit. Train for about " + worstEpochs + " epochs, or raise η to about 0.1, to fit y = 2x from any "
                + "Keras initial weight.";
        return b.verdict(fit > 0 ? Verdict.QUALIFIED : Verdict.ERRATUM, finding, correction);
    }

    private static Plot plot(double[] w0, double[] loss, Path dir) throws Exception {
        XYChart chart = Charts.chart("C22: Keras example, MSE after 100 epochs against the initial kernel weight",
                "initial weight w₀ (Keras glorot-uniform range ±√3; bias 0)", "final MSE (log scale)");
        chart.getStyler().setYAxisLogarithmic(true);
        chart.getStyler().setXAxisDecimalPattern("0.00");
        Map<String, Charts.Series> series = new LinkedHashMap<>();
        series.put("RMSprop(0.01, ρ 0.9, ε 1e-8), 100 full-batch epochs", Charts.Series.points(w0, loss));
        series.put("fit threshold MSE = 0.01", Charts.Series.line(new double[] {w0[0], w0[w0.length - 1]}, new double[] {FIT_LOSS, FIT_LOSS}));
        Charts.add(chart, series);
        Charts.save(chart, dir.resolve("c22-keras-final-loss.png"));
        return new Plot("c22-keras-final-loss.png", "Final loss of the Keras example against the initial weight");
    }
}
