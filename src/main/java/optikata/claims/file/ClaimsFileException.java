package optikata.claims.file;

import java.util.List;

/** A claims file that breaks the schema: every mistake found, each with its line and column. */
public final class ClaimsFileException extends Exception {
    private static final long serialVersionUID = 1L;

    @SuppressWarnings("serial") // an immutable List.copyOf, never serialized in practice
    private final List<Problem> problems;

    ClaimsFileException(List<Problem> problems) {
        super(problems.size() + " mistake" + (problems.size() == 1 ? "" : "s") + " in the claims file: "
                + problems.get(0)
                + (problems.size() > 1 ? " (and " + (problems.size() - 1) + " more)" : ""));
        this.problems = List.copyOf(problems);
    }

    /** The mistakes in file order. */
    public List<Problem> problems() {
        return problems;
    }
}
