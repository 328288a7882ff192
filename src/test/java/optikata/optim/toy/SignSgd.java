package optikata.optim.toy;

import java.util.Arrays;
import java.util.List;
import optikata.optim.AbstractOptimizer;
import optikata.optim.Check;
import optikata.optim.Hyperparameters;
import optikata.optim.OptimizerKind;
import optikata.optim.OptimizerSpec;
import org.ejml.data.DMatrixRMaj;

/**
 * A toy optimizer that shows what adding one to the family takes: this file (the update and its
 * {@link #KIND}) plus one registration ({@code OptimizerRegistry.FAMILY.with(SignSgd.KIND)}, or one
 * line in {@code FAMILY}). Sign descent, {@code θ ← θ − η sign(g)} (signSGD, Bernstein et al. 2018).
 */
public final class SignSgd extends AbstractOptimizer<SignSgd.Config> {
    /** Built by name as {@code signsgd}: the learning rate (default 0.001). */
    public static final OptimizerKind KIND = new OptimizerKind(
            "signsgd",
            List.of(OptimizerSpec.LEARNING_RATE),
            s -> new SignSgd(new Config(s.number(OptimizerSpec.LEARNING_RATE, 0.001))));

    /**
     * Sign descent's one hyperparameter.
     *
     * @param learningRate η ≥ 0
     */
    public record Config(double learningRate) implements Hyperparameters {
        public Config {
            Check.learningRate(learningRate);
        }
    }

    public SignSgd(Config config) {
        super("signsgd", config, new String[0], new double[0]);
    }

    @Override
    protected void update(double[] theta, double[] g, int from, int to, long t, DMatrixRMaj[] buffers) {
        kernel(theta, g, from, to, config);
    }

    /** The update as a pure loop over arrays, on elements {@code [from, to)}; theta is modified. */
    public static void kernel(double[] theta, double[] g, int from, int to, Config config) {
        for (int i = from; i < to; i++) {
            theta[i] -= config.learningRate() * Math.signum(g[i]);
        }
    }

    @Override
    protected void effectiveRate(double[] out, int n, long t, DMatrixRMaj[] buffers) {
        Arrays.fill(out, 0, n, config.learningRate());
    }
}
