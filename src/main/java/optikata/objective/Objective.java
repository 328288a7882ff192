package optikata.objective;

import org.ejml.data.DMatrixRMaj;

/** A differentiable function f(θ) of a column vector θ. */
public interface Objective {

    /** A short name, such as {@code "d2l-quadratic"}. */
    String name();

    /** Number of parameters: θ is {@code dimension() × 1}. */
    int dimension();

    /** f(θ); θ not modified. */
    double value(DMatrixRMaj theta);

    /**
     * ∇f(θ) written into {@code out}; θ not modified.
     *
     * @param out <b>modified</b>, reshaped to {@code dimension() × 1} when needed
     */
    void gradient(DMatrixRMaj theta, DMatrixRMaj out);

    /** The minimiser, when known in closed form or by a direct solve; {@code null} otherwise. */
    default DMatrixRMaj minimizer() {
        return null;
    }

    /** A start point that the texts or the literature use. */
    DMatrixRMaj defaultStart();

    /** Throws when θ is not a {@code dimension() × 1} vector, naming both shapes. */
    default void checkShape(DMatrixRMaj theta) {
        if (theta.getNumElements() != dimension() || theta.numCols != 1) {
            throw new IllegalArgumentException("Must be same shape. " + name() + " takes " + dimension()
                    + "x1 but theta is " + theta.numRows + "x" + theta.numCols);
        }
    }

    static DMatrixRMaj column(double... values) {
        return new DMatrixRMaj(values.length, 1, true, values);
    }
}
