package kata.adamw;

import optikata.optim.AbstractOptimizer;
import optikata.optim.Hyperparameters;
import org.ejml.data.DMatrixRMaj;

/** Exercise 09: AdamW, Adam with decoupled weight decay (Loshchilov and Hutter 2019, PyTorch's form). */
public final class MyAdamW extends AbstractOptimizer<MyAdamW.Config> {
    /** η, β₁, β₂, ε and the weight decay λ. */
    public record Config(double learningRate, double beta1, double beta2, double epsilon, double weightDecay)
            implements Hyperparameters {}

    public MyAdamW(double learningRate, double beta1, double beta2, double epsilon, double weightDecay) {
        super(
                "my-adamw",
                new Config(learningRate, beta1, beta2, epsilon, weightDecay),
                new String[] {"firstMoment", "secondMoment"},
                new double[2]);
    }

    /** θ decayed by 1 − ηλ, then m, v, their bias corrections and Adam's step, for from ≤ i &lt; to; t is 1 on the first step. */
    @Override
    protected void update(double[] theta, double[] g, int from, int to, long t, DMatrixRMaj[] buffers) {
        double[] m = buffers[0].data;
        double[] v = buffers[1].data;
        double c1 = 1 - Math.pow(config.beta1(), t);
        double c2 = 1 - Math.pow(config.beta2(), t);
        double keep = 1 - config.learningRate() * config.weightDecay();
        for (int i = from; i < to; i++) {
            m[i] = config.beta1() * m[i] + (1 - config.beta1()) * g[i];
            v[i] = config.beta2() * v[i] + (1 - config.beta2()) * g[i] * g[i];
            theta[i] -= config.learningRate()
                    * (m[i] / c1 + config.weightDecay() * theta[i])
                    / (Math.sqrt(v[i] / c2) + config.epsilon());
        }
    }

    /** out[i] = η / (1 − β₁ᵗ) / (√(v[i] / (1 − β₂ᵗ)) + ε): Adam's rate, the factor on m (the decay is not part of it). */
    @Override
    protected void effectiveRate(double[] out, int n, long t, DMatrixRMaj[] buffers) {
        double c1 = 1 - Math.pow(config.beta1(), t);
        double c2 = 1 - Math.pow(config.beta2(), t);
        for (int i = 0; i < n; i++) {
            out[i] = config.learningRate() / c1 / (Math.sqrt(buffers[1].data[i] / c2) + config.epsilon());
        }
    }
}
