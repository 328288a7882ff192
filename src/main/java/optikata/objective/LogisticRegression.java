package optikata.objective;

import java.util.Random;
import org.ejml.data.DMatrixRMaj;

/**
 * Mean logistic loss J(θ) = (1/n) Σᵢ [log(1 + e^{zᵢ}) − yᵢ zᵢ], zᵢ = θᵀxᵢ, yᵢ ∈ {0, 1};
 * gradient (1/n) Σᵢ (σ(zᵢ) − yᵢ) xᵢ. Written in a form that does not overflow for large |z|.
 */
public final class LogisticRegression implements Objective {
    private final DMatrixRMaj x;
    private final double[] y;

    public LogisticRegression(DMatrixRMaj x, double[] y) {
        if (x.numRows != y.length) {
            throw new IllegalArgumentException(
                    "Must be same shape. X has " + x.numRows + " rows vs y " + y.length + " labels");
        }
        for (int i = 0; i < y.length; i++) {
            if (y[i] != 0 && y[i] != 1) {
                throw new IllegalArgumentException("Invalid label: " + y[i] + " at row " + i + " (must be 0 or 1)");
            }
        }
        this.x = x.copy();
        this.y = y.clone();
    }

    /**
     * A reproducible, not separable, two-feature problem with a bias column: n points whose
     * labels follow σ(1.5 x₁ − 2 x₂ + 0.5) (seeded).
     */
    public static LogisticRegression synthetic(int n, long seed) {
        Random random = new Random(seed);
        DMatrixRMaj x = new DMatrixRMaj(n, 3);
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            double a = random.nextGaussian();
            double b = random.nextGaussian();
            x.set(i, 0, 1);
            x.set(i, 1, a);
            x.set(i, 2, b);
            double p = sigmoid(0.5 + 1.5 * a - 2 * b);
            y[i] = random.nextDouble() < p ? 1 : 0;
        }
        return new LogisticRegression(x, y);
    }

    @Override
    public String name() {
        return "logistic";
    }

    @Override
    public int dimension() {
        return x.numCols;
    }

    private double z(DMatrixRMaj theta, int row) {
        double z = 0;
        for (int j = 0; j < x.numCols; j++) {
            z += x.unsafe_get(row, j) * theta.data[j];
        }
        return z;
    }

    @Override
    public double value(DMatrixRMaj theta) {
        checkShape(theta);
        double sum = 0;
        for (int i = 0; i < x.numRows; i++) {
            double z = z(theta, i);
            // log(1 + e^z) = max(z, 0) + log1p(e^{−|z|})
            sum += Math.max(z, 0) + Math.log1p(Math.exp(-Math.abs(z))) - y[i] * z;
        }
        return sum / x.numRows;
    }

    @Override
    public void gradient(DMatrixRMaj theta, DMatrixRMaj out) {
        checkShape(theta);
        out.reshape(x.numCols, 1);
        out.zero();
        for (int i = 0; i < x.numRows; i++) {
            double r = sigmoid(z(theta, i)) - y[i];
            for (int j = 0; j < x.numCols; j++) {
                out.data[j] += r * x.unsafe_get(i, j);
            }
        }
        for (int j = 0; j < x.numCols; j++) {
            out.data[j] /= x.numRows;
        }
    }

    static double sigmoid(double z) {
        return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
    }

    @Override
    public DMatrixRMaj defaultStart() {
        return new DMatrixRMaj(x.numCols, 1);
    }
}
