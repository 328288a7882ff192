package optikata.kata;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import optikata.kata.spec.Case;
import optikata.kata.spec.Observation;
import optikata.kata.spec.Observation.Entry;

/**
 * Decides whether a learner's observation of a case is right, and writes the message that teaches:
 * which quantities are right and which are wrong, the formula, the input, expected and actual
 * values, the named mistake whose observation matches (when one does), what the first wrong
 * quantity means, and what its numbers show ({@link Explain}). Runs only in a process that runs no
 * learner code (the grader's parent) or, for a learner's own check, beside it; the expected values
 * never come from the learner's process. Messages of hidden cases keep their inputs and numbers
 * out.
 */
public final class Judge {
    private Judge() {}

    /** A verdict and its message; {@code mistake} is the matched catalogue id, or null. */
    public record Verdict(SpecResult.Status status, String message, String mistake) {
        public boolean passed() {
            return status == SpecResult.Status.PASSED;
        }
    }

    /**
     * Judges one case: what the code under test observed against the solution's observation and the
     * catalogue's mistakes.
     *
     * @param key      the case's key in the mistakes' observations (book class + " " + case id)
     * @param mistakes the mistakes that may be named: those {@link #proven} by every observation of the exercise
     * @param timeoutMillis the time limit the probe ran under, for the message
     */
    public static Verdict judge(
            Case c,
            boolean hidden,
            Observation expected,
            Observation actual,
            String key,
            List<Oracle.Named> mistakes,
            long timeoutMillis) {
        if (actual == null) {
            return new Verdict(
                    SpecResult.Status.FAILED,
                    "no result came back for this case (the code under test stopped the run)",
                    null);
        }
        if (actual.end() == Observation.End.NOT_STARTED) {
            String m = hidden || actual.message().isBlank()
                    ? "not started: the code still throws UnsupportedOperationException"
                    : oneLine(actual.message());
            return new Verdict(SpecResult.Status.NOT_STARTED, m, null);
        }
        List<String> right = new ArrayList<>();
        List<String> wrong = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (Entry e : expected.judged()) {
            Entry a = actual.entry(e.name());
            if (a == null) {
                missing.add(e.name());
            } else if (same(e, a, c.tolerance())) {
                right.add(e.name());
            } else {
                wrong.add(e.name());
            }
        }
        if (wrong.isEmpty() && missing.isEmpty() && actual.end() == Observation.End.COMPLETED) {
            return new Verdict(SpecResult.Status.PASSED, "", null);
        }
        StringBuilder sb = new StringBuilder();
        List<Oracle.Named> fitting = matches(actual, expected, key, mistakes, c.tolerance());
        Oracle.Named named = fitting.size() == 1 ? fitting.get(0) : null;
        if (wrong.isEmpty()) {
            sb.append(stopped(
                    actual, missing.isEmpty() ? "the rest of the case" : missing.get(0), timeoutMillis, hidden));
        } else {
            String q = wrong.get(0);
            sb.append(Words.capital(q)).append(" is not right.\n");
            sb.append("  formula:  ").append(c.formula()).append('\n');
            if (!hidden) {
                if (c.input() != null) {
                    sb.append("  input:    ").append(c.input()).append('\n');
                }
                sb.append("  expected: ").append(show(expected.entry(q))).append('\n');
                sb.append("  actual:   ").append(show(actual.entry(q))).append('\n');
            }
        }
        if (!right.isEmpty() && !wrong.isEmpty()) {
            sb.append("  right:    ").append(list(right)).append('\n');
            sb.append("  wrong:    ").append(list(wrong)).append('\n');
        }
        if (fitting.size() > 1) {
            // several programs reproduce every observation: the observations do not tell them apart, so each is said
            sb.append("  likely mistake, one of ")
                    .append(fitting.size())
                    .append(" changes that each reproduce every observation: ")
                    .append(String.join(
                            "; or ",
                            fitting.stream().map(Oracle.Named::description).toList()))
                    .append('\n');
        } else if (named != null && named.fix().isEmpty()) {
            sb.append("  likely mistake: ").append(named.description()).append('\n');
        } else if (named != null) {
            sb.append("  likely mistake [")
                    .append(named.id())
                    .append("]: ")
                    .append(named.description())
                    .append('\n');
            sb.append("  what to change: ").append(named.fix()).append('\n');
        }
        // beside a program that reproduces every observation, that program is the explanation: the case's fixed
        // sentences are readings written for when nothing is proven, and one may state another cause ("the rejected
        // step changed θ: check the shapes" when θ was NaN from the first step on), so they are left out
        boolean proven = !fitting.isEmpty();
        if (!wrong.isEmpty()) {
            String q = wrong.get(0);
            String meaning = proven ? null : meaning(c.meanings(), q);
            if (meaning != null && !meaning.isBlank()) {
                sb.append("  what it means: ").append(meaning).append('\n');
            }
            // the other kinds of wrong quantity, each once (e.g. θ wrong first, and the gradient written into)
            Set<String> said = new LinkedHashSet<>();
            if (meaning != null) {
                said.add(meaning);
            }
            for (String other : wrong.subList(1, wrong.size())) {
                if (assumedWrong(c, other, wrong)) {
                    // its meaning takes a quantity to be right that is wrong here ("s is right, so the θ line ...")
                    continue;
                }
                String m = proven ? null : meaning(c.meanings(), other);
                if (m != null && said.add(m) && said.size() <= 3) {
                    sb.append("  also wrong: ")
                            .append(other)
                            .append(": ")
                            .append(m)
                            .append('\n');
                }
            }
            if (laterStepOnly(right, q)) {
                sb.append("  the first step is right and step ")
                        .append(Words.stepOf(q))
                        .append(" is not\n");
            }
            // a hidden case's numbers stay out, and so does what they show: a comparison of the learner's chosen
            // value with the expected one ("-10 times what it should be", "exactly 1 more") gives the expected one away
            if (!hidden) {
                for (String line : Explain.numbers(c, expected, actual, q)) {
                    sb.append("  in the numbers: ").append(line).append('\n');
                }
            }
        }
        if (!wrong.isEmpty() && actual.end() != Observation.End.COMPLETED) {
            sb.append("  and then: ")
                    .append(stopped(actual, "the rest", timeoutMillis, hidden))
                    .append('\n');
        }
        return new Verdict(SpecResult.Status.FAILED, sb.toString().stripTrailing(), named == null ? null : named.id());
    }

