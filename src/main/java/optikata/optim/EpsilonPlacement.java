package optikata.optim;

/**
 * Where RMSProp's ε enters the denominator. The two forms differ only where {@code s} is
 * comparable to ε (or to ε² outside the root): for {@code s ≫ ε} both give {@code η g / √s}.
 */
public enum EpsilonPlacement {
    /** {@code √(s + ε)}: the debugging guide §3.2, d2l §7.6.1, Keras, TF1, Optax's default. */
    INSIDE_ROOT,
    /** {@code √s + ε}: the principles article §3, PyTorch, cs231n. */
    OUTSIDE_ROOT;

    /** The denominator for a (non-negative) second-moment estimate {@code s}. */
    public double denominator(double s, double epsilon) {
        return this == INSIDE_ROOT ? Math.sqrt(s + epsilon) : Math.sqrt(s) + epsilon;
    }
}
