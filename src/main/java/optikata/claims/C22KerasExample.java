package optikata.claims;

import java.util.Locale;
import optikata.objective.Objective;
import optikata.optim.Optimizer;
import optikata.optim.RmsPropPreset;
import optikata.run.Runner;
import optikata.run.Trajectory;
import org.ejml.data.DMatrixRMaj;

/**
 * C22: the Keras example of the debugging guide §5.1, with Keras's semantics: Dense(1) (kernel w, bias b),
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
        super(
                "C22",
                "the debugging guide §5.1",
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

    static Optimizer kerasOptimizer(Optimizers o, double lr) {
        return o.rmsprop(RmsPropPreset.KERAS.config().toBuilder()
                .learningRate(lr)
                .decay(0.9)
                .epsilon(1e-8)
                .build());
    }

    static double finalLoss(Optimizers o, double lr, double w0, int epochs) {
        Trajectory t = Runner.run(kerasOptimizer(o, lr), new DenseMse(), Objective.column(w0, 0), epochs);
        return t.last().loss();
    }

    static int epochsToFit(Optimizers o, double w0) {
        Trajectory t = Runner.run(kerasOptimizer(o, 0.01), new DenseMse(), Objective.column(w0, 0), 5000);
        for (int k = 0; k < t.points().size(); k++) {
            if (t.at(k).loss() < FIT_LOSS) {
                return k;
            }
        }
        return -1;
    }

    @Override
    public ClaimResult check(ClaimContext context) throws Exception {
        Optimizers o = context.optimizers();
        double limit = Math.sqrt(3);
        double[] w0 = new double[GRID];
        double[] loss = new double[GRID];
        double[] lossFast = new double[GRID];
        int fit = 0;
        int fitFast = 0;
        double smallestFittingStart = Double.NaN;
        for (int k = 0; k < GRID; k++) {
            w0[k] = -limit + 2 * limit * k / (GRID - 1);
            loss[k] = finalLoss(o, 0.01, w0[k], EPOCHS);
            lossFast[k] = finalLoss(o, 0.1, w0[k], EPOCHS);
            fitFast += lossFast[k] < FIT_LOSS ? 1 : 0;
            if (loss[k] < FIT_LOSS) {
                fit++;
                if (Double.isNaN(smallestFittingStart)) {
                    smallestFittingStart = w0[k];
                }
            }
        }
        double share = (double) fit / GRID;
        int worstEpochs = epochsToFit(o, -limit);
        double fromZero = finalLoss(o, 0.01, 0, EPOCHS);
        Trajectory worstRun = Runner.run(kerasOptimizer(o, 0.01), new DenseMse(), Objective.column(-limit, 0), EPOCHS);
        double moved = Math.abs(worstRun.last().theta()[0] - worstRun.at(0).theta()[0]);
        double meanStep = moved / EPOCHS / 0.01;
        ClaimResult.Builder b = ClaimResult.of(this)
                .documented("shareOfStartsThatFit", 1.0)
                .setting("epochs", EPOCHS)
                .setting("initial weights tried", GRID)
                .setting("fit threshold (MSE)", FIT_LOSS)
                .setting("larger η tried", 0.1)
                .measured("shareOfStartsThatFit", share)
                .measured("startsThatFit", fit)
                .measured("finalLoss(w0=0)", fromZero)
                .never("epochsToFit(w0=-sqrt3)", worstEpochs)
                .measured("startsThatFit(eta=0.1)", fitFast)
                .measured("weightMovedIn100Epochs(w0=-sqrt3)", moved)
                .measured("meanStepOverEta(w0=-sqrt3)", meanStep)
                .tolerance(FIT_LOSS);
        if (fit > 0) {
            b.measured("smallestFittingInitialWeight", smallestFittingStart);
        }
        b.figure(Figure.of(
                        "c22-keras-final-loss",
                        "C22: the Keras example, MSE after 100 epochs against the initial kernel weight",
                        "initial weight w₀ (Keras glorot-uniform range ±√3; bias 0)",
                        "final MSE (log scale)")
                .logY()
                .add("RMSprop(0.01, ρ 0.9, ε 1e-8), as in the text", w0, loss, Figure.Style.POINTS)
                .add("the same with η = 0.1", w0, lossFast, Figure.Style.POINTS)
                .hline("fit threshold MSE = 0.01", FIT_LOSS, w0[0], w0[w0.length - 1])
                .caption(fit + " of " + GRID + " starts fit with the text's η = 0.01, " + fitFast + " with η = 0.1."));
        String finding = String.format(
                Locale.ROOT,
                "after 100 epochs %d of %d initial weights in ±√3 reach MSE < %s%s (from w₀ = 0 the MSE is %.3g); from w₀ = −√3 it takes %s",
                fit,
                GRID,
                num(FIT_LOSS, 2),
                fit > 0 ? String.format(Locale.ROOT, ", only those from w₀ ≥ %.3f", smallestFittingStart) : "",
                fromZero,
                worstEpochs < 0 ? "more than 5000 epochs" : worstEpochs + " epochs");
        if (share >= 0.9) {
            return b.verdict(Verdict.HOLDS, finding, null);
        }
        String correction =
                "With η = 0.01 the weight moves " + num(meanStep, 3) + "η per epoch on average (from w₀ = −√3 it moves "
                        + num(moved, 3) + " in 100 epochs, and w = 2 fits): only starts already near w = 2 fit (" + fit
                        + " of " + GRID + "). "
                        + (worstEpochs > 0 ? "Train for about " + worstEpochs + " epochs" : "Train for longer")
                        + (fitFast > fit ? ", or raise η to 0.1 (then " + fitFast + " of " + GRID + " fit)" : "")
                        + ", to fit y = 2x from any Keras initial weight.";
        return b.verdict(fit > 0 ? Verdict.QUALIFIED : Verdict.ERRATUM, finding, correction);
    }
}
