package optikata.claims;

import java.util.Locale;

/** Numbers as findings print them. */
final class FigureText {
    private FigureText() {}

    /** 1e-8 rather than 1.0E-8; plain decimals from 0.001 to 10⁶. */
    static String scientific(double v) {
        double a = Math.abs(v);
        if (v == 0 || (a >= 1e-3 && a < 1e6)) {
            return AbstractClaim.num(v, 6);
        }
        int e = (int) Math.floor(Math.log10(a) + 1e-9);
        double m = v / Math.pow(10, e);
        String mantissa = Math.abs(m - Math.rint(m)) < 1e-9
                ? String.valueOf((long) Math.rint(m))
                : String.format(Locale.ROOT, "%.3g", m);
        return mantissa + "e" + e;
    }
}
