package optikata.kata;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
    private Explain() {}

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
            out.add("it has " + av.length + (av.length == 1 ? " value" : " values") + " where " + ev.length
                    + " are expected");
            return out;
        }
        for (double v : av) {
            if (!Double.isFinite(v)) {
                out.add(
                        "it is NaN or infinite: look for a division by zero, or the square root of a number below 0 (a difference "
                                + "such as s − ḡ² can round a hair below 0: clamp it at 0 with Math.max)");
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
                String suffix =
                        quantity.contains(" after ") ? quantity.substring(quantity.indexOf(" after ")) : "\u0000";
                boolean stateRight = false;
                for (Entry o : expected.judged()) {
                    Entry x = actual.entry(o.name());
                    stateRight |= !o.name().equals(quantity)
                            && o.name().endsWith(suffix)
                            && !o.name().startsWith("the gradient")
                            && x != null
                            && !o.isText()
                            && !x.isText()
                            && allClose(o.numbers(), x.numbers(), c.tolerance());
                }
                out.add(stem(quantity) + " did not change at all: the update never reached it"
                        + (stateRight && quantity.endsWith("step 1")
                                ? "; the state is right, so the step was probably taken with stale state "
                                        + "from before this step's update (the old values, zeros on the first step): update the state first, then θ"
                                : ""));
                return out;
            }
            if (unchanged > 0 && !movesNextStep(c, expected, actual, quantity, still)) {
                out.add("element" + (still.size() == 1 ? " " : "s ") + join(still)
                        + " did not change while the others did: does the loop "
                        + "run over every element (up to getNumElements(), or from `from` to `to`)?");
                return out;
            }
        }
        if (truncated(ev, av) && !notTruncatedNextStep(expected, actual, quantity)) {
            out.add(
                    "it is a whole number where the expected value is not: a cast to int, or an integer division (such as 1 / 2, "
                            + "which is 0 in Java), truncates it");
            return out;
        }
        List<Integer> zeros = new ArrayList<>();
        boolean restRight = true;
        for (int i = 0; i < ev.length; i++) {
            if (av[i] == 0 && ev[i] != 0) {
                zeros.add(i + 1);
            } else if (!close(ev[i], av[i], c.tolerance())) {
                restRight = false;
            }
        }
        if (ev.length > 1 && restRight && !zeros.isEmpty() && zeros.size() < ev.length && zeros.get(0) > 1) {
            out.add("element" + (zeros.size() == 1 ? " " : "s ") + join(zeros) + " of " + ev.length
                    + " are still 0 while the others are right: "
                    + "the loop stops before the end; run it over every element (up to getNumElements(), not numRows)");
            return out;
        }
        if (ev.length > 1 && close(ev[0], av[0], c.tolerance()) && allZeroFrom(av, 1) && !allZeroFrom(ev, 1)) {
            out.add(
                    "only the first entry is written; the other entries are still 0: write every entry (loop over all elements)");
            return out;
        }
        Double product = constantProduct(ev, av);
        if (product != null) {
            String name = symbolic(squares(c.symbols()), Math.abs(product));
            out.add("it is the reciprocal of what it should be (upside down): the fraction is inverted"
                    + (name == null ? "" : ", up to a factor " + name));
            return out;
        }
        String difference = constantDifference(c.symbols(), ev, av, stem(quantity));
        if (difference != null
                && !contradictedNextStep(
                        c,
                        expected,
                        actual,
                        quantity,
                        difference,
                        (de2, da2, next) -> constantDifference(c.symbols(), de2, da2, stem(next)))) {
            out.add(difference);
            return out;
        }
        double rel = maxRelative(ev, av);
        if (rel > c.tolerance() && rel < 3e-6) {
            String digits =
                    "it agrees with the expected value to about " + Math.round(-Math.log10(rel)) + " digits only";
            if (allFloats(av) && !allFloats(ev)) {
                out.add(digits
                        + ", and every value is a float: the arithmetic is done in float; compute in double (double variables "
                        + "and literals, no float)");
            } else {
                out.add(digits
                        + ": a small term is off, such as where ε goes (inside or outside the root), or part of the arithmetic "
                        + "is done in float instead of double");
            }
            return out;
        }
        String other = sameAsOther(expected, actual, quantity, av, c.tolerance());
        if (other != null) {
            out.add(other);
            return out;
        }
        String denominator = denominator(c.symbols(), actual, quantity, de, da);
        if (denominator != null
                && !contradictedNextStep(
                        c,
                        expected,
                        actual,
                        quantity,
                        denominator,
                        (de2, da2, next) -> denominator(c.symbols(), actual, next, de2, da2))) {
            out.add(denominator);
            return out;
        }
        Double ratio = constantRatio(de, da);
        if (ratio != null) {
            if (Math.abs(ratio + 1) < 1e-6) {
                out.add(
                        what
                                + " has the opposite sign: the step goes the wrong way (+ where − belongs, or the gradient's sign is flipped)");
                return out;
            }
            int step = Judge.stepOf(quantity);
            if (step >= 2 && Math.abs(ratio * step - 1) < 1e-9) {
                out.add(what + " is 1/" + step + " of what it should be after " + step
                        + " steps: it is divided by the step count, a mean "
                        + "of the values so far where the formula keeps their sum");
                return out;
            }
            String name = symbolic(c.symbols(), Math.abs(ratio));
            if (name != null && name.contains("β") && quantity.endsWith(" after step 1")) {
                // on the first step 1 − βᵗ is 1 − β: say both, the learner's code has t in it
                name = name + " (" + name.replaceAll("β([₁₂]?)", "β$1ᵗ") + " at t = 1)";
            }
            String r = Observation.format(new double[] {ratio});
            String why = "";
            if (name != null && c.symbols().containsKey(name)) {
                why = ": a factor " + name + " too many (" + name + " applied twice, " + name + "·" + name
                        + " where the formula has " + name + ")";
            } else if (name != null && name.startsWith("1/") && c.symbols().containsKey(name.substring(2))) {
                String n = name.substring(2);
                why = ": the factor " + n + " is missing (" + n + " is not applied)";
            } else if (name != null) {
                why = ": look for a factor " + name + " too many, or one missing where the formula has it";
            }
            out.add(what + " is " + r + " times what it should be"
                    + (name == null ? "" : (ratio < 0 ? ", that is −" : ", that is ") + name + why)
                    + (ratio < 0 ? ", and its sign is wrong" : ""));
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
                out.add("only element" + (wrong.size() == 1 ? " " : "s ") + join(wrong) + " of " + ev.length + " "
                        + (wrong.size() == 1 ? "is" : "are") + " wrong, the others are right");
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

    /** "the new s" → "s": a quantity as a symbol where it reads better. */
    static String plain(String quantity) {
        return quantity.startsWith("the new ") ? quantity.substring(8) : quantity;
    }

    static String stem(String quantity) {
        int at = quantity.indexOf(" after ");
        return at > 0 ? quantity.substring(0, at) : quantity;
    }

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
                    return plain(quantity) + " and " + plain(o.name())
                            + " are swapped: each holds what the other should (check the order "
                            + "of the arguments or results)";
                }
                String count = countDifference(quantity, o.name());
                if (count != null) {
                    return "it is exactly what " + o.name() + " should be: " + count + " (off by one)";
                }
                if (stem(o.name()).equals(stem(quantity)) && o.name().contains(" after step ")) {
                    return "it is what " + o.name()
                            + " should be: one step behind (a value from before this step's update was used)";
                }
                if (o.name().startsWith("the gradient")) {
                    return "it is the raw g, used as it is where the formula normalises or scales it";
                }
                return "it is exactly what " + o.name() + " should be: is the wrong variable used or returned?";
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
                String what = g.name().contains(" before ")
                        ? g.name().substring(0, g.name().indexOf(" before "))
                        : g.name();
                return "it is still " + g.name() + ": " + what + " did not change (" + what + " is not updated)";
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

    /** "one step too many" when two names differ only in one number, n against n ± 1. */
    static String countDifference(String mine, String other) {
        Matcher a = NUMBER.matcher(mine);
        Matcher b = NUMBER.matcher(other);
        List<Long> na = new ArrayList<>();
        List<Long> nb = new ArrayList<>();
        while (a.find()) {
            na.add(Long.parseLong(a.group()));
        }
        while (b.find()) {
            nb.add(Long.parseLong(b.group()));
        }
        if (na.size() != nb.size()
                || !NUMBER.matcher(mine)
                        .replaceAll("#")
                        .equals(NUMBER.matcher(other).replaceAll("#"))) {
            return null;
        }
        int diffs = 0;
        long d = 0;
        for (int i = 0; i < na.size(); i++) {
            if (!na.get(i).equals(nb.get(i))) {
                diffs++;
                d = nb.get(i) - na.get(i);
            }
        }
        if (diffs != 1 || Math.abs(d) != 1) {
            return null;
        }
        return d > 0 ? "one step too many, or a count one too large" : "one step too few, or a count one too small";
    }

    private static final Pattern NUMBER = Pattern.compile("\\d+");

    /** A constant difference that is a symbol (θ off by exactly ε) or ±1 (a count off by one). */
    static String constantDifference(Map<String, Double> symbols, double[] e, double[] a, String stem) {
        double d = a[0] - e[0];
        if (d == 0) {
            return null;
        }
        for (int i = 1; i < e.length; i++) {
            if (Math.abs((a[i] - e[i]) - d) > 1e-9 * Math.max(1, Math.abs(d))) {
                return null;
            }
        }
        if (Math.abs(Math.abs(d) - 1) < 1e-9) {
            return "it is exactly " + (d > 0 ? "1 more" : "1 less")
                    + " than it should be: off by one (one less or one more than the "
                    + "formula, such as γ/(1 − γ) against 1/(1 − γ))";
        }
        boolean state = !stem.equals("θ") && !stem.startsWith("the new θ");
        for (Map.Entry<String, Double> sym : symbols.entrySet()) {
            double v = sym.getValue();
            String n = sym.getKey();
            if (v == 0) {
                continue;
            }
            if (state && Math.abs(Math.abs(d) - Math.abs(v)) <= 1e-6 * Math.abs(v)) {
                // s after step 1 = β·s₀ + ...: off by β means s started at 1
                return stem + " is off by exactly " + n + " after the first step: as if " + stem + " started at "
                        + Observation.number(d / v)
                        + " instead of 0 (the state must start at 0: zeros before the first step)";
            }
            // a symbol added outside the division: off by it, give or take what it changes inside
            if (!state && Math.abs(Math.abs(d) - Math.abs(v)) <= 0.1 * Math.abs(v)) {
                return stem + " is off by about " + n + ": " + n + " is "
                        + (d * Math.signum(v) > 0 ? "added to" : "subtracted from") + " " + stem
                        + " itself, outside the division (a missing parenthesis: precedence)";
            }
        }
        return null;
    }

    /**
     * For a step θ ← θ − η·g / D: the denominator the learner's step implies, D_a = η·g / (−Δθ),
     * against the expected one: 1 (nothing divided), D² (the root missing), √D (a root too many).
     */
    static String denominator(
            Map<String, Double> symbols, Observation actual, String quantity, double[] de, double[] da) {
        Double eta = symbols.containsKey("η") ? symbols.get("η") : symbols.get("α");
        if (eta == null || !(quantity.startsWith("θ after step ") || quantity.equals("the new θ"))) {
            return null;
        }
        String step = quantity.startsWith("θ after step ") ? quantity.substring("θ after ".length()) : null;
        Entry g = step != null ? actual.given("g of " + step) : actual.given("g");
        if (g == null || g.numbers() == null || g.numbers().length != de.length) {
            return null;
        }
        String kind = null;
        for (int i = 0; i < de.length; i++) {
            double gi = g.numbers()[i];
            if (gi == 0 || de[i] == 0 || da[i] == 0) {
                continue;
            }
            double dExpected = eta * gi / -de[i];
            double dActual = eta * gi / -da[i];
            String k;
            if (Math.abs(dActual - 1) < 1e-6) {
                k = "one";
            } else if (Math.abs(dActual - dExpected * dExpected) < 1e-6 * dExpected * dExpected) {
                k = "squared";
            } else if (Math.abs(dActual * dActual - dExpected) < 1e-6 * dExpected) {
                k = "root";
            } else {
                k = epsilonForm(symbols.get("ε"), dExpected, dActual);
                if (k == null) {
                    return null;
                }
            }
            if (kind != null && !kind.equals(k)) {
                return null;
            }
            kind = k;
        }
        if (kind == null) {
            return null;
        }
        return switch (kind) {
            case "one" ->
                "θ moved by the whole η·g: nothing divided it, the denominator came out as 1 (as Math.pow(x, 1 / 2) does: 1 / 2 "
                        + "is integer division, so the power is 0; the square root is missing)";
            case "squared" ->
                "the step divides by the square of what it should: it divides by s instead of √s (the square root is missing, "
                        + "or s was squared once more)";
            case "root" -> "the step divides by the square root of what it should: a square root is taken twice";
            default ->
                "the step divides by " + kind
                        + ", where the formula's denominator puts ε elsewhere: check where ε goes (inside "
                        + "or outside the root, ε and not ε²)";
        };
    }

    /**
     * Whether the next step refutes a reading of step k's θ. One step can fit a wrong reading by coincidence (a
     * halved step with s = 4 reads as "divides by s instead of √s"; Adam's first step is about ±η whatever the
     * denominator, so a step too small reads as "η added outside the division"), so when θ after step k + 1 was
     * recorded and every state quantity after step k + 1 is right, the learner's step k + 1 must give the same
     * reading, judged against the expected step from the same state.
     */
    static boolean contradictedNextStep(
            Case c, Observation expected, Observation actual, String quantity, String reading, Reading read) {
        double[][] next = nextStep(c, expected, actual, quantity);
        return next != null
                && !reading.equals(read.of(next[0], next[1], "θ after step " + (Judge.stepOf(quantity) + 1)));
    }

    /**
     * Whether an element that did not move on step k (1-based {@code still}) moves on step k + 1 where it
     * should: then the loop does reach it, and step k's standstill was a coincidence of the numbers.
     */
    static boolean movesNextStep(
            Case c, Observation expected, Observation actual, String quantity, List<Integer> still) {
        double[][] next = nextStep(c, expected, actual, quantity);
        if (next == null) {
            return false;
        }
        for (int i : still) {
            if (next[0][i - 1] != 0 && next[1][i - 1] != 0) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the same quantity one step later is a fraction where a fraction is expected: a cast or an integer
     * division would truncate it too, so step k's whole number was a coincidence of the numbers.
     */
    static boolean notTruncatedNextStep(Observation expected, Observation actual, String quantity) {
        int k = Judge.stepOf(quantity);
        if (k < 1) {
            return false;
        }
        String next = quantity.substring(0, quantity.lastIndexOf(" after step ")) + " after step " + (k + 1);
        Entry e = expected.entry(next);
        Entry a = actual.entry(next);
        if (e == null || a == null || e.isText() || a.isText() || e.numbers().length != a.numbers().length) {
            return false;
        }
        for (int i = 0; i < e.numbers().length; i++) {
            double ev = e.numbers()[i];
            double av = a.numbers()[i];
            if (ev != Math.rint(ev) && Double.isFinite(av) && av != Math.rint(av)) {
                return true;
            }
        }
        return false;
    }

    /** A reading of θ's change: expected change, actual change, the quantity → a sentence or null. */
    interface Reading {
        String of(double[] expectedChange, double[] actualChange, String quantity);
    }

    /**
     * The expected and the learner's change of θ on step k + 1 for {@code quantity} "θ after step k", each from
     * its own θ before that step; null when either was not recorded or the learner's state after step k + 1 is
     * not the expected one (then the expected step is not the one to compare with).
     */
    static double[][] nextStep(Case c, Observation expected, Observation actual, String quantity) {
        int k = Judge.stepOf(quantity);
        if (k < 1 || !quantity.startsWith("θ after step ")) {
            return null;
        }
        String suffix = " after step " + (k + 1);
        Entry eAfter = expected.entry("θ" + suffix);
        Entry aAfter = actual.entry("θ" + suffix);
        Entry eBefore = expected.given("θ before step " + (k + 1));
        Entry aBefore = actual.given("θ before step " + (k + 1));
        if (eAfter == null
                || aAfter == null
                || eBefore == null
                || aBefore == null
                || eAfter.isText()
                || aAfter.isText()
                || eBefore.isText()
                || aBefore.isText()) {
            return null;
        }
        for (Entry o : expected.judged()) {
            boolean state = o.name().endsWith(suffix)
                    && !o.name().startsWith("θ")
                    && !o.name().startsWith("the gradient")
                    && !o.name().startsWith("the effective rate")
                    && !o.name().startsWith("the step count");
            Entry x = actual.entry(o.name());
            if (state
                    && (x == null || o.isText() || x.isText() || !allClose(o.numbers(), x.numbers(), c.tolerance()))) {
                return null;
            }
        }
        int n = eAfter.numbers().length;
        if (aAfter.numbers().length != n || eBefore.numbers().length != n || aBefore.numbers().length != n) {
            return null;
        }
        double[] de = new double[n];
        double[] da = new double[n];
        for (int i = 0; i < n; i++) {
            de[i] = eAfter.numbers()[i] - eBefore.numbers()[i];
            da[i] = aAfter.numbers()[i] - aBefore.numbers()[i];
        }
        return new double[][] {de, da};
    }

    /**
     * Which placement of ε the learner's denominator {@code da} follows, given the expected one
     * {@code de} (ε inside the root, √(s + ε), or outside, √s + ε): "√s" (ε missing), "√(s + ε)",
     * "√s + ε", "√(s + ε²)"; null when none fits.
     */
    static String epsilonForm(Double eps, double de, double da) {
        if (eps == null) {
            return null;
        }
        for (double s : new double[] {de * de - eps, (de - eps) * (de - eps)}) {
            if (s < 0) {
                continue;
            }
            double[] forms = {Math.sqrt(s), Math.sqrt(s + eps), Math.sqrt(s) + eps, Math.sqrt(s + eps * eps)};
            String[] names = {
                "√s (ε is missing)",
                "√(s + ε) (ε inside the root)",
                "√s + ε (ε outside the root)",
                "√(s + ε²) (ε² inside the root)"
            };
            for (int k = 0; k < forms.length; k++) {
                if (Math.abs(forms[k] - da) <= 1e-9 * Math.abs(da) && Math.abs(forms[k] - de) > 1e-12 * Math.abs(de)) {
                    return names[k];
                }
            }
        }
        return null;
    }

    static boolean allZeroFrom(double[] v, int from) {
        for (int i = from; i < v.length; i++) {
            if (v[i] != 0) {
                return false;
            }
        }
        return true;
    }

    /** expected·actual when it is the same for every element (the actual values are reciprocals, up to a constant), else null. */
    private static Double constantProduct(double[] e, double[] a) {
        Double product = null;
        for (int i = 0; i < e.length; i++) {
            double p = e[i] * a[i];
            if (p == 0 || !Double.isFinite(p)) {
                return null;
            }
            if (product == null) {
                product = p;
            } else if (Math.abs(p - product) > 1e-6 * Math.abs(product)) {
                return null;
            }
        }
        // a constant product over different values: the actual values go as 1/expected
        // only where the magnitudes differ: a constant product over (−x, x) says nothing
        boolean varied = false;
        for (int i = 1; i < e.length; i++) {
            varied |= Math.abs(Math.abs(e[i]) - Math.abs(e[0])) > 1e-6 * Math.abs(e[0]);
        }
        return varied ? product : null;
    }

    /** The symbols and their squares (for reciprocal explanations: η/x against x/η differs by η²). */
    private static Map<String, Double> squares(Map<String, Double> symbols) {
        Map<String, Double> out = new LinkedHashMap<>();
        out.put("1", 1.0);
        symbols.forEach((k, v) -> out.put(k + "²", v * v));
        return out;
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