    /** Why the probe stopped before producing {@code quantity}. */
    static String stopped(Observation actual, String quantity, long timeoutMillis, boolean hidden) {
        // the child writes `where` and the exception's name, and the learner's code can set both (a forged stack frame,
        // a class defined at run time): in a hidden case they could carry its inputs out, so only a JDK name is shown
        String where = hidden || actual.where().isBlank() ? "" : " (at " + actual.where() + ")";
        String shown = hidden ? jdkThrowable(actual.thrown()) : actual.thrown();
        return switch (actual.end()) {
            case TIMED_OUT ->
                Words.capital(quantity) + " never came: the code did not finish within " + timeoutMillis / 1000 + " s"
                        + where + ".";
            case THREW -> {
                String t = actual.thrown();
                if (t.equals("SpecNotLoaded")
                        || t.endsWith("NoSuchMethodError")
                        || t.endsWith("NoSuchFieldError")
                        || t.endsWith("NoClassDefFoundError")
                        || t.endsWith("AbstractMethodError")
                        || t.endsWith("IncompatibleClassChangeError")) {
                    yield "The specs could not call your code: keep the class names, constructors and method signatures of the stub ("
                            + shown + (hidden ? "" : ": " + oneLine(actual.message())) + ").";
                }
                yield Words.capital(quantity) + " never came: the code threw " + shown
                        + (hidden
                                        || actual.message().isBlank()
                                        || actual.message().equals("null")
                                ? ""
                                : ": " + oneLine(actual.message()))
                        + where + ".";
            }
            default -> Words.capital(quantity) + " was not recorded.";
        };
    }

    /** Packages whose throwables a hidden case's message may name. */
    private static final List<String> JDK_PACKAGES = List.of(
            "java.lang.", "java.util.", "java.io.", "java.util.concurrent.", "java.lang.reflect.", "java.lang.invoke.");

    /**
     * {@code simpleName} when it names a throwable of the JDK's common packages (the names a learner's code can
     * throw but not make up), else "an exception of its own type". Loads only {@code java.*} classes, which
     * come from the JDK alone, without initialising them.
     */
    static String jdkThrowable(String simpleName) {
        if (simpleName.equals("SpecNotLoaded")) {
            return simpleName;
        }
        if (simpleName.matches("[A-Za-z]{1,80}")) {
            for (String pkg : JDK_PACKAGES) {
                try {
                    Class<?> c = Class.forName(pkg + simpleName, false, ClassLoader.getPlatformClassLoader());
                    if (Throwable.class.isAssignableFrom(c)) {
                        return simpleName;
                    }
                } catch (ClassNotFoundException | LinkageError notThere) {
                    // not in this package
                }
            }
        }
        return "an exception of its own type";
    }

