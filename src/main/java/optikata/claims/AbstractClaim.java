package optikata.claims;

/** Holds the id, source and statement, so each claim is only its check. */
public abstract class AbstractClaim implements Claim {
    private final String id;
    private final String source;
    private final String statement;

    protected AbstractClaim(String id, String source, String statement) {
        this.id = id;
        this.source = source;
        this.statement = statement;
    }

    @Override
    public final String id() {
        return id;
    }

    @Override
    public final String source() {
        return source;
    }

    @Override
    public final String statement() {
        return statement;
    }

    /** Formats a number for findings: 6 significant digits. */
    protected static String num(double v) {
        return String.format(java.util.Locale.ROOT, "%.6g", v);
    }
}
