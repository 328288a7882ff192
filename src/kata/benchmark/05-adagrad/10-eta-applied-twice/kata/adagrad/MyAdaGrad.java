package kata.adagrad;

import optikata.optim.AbstractOptimizer;
import optikata.optim.Hyperparameters;
import org.ejml.data.DMatrixRMaj;

/** Exercise 05: AdaGrad (d2l §7.5, PyTorch's ε outside the root). */
public final class MyAdaGrad extends AbstractOptimizer<MyAdaGrad.Config> {
    /** η and ε. */
    public record Config(double learningRate, double epsilon) implements Hyperparameters {}

    public MyAdaGrad(double learningRate, double epsilon) {
        super("my-adagrad", new Config(learningRate, epsilon), new String[] {"squaredGradientSum"}, new double[] {0.0});
    }

    /** s ← s + g², θ ← θ − η g / (√s + ε), for from ≤ i &lt; to. */
    @Override
    protected void update(double[] theta, double[] g, int from, int to, long t, DMatrixRMaj[] buffers) {
        double[] s = buffers[0].data;
        for (int i = from; i < to; i++) {
            s[i] += g[i] * g[i];
            double rate = config.learningRate() / (Math.sqrt(s[i]) + config.epsilon());
            theta[i] -= config.learningRate() * rate * g[i];
        }
    }

    /** out[i] = η / (√s[i] + ε). */
    @Override
    protected void effectiveRate(double[] out, int n, long t, DMatrixRMaj[] buffers) {
        for (int i = 0; i < n; i++) {
            out[i] = config.learningRate() / (Math.sqrt(buffers[0].data[i]) + config.epsilon());
        }
    }
}
