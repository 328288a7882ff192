package optikata.objective;

import java.util.Arrays;
import org.ejml.data.DMatrixRMaj;

/**
 * Central differences: ∂f/∂θᵢ ≈ (f(θ + h eᵢ) − f(θ − h eᵢ)) / 2h, and a comparison with an
 * objective's analytic gradient by the relative error of cs231n,
 * {@code max |a − n| / max(1e-8, |a| + |n|)}.
 */
public final class NumericGradient {
    private NumericGradient() {}

    /** The result of a check: both gradients and the worst relative error and its index. */
    public record Result(double[] analytic, double[] numeric, double maxRelativeError, int worstIndex) {
        public boolean passes(double tolerance) {
            return maxRelativeError <= tolerance;
        }
    }

    /** Central-difference gradient of {@code f} at θ (θ restored afterwards). */
    public static double[] estimate(Objective f, DMatrixRMaj theta, double h) {
        if (!(h > 0)) {
            throw new IllegalArgumentException("Invalid step h: " + h + " (must be > 0)");
        }
        double[] numeric = new double[theta.getNumElements()];
        for (int i = 0; i < numeric.length; i++) {
            double saved = theta.data[i];
            theta.data[i] = saved + h;
            double plus = f.value(theta);
            theta.data[i] = saved - h;
            double minus = f.value(theta);
            theta.data[i] = saved;
            numeric[i] = (plus - minus) / (2 * h);
        }
        return numeric;
    }

    /** Compares {@code f.gradient} with central differences at θ. */
    public static Result check(Objective f, DMatrixRMaj theta, double h) {
        DMatrixRMaj g = new DMatrixRMaj(theta.numRows, 1);
        f.gradient(theta, g);
        double[] analytic = Arrays.copyOf(g.data, g.getNumElements());
        double[] numeric = estimate(f, theta, h);
        double worst = 0;
        int worstIndex = 0;
        for (int i = 0; i < numeric.length; i++) {
            double err = relativeError(analytic[i], numeric[i]);
            if (err > worst) {
                worst = err;
                worstIndex = i;
            }
        }
        return new Result(analytic, numeric, worst, worstIndex);
    }

    public static double relativeError(double a, double b) {
        return Math.abs(a - b) / Math.max(1e-8, Math.abs(a) + Math.abs(b));
    }
}
