package optikata.claims;

import java.math.BigDecimal;
import java.math.MathContext;

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
        return num(v, 6);
    }

    /**
     * Formats a number for findings with {@code digits} significant digits: integers as integers, 1e-8 rather
     * than 1.0E-8 for very small or large values, no trailing zeros.
     */
    protected static String num(double v, int digits) {
        if (!Double.isFinite(v)) {
            return Double.isNaN(v) ? "NaN" : v > 0 ? "∞" : "−∞";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return String.valueOf((long) v);
        }
        double a = Math.abs(v);
        if (a < 1e-4 || a >= 1e7) {
            int e = (int) Math.floor(Math.log10(a));
            double m = v / Math.pow(10, e);
            if (Math.abs(m) >= 10 - 1e-12) {
                m /= 10;
                e++;
            }
            String mantissa = new BigDecimal(m).round(new MathContext(digits)).stripTrailingZeros().toPlainString();
            return mantissa + "e" + e;
        }
        return new BigDecimal(v).round(new MathContext(digits)).stripTrailingZeros().toPlainString();
    }
}
