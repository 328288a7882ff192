package optikata.optim;

/**
 * One validation line per hyperparameter, one message template: {@code "Invalid <name>: <value>
 * (must be <rule>)"}, thrown as an {@link InvalidArgument} that carries the name, the value and the rule.
 * Each comparison is written so that NaN fails it.
 */
public final class Check {
    private Check() {}

    /** η ≥ 0 and finite (η = 0 is legal, as in PyTorch: the step then changes only the state). */
    public static double learningRate(double value) {
        if (!(value >= 0 && value < Double.POSITIVE_INFINITY)) {
            throw invalid("learning rate", value, "finite and >= 0");
        }
        return value;
    }

    /** A decay rate (β, γ, ρ) in [0, 1). */
    public static double unitInterval(String name, double value) {
        if (!(value >= 0 && value < 1)) {
            throw invalid(name, value, "in [0, 1)");
        }
        return value;
    }

    /** ε &gt; 0 and finite: ε = 0 turns a zero gradient into 0/0 = NaN. */
    public static double epsilon(double value) {
        if (!(value > 0 && value < Double.POSITIVE_INFINITY)) {
            throw invalid("epsilon", value, "finite and > 0");
        }
        return value;
    }

    /** A non-negative finite value such as an initial accumulator or a weight decay. */
    public static double nonNegative(String name, double value) {
        if (!(value >= 0 && value < Double.POSITIVE_INFINITY)) {
            throw invalid(name, value, "finite and >= 0");
        }
        return value;
    }

    public static <T> T notNull(String name, T value) {
        if (value == null) {
            throw new InvalidArgument(name, null, "given");
        }
        return value;
    }

    static InvalidArgument invalid(String name, double value, String rule) {
        return new InvalidArgument(name, value, rule);
    }
}
