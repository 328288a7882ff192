package optikata.objective;

import java.util.List;
import java.util.Locale;
import org.ejml.data.DMatrixRMaj;

/** The built-in objectives by command-line name. */
public final class Objectives {
    private Objectives() {}

    public static final List<String> NAMES = List.of(
            "square", "d2l-quadratic", "rosenbrock", "least-squares", "logistic", "least-squares-text-derivative");

    /**
     * The NumPy tutorial's least squares with the derivative exactly as §4 prints it,
     * (1/n) Σ (yᵢ − θᵀxᵢ) x_{i,w}: the negative of the true gradient. The example for
     * {@code optikata gradcheck}, which catches it, and what claim C13 feeds RMSProp.
     */
    public static Objective textDerivative(LeastSquares ls) {
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
                checkShape(theta);
                DMatrixRMaj x = ls.design();
                DMatrixRMaj y = ls.targets();
                out.reshape(x.numCols, 1);
                out.zero();
                for (int i = 0; i < x.numRows; i++) {
                    double prediction = 0;
                    for (int w = 0; w < x.numCols; w++) {
                        prediction += x.get(i, w) * theta.data[w];
                    }
                    double r = y.get(i) - prediction; // (y − θᵀx) where the gradient has (θᵀx − y)
                    for (int w = 0; w < x.numCols; w++) {
                        out.data[w] += r * x.get(i, w) / x.numRows;
                    }
                }
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
