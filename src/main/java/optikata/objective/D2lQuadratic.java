package optikata.objective;

import org.ejml.data.DMatrixRMaj;

/**
 * f(x) = 0.1 x₁² + 2 x₂², gradient (0.2 x₁, 4 x₂): d2l §7.6.1, an ill-conditioned
 * bowl (curvatures 0.2 and 4) started at (−5, −2).
 */
public final class D2lQuadratic implements Objective {
    @Override
    public String name() {
        return "d2l-quadratic";
    }

    @Override
    public int dimension() {
        return 2;
    }

    @Override
    public double value(DMatrixRMaj x) {
        checkShape(x);
        return 0.1 * x.data[0] * x.data[0] + 2 * x.data[1] * x.data[1];
    }

    @Override
    public void gradient(DMatrixRMaj x, DMatrixRMaj out) {
        checkShape(x);
        out.reshape(2, 1);
        out.data[0] = 0.2 * x.data[0];
        out.data[1] = 4 * x.data[1];
    }

    @Override
    public DMatrixRMaj minimizer() {
        return new DMatrixRMaj(2, 1);
    }

    @Override
    public DMatrixRMaj defaultStart() {
        return Objective.column(-5, -2);
    }
}
