package optikata.claims;

/**
 * One checkable statement of the reference texts. {@link #check} computes the figures with the
 * optimizers of {@link ClaimContext#optimizers()} and the project's objectives and derives the
 * verdict from them and the claim's tolerance; no verdict is typed in.
 */
public interface Claim extends ClaimText {
    /** Computes the figures, the verdict and the pictures (as data). */
    ClaimResult check(ClaimContext context) throws Exception;
}
