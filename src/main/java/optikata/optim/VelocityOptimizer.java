package optikata.optim;

import org.ejml.data.DMatrixRMaj;

/**
 * What heavy-ball and Nesterov momentum share: a learning rate η, a momentum μ and one velocity
 * buffer; the subclass writes the update. Their effective rate is η on every coordinate.
 */
abstract class VelocityOptimizer extends AbstractOptimizer {
    public static final String VELOCITY = "velocity";

    final double learningRate;
    final double momentum;

    VelocityOptimizer(String name, NonFinitePolicy policy, double learningRate, double momentum) {
        super(name, policy, new String[] {VELOCITY}, new double[1]);
        this.learningRate = learningRate;
        this.momentum = momentum;
    }

    @Override
    protected double baseLearningRate() {
        return learningRate;
    }

    @Override
    protected void effectiveRate(double[] out, int n, long t, DMatrixRMaj[] buffers) {
        java.util.Arrays.fill(out, 0, n, learningRate);
    }
}
