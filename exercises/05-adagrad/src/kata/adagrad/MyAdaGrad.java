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
        throw new UnsupportedOperationException(
                "Exercise 05 is not started: fill in MyAdaGrad.update (read exercises/05-adagrad/README.md)");
    }

    /** out[i] = η / (√s[i] + ε). */
    @Override
    protected void effectiveRate(double[] out, int n, long t, DMatrixRMaj[] buffers) {
        throw new UnsupportedOperationException(
                "Exercise 05 is not started: fill in MyAdaGrad.effectiveRate (read exercises/05-adagrad/README.md)");
    }
}
