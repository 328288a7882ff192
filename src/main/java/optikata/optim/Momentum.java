package optikata.optim;

import java.util.Arrays;
import java.util.List;
import org.ejml.data.DMatrixRMaj;

/**
 * Momentum in PyTorch's form (dampening 0), heavy-ball or Nesterov by a flag, as PyTorch's
 * {@code SGD(momentum=μ, nesterov=…)} and Optax's {@code sgd(momentum=μ, nesterov=…)} have it:
 * <pre>
 *   v ← μ v + g                    velocity
 *   θ ← θ − η v                    heavy ball  (nesterov = false)
 *   θ ← θ − η (g + μ v)            Nesterov    (nesterov = true; Sutskever et al. 2013, at the current point)
 * </pre>
 * d2l §7.4 writes heavy ball as {@code v ← γ v + η g; θ ← θ − v}: the same parameters while η is
 * constant. With a weight decay λ, before the lines above:
 * <pre>
 *   COUPLED    g ← g + λθ                     PyTorch {@code SGD(momentum=μ, weight_decay=λ)}: λθ enters the velocity
 *   DECOUPLED  θ ← θ (1 − ηλ)                 Keras {@code SGD(momentum=μ, weight_decay=λ)}: the velocity holds g only
 * </pre>
 * Defaults η = 0.01, μ = 0.9, λ = 0 (coupled). The effective rate is η on every coordinate. Its
 * name is {@code momentum} or {@code nesterov}, the names the command line knows it by.
 *
 * <p>References: [1] B. T. Polyak, Some methods of speeding up the convergence of iteration
 * methods, 1964. [2] Y. Nesterov, A method for solving the convex programming problem with
 * convergence rate O(1/k²), 1983. [3] I. Sutskever et al., On the importance of initialization and
 * momentum in deep learning, ICML 2013. [4] PyTorch {@code torch/optim/sgd.py} ({@code momentum},
 * {@code nesterov}, {@code weight_decay}). [5] Keras {@code keras/src/optimizers/base_optimizer.py}
 * ({@code _apply_weight_decay}).
 */
public final class Momentum extends AbstractOptimizer<Momentum.Config> {
    /**
     * Built by name as {@code momentum} (heavy ball): learning rate (0.01), momentum (0.9), weight
     * decay (0) and its form (coupled).
     */
    public static final OptimizerKind KIND = kind("momentum", false);

    /** Built by name as {@code nesterov}: the same options as {@link #KIND}. */
    public static final OptimizerKind NESTEROV_KIND = kind("nesterov", true);

    private static OptimizerKind kind(String name, boolean nesterov) {
        return new OptimizerKind(
                name,
                List.of(
                        OptimizerSpec.LEARNING_RATE,
                        OptimizerSpec.MOMENTUM,
                        OptimizerSpec.WEIGHT_DECAY,
                        OptimizerSpec.WEIGHT_DECAY_FORM),
                s -> new Momentum(new Config(
                        s.number(OptimizerSpec.LEARNING_RATE, 0.01),
                        s.number(OptimizerSpec.MOMENTUM, 0.9),
                        nesterov,
                        s.number(OptimizerSpec.WEIGHT_DECAY, 0.0),
                        s.value(OptimizerSpec.WEIGHT_DECAY_FORM, WeightDecayForm.class, WeightDecayForm.COUPLED),
                        NonFinitePolicy.REJECT)));
    }

    public static final String VELOCITY = "velocity";

