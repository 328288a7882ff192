package optikata.claims;

/**
 * One checkable statement of the reference texts. {@link #check} computes the figures with the
 * optimizers of {@link ClaimContext#optimizers()} and the project's objectives and derives the
 * verdict from them and the claim's tolerance; no verdict is typed in.
 */
public interface Claim {
    /** Stable id from the register ({@code docs/CLAIMS.md}), such as {@code C05}. */
    String id();

    /** Text and section, by title (see {@code docs/REFERENCES.md}), such as {@code d2l §7.6.1}. */
    String source();

    /** The statement as the text makes it (paraphrased in English). */
    String statement();

    /** The text's own sentence, quoted in the original (Chinese); empty when the claim paraphrases several. */
    default String quote() {
        return "";
    }

    /** Computes the figures, the verdict and the pictures (as data). */
    ClaimResult check(ClaimContext context) throws Exception;
}
