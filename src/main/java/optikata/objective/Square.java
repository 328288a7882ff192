package optikata.objective;

import org.ejml.data.DMatrixRMaj;

/** L(θ) = Σ θᵢ², gradient 2θ: the debugging guide's §4.2 worked example (one parameter, θ₀ = 1). */
public final class Square implements Objective {
    private final int dimension;

    public Square(int dimension) {
        if (dimension < 1) {
            throw new IllegalArgumentException("Invalid dimension: " + dimension + " (must be >= 1)");
        }
        this.dimension = dimension;
    }

    public Square() {
        this(1);
    }

    @Override
    public String name() {
        return "square";
    }

    @Override
    public int dimension() {
        return dimension;
    }

    @Override
    public double value(DMatrixRMaj theta) {
        checkShape(theta);
        double sum = 0;
        for (int i = 0; i < dimension; i++) {
            sum += theta.data[i] * theta.data[i];
        }
        return sum;
    }

    @Override
    public void gradient(DMatrixRMaj theta, DMatrixRMaj out) {
        checkShape(theta);
        out.reshape(dimension, 1);
        for (int i = 0; i < dimension; i++) {
            out.data[i] = 2 * theta.data[i];
        }
    }

    @Override
    public DMatrixRMaj minimizer() {
        return new DMatrixRMaj(dimension, 1);
    }

    @Override
    public DMatrixRMaj defaultStart() {
        DMatrixRMaj start = new DMatrixRMaj(dimension, 1);
        start.fill(1.0);
        return start;
    }
}
