package optikata.claims;

/**
 * What a claim says and where: the part of a {@link Claim} a {@link ClaimResult} repeats. A result is
 * built from this, not from the claim, so that a claim (which returns results) and its result do not
 * depend on each other ({@code optikata.LayersTest} refuses cycles inside a package).
 */
public interface ClaimText {
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
}