    /**
     * Momentum's hyperparameters, validated on construction.
     *
     * @param learningRate η ≥ 0
     * @param momentum     μ in [0, 1)
     * @param nesterov     Nesterov's look-ahead step instead of heavy ball
     * @param weightDecay     λ ≥ 0 (0: none)
     * @param weightDecayForm where λ enters: {@code g + λθ} or {@code θ(1 − ηλ)} first
     */
    public record Config(
            double learningRate,
            double momentum,
            boolean nesterov,
            double weightDecay,
            WeightDecayForm weightDecayForm,
            NonFinitePolicy nonFinitePolicy)
            implements Hyperparameters {
        public Config {
            Check.learningRate(learningRate);
            Check.unitInterval("momentum", momentum);
            Check.nonNegative("weight decay", weightDecay);
            Check.notNull("weight decay form", weightDecayForm);
            Check.notNull("non-finite policy", nonFinitePolicy);
        }

        /** No weight decay. */
        public Config(double learningRate, double momentum, boolean nesterov, NonFinitePolicy nonFinitePolicy) {
            this(learningRate, momentum, nesterov, 0.0, WeightDecayForm.COUPLED, nonFinitePolicy);
        }

        /** Heavy ball. */
        public Config(double learningRate, double momentum) {
            this(learningRate, momentum, false, NonFinitePolicy.REJECT);
        }

        public Config(double learningRate, double momentum, boolean nesterov) {
            this(learningRate, momentum, nesterov, NonFinitePolicy.REJECT);
        }
    }

    public Momentum(Config config) {
        super(
                Check.notNull("config", config).nesterov() ? "nesterov" : "momentum",
                config,
                new String[] {VELOCITY},
                new double[1]);
    }

    /** Heavy-ball momentum. */
    public Momentum(double learningRate, double momentum) {
        this(new Config(learningRate, momentum));
    }

    /** Heavy-ball momentum with η = 0.01, μ = 0.9. */
    public Momentum() {
        this(0.01, 0.9);
    }

    /** Nesterov momentum. */
    public static Momentum nesterov(double learningRate, double momentum) {
        return new Momentum(new Config(learningRate, momentum, true));
    }

    /** Nesterov momentum with η = 0.01, μ = 0.9. */
    public static Momentum nesterov() {
        return nesterov(0.01, 0.9);
    }

    @Override
    protected void effectiveRate(double[] out, int n, long t, DMatrixRMaj[] buffers) {
        Arrays.fill(out, 0, n, config.learningRate());
    }

    @Override
    protected void update(double[] theta, double[] g, int from, int to, long t, DMatrixRMaj[] buffers) {
        kernel(theta, g, buffers[0].data, from, to, config);
    }

    /**
     * The update as a pure loop over arrays, on elements {@code [from, to)}: the class comment's
     * heavy-ball or Nesterov step (the stateful {@link #update} calls it).
     *
     * @param theta the parameters, modified
     * @param g     the gradient, not modified
     * @param v     the velocity, modified
     */
    public static void kernel(double[] theta, double[] g, double[] v, int from, int to, Config config) {
        final double lr = config.learningRate();
        final double mu = config.momentum();
        if (config.weightDecay() != 0) {
            decayed(theta, g, v, from, to, config);
            return;
        }
        if (config.nesterov()) {
            for (int i = from; i < to; i++) {
                double gi = g[i];
                double vi = mu * v[i] + gi;
                v[i] = vi;
                theta[i] -= lr * (gi + mu * vi);
            }
        } else {
            for (int i = from; i < to; i++) {
                double vi = mu * v[i] + g[i];
                v[i] = vi;
                theta[i] -= lr * vi;
            }
        }
    }

    /** The kernel with a weight decay λ &gt; 0, in either form. */
    private static void decayed(double[] theta, double[] g, double[] v, int from, int to, Config config) {
        final double lr = config.learningRate();
        final double mu = config.momentum();
        final boolean coupled = config.weightDecayForm() == WeightDecayForm.COUPLED;
        final double lambda = coupled ? config.weightDecay() : 0.0;
        final double keep = coupled ? 1.0 : 1 - lr * config.weightDecay();
        final boolean nesterov = config.nesterov();
        for (int i = from; i < to; i++) {
            double th = coupled ? theta[i] : theta[i] * keep;
            double gi = coupled ? g[i] + lambda * th : g[i];
            double vi = mu * v[i] + gi;
            v[i] = vi;
            theta[i] = th - lr * (nesterov ? gi + mu * vi : vi);
        }
    }
}
