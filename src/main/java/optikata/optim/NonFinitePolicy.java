package optikata.optim;

/** What a step does with a gradient that holds NaN or ±∞. */
public enum NonFinitePolicy {
    /**
     * Throw {@link IllegalArgumentException} naming the first bad index and value, and change
     * nothing. The default: a NaN caught at the step that produced it is far easier to debug than
     * parameters that silently turned into NaN many steps later.
     */
    REJECT,
    /** Apply the update as the arithmetic gives it, like PyTorch and Keras do. */
    PROPAGATE
}
