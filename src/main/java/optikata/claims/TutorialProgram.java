package optikata.claims;

import java.util.Arrays;
import java.util.function.DoubleBinaryOperator;
import optikata.objective.LeastSquares;
import org.ejml.data.DMatrixRMaj;

/**
 * The NumPy tutorial's §5 program, ported line by line over plain arrays, with NumPy's broadcasting
 * rule for element-wise operations (shapes must be equal or one of them 1), so that the port fails
 * where the original would.
 *
 * <pre>
 * theta = [0, 0]; eta = 0.01; beta = 0.9; epsilon = 1e-8; g = [0, 0]; RMS = [0, 0]
 * for t in range(1000):
 *     gradients = np.dot(X, theta) - y                       # as written: the residual, 10 values
 *     g = beta * g + (1 - beta) * gradients                   # 2 values + 10 values
 *     RMS = np.sqrt(beta * RMS**2 + (1 - beta) * gradients**2)
 *     eta_t = eta / np.sqrt(RMS**2 + epsilon)
 *     theta = theta - eta_t * gradients
 * </pre>
 */
final class TutorialProgram {
    static final double ETA = 0.01;
    static final double BETA = 0.9;
    static final double EPSILON = 1e-8;
    static final int STEPS = 1000;

    /**
     * What a run did: the iteration and line where it failed (or −1), NumPy's message, the final θ, the
     * length of the {@code gradients} array the program computed, and the lengths of the two operands that
     * could not be broadcast (empty when it ran through).
     */
    record Outcome(
            int failedAtIteration,
            String failedLine,
            String error,
            double[] theta,
            double[][] trajectory,
            int gradientsLength,
            int[] clashingShapes) {
        boolean crashed() {
            return failedAtIteration >= 0;
        }
    }

    /** Which gradient line the program uses. */
    enum Gradient {
        /** {@code gradients = np.dot(X, theta) - y}, as printed. */
        AS_WRITTEN,
        /** {@code gradients = X.T @ (X @ theta - y) / n}: the gradient of J = 1/(2n) Σ (y − θᵀx)². */
        CORRECTED
    }

    static final class BroadcastError extends RuntimeException {
        private static final long serialVersionUID = 1L;

        final int left;
        final int right;

        BroadcastError(int a, int b) {
            super("ValueError: operands could not be broadcast together with shapes (" + a + ",) (" + b + ",)");
            left = a;
            right = b;
        }
    }

    private static double[] combine(double[] a, double[] b, DoubleBinaryOperator op) {
        if (a.length != b.length && a.length != 1 && b.length != 1) {
            throw new BroadcastError(a.length, b.length);
        }
        int n = Math.max(a.length, b.length);
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = op.applyAsDouble(a[a.length == 1 ? 0 : i], b[b.length == 1 ? 0 : i]);
        }
        return out;
    }

    private static double[] scalar(double v) {
        return new double[] {v};
    }

    private static double[] sqrt(double[] a) {
        double[] out = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = Math.sqrt(a[i]);
        }
        return out;
    }

    /**
     * Runs the program.
     *
     * @param keepGradientHistory false drops the line that updates {@code g} (to show it is never read)
     */
    static Outcome run(Gradient gradientLine, boolean keepGradientHistory) {
        LeastSquares data = LeastSquares.tutorial();
        DMatrixRMaj x = data.design();
        DMatrixRMaj y = data.targets();
        int n = x.numRows;
        double[] theta = {0.0, 0.0};
        double[] g = {0.0, 0.0};
        double[] rms = {0.0, 0.0};
        double[][] trajectory = new double[STEPS + 1][];
        trajectory[0] = theta.clone();
        String line = "";
        int gradientsLength = -1;
        try {
            for (int t = 0; t < STEPS; t++) {
                line = "gradients = np.dot(X, theta) - y";
                double[] residual = new double[n];
                for (int i = 0; i < n; i++) {
                    residual[i] = x.get(i, 0) * theta[0] + x.get(i, 1) * theta[1] - y.get(i);
                }
                double[] gradients = residual;
                if (gradientLine == Gradient.CORRECTED) {
                    gradients = new double[2];
                    for (int i = 0; i < n; i++) {
                        gradients[0] += x.get(i, 0) * residual[i] / n;
                        gradients[1] += x.get(i, 1) * residual[i] / n;
                    }
                }
                gradientsLength = gradients.length;
                if (keepGradientHistory) {
                    line = "g = beta * g + (1 - beta) * gradients";
                    g = combine(
                            combine(scalar(BETA), g, (a, b) -> a * b),
                            combine(scalar(1 - BETA), gradients, (a, b) -> a * b),
                            Double::sum);
                }
                line = "RMS = np.sqrt(beta * RMS**2 + (1 - beta) * gradients**2)";
                double[] rmsSquared = combine(rms, rms, (a, b) -> a * b);
                double[] gradSquared = combine(gradients, gradients, (a, b) -> a * b);
                rms = sqrt(combine(
                        combine(scalar(BETA), rmsSquared, (a, b) -> a * b),
                        combine(scalar(1 - BETA), gradSquared, (a, b) -> a * b),
                        Double::sum));
                line = "eta_t = eta / np.sqrt(RMS**2 + epsilon)";
                double[] etaT = combine(
                        scalar(ETA),
                        sqrt(combine(combine(rms, rms, (a, b) -> a * b), scalar(EPSILON), Double::sum)),
                        (a, b) -> a / b);
                line = "theta = theta - eta_t * gradients";
                theta = combine(theta, combine(etaT, gradients, (a, b) -> a * b), (a, b) -> a - b);
                trajectory[t + 1] = theta.clone();
            }
        } catch (BroadcastError e) {
            int failedAt = 0;
            while (failedAt < trajectory.length && trajectory[failedAt] != null) {
                failedAt++;
            }
            return new Outcome(
                    failedAt - 1,
                    line,
                    e.getMessage(),
                    theta,
                    Arrays.copyOf(trajectory, failedAt),
                    gradientsLength,
                    new int[] {e.left, e.right});
        }
        return new Outcome(-1, null, null, theta, trajectory, gradientsLength, new int[0]);
    }
}
