package optikata.kata;

import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.opentest4j.AssertionFailedError;

/**
 * Failure messages that teach: the formula, the input, what was expected and what the learner's
 * code produced, and, where the learner's number matches a known mistake run on the same input,
 * the name of that mistake and what to change. The diagnosis is computed, never guessed from text.
 */
public final class Teach {
    private Teach() {
    }

    /** A known-wrong variant: its name, what to change, and the number it produces on the spec's input. */
    public record Mistake(String id, String description, String fix, double[] produces) {
    }

    /** The first known mistake whose output matches {@code actual} within {@code tolerance}, or null. */
    public static Mistake diagnose(double[] actual, Iterable<Mistake> mistakes, double tolerance) {
        for (Mistake m : mistakes) {
            if (m.produces() != null && close(actual, m.produces(), tolerance)) {
                return m;
            }
        }
        return null;
    }

    public static boolean close(double[] a, double[] b, double tolerance) {
        if (a == null || b == null || a.length != b.length) {
            return false;
        }
        for (int i = 0; i < a.length; i++) {
            double scale = Math.max(1.0, Math.max(Math.abs(a[i]), Math.abs(b[i])));
            if (!(Math.abs(a[i] - b[i]) <= tolerance * scale)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Checks {@code actual} against {@code expected}; on a mismatch throws an assertion error whose
     * message gives the formula, the input, both numbers and the diagnosed mistake.
     */
    public static void check(String what, String formula, String input, double[] expected, double[] actual, double tolerance,
                             Iterable<Mistake> mistakes) {
        if (close(actual, expected, tolerance)) {
            return;
        }
        StringBuilder sb = new StringBuilder();
        sb.append(what).append(" is not right.\n");
        sb.append("  formula:  ").append(formula).append('\n');
        if (input != null) {
            sb.append("  input:    ").append(input).append('\n');
        }
        sb.append("  expected: ").append(format(expected)).append('\n');
        sb.append("  actual:   ").append(format(actual)).append('\n');
        Mistake m = actual == null ? null : diagnose(actual, mistakes, tolerance);
        if (m != null) {
            sb.append("  likely mistake [").append(m.id()).append("]: ").append(m.description()).append('\n');
            sb.append("  what to change: ").append(m.fix()).append('\n');
        } else if (actual != null && containsNonFinite(actual)) {
            sb.append("  hint: your result is NaN or infinite: look for a division by zero or the square root of a negative number\n");
        }
        throw new AssertionFailedError(sb.toString().stripTrailing(), format(expected), format(actual));
    }

    /** Convenience for a single number. */
    public static void check(String what, String formula, String input, double expected, double actual, double tolerance,
                             Iterable<Mistake> mistakes) {
        check(what, formula, input, new double[] {expected}, new double[] {actual}, tolerance, mistakes);
    }

    /** Builds the catalogue entries by running each named variant on the spec's input. */
    public static java.util.List<Mistake> catalogue(Map<String, String[]> described, Function<String, double[]> run) {
        java.util.List<Mistake> out = new java.util.ArrayList<>();
        described.forEach((id, text) -> out.add(new Mistake(id, text[0], text[1], run.apply(id))));
        return out;
    }

    static boolean containsNonFinite(double[] values) {
        for (double v : values) {
            if (!Double.isFinite(v)) {
                return true;
            }
        }
        return false;
    }

    public static String format(double[] values) {
        if (values == null) {
            return "null";
        }
        StringBuilder sb = new StringBuilder(values.length == 1 ? "" : "[");
        for (int i = 0; i < values.length; i++) {
            sb.append(i == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.12g", values[i]));
        }
        return sb.append(values.length == 1 ? "" : "]").toString();
    }
}
