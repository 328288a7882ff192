package optikata.cli;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;

/** Counts and numbers for people: "1 step", "3 steps"; 0.001 and 1e-8 rather than 1.0E-8. */
final class Words {
    private Words() {}

    /** {@code count(1, "step")} is "1 step", {@code count(2, "step")} "2 steps". */
    static String count(long n, String singular) {
        return n + " " + (n == 1 ? singular : plural(singular));
    }

    static String plural(String singular) {
        if (singular.endsWith("y") && !singular.endsWith("ey")) {
            return singular.substring(0, singular.length() - 1) + "ies";
        }
        return singular.endsWith("s") || singular.endsWith("x") || singular.endsWith("sh") || singular.endsWith("ch")
                ? singular + "es"
                : singular + "s";
    }

    /**
     * A number as short as it can be written exactly ({@code digits <= 0}) or rounded to
     * {@code digits} significant digits: plain between 0.001 and 10⁶, otherwise with an
     * exponent ({@code 1e-08} is written {@code 1e-8}).
     */
    static String number(double v, int digits) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "∞" : "−∞";
        }
        if (v == 0) {
            return "0";
        }
        BigDecimal d = new BigDecimal(Double.toString(v));
        if (digits > 0) {
            d = d.round(new MathContext(digits));
        }
        d = d.stripTrailingZeros();
        double a = Math.abs(v);
        if (a >= 1e-3 && a < 1e6) {
            return d.toPlainString();
        }
        String unscaled = d.unscaledValue().abs().toString();
        int exponent = unscaled.length() - 1 - d.scale();
        String mantissa = unscaled.length() == 1 ? unscaled : unscaled.charAt(0) + "." + unscaled.substring(1);
        return (d.signum() < 0 ? "-" : "") + mantissa + "e" + exponent;
    }

    static String lower(Object o) {
        return String.valueOf(o).toLowerCase(Locale.ROOT);
    }
}
