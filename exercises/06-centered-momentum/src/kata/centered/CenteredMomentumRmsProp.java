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
        throw new UnsupportedOperationException(
                "Exercise 06 is not started: fill in CenteredMomentumRmsProp.update (read exercises/06-centered-momentum/README.md)");
    }

    /** out[i] = η / (√(s[i] − ḡ[i]²) + ε). */
    @Override
    protected void effectiveRate(double[] out, int n, long t, DMatrixRMaj[] buffers) {
        throw new UnsupportedOperationException(
                "Exercise 06 is not started: fill in CenteredMomentumRmsProp.effectiveRate (read exercises/06-centered-momentum/README.md)");
    }
}
