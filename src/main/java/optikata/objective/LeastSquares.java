package optikata.objective;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;

/**
 * J(θ) = 1/(2n) Σᵢ (yᵢ − θᵀxᵢ)² = 1/(2n) ‖Xθ − y‖², gradient ∇J = (1/n) Xᵀ(Xθ − y).
 *
 * <p>The NumPy tutorial (§4) prints the partial derivative with the opposite sign, (1/n) Σ (yᵢ − θᵀxᵢ) x_{i,w};
 * that is the <em>negative</em> gradient (claim C13). {@link #tutorial()} is the data of the NumPy tutorial §5.
 * The minimiser is solved directly with EJML (QR least squares).
 */
public final class LeastSquares implements Objective {
    private final DMatrixRMaj x;
    private final DMatrixRMaj y;
    /** Scratch for Xθ − y, allocated once. */
    private final DMatrixRMaj residual;

    /**
     * @param x the n × d design matrix, not modified (copied)
     * @param y the n × 1 targets, not modified (copied)
     */
    public LeastSquares(DMatrixRMaj x, DMatrixRMaj y) {
        if (x.numRows != y.numRows || y.numCols != 1) {
            throw new IllegalArgumentException("Must be same shape. X " + x.numRows + "x" + x.numCols + " vs y "
                    + y.numRows + "x" + y.numCols + " (y must be n x 1)");
        }
        if (x.numRows == 0 || x.numCols == 0) {
            throw new IllegalArgumentException("Invalid X: " + x.numRows + "x" + x.numCols + " (must be non-empty)");
        }
        this.x = x.copy();
        this.y = y.copy();
        this.residual = new DMatrixRMaj(x.numRows, 1);
    }

    /** The NumPy tutorial §5: X = [1, i] for i = 1..10, y = (1, 2, 1, 4, 3, 6, 5, 8, 7, 10). */
    public static LeastSquares tutorial() {
        double[] ys = {1, 2, 1, 4, 3, 6, 5, 8, 7, 10};
        DMatrixRMaj x = new DMatrixRMaj(10, 2);
        for (int i = 0; i < 10; i++) {
            x.set(i, 0, 1);
            x.set(i, 1, i + 1);
        }
        return new LeastSquares(x, new DMatrixRMaj(10, 1, true, ys));
    }

    public DMatrixRMaj design() {
        return x.copy();
    }

    public DMatrixRMaj targets() {
        return y.copy();
    }

    @Override
    public String name() {
        return "least-squares";
    }

    @Override
    public int dimension() {
        return x.numCols;
    }

    /** Writes Xθ − y into {@code out}. */
    public void residual(DMatrixRMaj theta, DMatrixRMaj out) {
        checkShape(theta);
        out.reshape(x.numRows, 1);
        CommonOps_DDRM.mult(x, theta, out);
        CommonOps_DDRM.subtractEquals(out, y);
    }

    @Override
    public double value(DMatrixRMaj theta) {
        residual(theta, residual);
        double sum = 0;
        for (int i = 0; i < residual.numRows; i++) {
            sum += residual.data[i] * residual.data[i];
        }
        return sum / (2.0 * x.numRows);
    }

    @Override
    public void gradient(DMatrixRMaj theta, DMatrixRMaj out) {
        residual(theta, residual);
        out.reshape(x.numCols, 1);
        CommonOps_DDRM.multTransA(x, residual, out);
        CommonOps_DDRM.scale(1.0 / x.numRows, out);
    }

    /** argmin ‖Xθ − y‖² by QR (EJML). */
    @Override
    public DMatrixRMaj minimizer() {
        LinearSolverDense<DMatrixRMaj> solver = LinearSolverFactory_DDRM.leastSquares(x.numRows, x.numCols);
        if (!solver.setA(x.copy())) {
            throw new IllegalStateException("Least-squares solve failed: X is rank deficient");
        }
        DMatrixRMaj theta = new DMatrixRMaj(x.numCols, 1);
        solver.solve(y.copy(), theta);
        return theta;
    }

    @Override
    public DMatrixRMaj defaultStart() {
        return new DMatrixRMaj(x.numCols, 1);
    }
}
