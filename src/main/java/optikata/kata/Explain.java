package optikata.kata;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import optikata.kata.spec.Case;
import optikata.kata.spec.Observation;
import optikata.kata.spec.Observation.Entry;

/**
 * Says what a wrong number shows, in neutral words: how far θ moved against the expected step on each
 * step ("θ moved 0.1 times as far as expected on step 1 and 0.19 times on step 2"), the opposite
 * direction, agreement to a few digits only, values that are floats or whole numbers, elements that did
 * not change, a value that is exactly what another quantity should be. Every sentence is a fact about
 * the numbers; none states a cause. A cause is said only by {@link Judge}, and only when a concrete
 * program reproduces every observation ({@link Judge#proven}): one number that happens to equal a
 * symbol's value (0.1 = 1 − β = η) proves nothing.
 */
public final class Explain {
    private Explain() {}

    /** Sentences about {@code quantity}'s numbers; empty when nothing stands out. */
    public static List<String> numbers(Case c, Observation expected, Observation actual, String quantity) {
        List<String> out = new ArrayList<>();
        Entry e = expected.entry(quantity);
        Entry a = actual.entry(quantity);
        if (e == null || a == null || e.isText() || a.isText()) {
            return out;
        }
        double[] ev = e.numbers();
        double[] av = a.numbers();
        if (ev.length != av.length) {
            out.add("it has " + av.length + (av.length == 1 ? " value" : " values") + " where " + ev.length
                    + " are expected");
            return out;
        }
        for (double v : av) {
            if (!Double.isFinite(v)) {
                out.add("it holds NaN or an infinite value");
                return out;
            }
        }
        Entry base = baseline(actual, quantity);
        if (base != null && base.numbers() != null && base.numbers().length == ev.length) {
            double[] b = base.numbers();
            List<Integer> still = new ArrayList<>();
            int moving = 0;
            for (int i = 0; i < ev.length; i++) {
                if (ev[i] != b[i]) {
                    moving++;
                    if (av[i] == b[i]) {
                        still.add(i + 1);
                    }
                }
            }
            if (moving > 0 && still.size() == moving) {
                out.add(stem(quantity) + " did not change at all"
                        + (quantity.contains(" after step ") ? " on step " + Words.stepOf(quantity) : "")
                        + ", where it should have");
                return out;
            }
            if (!still.isEmpty()) {
                out.add("element" + (still.size() == 1 ? " " : "s ") + join(still) + " of " + ev.length
                        + " did not change while the others did");
                return out;
            }
        }
        if (truncated(ev, av)) {
            out.add("it is a whole number where the expected value is not");
            return out;
        }
        List<Integer> wrong = new ArrayList<>();
        List<Integer> zeros = new ArrayList<>();
        for (int i = 0; i < ev.length; i++) {
            if (!close(ev[i], av[i], c.tolerance())) {
                wrong.add(i + 1);
                if (av[i] == 0) {
                    zeros.add(i + 1);
                }
            }
        }
        if (ev.length > 1 && !wrong.isEmpty() && wrong.size() < ev.length) {
            out.add((zeros.size() == wrong.size()
                            ? "element" + (wrong.size() == 1 ? " " : "s ") + join(wrong) + " of " + ev.length
                                    + (wrong.size() == 1 ? " is" : " are") + " 0"
                            : "only element" + (wrong.size() == 1 ? " " : "s ") + join(wrong) + " of " + ev.length
                                    + (wrong.size() == 1 ? " is" : " are") + " wrong")
                    + ", the others are right");
            return out;
        }
        double rel = maxRelative(ev, av);
        if (rel > c.tolerance() && rel < 3e-6) {
            out.add("it agrees with the expected value to about " + Math.round(-Math.log10(rel)) + " digits only"
                    + (allFloats(av) && !allFloats(ev) ? ", and every value it holds is a float" : ""));
            return out;
        }
        String other = sameAsOther(expected, actual, quantity, av, c.tolerance());
        if (other != null) {
            out.add(other);
            return out;
        }
        String moved = movedPerStep(expected, actual, quantity);
        if (moved != null) {
            out.add(moved);
            return out;
        }
        // one number's ratio or difference to the expected one says nothing the expected and actual lines do not
        Double ratio = base == null && ev.length > 1 ? constantRatio(ev, av) : null;
        if (ratio != null) {
            out.add("it is " + factor(ratio) + " times the expected value on every element");
            return out;
        }
        Double difference = base == null && ev.length > 1 ? constantDifference(ev, av) : null;
        if (difference != null) {
            out.add("it differs from the expected value by " + (difference > 0 ? "+" : "")
                    + Observation.number(difference) + " on every element");
        }
        return out;
    }

