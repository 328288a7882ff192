package optikata.conformance;

import java.util.List;

/**
 * Two Adam updates of Java libraries, transcribed from their sources, that no configuration of
 * the library's {@link optikata.optim.Adam} reproduces. They are here to show that the recorded
 * runs are what the sources say (the replay is bit for bit) and to measure how far each is from
 * Adam as Kingma &amp; Ba's Algorithm 1 and PyTorch compute it.
 */
public final class PeerForms {
    private PeerForms() {}

    /**
     * Tribuo 4.3.2 {@code org.tribuo.math.optimisers.Adam.step}: {@code α_t = η·√(1−β₂ᵗ)/(1−β₁ᵗ)},
     * {@code m ← β₁m + (1−β₁)g}, {@code v ← β₂v + (1−β₂)g²}, update {@code α_t·m·(√v + ε)}
     * (multiplied, where Adam divides), subtracted from θ.
     *
     * @return θ per step, row 0 the start
     */
    public static double[][] tribuoAdam(
            double[] start, List<double[]> gradients, int steps, double lr, double beta1, double beta2, double eps) {
        double[][] out = new double[steps + 1][];
        double[] theta = start.clone();
        double[] m = new double[theta.length];
        double[] v = new double[theta.length];
        out[0] = theta.clone();
        for (int t = 1; t <= steps; t++) {
            double rate = lr * Math.sqrt(1.0 - Math.pow(beta2, t)) / (1.0 - Math.pow(beta1, t));
            double[] g = gradients.get(t - 1);
            for (int i = 0; i < theta.length; i++) {
                // firstMoment.scaleInPlace(β₁); intersectAndAddInPlace(g, a -> a·(1−β₁)); likewise the second moment
                m[i] = m[i] * beta1 + g[i] * (1.0 - beta1);
                v[i] = v[i] * beta2 + g[i] * g[i] * (1.0 - beta2);
                double update = m[i] * rate;
                update = update * (Math.sqrt(v[i]) + eps); // hadamardProductInPlace(secondMoment, a -> √a + ε)
                theta[i] -= update;
            }
            out[t] = theta.clone();
        }
        return out;
    }

    /**
     * ND4J 1.0.0-M2.1 {@code AdamUpdater} ({@code libnd4j} {@code adam_updater}): the bias
     * corrections folded into the rate, {@code α_t = η·√(1−β₂ᵗ)/(1−β₁ᵗ)}, and ε not scaled:
     * {@code θ ← θ − (m·α_t)/(√v + ε)}, which is Algorithm 1 with ε replaced by {@code ε·√(1−β₂ᵗ)}
     * (Kingma &amp; Ba §2, "ε̂").
     */
    public static double[][] nd4jAdam(
            double[] start, List<double[]> gradients, int steps, double lr, double beta1, double beta2, double eps) {
        double[][] out = new double[steps + 1][];
        double[] theta = start.clone();
        double[] m = new double[theta.length];
        double[] v = new double[theta.length];
        out[0] = theta.clone();
        for (int t = 1; t <= steps; t++) {
            double rate = lr * Math.sqrt(1 - Math.pow(beta2, t)) / (1 - Math.pow(beta1, t));
            double[] g = gradients.get(t - 1);
            for (int i = 0; i < theta.length; i++) {
                m[i] = beta1 * m[i] + g[i] * (1 - beta1);
                v[i] = beta2 * v[i] + g[i] * g[i] * (1 - beta2);
                theta[i] -= (m[i] * rate) / (Math.sqrt(v[i]) + eps);
            }
            out[t] = theta.clone();
        }
        return out;
    }
}
