package optikata.optim;

import java.util.Arrays;
import java.util.List;
import org.ejml.data.DMatrixRMaj;

/**
 * Plain (stochastic) gradient descent: {@code θ ← θ − η g}. No state. With a weight decay λ:
 * <pre>
 *   COUPLED    g ← g + λθ;  θ ← θ − η g          PyTorch {@code SGD(weight_decay=λ)}
 *   DECOUPLED  θ ← θ (1 − ηλ);  θ ← θ − η g      Keras {@code SGD(weight_decay=λ)}
 * </pre>
 * For SGD the two forms are one update, {@code θ − ηg − ηλθ}, and differ only in rounding. The
 * decoupled factor is rounded as PyTorch's {@code param.mul_(1 - lr * weight_decay)} rounds it
 * (Keras computes {@code θ − θ·λ·η}: the same number to within an ulp or two).
 *
 * <p>Default η = 0.01 (Keras {@code SGD}), λ = 0, coupled. References: [1] H. Robbins, S. Monro, A
 * stochastic approximation method, 1951. [2] PyTorch {@code torch/optim/sgd.py} with momentum = 0.
 * [3] Keras {@code keras/src/optimizers/base_optimizer.py} ({@code _apply_weight_decay}).
 */
public final class Sgd extends AbstractOptimizer<Sgd.Config> {
    /** Built by name as {@code sgd}: the learning rate (default 0.01), weight decay and its form. */
    public static final OptimizerKind KIND = new OptimizerKind(
            "sgd",
            List.of(OptimizerSpec.LEARNING_RATE, OptimizerSpec.WEIGHT_DECAY, OptimizerSpec.WEIGHT_DECAY_FORM),
            s -> new Sgd(new Config(
                    s.number(OptimizerSpec.LEARNING_RATE, 0.01),
                    s.number(OptimizerSpec.WEIGHT_DECAY, 0.0),
                    s.value(OptimizerSpec.WEIGHT_DECAY_FORM, WeightDecayForm.class, WeightDecayForm.COUPLED),
                    NonFinitePolicy.REJECT)));

    /**
     * SGD's hyperparameters, validated on construction.
     *
     * @param learningRate    η ≥ 0
     * @param weightDecay     λ ≥ 0 (0: none)
     * @param weightDecayForm where λ enters: {@code g + λθ} or {@code θ(1 − ηλ)} first
     */
    public record Config(
            double learningRate, double weightDecay, WeightDecayForm weightDecayForm, NonFinitePolicy nonFinitePolicy)
            implements Hyperparameters {
        public Config {
            Check.learningRate(learningRate);
            Check.nonNegative("weight decay", weightDecay);
            Check.notNull("weight decay form", weightDecayForm);
            Check.notNull("non-finite policy", nonFinitePolicy);
        }

        /** No weight decay. */
        public Config(double learningRate, NonFinitePolicy nonFinitePolicy) {
            this(learningRate, 0.0, WeightDecayForm.COUPLED, nonFinitePolicy);
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
     * The update as a pure loop over arrays, the class comment's step on elements {@code [from, to)}
     * (the stateful {@link #update} calls it; so may anyone holding arrays).
     *
     * @param theta the parameters, modified
     * @param g     the gradient, not modified
     */
    public static void kernel(double[] theta, double[] g, int from, int to, Config config) {
        final double lr = config.learningRate();
        final double lambda = config.weightDecay();
        if (lambda == 0) {
            for (int i = from; i < to; i++) {
                theta[i] -= lr * g[i];
            }
        } else if (config.weightDecayForm() == WeightDecayForm.COUPLED) {
            for (int i = from; i < to; i++) {
                theta[i] -= lr * (g[i] + lambda * theta[i]);
            }
        } else {
            final double keep = 1 - lr * lambda;
            for (int i = from; i < to; i++) {
                theta[i] = theta[i] * keep - lr * g[i];
            }
        }
    }

    @Override
    protected void effectiveRate(double[] out, int n, long t, DMatrixRMaj[] buffers) {
        Arrays.fill(out, 0, n, config.learningRate());
    }
}
