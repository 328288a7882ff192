package optikata.optim;

import java.util.List;
import org.ejml.data.DMatrixRMaj;

/**
 * AdaDelta (Zeiler 2012), in PyTorch's form with a learning rate:
 * <pre>
 *   s ← ρ s + (1−ρ) g²                    squaredGradientAverage
 *   Δ ← √(u + ε) / √(s + ε) · g
 *   u ← ρ u + (1−ρ) Δ²                    squaredUpdateAverage
 *   θ ← θ − η Δ
 * </pre>
 * With a weight decay λ, first:
 * <pre>
 *   COUPLED    g ← g + λθ                     PyTorch {@code Adadelta(weight_decay=λ)}
 *   DECOUPLED  θ ← θ (1 − ηλ)                 Keras {@code Adadelta(weight_decay=λ)}
 * </pre>
 * Defaults (PyTorch {@code torch/optim/adadelta.py}): η = 1.0, ρ = 0.9, ε = 1e-6, λ = 0
 * (coupled). The effective rate reported is {@code η √(u + ε)/√(s + ε)} from the state after the
 * step.
 *
 * <p>References: [1] M. D. Zeiler, ADADELTA: An adaptive learning rate method, arXiv:1212.5701,
 * 2012. [2] PyTorch {@code torch/optim/adadelta.py}. [3] d2l §7.7. [4] Keras
 * {@code keras/src/optimizers/base_optimizer.py} ({@code _apply_weight_decay}).
 */
public final class AdaDelta extends AbstractOptimizer<AdaDelta.Config> {
    /** Built by name as {@code adadelta}: learning rate, decay, ε, weight decay and its form. */
    public static final OptimizerKind KIND = new OptimizerKind(
            "adadelta",
            List.of(
                    OptimizerSpec.LEARNING_RATE,
                    OptimizerSpec.DECAY,
                    OptimizerSpec.EPSILON,
                    OptimizerSpec.WEIGHT_DECAY,
                    OptimizerSpec.WEIGHT_DECAY_FORM),
            s -> {
                Config d = Config.defaults();
                return new AdaDelta(new Config(
                        s.number(OptimizerSpec.LEARNING_RATE, d.learningRate()),
                        s.number(OptimizerSpec.DECAY, d.decay()),
                        s.number(OptimizerSpec.EPSILON, d.epsilon()),
                        s.number(OptimizerSpec.WEIGHT_DECAY, d.weightDecay()),
                        s.value(OptimizerSpec.WEIGHT_DECAY_FORM, WeightDecayForm.class, d.weightDecayForm()),
                        d.nonFinitePolicy()));
            });

    public static final String SQUARED_GRADIENT_AVERAGE = "squaredGradientAverage";
    public static final String SQUARED_UPDATE_AVERAGE = "squaredUpdateAverage";

    /**
     * AdaDelta's hyperparameters, validated on construction.
     *
     * @param learningRate η ≥ 0
     * @param decay        ρ in [0, 1)
     * @param epsilon      ε &gt; 0
     * @param weightDecay     λ ≥ 0 (0: none)
     * @param weightDecayForm where λ enters: {@code g + λθ} or {@code θ(1 − ηλ)} first
     */
    public record Config(
            double learningRate,
            double decay,
            double epsilon,
            double weightDecay,
            WeightDecayForm weightDecayForm,
            NonFinitePolicy nonFinitePolicy)
            implements Hyperparameters {
        public Config {
            Check.learningRate(learningRate);
            Check.unitInterval("decay rate", decay);
            Check.epsilon(epsilon);
            Check.nonNegative("weight decay", weightDecay);
            Check.notNull("weight decay form", weightDecayForm);
            Check.notNull("non-finite policy", nonFinitePolicy);
        }

        /** No weight decay. */
        public Config(double learningRate, double decay, double epsilon, NonFinitePolicy nonFinitePolicy) {
            this(learningRate, decay, epsilon, 0.0, WeightDecayForm.COUPLED, nonFinitePolicy);
        }

        public static Config defaults() {
            return new Config(1.0, 0.9, 1e-6, NonFinitePolicy.REJECT);
        }
    }

    public AdaDelta(Config config) {
        super("adadelta", config, new String[] {SQUARED_GRADIENT_AVERAGE, SQUARED_UPDATE_AVERAGE}, new double[2]);
    }

    public AdaDelta() {
        this(Config.defaults());
    }

    @Override
    protected void update(double[] theta, double[] g, int from, int to, long t, DMatrixRMaj[] buffers) {
        kernel(theta, g, buffers[0].data, buffers[1].data, from, to, config);
    }

    /**
     * The update as a pure loop over arrays, on elements {@code [from, to)}: the class comment's
     * step, weight decay included (the stateful {@link #update} calls it).
     *
     * @param theta the parameters, modified
     * @param g     the gradient, not modified
     * @param s     the squared-gradient average, modified
     * @param u     the squared-update average, modified
     */
    public static void kernel(double[] theta, double[] g, double[] s, double[] u, int from, int to, Config config) {
        final double lr = config.learningRate();
        final double rho = config.decay();
        final double eps = config.epsilon();
        if (config.weightDecay() != 0) {
            final boolean coupled = config.weightDecayForm() == WeightDecayForm.COUPLED;
            final double lambda = coupled ? config.weightDecay() : 0.0;
            final double keep = coupled ? 1.0 : 1 - lr * config.weightDecay();
            for (int i = from; i < to; i++) {
                double th = coupled ? theta[i] : theta[i] * keep;
                double gi = coupled ? g[i] + lambda * th : g[i];
                double si = rho * s[i] + (1 - rho) * gi * gi;
                s[i] = si;
                double delta = Math.sqrt(u[i] + eps) / Math.sqrt(si + eps) * gi;
                u[i] = rho * u[i] + (1 - rho) * delta * delta;
                theta[i] = th - lr * delta;
            }
            return;
        }
        for (int i = from; i < to; i++) {
            double gi = g[i];
            double si = rho * s[i] + (1 - rho) * gi * gi;
            s[i] = si;
            double delta = Math.sqrt(u[i] + eps) / Math.sqrt(si + eps) * gi;
            u[i] = rho * u[i] + (1 - rho) * delta * delta;
            theta[i] -= lr * delta;
        }
    }

    @Override
    protected void effectiveRate(double[] out, int n, long t, DMatrixRMaj[] buffers) {
        double[] s = buffers[0].data;
        double[] u = buffers[1].data;
        double eps = config.epsilon();
        for (int i = 0; i < n; i++) {
            out[i] = config.learningRate() * Math.sqrt(u[i] + eps) / Math.sqrt(s[i] + eps);
        }
    }
}
