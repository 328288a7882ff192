package optikata.kata;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import optikata.kata.spec.Case;
import optikata.kata.spec.Observation;
import optikata.kata.spec.Observation.Entry;

/**
 * Explains a wrong number by its structure instead of by a list of known mistakes: a constant
 * ratio to the expected step (said in the case's own symbols: "√(1−β) times"), the opposite sign,
 * agreement to float precision only, coordinates left unchanged, or the value another quantity
 * (or the same one a step earlier) should have had. Every sentence is computed from the numbers.
 */
public final class Explain {
    private Explain() {
    }

    /** Sentences about {@code quantity}'s numbers; empty when nothing structural stands out. */
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
            out.add("it has " + av.length + (av.length == 1 ? " value" : " values") + " where " + ev.length + " are expected");
            return out;
        }
        for (double v : av) {
            if (!Double.isFinite(v)) {
                out.add("it is NaN or infinite: look for a division by zero or the square root of a negative number");
                return out;
            }
        }
        Entry base = baseline(actual, quantity);
        double[] de = ev.clone();
        double[] da = av.clone();
        String what = "it";
        if (base != null && base.numbers() != null && base.numbers().length == ev.length) {
            for (int i = 0; i < ev.length; i++) {
                de[i] = ev[i] - base.numbers()[i];
                da[i] = av[i] - base.numbers()[i];
            }
            what = "the change of " + stem(quantity);
            int unchanged = 0;
            int moving = 0;
            List<Integer> still = new ArrayList<>();
            for (int i = 0; i < ev.length; i++) {
                if (de[i] != 0) {
                    moving++;
                    if (da[i] == 0) {
                        unchanged++;
                        still.add(i + 1);
                    }
                }
            }
            if (moving > 0 && unchanged == moving) {
                out.add(stem(quantity) + " did not change at all: the update never reached it");
                return out;
            }
            if (unchanged > 0) {
                out.add("element" + (still.size() == 1 ? " " : "s ") + join(still) + " did not change while the others did: does the loop "
                        + "run over every element (up to getNumElements(), or from `from` to `to`)?");
                return out;
            }
        }
        double rel = maxRelative(ev, av);
        if (rel > c.tolerance() && rel < 3e-6) {
            String digits = "it agrees with the expected value to about " + Math.round(-Math.log10(rel)) + " digits only";
            if (allFloats(av) && !allFloats(ev)) {
                out.add(digits + ", and every value is a float: the arithmetic is done in float; compute in double (double variables "
                        + "and literals, no float)");
            } else {
                out.add(digits + ": a small term is off, such as where ε goes (inside or outside the root), or part of the arithmetic "
                        + "is done in float instead of double");
            }
            return out;
        }
        Double ratio = constantRatio(de, da);
        if (ratio != null) {
            if (Math.abs(ratio + 1) < 1e-9) {
                out.add(what + " has the opposite sign: the step goes the wrong way (+ where − belongs, or the gradient's sign is flipped)");
                return out;
            }
            String name = symbolic(c.symbols(), Math.abs(ratio));
            String r = Observation.format(new double[] {ratio});
            out.add(what + " is " + r + " times what it should be" + (name == null ? "" : (ratio < 0 ? ", that is −" : ", that is ") + name
                    + ": look for a factor " + name + " too many, or one missing where the formula has it")
                    + (ratio < 0 ? ", and its sign is wrong" : ""));
            return out;
        }
        String other = sameAsOther(expected, actual, quantity, av, c.tolerance());
        if (other != null) {
            out.add(other);
            return out;
        }
        if (ev.length > 1) {
            List<Integer> wrong = new ArrayList<>();
            for (int i = 0; i < ev.length; i++) {
                if (!close(ev[i], av[i], c.tolerance())) {
                    wrong.add(i + 1);
                }
            }
            if (wrong.size() < ev.length) {
                out.add("only element" + (wrong.size() == 1 ? " " : "s ") + join(wrong) + " of " + ev.length + " " + (wrong.size() == 1 ? "is" : "are")
                        + " wrong, the others are right");
            }
        }
        return out;
    }

    /** The input recorded before the code ran that {@code quantity} grew from ("θ before step 2" for "θ after step 2"). */
    static Entry baseline(Observation actual, String quantity) {
        if (quantity.contains(" after ")) {
            Entry b = actual.given(quantity.replace(" after ", " before "));
            if (b != null) {
                return b;
            }
        }
        if (quantity.startsWith("the new ")) {
            return actual.given(quantity.substring(8).split(" ")[0] + " before the step");
        }
        return null;
    }

    static String stem(String quantity) {
        int at = quantity.indexOf(" after ");
        return at > 0 ? quantity.substring(0, at) : quantity;
    }

    private static String sameAsOther(Observation expected, Observation actual, String quantity, double[] av, double tol) {
        for (Entry o : expected.judged()) {
            if (o.name().equals(quantity) || o.isText() || o.numbers().length != av.length) {
                continue;
            }
            if (allClose(o.numbers(), av, tol)) {
                if (stem(o.name()).equals(stem(quantity)) && o.name().contains(" after step ")) {
                    return "it is what " + o.name() + " should be: one step behind (a value from before this step's update was used)";
                }
                return "it is exactly what " + o.name() + " should be: is the wrong variable used or returned?";
            }
        }
        for (Entry g : actual.entries()) {
            if (g.given() && g.numbers() != null && g.numbers().length == av.length && allClose(g.numbers(), av, tol)) {
                return "it equals the input " + g.name() + ": the code did not change it";
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

    /** A name for {@code r} from the case's symbols (v, 1/v, √v, 1−v, ...), or null. */
    static String symbolic(Map<String, Double> symbols, double r) {
        Map<String, Double> candidates = new LinkedHashMap<>();
        candidates.put("2", 2.0);
        candidates.put("1/2", 0.5);
        for (Map.Entry<String, Double> s : symbols.entrySet()) {
            String n = s.getKey();
            double v = s.getValue();
            if (v == 0 || v == 1) {
                continue;
            }
            candidates.put(n, v);
            candidates.put("1/" + n, 1 / v);
            candidates.put(n + "²", v * v);
            if (v > 0) {
                candidates.put("√" + n, Math.sqrt(v));
                candidates.put("1/√" + n, 1 / Math.sqrt(v));
            }
            if (v < 1) {
                candidates.put("(1−" + n + ")", 1 - v);
                candidates.put("1/(1−" + n + ")", 1 / (1 - v));
                candidates.put("√(1−" + n + ")", Math.sqrt(1 - v));
                candidates.put("1/√(1−" + n + ")", 1 / Math.sqrt(1 - v));
            }
        }
        for (Map.Entry<String, Double> c : candidates.entrySet()) {
            if (Math.abs(c.getValue() - r) <= 1e-6 * Math.abs(r)) {
                return c.getKey();
            }
        }
        return null;
    }

    static double maxRelative(double[] e, double[] a) {
        double worst = 0;
        for (int i = 0; i < e.length; i++) {
            double scale = Math.max(1e-300, Math.max(Math.abs(e[i]), Math.abs(a[i])));
            worst = Math.max(worst, Math.abs(e[i] - a[i]) / scale);
        }
        return worst;
    }

    static boolean allFloats(double[] v) {
        for (double x : v) {
            if ((double) (float) x != x) {
                return false;
            }
        }
        return true;
    }

    static boolean close(double x, double y, double tol) {
        if (Double.isNaN(x) && Double.isNaN(y)) {
            return true;
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
