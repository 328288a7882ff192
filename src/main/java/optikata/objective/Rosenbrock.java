package optikata.objective;

import org.ejml.data.DMatrixRMaj;

/** f(x, y) = (a − x)² + b (y − x²)², a = 1, b = 100; minimum at (1, 1), start (−1.5, 2). */
public final class Rosenbrock implements Objective {
    private static final double A = 1;
    private static final double B = 100;

    @Override
    public String name() {
        return "rosenbrock";
    }

    @Override
    public int dimension() {
        return 2;
    }

    @Override
    public double value(DMatrixRMaj p) {
        checkShape(p);
        double x = p.data[0];
        double y = p.data[1];
        return (A - x) * (A - x) + B * (y - x * x) * (y - x * x);
    }

    @Override
    public void gradient(DMatrixRMaj p, DMatrixRMaj out) {
        checkShape(p);
        double x = p.data[0];
        double y = p.data[1];
        out.reshape(2, 1);
        out.data[0] = -2 * (A - x) - 4 * B * x * (y - x * x);
        out.data[1] = 2 * B * (y - x * x);
    }

    @Override
    public DMatrixRMaj minimizer() {
        return Objective.column(1, 1);
    }

    @Override
    public DMatrixRMaj defaultStart() {
        return Objective.column(-1.5, 2);
    }
}
