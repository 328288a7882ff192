package optikata.objective;

import java.util.List;
import java.util.Locale;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/** The built-in objectives by command-line name. */
public final class Objectives {
    private Objectives() {}

    public static final List<String> NAMES = List.of(
            "square", "d2l-quadratic", "rosenbrock", "least-squares", "logistic", "least-squares-text-derivative");

    /**
     * The NumPy tutorial's least squares with the derivative exactly as §4 prints it,
     * (1/n) Σ (yᵢ − θᵀxᵢ) x_{i,w}: the negative of the true gradient. The example for
     * {@code optikata gradcheck}, which catches it.
     */
    static Objective textDerivative(LeastSquares ls) {
        return new Objective() {
            @Override
            public String name() {
                return "least-squares-text-derivative";
            }

            @Override
            public int dimension() {
                return ls.dimension();
            }

            @Override
            public double value(DMatrixRMaj theta) {
                return ls.value(theta);
            }

            @Override
            public void gradient(DMatrixRMaj theta, DMatrixRMaj out) {
                ls.gradient(theta, out);
                CommonOps_DDRM.scale(-1, out); // (y − θᵀx) instead of (θᵀx − y)
            }

            @Override
            public DMatrixRMaj defaultStart() {
                return ls.defaultStart();
            }
        };
    }

    /**
     * The objective with this name (case-insensitive).
     *
     * @throws IllegalArgumentException naming the known objectives
     */
    public static Objective byName(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "square", "theta2" -> new Square();
            case "d2l-quadratic", "d2l" -> new D2lQuadratic();
            case "rosenbrock" -> new Rosenbrock();
            case "least-squares" -> LeastSquares.tutorial();
            case "logistic" -> LogisticRegression.synthetic(200, 42);
            case "least-squares-text-derivative" -> textDerivative(LeastSquares.tutorial());
            default ->
                throw new IllegalArgumentException(
                        "Unknown objective: " + name + " (known: " + String.join(", ", NAMES) + ")");
        };
    }
}
