package optikata.claims;

/** Holds the id, source, statement and quotation, so each claim is only its check. */
public abstract class AbstractClaim implements Claim {
    private final String id;
    private final String source;
    private final String statement;
    private final String quote;

    /** The quotation comes from the register's quotations ({@code Quotes}), when it has one for the id. */
    protected AbstractClaim(String id, String source, String statement) {
        this(id, source, statement, Quotes.BY_ID.getOrDefault(id, ""));
    }

    protected AbstractClaim(String id, String source, String statement, String quote) {
        this.id = id;
        this.source = source;
        this.statement = statement;
        this.quote = quote;
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

    @Override
    public final String quote() {
        return quote;
    }

    /** Formats a number for findings: 6 significant digits. */
    protected static String num(double v) {
        return String.format(java.util.Locale.ROOT, "%.6g", v);
    }

    /** Formats a number for findings with {@code digits} significant digits, without trailing zeros. */
    protected static String num(double v, int digits) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return String.valueOf((long) v);
        }
        return new java.math.BigDecimal(v).round(new java.math.MathContext(digits)).stripTrailingZeros().toPlainString();
    }
}
