package optikata.optim;

import java.util.Arrays;
import java.util.List;
import org.ejml.data.DMatrixRMaj;

/**
 * Plain (stochastic) gradient descent: {@code θ ← θ − η g}. No state.
 *
 * <p>Default η = 0.01 (Keras {@code SGD}). References: [1] H. Robbins, S. Monro, A stochastic
 * approximation method, 1951. [2] PyTorch {@code torch/optim/sgd.py} with momentum = 0.
 */
public final class Sgd extends AbstractOptimizer<Sgd.Config> {
    /** Built by name as {@code sgd}: the learning rate (default 0.01). */
    public static final OptimizerKind KIND = new OptimizerKind(
            "sgd", List.of(OptimizerSpec.LEARNING_RATE), s -> new Sgd(s.number(OptimizerSpec.LEARNING_RATE, 0.01)));

    /**
     * SGD's hyperparameter, validated on construction.
     *
     * @param learningRate η ≥ 0
     */
    public record Config(double learningRate, NonFinitePolicy nonFinitePolicy) implements Hyperparameters {
        public Config {
            Check.learningRate(learningRate);
            Check.notNull("non-finite policy", nonFinitePolicy);
        }

        public Config(double learningRate) {
            this(learningRate, NonFinitePolicy.REJECT);
        }
    }

    public Sgd(Config config) {
        super("sgd", config, new String[0], new double[0]);
    }

    public Sgd(double learningRate) {
        this(new Config(learningRate));
    }

    public Sgd() {
        this(0.01);
    }

    @Override
    protected void update(double[] theta, double[] g, int from, int to, long t, DMatrixRMaj[] buffers) {
        kernel(theta, g, from, to, config);
    }

    /**
     * The update as a pure loop over arrays, {@code θ ← θ − η g} on elements {@code [from, to)}
     * (the stateful {@link #update} calls it; so may anyone holding arrays).
     *
     * @param theta the parameters, modified
     * @param g     the gradient, not modified
     */
    public static void kernel(double[] theta, double[] g, int from, int to, Config config) {
        final double lr = config.learningRate();
        for (int i = from; i < to; i++) {
            theta[i] -= lr * g[i];
        }
    }

    @Override
    protected void effectiveRate(double[] out, int n, long t, DMatrixRMaj[] buffers) {
        Arrays.fill(out, 0, n, config.learningRate());
    }
}
