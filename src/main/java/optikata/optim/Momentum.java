package optikata.optim;

import org.ejml.data.DMatrixRMaj;

/**
 * Heavy-ball momentum in PyTorch's form (dampening 0):
 * <pre>
 *   v ← μ v + g          velocity
 *   θ ← θ − η v
 * </pre>
 * d2l §7.4 writes {@code v ← γ v + η g; θ ← θ − v}: the same parameters while η is constant.
 * Defaults η = 0.01, μ = 0.9.
 *
 * <p>References: [1] B. T. Polyak, Some methods of speeding up the convergence of iteration
 * methods, 1964. [2] PyTorch {@code torch/optim/sgd.py} ({@code momentum}, {@code nesterov=False}).
 */
public final class Momentum extends VelocityOptimizer {

    /**
     * @param learningRate η ≥ 0
     * @param momentum     μ in [0, 1)
     */
    public record Config(double learningRate, double momentum, NonFinitePolicy nonFinitePolicy) {
        public Config {
            Check.learningRate(learningRate);
            Check.unitInterval("momentum", momentum);
            Check.notNull("non-finite policy", nonFinitePolicy);
        }

        public Config(double learningRate, double momentum) {
            this(learningRate, momentum, NonFinitePolicy.REJECT);
        }
    }

    private final Config config;

    public Momentum(Config config) {
        super("momentum", Check.notNull("config", config).nonFinitePolicy(), config.learningRate(), config.momentum());
        this.config = config;
    }

    public Momentum(double learningRate, double momentum) {
        this(new Config(learningRate, momentum));
    }

    public Momentum() {
        this(0.01, 0.9);
    }

    @Override
    public Config hyperparameters() {
        return config;
    }

    @Override
    protected void update(double[] theta, double[] g, int from, int to, long t, DMatrixRMaj[] buffers) {
        final double lr = learningRate;
        final double mu = momentum;
        final double[] v = buffers[0].data;
        for (int i = from; i < to; i++) {
            double vi = mu * v[i] + g[i];
            v[i] = vi;
            theta[i] -= lr * vi;
        }
    }
}