    /**
     * For a quantity recorded after several steps, how far it moved on each step against how far it should have
     * moved from the same value ("θ moved 0.1 times as far as expected on step 1 and 0.19 times on step 2"),
     * each from its own value before that step; null when a step's elements do not move by one common factor.
     */
    static String movedPerStep(Observation expected, Observation actual, String quantity) {
        int k = Words.stepOf(quantity);
        String stem = stem(quantity);
        if (k < 1) {
            Double r =
                    ratioOfChange(expected, actual, quantity, baseline(actual, quantity), baseline(expected, quantity));
            return r == null ? null : phrase(plain(stem), r, "");
        }
        List<String> steps = new ArrayList<>();
        for (int j = k; j <= k + 3; j++) {
            String name = stem + " after step " + j;
            Double r = ratioOfChange(
                    expected,
                    actual,
                    name,
                    actual.given(stem + " before step " + j),
                    expected.given(stem + " before step " + j));
            if (r == null) {
                if (j == k) {
                    return null;
                }
                break;
            }
            steps.add(
                    j == k
                            ? phrase(stem, r, " on step " + j)
                            : ratioWords(r).replace("as far as expected ", "").replace(" as far as expected", "")
                                    + " on step " + j);
        }
        return String.join(steps.size() > 2 ? ", " : " and ", steps).replaceFirst(", ([^,]*)$", " and $1");
    }

    private static String phrase(String stem, double r, String where) {
        return stem + " moved " + ratioWords(r) + where;
    }

    private static String ratioWords(double r) {
        if (Math.abs(r + 1) < 1e-6) {
            return "as far as expected in the opposite direction";
        }
        if (Math.abs(r - 1) < 1e-6) {
            return "as far as expected";
        }
        return factor(r) + " times as far as expected";
    }

    /** A factor to 6 significant digits (2.0000000001 reads as 2): a reader compares factors, not the last digits. */
    static String factor(double r) {
        return new BigDecimal(r).round(new MathContext(6)).stripTrailingZeros().toPlainString();
    }

    /** The factor between the actual and the expected change of {@code name}, the same on every element, or null. */
    private static Double ratioOfChange(
            Observation expected, Observation actual, String name, Entry actualBefore, Entry expectedBefore) {
        Entry e = expected.entry(name);
        Entry a = actual.entry(name);
        if (e == null
                || a == null
                || actualBefore == null
                || expectedBefore == null
                || e.isText()
                || a.isText()
                || actualBefore.isText()
                || expectedBefore.isText()) {
            return null;
        }
        int n = e.numbers().length;
        if (a.numbers().length != n || actualBefore.numbers().length != n || expectedBefore.numbers().length != n) {
            return null;
        }
        double[] de = new double[n];
        double[] da = new double[n];
        for (int i = 0; i < n; i++) {
            de[i] = e.numbers()[i] - expectedBefore.numbers()[i];
            da[i] = a.numbers()[i] - actualBefore.numbers()[i];
        }
        Double r = constantRatio(de, da);
        if (r == null) {
            boolean same = true;
            for (int i = 0; i < n; i++) {
                same &= Math.abs(de[i] - da[i]) <= 1e-12 * Math.max(1, Math.abs(de[i]));
            }
            return same ? 1.0 : null;
        }
        return r;
    }

    /** The input recorded before the code ran that {@code quantity} grew from ("θ before step 2" for "θ after step 2"). */
    static Entry baseline(Observation o, String quantity) {
        if (quantity.contains(" after ")) {
            Entry b = o.given(quantity.replace(" after ", " before "));
            if (b != null) {
                return b;
            }
        }
        if (quantity.startsWith("the new ")) {
            return o.given(quantity.substring(8).split(" ")[0] + " before the step");
        }
        return null;
    }

    /** "the new s" → "s": a quantity as a symbol where it reads better. */
    static String plain(String quantity) {
        return quantity.startsWith("the new ") ? quantity.substring(8) : quantity;
    }

    static String stem(String quantity) {
        int at = quantity.indexOf(" after ");
        return at > 0 ? quantity.substring(0, at) : quantity;
    }

