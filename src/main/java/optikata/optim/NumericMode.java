package optikata.optim;

/**
 * How RMSProp's numbers are computed, apart from what they are: the precision the
 * hyperparameters are used in, the precision of the state and arithmetic, whose order of
 * operations the update follows, and what a negative centered variance does. Equal in exact
 * arithmetic, the modes differ in the last bits of a step (or, for {@link NegativeVariance}, in
 * whether a rounded-negative {@code s − ḡ²} gives NaN); {@link RmsPropConfig} holds the math
 * (η, β, ε and its place, centering, μ, s₀, λ) and one of these, and {@link RmsPropKernel#of}
 * picks its kernel by {@link #operationOrder()} and {@link #arithmetic()}.
 *
 * <pre>
 *   used η   = (float) η   if arithmetic is FLOAT32 or hyperparameterPrecision rounds η, else η
 *   used β, ε, μ = (float) x if arithmetic is FLOAT32 or hyperparameterPrecision is FLOAT32, else x
 *   used s₀  = (float) s₀  if arithmetic is FLOAT32, else s₀
 * </pre>
 *
 * Default ({@link #FLOAT64}): float64 hyperparameters and arithmetic, the standard order, a
 * negative variance clamped at 0. Framework modes: {@link RmsPropPreset} (PyTorch's NaN and fused
 * order, Keras' float32 learning rate, TF1's float32 hyperparameters and incremental averages),
 * recorded in {@code docs/CONFORMANCE.md}.
 *
 * @param hyperparameterPrecision whether η (and β, ε, μ) are rounded to float32 before use
 * @param arithmetic              float64, or float32 state and arithmetic
 * @param operationOrder          which framework's order of operations the update follows
 * @param negativeVariance        centered only: clamp a negative {@code s − ḡ²} at 0, or let it give NaN
 */
public record NumericMode(
        HyperparameterPrecision hyperparameterPrecision,
        ArithmeticPrecision arithmetic,
        OperationOrder operationOrder,
        NegativeVariance negativeVariance) {

    /** The library's mode: float64 throughout, the standard order, a negative variance clamped at 0. */
    public static final NumericMode FLOAT64 = new NumericMode(
            HyperparameterPrecision.FLOAT64,
            ArithmeticPrecision.FLOAT64,
            OperationOrder.STANDARD,
            NegativeVariance.CLAMP);

    public NumericMode {
        Check.notNull("hyperparameter precision", hyperparameterPrecision);
        Check.notNull("arithmetic precision", arithmetic);
        Check.notNull("operation order", operationOrder);
        Check.notNull("negative variance", negativeVariance);
    }

    /** η as the update uses it: rounded to float32 when the hyperparameter precision or the arithmetic says so. */
    public double learningRate(double learningRate) {
        return arithmetic == ArithmeticPrecision.FLOAT32
                ? (float) learningRate
                : hyperparameterPrecision.learningRate(learningRate);
    }

    /** β, ε or μ as the update uses it. */
    public double other(double value) {
        return arithmetic == ArithmeticPrecision.FLOAT32 ? (float) value : hyperparameterPrecision.other(value);
    }

    /** s₀ as the update uses it (a float32 value in float32 arithmetic). */
    public double initialAccumulator(double initialAccumulator) {
        return arithmetic == ArithmeticPrecision.FLOAT32 ? (float) initialAccumulator : initialAccumulator;
    }

    /**
     * Checks that values valid in float64 stay valid where this mode rounds them to float32
     * (1e-50 rounds to 0, 0.99999999 to 1), with the project's typed {@link InvalidArgument}.
     */
    void checkRounded(double learningRate, double decay, double epsilon, double momentum) {
        boolean allRounded =
                arithmetic == ArithmeticPrecision.FLOAT32 || hyperparameterPrecision == HyperparameterPrecision.FLOAT32;
        if (allRounded || hyperparameterPrecision == HyperparameterPrecision.LEARNING_RATE_FLOAT32) {
            rounded("learning rate", learningRate, (float) learningRate < Float.POSITIVE_INFINITY, "finite");
        }
        if (allRounded) {
            rounded(
                    "epsilon",
                    epsilon,
                    (float) epsilon > 0 && (float) epsilon < Float.POSITIVE_INFINITY,
                    "> 0 and finite");
            rounded("decay rate", decay, (float) decay < 1, "< 1");
            rounded("momentum", momentum, (float) momentum < 1, "< 1");
        }
    }

    private static void rounded(String name, double value, boolean ok, String rule) {
        if (!ok) {
            throw new InvalidArgument(
                    name,
                    value,
                    rule + " after rounding to float32",
                    "Invalid " + name + ": " + value + " (rounds to " + (float) value + " in float32; must be " + rule
                            + " after rounding)");
        }
    }
}
