package optikata.optim;

import org.ejml.data.DMatrixRMaj;

/**
 * Nesterov momentum in PyTorch's form (Sutskever et al. 2013, rewritten at the current point):
 * <pre>
 *   v ← μ v + g          velocity
 *   θ ← θ − η (g + μ v)
 * </pre>
 * Defaults η = 0.01, μ = 0.9.
 *
 * <p>References: [1] Y. Nesterov, A method for solving the convex programming problem with
 * convergence rate O(1/k²), 1983. [2] I. Sutskever et al., On the importance of initialization
 * and momentum in deep learning, ICML 2013. [3] PyTorch {@code torch/optim/sgd.py} ({@code nesterov=True}).
 */
public final class Nesterov extends VelocityOptimizer {

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

    public Nesterov(Config config) {
        super("nesterov", Check.notNull("config", config).nonFinitePolicy(), config.learningRate(), config.momentum());
        this.config = config;
    }

    public Nesterov(double learningRate, double momentum) {
        this(new Config(learningRate, momentum));
    }

    public Nesterov() {
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
            double gi = g[i];
            double vi = mu * v[i] + gi;
            v[i] = vi;
            theta[i] -= lr * (gi + mu * vi);
        }
    }
}
