package optikata.optim;

import java.util.List;
import org.ejml.data.DMatrixRMaj;

/**
 * AdaGrad:
 * <pre>
 *   s ← s + g²                      squaredGradientSum
 *   θ ← θ − η g / (√s + ε)          OUTSIDE_ROOT (PyTorch, the default here)
 *     | θ − η g / √(s + ε)          INSIDE_ROOT (d2l §7.5, d2l §7.6's comparison)
 * </pre>
 * Since {@code s} never decreases, each coordinate's rate η/denominator never increases. With a
 * weight decay λ, first:
 * <pre>
 *   COUPLED    g ← g + λθ                     PyTorch {@code Adagrad(weight_decay=λ)}: λθ enters s too
 *   DECOUPLED  θ ← θ (1 − ηλ)                 Keras {@code Adagrad(weight_decay=λ)}
 * </pre>
 * Defaults (PyTorch {@code torch/optim/adagrad.py}): η = 0.01, ε = 1e-10 outside the root, s₀ = 0,
 * λ = 0 (coupled).
 *
 * <p>References: [1] J. Duchi, E. Hazan, Y. Singer, Adaptive subgradient methods for online
 * learning and stochastic optimization, JMLR 2011. [2] PyTorch {@code torch/optim/adagrad.py}.
 * [3] d2l §7.5 (AdaGrad). [4] Keras {@code keras/src/optimizers/base_optimizer.py}
 * ({@code _apply_weight_decay}).
 */
public final class AdaGrad extends AbstractOptimizer<AdaGrad.Config> {
    /**
     * Built by name as {@code adagrad}: learning rate, ε, ε placement, initial accumulator, weight
     * decay and its form.
     */
    public static final OptimizerKind KIND = new OptimizerKind(
            "adagrad",
            List.of(
                    OptimizerSpec.LEARNING_RATE,
                    OptimizerSpec.EPSILON,
                    OptimizerSpec.EPSILON_PLACEMENT,
                    OptimizerSpec.INITIAL_ACCUMULATOR,
                    OptimizerSpec.WEIGHT_DECAY,
                    OptimizerSpec.WEIGHT_DECAY_FORM),
            s -> {
                Config d = Config.defaults();
                return new AdaGrad(new Config(
                        s.number(OptimizerSpec.LEARNING_RATE, d.learningRate()),
                        s.number(OptimizerSpec.EPSILON, d.epsilon()),
                        s.value(OptimizerSpec.EPSILON_PLACEMENT, EpsilonPlacement.class, d.epsilonPlacement()),
                        s.number(OptimizerSpec.INITIAL_ACCUMULATOR, d.initialAccumulator()),
                        s.number(OptimizerSpec.WEIGHT_DECAY, d.weightDecay()),
                        s.value(OptimizerSpec.WEIGHT_DECAY_FORM, WeightDecayForm.class, d.weightDecayForm()),
                        d.nonFinitePolicy()));
            });

    public static final String SQUARED_GRADIENT_SUM = "squaredGradientSum";

    /**
     * AdaGrad's hyperparameters, validated on construction.
     *
     * @param learningRate       η ≥ 0
     * @param epsilon            ε &gt; 0
     * @param epsilonPlacement   inside or outside the root
     * @param initialAccumulator s₀ ≥ 0
     * @param weightDecay        λ ≥ 0 (0: none)
     * @param weightDecayForm    where λ enters: {@code g + λθ} or {@code θ(1 − ηλ)} first
     */
    public record Config(
            double learningRate,
            double epsilon,
            EpsilonPlacement epsilonPlacement,
            double initialAccumulator,
            double weightDecay,
            WeightDecayForm weightDecayForm,
            NonFinitePolicy nonFinitePolicy)
            implements Hyperparameters {
        public Config {
            Check.learningRate(learningRate);
            Check.epsilon(epsilon);
            Check.notNull("epsilon placement", epsilonPlacement);
            Check.nonNegative("initial accumulator", initialAccumulator);
            Check.nonNegative("weight decay", weightDecay);
            Check.notNull("weight decay form", weightDecayForm);
            Check.notNull("non-finite policy", nonFinitePolicy);
        }

        /** No weight decay. */
        public Config(
                double learningRate,
                double epsilon,
                EpsilonPlacement epsilonPlacement,
                double initialAccumulator,
                NonFinitePolicy nonFinitePolicy) {
            this(
                    learningRate,
                    epsilon,
                    epsilonPlacement,
                    initialAccumulator,
                    0.0,
                    WeightDecayForm.COUPLED,
                    nonFinitePolicy);
        }

        /** PyTorch's defaults. */
        public static Config defaults() {
            return new Config(0.01, 1e-10, EpsilonPlacement.OUTSIDE_ROOT, 0.0, NonFinitePolicy.REJECT);
        }

        /** d2l §7.5: ε = 1e-6 inside the root. */
        public static Config d2l(double learningRate) {
            return new Config(learningRate, 1e-6, EpsilonPlacement.INSIDE_ROOT, 0.0, NonFinitePolicy.REJECT);
        }
    }

    public AdaGrad(Config config) {
        super("adagrad", config, new String[] {SQUARED_GRADIENT_SUM}, new double[] {
            Check.notNull("config", config).initialAccumulator()
        });
    }

    public AdaGrad() {
        this(Config.defaults());
    }

    @Override
    protected void update(double[] theta, double[] g, int from, int to, long t, DMatrixRMaj[] buffers) {
        kernel(theta, g, buffers[0].data, from, to, config);
    }

    /**
     * The update as a pure loop over arrays, on elements {@code [from, to)}: the weight decay in its
     * form, {@code s ← s + g²}, then the step with ε where the config puts it (the stateful
     * {@link #update} calls it).
     *
     * @param theta the parameters, modified
     * @param g     the gradient, not modified
     * @param s     the squared-gradient sum, modified
     */
    public static void kernel(double[] theta, double[] g, double[] s, int from, int to, Config config) {
        final double lr = config.learningRate();
        final double eps = config.epsilon();
        if (config.weightDecay() != 0) {
            final boolean coupled = config.weightDecayForm() == WeightDecayForm.COUPLED;
            final double lambda = coupled ? config.weightDecay() : 0.0;
            final double keep = coupled ? 1.0 : 1 - lr * config.weightDecay();
            final boolean inside = config.epsilonPlacement() == EpsilonPlacement.INSIDE_ROOT;
            for (int i = from; i < to; i++) {
                double th = coupled ? theta[i] : theta[i] * keep;
                double gi = coupled ? g[i] + lambda * th : g[i];
                double si = s[i] + gi * gi;
                s[i] = si;
                theta[i] = th - lr * gi / (inside ? Math.sqrt(si + eps) : Math.sqrt(si) + eps);
            }
            return;
        }
        if (config.epsilonPlacement() == EpsilonPlacement.INSIDE_ROOT) {
            for (int i = from; i < to; i++) {
                double gi = g[i];
                double si = s[i] + gi * gi;
                s[i] = si;
                theta[i] -= lr * gi / Math.sqrt(si + eps);
            }
        } else {
            for (int i = from; i < to; i++) {
                double gi = g[i];
                double si = s[i] + gi * gi;
                s[i] = si;
                theta[i] -= lr * gi / (Math.sqrt(si) + eps);
            }
        }
    }

    @Override
    protected void effectiveRate(double[] out, int n, long t, DMatrixRMaj[] buffers) {
        double[] s = buffers[0].data;
        for (int i = 0; i < n; i++) {
            out[i] = config.learningRate() / config.epsilonPlacement().denominator(s[i], config.epsilon());
        }
    }
}
