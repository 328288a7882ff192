package optikata.optim;

/**
 * The precision RMSProp's hyperparameters have when the update uses them. Frameworks called the
 * usual way do not always use the float64 values a user typed: Keras keeps the learning rate in
 * a float32 variable, and TF1's {@code RMSPropOptimizer} turns Python-float hyperparameters into
 * float32 tensors and casts them to the variables' dtype. The update arithmetic stays float64
 * unless {@link ArithmeticPrecision} says otherwise; only the values are rounded, once.
 */
public enum HyperparameterPrecision {
    /** η, β, ε and μ are used exactly as given (PyTorch, Optax with x64, cs231n, d2l, Tribuo, ND4J DOUBLE). */
    FLOAT64,
    /**
     * Only η is rounded to float32 (Keras 3 on every backend: {@code learning_rate} is a float32
     * variable while ρ and ε are Python floats that take the variables' dtype).
     */
    LEARNING_RATE_FLOAT32,
    /** η, β, ε and μ are all rounded to float32 (TF1 called with Python floats). */
    FLOAT32;

    /** {@code value} rounded to float32 when this precision rounds hyperparameter {@code learningRate}. */
    double learningRate(double value) {
        return this == FLOAT64 ? value : (float) value;
    }

    /** {@code value} rounded to float32 when this precision rounds β, ε and μ. */
    double other(double value) {
        return this == FLOAT32 ? (float) value : value;
    }
}