    /**
     * The named and generated mistakes proven by the code under test's observations: each reproduces every
     * observation it produced, on every case that was observed (every quantity within the case's tolerance, and
     * the same ending), and differs from the solution on at least one. Only these may be named: a program that
     * agrees on the failing case but not on another is not the learner's mistake. When several different programs
     * reproduce everything, the observations do not tell them apart: up to {@link #MOST_PROVEN} are returned (and
     * said together), more are too many to say and none is returned.
     *
     * @param observed case key (book class + " " + case id) → what the code under test observed; null entries
     *                 (cases that did not report) are left out
     */
    public static List<Oracle.Named> proven(Oracle.Exercise oracle, Map<String, Observation> observed) {
        Map<String, Case> cases = new HashMap<>();
        for (Oracle.BookInfo b : oracle.books()) {
            b.cases().forEach((id, c) -> cases.put(b.className() + " " + id, c));
        }
        List<Oracle.Named> out = new ArrayList<>();
        for (Oracle.Named m : oracle.mistakes()) {
            boolean all = true;
            boolean differs = false;
            boolean any = false;
            for (Map.Entry<String, Observation> e : observed.entrySet()) {
                Observation actual = e.getValue();
                Case c = cases.get(e.getKey());
                if (actual == null || c == null) {
                    continue;
                }
                Observation o = m.observations().get(e.getKey());
                if (o == null || !sameObservation(o, actual, c.tolerance())) {
                    all = false;
                    break;
                }
                any = true;
                Observation x = oracle.expected().get(e.getKey());
                differs |= x == null || !sameObservation(o, x, c.tolerance());
            }
            if (all && any && differs) {
                out.add(m);
            }
        }
        // a generated program that reproduces everything a named mistake does is, on this evidence, that mistake (it
        // differs only in the last bits, within every case's tolerance): the catalogue's words and fix are said
        List<Oracle.Named> named = out.stream().filter(m -> !m.fix().isEmpty()).toList();
        if (!named.isEmpty() && named.size() < out.size()) {
            out = new ArrayList<>(named);
        }
        return out.size() <= MOST_PROVEN ? out : List.of();
    }

    /** The most programs said together as reproducing every observation. */
    static final int MOST_PROVEN = 3;

    /** Whether two observations end alike and hold the same judged quantities, each within {@code tol}. */
    static boolean sameObservation(Observation x, Observation y, double tol) {
        if (x.end() != y.end() || x.judged().size() != y.judged().size()) {
            return false;
        }
        for (Entry e : x.judged()) {
            Entry a = y.entry(e.name());
            if (a == null || !same(e, a, tol)) {
                return false;
            }
        }
        return true;
    }

    /**
     * The named or generated mistakes whose observation of this case matches the learner's on every
     * quantity (and ends the same way) while differing from the expected one.
     * Only a full match names a mistake: agreeing on the first wrong quantity alone is not evidence.
     */
    static List<Oracle.Named> matches(
            Observation actual, Observation expected, String key, List<Oracle.Named> mistakes, double tol) {
        List<Oracle.Named> out = new ArrayList<>();
        for (Oracle.Named m : mistakes) {
            Observation o = m.observations().get(key);
            if (o == null || o.end() != actual.end()) {
                continue;
            }
            boolean differs = false;
            boolean all = true;
            for (Entry e : o.judged()) {
                Entry a = actual.entry(e.name());
                Entry x = expected.entry(e.name());
                all &= a != null && same(e, a, tol);
                differs |= x != null && !same(e, x, tol);
            }
            if (all && differs) {
                out.add(m);
            }
        }
        return out;
    }

    static boolean same(Entry e, Entry a, double tol) {
        if (e.isText() || a.isText()) {
            return e.isText() && a.isText() && e.text().equals(a.text());
        }
        return Explain.allClose(e.numbers(), a.numbers(), tol);
    }

    /**
     * Whether the meaning of {@code quantity} takes to be right a quantity that is wrong at the same step or
     * before (or at all, for quantities without steps).
     */
    static boolean assumedWrong(Case c, String quantity, List<String> wrong) {
        String key = meaningKey(c.meanings(), quantity);
        List<String> assumed = key == null ? null : c.assumes().get(key);
        if (assumed == null) {
            return false;
        }
        int step = Words.stepOf(quantity);
        for (String w : wrong) {
            for (String a : assumed) {
                if (w.startsWith(a) && (step < 0 || Words.stepOf(w) < 0 || Words.stepOf(w) <= step)) {
                    return true;
                }
            }
        }
        return false;
    }

    static String meaning(Map<String, String> meanings, String quantity) {
        String key = meaningKey(meanings, quantity);
        return key == null ? null : meanings.get(key);
    }

    /** The longest meaning key that {@code quantity} starts with, or null. */
    static String meaningKey(Map<String, String> meanings, String quantity) {
        String best = null;
        for (String k : meanings.keySet()) {
            if (quantity.startsWith(k) && (best == null || k.length() > best.length())) {
                best = k;
            }
        }
        return best;
    }

    private static boolean laterStepOnly(List<String> right, String firstWrong) {
        int step = Words.stepOf(firstWrong);
        return step > 1 && right.stream().anyMatch(r -> Words.stepOf(r) == 1);
    }

    static String show(Entry e) {
        if (e == null) {
            return "(nothing)";
        }
        if (e.isText()) {
            return oneLine(e.text());
        }
        double[] v = e.numbers();
        if (v.length > 12) {
            return Observation.format(Arrays.copyOf(v, 12)).replaceAll("\\)$", ", ...)") + " (" + v.length + " values)";
        }
        return Observation.format(v);
    }

    private static String list(List<String> names) {
        if (names.size() <= 6) {
            return String.join(", ", names);
        }
        return String.join(", ", names.subList(0, 6)) + " and " + (names.size() - 6) + " more";
    }

    /**
     * Text from the code under test on one line ("⏎" where it broke lines): every line of a message that starts
     * a line is the judge's own, so learner text cannot pose as one ("  likely mistake [id]: ...").
     */
    static String oneLine(String text) {
        return text.strip().replaceAll("\\R", " ⏎ ");
    }
}
