package kata.epsilon;

import optikata.optim.AbstractOptimizer;
import optikata.optim.Hyperparameters;
import org.ejml.data.DMatrixRMaj;

/** Exercise 04: RMSProp with ε outside the root (the RMSProp principles article §3, PyTorch), on the library's AbstractOptimizer. */
public final class OutsideRmsProp extends AbstractOptimizer<OutsideRmsProp.Config> {
    /** η, β and ε. */
    public record Config(double learningRate, double decay, double epsilon) implements Hyperparameters {}

    public OutsideRmsProp(double learningRate, double decay, double epsilon) {
        super(
                "outside-rmsprop",
                new Config(learningRate, decay, epsilon),
                new String[] {"squaredGradientAverage"},
                new double[] {0.0});
    }

    /** s ← β s + (1−β) g², θ ← θ − η g / (√s + ε), for elements from ≤ i &lt; to. */
    @Override
    protected void update(double[] theta, double[] g, int from, int to, long t, DMatrixRMaj[] buffers) {
        double[] s = buffers[0].data;
        for (int i = from; i < to; i++) {
            s[i] = config.decay() * s[i] + (1 - config.decay()) * g[i] * g[i];
            theta[i] -= config.learningRate() * g[i] / Math.sqrt(s[i]) + config.epsilon();
        }
    }

    /** out[i] = η / (√s[i] + ε) for i &lt; n. */
    @Override
    protected void effectiveRate(double[] out, int n, long t, DMatrixRMaj[] buffers) {
        for (int i = 0; i < n; i++) {
            out[i] = config.learningRate() / (Math.sqrt(buffers[0].data[i]) + config.epsilon());
        }
    }

    /** Outside-form step over inside-form step once s = g²: √(g² + ε) / (|g| + ε). */
    public static double stepRatio(double gradient, double epsilon) {
        return Math.sqrt(gradient * gradient + epsilon) / (Math.abs(gradient) + epsilon);
    }
}
