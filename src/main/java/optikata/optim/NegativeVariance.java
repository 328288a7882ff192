package optikata.optim;

/**
 * What centered RMSProp does when its variance estimate {@code s − ḡ²} comes out negative. In
 * exact arithmetic it never is ({@code s ≥ ḡ²} by Jensen's inequality, for the same β), but on a
 * long constant gradient both terms approach g² and their rounded difference can land just below 0.
 */
public enum NegativeVariance {
    /** Clamp at 0 (the library's default): the step divides by {@code √0 + ε} or {@code √ε}. */
    CLAMP,
    /**
     * Take the square root of the negative number, as PyTorch does
     * ({@code square_avg.addcmul(grad_avg, grad_avg, value=-1).sqrt_()}): the denominator and the
     * parameters become NaN, as they do in the framework.
     */
    NAN
}
