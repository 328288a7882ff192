package optikata.claims;

/**
 * One checkable statement of the reference texts. {@link #check} computes the figures with the
 * project's own optimizers and objectives and derives the verdict from them and the claim's
 * tolerance; no verdict is typed in.
 */
public interface Claim {
    /** Stable id from the register, such as {@code C05}. */
    String id();

    /** File and section in the reference texts, such as {@code 004 §7.6.1}. */
    String source();

    /** The statement as the text makes it (paraphrased in English). */
    String statement();

    /** Computes the figures and the verdict. */
    ClaimResult check(ClaimContext context) throws Exception;
}
