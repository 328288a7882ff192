package kata.centered;

import optikata.optim.AbstractOptimizer;
import optikata.optim.Hyperparameters;
import org.ejml.data.DMatrixRMaj;

/** Exercise 06: centered RMSProp with momentum (PyTorch's form, ε outside the root). */
public final class CenteredMomentumRmsProp extends AbstractOptimizer<CenteredMomentumRmsProp.Config> {
    /** η, β, ε and μ. */
    public record Config(double learningRate, double decay, double epsilon, double momentum)
            implements Hyperparameters {}

    public CenteredMomentumRmsProp(double learningRate, double decay, double epsilon, double momentum) {
        super(
                "centered-momentum-rmsprop",
                new Config(learningRate, decay, epsilon, momentum),
                new String[] {"squaredGradientAverage", "gradientAverage", "momentumBuffer"},
                new double[3]);
    }

    /** s, ḡ and b as in the README, then θ ← θ − η b, for from ≤ i &lt; to. */
    @Override
    protected void update(double[] theta, double[] g, int from, int to, long t, DMatrixRMaj[] buffers) {
        double[] s = buffers[0].data;
        double[] avg = buffers[1].data;
        double[] b = buffers[2].data;
        double beta = config.decay();
        for (int i = from; i < to; i++) {
            s[i] = beta * s[i] + (1 - beta) * g[i] * g[i];
            avg[i] = beta * avg[i] + (1 - beta) * g[i];
            double d = Math.sqrt(Math.max(s[i] - avg[i] * avg[i], 0)) + config.epsilon();
            b[i] = config.momentum() * b[i] + g[i] / d;
            theta[i] -= config.learningRate() * b[i];
        }
    }

    /** out[i] = η / (√(s[i] − ḡ[i]²) + ε). */
    @Override
    protected void effectiveRate(double[] out, int n, long t, DMatrixRMaj[] buffers) {
        for (int i = 0; i < n; i++) {
            double v = Math.max(buffers[0].data[i] - buffers[1].data[i] * buffers[1].data[i], 0);
            out[i] = config.learningRate() / Math.sqrt(v);
        }
    }
}
