package optikata.objective;

import java.util.List;

/** The built-in objectives by command-line name. */
public final class Objectives {
    private Objectives() {
    }

    public static final List<String> NAMES = List.of("square", "d2l-quadratic", "rosenbrock", "least-squares", "logistic");

    /**
     * @throws IllegalArgumentException naming the known objectives
     */
    public static Objective byName(String name) {
        return switch (name.toLowerCase(java.util.Locale.ROOT)) {
            case "square", "theta2" -> new Square();
            case "d2l-quadratic", "d2l" -> new D2lQuadratic();
            case "rosenbrock" -> new Rosenbrock();
            case "least-squares", "seed001" -> LeastSquares.seed001();
            case "logistic" -> LogisticRegression.synthetic(200, 42);
            default -> throw new IllegalArgumentException("Unknown objective: " + name + " (known: " + String.join(", ", NAMES) + ")");
        };
    }
}
