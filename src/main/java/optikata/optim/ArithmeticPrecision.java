package optikata.optim;

/**
 * The precision of RMSProp's state and arithmetic. In float32 every intermediate result is
 * rounded to float32, in the order of operations the configuration's {@link OperationOrder}
 * names, and every hyperparameter is used as a float32 value. Java's {@code float} arithmetic is
 * IEEE 754 binary32 with round-to-nearest, like the frameworks' CPU kernels, so the same order
 * gives the same bits. Gradients and parameters are rounded to float32 on entry (as a framework
 * holding float32 tensors has them); state and parameters stay in the library's double buffers,
 * which hold float32 values exactly.
 */
public enum ArithmeticPrecision {
    /** float64 state and arithmetic. */
    FLOAT64,
    /** float32 state and arithmetic: PyTorch with float32 parameters (its default dtype), ND4J FLOAT arrays, Keras floatx float32. */
    FLOAT32
}
