package optikata.claims;

/** The outcome of checking one claim of the reference texts. */
public enum Verdict {
    /** The computation agrees with the text within the claim's stated tolerance. */
    HOLDS,
    /** True only under a condition the text leaves out; the condition is printed. */
    QUALIFIED,
    /** Contradicted by the computation; the corrected statement is printed. */
    ERRATUM,
    /** Needs data the project does not ship; what is missing and how to supply it is printed. */
    NOT_CHECKABLE
}
