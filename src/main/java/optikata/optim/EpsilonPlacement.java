package optikata.optim;

/**
 * Where RMSProp's ε enters the denominator. The two forms differ only where {@code s} is
 * comparable to ε (or to ε² outside the root): for {@code s ≫ ε} both give {@code η g / √s}.
 */
public enum EpsilonPlacement {
    /** {@code √(s + ε)}: seed 000 §3.2, seed 004 §7.6.1 (d2l), Keras, TF1, Optax's default. */
    INSIDE_ROOT,
    /** {@code √s + ε}: seed 002 §3, PyTorch, cs231n. */
    OUTSIDE_ROOT;

    /** The denominator for a (non-negative) second-moment estimate {@code s}. */
    public double denominator(double s, double epsilon) {
        return this == INSIDE_ROOT ? Math.sqrt(s + epsilon) : Math.sqrt(s) + epsilon;
    }
}