    /** "it holds exactly what s after step 1 should be", "θ and s hold each other's values", "it is still g". */
    @SuppressWarnings("ReferenceEquality") // `own` is this very entry, not merely an equal one
    private static String sameAsOther(
            Observation expected, Observation actual, String quantity, double[] av, double tol) {
        for (Entry o : expected.judged()) {
            if (o.name().equals(quantity) || o.isText() || o.numbers().length != av.length) {
                continue;
            }
            if (allClose(o.numbers(), av, tol)) {
                Entry back = actual.entry(o.name());
                Entry mine = expected.entry(quantity);
                if (back != null
                        && back.numbers() != null
                        && mine != null
                        && allClose(back.numbers(), mine.numbers(), tol)) {
                    return plain(quantity) + " holds what " + plain(o.name()) + " should, and " + plain(o.name())
                            + " holds what " + plain(quantity) + " should";
                }
                return "it holds exactly what " + o.name() + " should be";
            }
        }
        Entry own = baseline(actual, quantity);
        for (Entry g : actual.entries()) {
            boolean later = g.name().contains(" before step ") && g != own;
            if (g.given()
                    && !later
                    && g.numbers() != null
                    && g.numbers().length == av.length
                    && allClose(g.numbers(), av, tol)) {
                return "it is still " + g.name();
            }
        }
        return null;
    }

    private static Double constantRatio(double[] de, double[] da) {
        Double ratio = null;
        for (int i = 0; i < de.length; i++) {
            if (Math.abs(de[i]) < 1e-300) {
                if (Math.abs(da[i]) > 1e-300) {
                    return null;
                }
                continue;
            }
            double r = da[i] / de[i];
            if (ratio == null) {
                ratio = r;
            } else if (Math.abs(r - ratio) > 1e-6 * Math.abs(ratio)) {
                return null;
            }
        }
        return ratio == null || Math.abs(ratio - 1) < 1e-9 || ratio == 0 ? null : ratio;
    }

    /** The difference actual − expected when it is the same on every element (and not 0), else null. */
    static Double constantDifference(double[] e, double[] a) {
        double d = a[0] - e[0];
        if (d == 0) {
            return null;
        }
        for (int i = 1; i < e.length; i++) {
            if (Math.abs((a[i] - e[i]) - d) > 1e-9 * Math.max(1, Math.abs(d))) {
                return null;
            }
        }
        return d;
    }

    static double maxRelative(double[] e, double[] a) {
        double worst = 0;
        for (int i = 0; i < e.length; i++) {
            double scale = Math.max(1e-300, Math.max(Math.abs(e[i]), Math.abs(a[i])));
            worst = Math.max(worst, Math.abs(e[i] - a[i]) / scale);
        }
        return worst;
    }

    /** Whether each actual value is its expected value cut to a whole number (and the expected ones are not whole). */
    static boolean truncated(double[] e, double[] a) {
        boolean someFraction = false;
        for (int i = 0; i < e.length; i++) {
            if (a[i] != (double) (long) e[i] && a[i] != (double) Math.round(e[i])) {
                return false;
            }
            someFraction |= e[i] != Math.rint(e[i]);
        }
        return someFraction;
    }

    static boolean allFloats(double[] v) {
        for (double x : v) {
            if ((double) (float) x != x) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether two numbers agree: relative to the larger magnitude (absolute below 1). A non-finite
     * number agrees only with the same non-finite number: ∞ is never "close" to a finite value,
     * however large the tolerance scaled by it would be.
     */
    static boolean close(double x, double y, double tol) {
        if (!Double.isFinite(x) || !Double.isFinite(y)) {
            return Double.compare(x, y) == 0 || (Double.isNaN(x) && Double.isNaN(y));
        }
        return Math.abs(x - y) <= tol * Math.max(1.0, Math.max(Math.abs(x), Math.abs(y)));
    }

    static boolean allClose(double[] x, double[] y, double tol) {
        if (x == null || y == null || x.length != y.length) {
            return false;
        }
        for (int i = 0; i < x.length; i++) {
            if (!close(x[i], y[i], tol)) {
                return false;
            }
        }
        return true;
    }

    private static String join(List<Integer> xs) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < xs.size() && i < 8; i++) {
            sb.append(i == 0 ? "" : ", ").append(xs.get(i));
        }
        return xs.size() > 8 ? sb + ", ..." : sb.toString();
    }
}
