package kata.adam;

import optikata.optim.AbstractOptimizer;
import optikata.optim.Hyperparameters;
import org.ejml.data.DMatrixRMaj;

/** Exercise 07: Adam (Kingma and Ba 2015, PyTorch's form). */
public final class MyAdam extends AbstractOptimizer<MyAdam.Config> {
    /** η, β₁, β₂ and ε. */
    public record Config(double learningRate, double beta1, double beta2, double epsilon) implements Hyperparameters {}

    public MyAdam(double learningRate, double beta1, double beta2, double epsilon) {
        super(
                "my-adam",
                new Config(learningRate, beta1, beta2, epsilon),
                new String[] {"firstMoment", "secondMoment"},
                new double[2]);
    }

    /** m, v, their bias corrections and the step, for from ≤ i &lt; to; t is 1 on the first step. */
    @Override
    protected void update(double[] theta, double[] g, int from, int to, long t, DMatrixRMaj[] buffers) {
        throw new UnsupportedOperationException(
                "Exercise 07 is not started: fill in MyAdam.update (read exercises/07-adam/README.md)");
    }

    /** out[i] = η / (1 − β₁ᵗ) / (√(v[i] / (1 − β₂ᵗ)) + ε). */
    @Override
    protected void effectiveRate(double[] out, int n, long t, DMatrixRMaj[] buffers) {
        throw new UnsupportedOperationException(
                "Exercise 07 is not started: fill in MyAdam.effectiveRate (read exercises/07-adam/README.md)");
    }
}
