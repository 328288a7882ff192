package optikata.claims.file;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import optikata.claims.AbstractClaim;
import optikata.claims.ClaimContext;
import optikata.claims.ClaimResult;
import optikata.claims.Figure;
import optikata.claims.Optimizers;
import optikata.claims.Verdict;

/**
 * A claim from an instructor's claims file: its checks run the project's optimizers (through {@link
 * ClaimContext#optimizers()}, as the built-in claims do) and the verdict is derived from the measured
 * figures and the text's expectation, by the rules of {@code docs/CLAIMS-FILE.md}:
 *
 * <ul>
 *   <li>approx, or a bound at one step: HOLDS when every measured value meets it, else ERRATUM;
 *   <li>a bound or monotone over every step: HOLDS when every step meets it; QUALIFIED when it holds only
 *       from some step on, or only up to some step (a stretch of at least two steps and a quarter of the
 *       run), the condition being that stretch; else ERRATUM;
 *   <li>faster-than: HOLDS when this run reaches the loss in fewer steps than the other, ERRATUM when not,
 *       NOT_CHECKABLE when neither reaches it;
 *   <li>a run that stops on a non-finite value before the step measured: NOT_CHECKABLE.
 * </ul>
 *
 * A claim with several checks is an ERRATUM when one is, else NOT_CHECKABLE when one is, else QUALIFIED
 * when one is, else HOLDS.
 */
public final class FileClaim extends AbstractClaim {
    private final String restates;
    private final List<FileCheck> checks;

    FileClaim(String id, String source, String statement, String quote, String restates, List<FileCheck> checks) {
        super(id, source, statement, quote);
        this.restates = restates;
        this.checks = List.copyOf(checks);
    }

    /** The register claim (such as C05) this claim restates, or null. */
    public String restates() {
        return restates;
    }

    /** How many checks the claim makes. */
    public int checkCount() {
        return checks.size();
    }

    List<FileCheck> checks() {
        return checks;
    }

    /** One check's verdict and sentences. */
    private record Outcome(Verdict verdict, String finding, String correction, Double tolerance) {}

    @Override
    public ClaimResult check(ClaimContext context) {
        ClaimResult.Builder b = ClaimResult.of(this);
        Set<String> keys = new HashSet<>();
        List<Outcome> outcomes = new ArrayList<>();
        for (int i = 0; i < checks.size(); i++) {
            outcomes.add(new Judge(b, keys, checks.get(i), i + 1, context.optimizers()).judge());
        }
        Verdict verdict = Verdict.HOLDS;
        for (Verdict v : List.of(Verdict.QUALIFIED, Verdict.NOT_CHECKABLE, Verdict.ERRATUM)) {
            for (Outcome o : outcomes) {
                if (o.verdict() == v) {
                    verdict = v;
                }
            }
        }
        Set<Double> tolerances = new HashSet<>();
        outcomes.forEach(o -> tolerances.add(o.tolerance()));
        if (tolerances.size() == 1 && outcomes.get(0).tolerance() != null) {
            b.tolerance(outcomes.get(0).tolerance());
        } else {
            for (int i = 0; i < outcomes.size(); i++) {
                if (outcomes.get(i).tolerance() != null) {
                    b.setting(
                            "tolerance(check=" + (i + 1) + ")", outcomes.get(i).tolerance());
                }
            }
        }
        List<String> findings = new ArrayList<>();
        List<String> corrections = new ArrayList<>();
        for (Outcome o : outcomes) {
            findings.add(o.finding());
            if (o.verdict() != Verdict.HOLDS && o.correction() != null) {
                corrections.add(o.correction());
            }
        }
        return b.verdict(
                verdict, String.join("; ", findings), corrections.isEmpty() ? null : String.join(" ", corrections));
    }

    /** Runs one check and records its figures in the claim's builder. */
    private final class Judge {
        private final ClaimResult.Builder b;
        private final Set<String> keys;
        private final FileCheck check;
        private final int index;
        private final Optimizers optimizers;
        private final Measure m;
        private final Quantity read;
        private final String label;

        Judge(ClaimResult.Builder b, Set<String> keys, FileCheck check, int index, Optimizers optimizers) {
            this.b = b;
            this.keys = keys;
            this.check = check;
            this.index = index;
            this.optimizers = optimizers;
            this.m = check.measure();
            this.read = m.read();
            this.label = label();
        }

        private String label() {
            String base = read == Quantity.S
                    ? "s (" + accumulatorWords(check.setup().optimizer().name()) + ")"
                    : read == Quantity.STEPS_TO
                            ? "the steps to reach f(θ) ≤ " + num(m.below())
                            : read == Quantity.WEIGHT
                                    ? "the weight in s of the squared gradient " + m.lag() + " step"
                                            + (m.lag() == 1 ? "" : "s") + " back"
                                    : read == Quantity.SHARE
                                            ? "the share of s carried by the last " + m.last() + " squared gradient"
                                                    + (m.last() == 1 ? "" : "s")
                                            : read.label;
            return m.quantity() == Quantity.RATIO ? "the ratio of " + base + " (this run over the other)" : base;
        }

        /** The figure key of the measured value: camelCase words and their parameters. */
        private String key(Integer step, Integer coordinate) {
            return unique(rawKey("", step, coordinate));
        }

        /** The key before it is made unique in the claim; {@code prefix} such as "largest" goes in front. */
        private String rawKey(String prefix, Integer step, Integer coordinate) {
            String base = read == Quantity.S
                    ? Measurer.ACCUMULATOR.get(check.setup().optimizer().name())
                    : read.key;
            if (m.quantity() == Quantity.RATIO) {
                base = "ratioOf" + Character.toUpperCase(base.charAt(0)) + base.substring(1);
            }
            if (!prefix.isEmpty()) {
                base = prefix + Character.toUpperCase(base.charAt(0)) + base.substring(1);
            }
            List<String> params = new ArrayList<>();
            if (m.lag() != null) {
                params.add("lag=" + m.lag());
            }
            if (m.last() != null) {
                params.add("last=" + m.last());
            }
            if (m.below() != null) {
                params.add("below=" + num(m.below()));
            }
            if (step != null) {
                params.add("step=" + step);
            }
            if (coordinate != null) {
                params.add("coordinate=" + coordinate);
            }
            return base + (params.isEmpty() ? "" : "(" + String.join(",", params) + ")");
        }

        private String unique(String k) {
            if (keys.add(k)) {
                return k;
            }
            String withCheck = k.endsWith(")")
                    ? k.substring(0, k.length() - 1) + ",check=" + index + ")"
                    : k + "(check=" + index + ")";
            keys.add(withCheck);
            return withCheck;
        }

        /** The columns read: the chosen coordinate, or all. */
        private int[] columns(int width) {
            if (m.coordinate() != null) {
                return new int[] {m.coordinate() - 1};
            }
            int[] all = new int[width];
            for (int i = 0; i < width; i++) {
                all[i] = i;
            }
            return all;
        }

        /** The coordinate to name in a key: the chosen one, or each one when there are several. */
        private Integer coordinateName(int column, int width) {
            return m.coordinate() != null || width > 1 ? Integer.valueOf(column + 1) : null;
        }

        Outcome judge() {
            settings(check.setup(), "");
            if (m.over() != null) {
                settings(m.over(), "OtherRun");
            }
            if (check.expect() instanceof Expectation.FasterThan f) {
                settings(f.other(), "OtherRun");
                return faster(f);
            }
            Measurer.Values v = Measurer.measure(m.quantity(), m, check.setup(), optimizers);
            return m.everyStep() ? everyStep(v) : oneValue(v);
        }

        private void settings(RunSetup s, String suffix) {
            boolean shared = checks.stream()
                    .allMatch(c ->
                            c.setup().signature().equals(checks.get(0).setup().signature()));
            if (shared && index > 1 && suffix.isEmpty()) {
                return; // the first check gave them
            }
            String tail = suffix + (checks.size() > 1 && !shared ? "(check=" + index + ")" : "");
            b.setting("steps" + tail, s.steps());
            for (Map.Entry<String, Object> e : s.hyperparameters().entrySet()) {
                if (e.getValue() instanceof Number n) {
                    b.setting(camel(e.getKey()) + tail, n.doubleValue());
                }
            }
        }

        // ---- one value ---------------------------------------------------------------------

        private Outcome oneValue(Measurer.Values v) {
            double[] row = read.stepped() ? v.at(m.step()) : v.rows()[0];
            int[] cols = columns(row.length);
            String where = read.stepped() ? " at step " + m.step() : "";
            for (int c : cols) {
                if (Double.isNaN(row[c]) && v.stoppedAt() >= 0) {
                    b.figure(figure(v, List.of()));
                    return stopped(v, m.step() == null ? check.setup().steps() : m.step());
                }
            }
            Expectation e = check.expect();
            List<String> values = new ArrayList<>();
            List<String> broken = new ArrayList<>();
            boolean holds = true;
            Double tolerance = null;
            for (int c : cols) {
                Integer coordinate = coordinateName(c, row.length);
                String k = key(read.stepped() ? m.step() : null, coordinate);
                double x = row[c];
                if (read == Quantity.STEPS_TO && m.quantity() != Quantity.RATIO) {
                    b.never(k, Double.isInfinite(x) ? -1 : x);
                } else {
                    b.measured(k, x);
                }
                boolean ok;
                if (e instanceof Expectation.Approx a) {
                    b.documented(k, a.value());
                    ok = Math.abs(x - a.value()) <= a.tolerance();
                    tolerance = a.tolerance();
                } else if (e instanceof Expectation.AtMost a) {
                    ok = x <= a.bound() + a.slack();
                    tolerance = a.slack() > 0 ? a.slack() : null;
                } else if (e instanceof Expectation.AtLeast a) {
                    ok = x >= a.bound() - a.slack();
                    tolerance = a.slack() > 0 ? a.slack() : null;
                } else {
                    throw new IllegalStateException("not a one-value expectation: " + e);
                }
                String shown =
                        Double.isInfinite(x) ? "never (within " + check.setup().steps() + " steps)" : num(x);
                String named = coordinate != null ? shown + " (coordinate " + coordinate + ")" : shown;
                values.add(named);
                if (!ok) {
                    holds = false;
                    broken.add(named);
                }
            }
            if (e instanceof Expectation.AtMost a) {
                b.documented(unique("upperBound"), a.bound());
            } else if (e instanceof Expectation.AtLeast a) {
                b.documented(unique("lowerBound"), a.bound());
            }
            String text = expectationWords(e);
            String finding = label + where + " = " + String.join(", ", values) + " (the text: " + text + ")";
            b.figure(figure(v, List.of()));
            if (holds) {
                return new Outcome(Verdict.HOLDS, finding, null, tolerance);
            }
            String correction = capital(label) + where + " is " + String.join(", ", broken) + ", not " + text
                    + (e instanceof Expectation.Approx a ? " within " + num(a.tolerance()) : "") + ".";
            return new Outcome(Verdict.ERRATUM, finding, correction, tolerance);
        }

        // ---- every step ----------------------------------------------------------------------

        private Outcome everyStep(Measurer.Values v) {
            int first = v.firstStep();
            int last = v.lastStep();
            int[] cols = columns(v.rows()[0].length);
            if (v.stoppedAt() >= 0) {
                b.figure(figure(v, List.of()));
                return stopped(v, last);
            }
            Expectation e = check.expect();
            int n = last - first + 1;
            boolean[] pass = new boolean[n];
            double extreme = Double.NaN;
            int extremeStep = -1;
            int extremeCol = cols[0];
            for (int r = 0; r < n; r++) {
                boolean ok = true;
                for (int c : cols) {
                    double x = v.rows()[r][c];
                    if (e instanceof Expectation.AtMost a) {
                        ok &= x <= a.bound() + a.slack();
                        if (Double.isNaN(extreme) || x > extreme) {
                            extreme = x;
                            extremeStep = first + r;
                            extremeCol = c;
                        }
                    } else if (e instanceof Expectation.AtLeast a) {
                        ok &= x >= a.bound() - a.slack();
                        if (Double.isNaN(extreme) || x < extreme) {
                            extreme = x;
                            extremeStep = first + r;
                            extremeCol = c;
                        }
                    } else if (e instanceof Expectation.Monotone mono && r > 0) {
                        double before = v.rows()[r - 1][c];
                        ok &= mono.increasing() ? x >= before - mono.slack() : x <= before + mono.slack();
                    }
                }
                pass[r] = ok;
            }
            int firstFail = -1;
            int lastFail = -1;
            int fails = 0;
            for (int r = 0; r < n; r++) {
                if (!pass[r]) {
                    fails++;
                    lastFail = r;
                    if (firstFail < 0) {
                        firstFail = r;
                    }
                }
            }
            double slack = e instanceof Expectation.AtMost a
                    ? a.slack()
                    : e instanceof Expectation.AtLeast a ? a.slack() : ((Expectation.Monotone) e).slack();
            Double tolerance = slack > 0 ? slack : null;
            String text = expectationWords(e);
            String range = "from step " + first + " to " + last;
            List<Integer> failing = new ArrayList<>();
            for (int r = 0; r < n; r++) {
                if (!pass[r]) {
                    failing.add(first + r);
                }
            }
            b.figure(figure(v, failing));
            Integer coordinate = coordinateName(extremeCol, v.rows()[0].length);
            String at = coordinate != null && cols.length > 1 ? " (coordinate " + coordinate + ")" : "";
            if (!(e instanceof Expectation.Monotone)) {
                boolean most = e instanceof Expectation.AtMost;
                b.measured(unique(rawKey(most ? "largest" : "smallest", null, coordinate)), extreme);
                b.measured(unique(most ? "stepOfLargest" : "stepOfSmallest"), extremeStep);
                b.documented(unique(most ? "upperBound" : "lowerBound"), boundOf(e));
            }
            b.setting(unique("stepsExamined"), n);
            b.measured(unique("stepsThatBreakIt"), fails);
            b.measured(unique("stepsThatHoldIt"), n - fails);
            String worst = e instanceof Expectation.Monotone
                    ? ""
                    : " (" + (e instanceof Expectation.AtMost ? "largest " : "smallest ") + num(extreme) + " at step "
                            + extremeStep + at + ")";
            if (fails == 0) {
                return new Outcome(
                        Verdict.HOLDS, label + " is " + text + " at every step " + range + worst, null, tolerance);
            }
            String firstBreak = breakAt(v, e, firstFail, cols);
            b.measured(unique("firstStepThatBreaksIt"), first + firstFail);
            int quarter = Math.max(2, (n + 3) / 4);
            int tail = n - 1 - lastFail;
            int head = firstFail;
            String finding = label + " is " + text + " at " + (n - fails) + " of the " + n + " steps " + range
                    + "; it first breaks at step " + (first + firstFail) + firstBreak;
            if (tail >= quarter) {
                int from = first + lastFail + 1;
                b.measured(unique("holdsFromStep"), from);
                return new Outcome(
                        Verdict.QUALIFIED,
                        finding,
                        "It holds only from step " + from + " on (to step " + last
                                + "): before that " + label + " breaks it at " + fails + " step"
                                + (fails == 1 ? "" : "s")
                                + ", first at step " + (first + firstFail) + firstBreak + ".",
                        tolerance);
            }
            if (head >= quarter) {
                int upTo = first + firstFail - 1;
                b.measured(unique("holdsUpToStep"), upTo);
                return new Outcome(
                        Verdict.QUALIFIED,
                        finding,
                        "It holds only up to step " + upTo + " (from step " + first
                                + "): from step " + (first + firstFail) + " on " + label + " breaks it" + firstBreak
                                + ", at "
                                + fails + " step" + (fails == 1 ? "" : "s") + " in all.",
                        tolerance);
            }
            return new Outcome(
                    Verdict.ERRATUM,
                    finding,
                    capital(label) + " is not " + text + ": it breaks at " + fails
                            + " of the " + n + " steps " + range + ", first at step " + (first + firstFail) + firstBreak
                            + worst
                            + ".",
                    tolerance);
        }

        private double boundOf(Expectation e) {
            return e instanceof Expectation.AtMost a ? a.bound() : ((Expectation.AtLeast) e).bound();
        }

        /** Where step firstStep + r breaks the expectation, in words built from the figures it records. */
        private String breakAt(Measurer.Values v, Expectation e, int r, int[] cols) {
            for (int c : cols) {
                double x = v.rows()[r][c];
                String where = cols.length > 1 ? " in coordinate " + (c + 1) : "";
                if (e instanceof Expectation.Monotone mono) {
                    double before = v.rows()[r - 1][c];
                    if (mono.increasing() ? x < before - mono.slack() : x > before + mono.slack()) {
                        b.measured(unique("valueBeforeFirstBreak"), before);
                        b.measured(unique("valueAtFirstBreak"), x);
                        return (mono.increasing() ? ", falling from " : ", rising from ") + num(before) + " to "
                                + num(x) + where;
                    }
                } else if (e instanceof Expectation.AtMost a
                        ? x > a.bound() + a.slack()
                        : x < boundOf(e) - slackOf(e)) {
                    b.measured(unique("valueAtFirstBreak"), x);
                    return " (" + num(x) + where + ")";
                }
            }
            return "";
        }

        private double slackOf(Expectation e) {
            return e instanceof Expectation.AtLeast a ? a.slack() : e instanceof Expectation.AtMost a ? a.slack() : 0;
        }

        // ---- faster than ---------------------------------------------------------------------

        private Outcome faster(Expectation.FasterThan f) {
            Measurer.Values mine = Measurer.measure(Quantity.STEPS_TO, m, check.setup(), optimizers);
            Measurer.Values other = Measurer.measure(Quantity.STEPS_TO, m, f.other(), optimizers);
            double a = mine.rows()[0][0];
            double o = other.rows()[0][0];
            String k = key(null, null);
            b.never(k, Double.isInfinite(a) ? -1 : a);
            b.never(unique(k.replace("stepsToLossBelow", "stepsToLossBelowOtherRun")), Double.isInfinite(o) ? -1 : o);
            b.figure(lossFigure(List.of(mine, other), List.of(check.setup(), f.other())));
            String mineWords = words(a, check.setup());
            String otherWords = words(o, f.other());
            String finding = "this run (" + check.setup().describe() + ") " + mineWords + ", the other ("
                    + f.other().describe() + ") " + otherWords;
            if (Double.isInfinite(a) && Double.isInfinite(o)) {
                return new Outcome(
                        Verdict.NOT_CHECKABLE,
                        finding,
                        "Neither run reaches f(θ) ≤ " + num(m.below())
                                + " within its steps: give more steps (setup.steps) or a higher target (measure.below).",
                        null);
            }
            if (a < o) {
                return new Outcome(Verdict.HOLDS, finding, null, null);
            }
            return new Outcome(
                    Verdict.ERRATUM,
                    finding,
                    "This run is not faster: it " + mineWords + ", the other " + otherWords + ".",
                    null);
        }

        private String words(double steps, RunSetup s) {
            return Double.isInfinite(steps)
                    ? "does not reach f(θ) ≤ " + num(m.below()) + " within " + s.steps() + " steps"
                    : "reaches f(θ) ≤ " + num(m.below()) + " at step " + num(steps);
        }

        // ---- shared ----------------------------------------------------------------------------

        private Outcome stopped(Measurer.Values v, int needed) {
            b.setting(unique("runStoppedAtStep"), v.stoppedAt());
            return new Outcome(
                    Verdict.NOT_CHECKABLE,
                    label + " has no value at step " + needed + ": " + v.stopReason(),
                    "The run stopped at step " + v.stoppedAt() + " on a non-finite value, before step " + needed
                            + ", so there is nothing to compare: " + v.stopReason() + ".",
                    null);
        }

        private String expectationWords(Expectation e) {
            if (e instanceof Expectation.Approx a) {
                return "≈ " + num(a.value());
            }
            if (e instanceof Expectation.AtMost a) {
                return "≤ " + num(a.bound()) + within(a.slack());
            }
            if (e instanceof Expectation.AtLeast a) {
                return "≥ " + num(a.bound()) + within(a.slack());
            }
            if (e instanceof Expectation.Monotone mono) {
                return (mono.increasing() ? "increasing" : "decreasing") + within(mono.slack());
            }
            return "faster";
        }

        private String within(double slack) {
            return slack > 0 ? " within " + num(slack) : "";
        }

        // ---- figures ---------------------------------------------------------------------------

        private String figureName() {
            String base = "instructor-" + getIdLower();
            return checks.size() > 1 ? base + "-" + index : base;
        }

        private String title() {
            return id() + (checks.size() > 1 ? " (check " + index + ")" : "") + ": " + label;
        }

        private Figure figure(Measurer.Values v, List<Integer> failing) {
            if (read == Quantity.STEPS_TO && m.quantity() != Quantity.RATIO) {
                return lossFigure(List.of(v), List.of(check.setup()));
            }
            if (read == Quantity.WEIGHT && m.quantity() != Quantity.RATIO) {
                return weightFigure(v);
            }
            Expectation e = check.expect();
            if (!read.stepped()) {
                // a ratio of one number per run: the value beside the text's
                Figure.Builder f = Figure.of(figureName(), title(), "", label)
                        .add("computed", new double[] {1}, new double[] {v.rows()[0][0]}, Figure.Style.POINTS);
                overlay(f, e, 1, 0.5, 1.5);
                return f.xRange(0.5, 1.5)
                        .caption(capital(label) + " computed for "
                                + check.setup().describe() + " and the other run, beside what the text says ("
                                + expectationWords(e) + ").");
            }
            int first = v.firstStep();
            int rows = v.rows().length;
            double[] x = new double[rows];
            for (int r = 0; r < rows; r++) {
                x[r] = first + r;
            }
            Figure.Builder f = Figure.of(figureName(), title(), "step t", label);
            int width = v.rows()[0].length;
            int[] cols = columns(width);
            int drawn = 0;
            for (int c : cols) {
                if (drawn++ == 6) {
                    break;
                }
                double[] y = new double[rows];
                for (int r = 0; r < rows; r++) {
                    // a value past a run's breakdown is a gap, not a point
                    y[r] = Double.isFinite(v.rows()[r][c]) ? v.rows()[r][c] : Double.NaN;
                }
                Integer coordinate = coordinateName(c, width);
                f.add(
                        "computed: " + check.setup().optimizer().name()
                                + (coordinate == null ? "" : ", coordinate " + coordinate),
                        x,
                        y,
                        rows <= 60 ? Figure.Style.LINE_POINTS : Figure.Style.LINE);
            }
            if (!failing.isEmpty()) {
                double[] fx = new double[failing.size()];
                double[] fy = new double[failing.size()];
                for (int i = 0; i < fx.length; i++) {
                    fx[i] = failing.get(i);
                    fy[i] = v.at(failing.get(i))[cols[0]];
                }
                f.add("steps that break it", fx, fy, Figure.Style.HIGHLIGHT);
            }
            overlay(f, e, m.step() == null ? Double.NaN : m.step(), first, v.lastStep());
            return f.xRange(first, Math.max(first + 1, v.lastStep()))
                    .caption(
                            capital(label) + " at each step of " + check.setup().describe()
                                    + (m.over() != null ? " over " + m.over().describe() : "") + "; the text says "
                                    + expectationWords(e) + (m.step() != null ? " at step " + m.step() : "") + ".");
        }

        /** What the text says, drawn: its value at the step read, or its bound as a dashed line. */
        private void overlay(Figure.Builder f, Expectation e, double at, double x0, double x1) {
            if (e instanceof Expectation.Approx a) {
                f.add(
                        "the text: ≈ " + num(a.value()),
                        new double[] {Double.isNaN(at) ? x0 : at},
                        new double[] {a.value()},
                        Figure.Style.HIGHLIGHT);
            } else if (e instanceof Expectation.AtMost a) {
                f.hline("the text's bound: ≤ " + num(a.bound()), a.bound(), x0, x1);
            } else if (e instanceof Expectation.AtLeast a) {
                f.hline("the text's bound: ≥ " + num(a.bound()), a.bound(), x0, x1);
            }
        }

        private Figure weightFigure(Measurer.Values v) {
            double[] byAge = v.weights();
            int shown = Math.min(byAge.length, Math.max(40, 2 * m.lag() + 10));
            double[] age = new double[shown];
            double[] w = new double[shown];
            for (int i = 0; i < shown; i++) {
                age[i] = i;
                w[i] = byAge[i];
            }
            Figure.Builder f = Figure.of(
                            figureName(), title(), "age of the squared gradient (steps ago)", "weight in s")
                    .add("weight of the squared gradient of that age, read from s", age, w, Figure.Style.POINTS);
            overlay(f, check.expect(), m.lag(), 0, shown - 1);
            return f.xRange(0, Math.max(1, shown - 1))
                    .caption("The weight of each past squared gradient in s after step "
                            + (m.step() == null ? check.setup().steps() : m.step()) + " of "
                            + check.setup().describe()
                            + ", read by feeding one unit gradient at a time; the text speaks of age " + m.lag() + ".");
        }

        private Figure lossFigure(List<Measurer.Values> runs, List<RunSetup> setups) {
            Figure.Builder f = Figure.of(figureName(), title(), "step t", "f(θ_t)");
            boolean positive = true;
            int steps = 0;
            for (Measurer.Values v : runs) {
                steps = Math.max(steps, v.loss().length - 1);
                for (double l : v.loss()) {
                    positive &= !(l <= 0);
                }
            }
            for (int i = 0; i < runs.size(); i++) {
                double[] loss = runs.get(i).loss().clone();
                for (int t = 0; t < loss.length; t++) {
                    loss[t] = Double.isFinite(loss[t]) ? loss[t] : Double.NaN;
                }
                double[] x = new double[loss.length];
                for (int t = 0; t < x.length; t++) {
                    x[t] = t;
                }
                String who = (i == 0 ? "this run: " : "the other run: ")
                        + setups.get(i).describe();
                f.add(who, x, loss, loss.length <= 60 ? Figure.Style.LINE_POINTS : Figure.Style.LINE);
            }
            for (int i = 0; i < runs.size(); i++) {
                double reached = runs.get(i).rows()[0][0];
                if (!Double.isInfinite(reached)) {
                    f.add(
                            (i == 0 ? "this run" : "the other run") + " reaches it at step " + num(reached),
                            new double[] {reached},
                            new double[] {runs.get(i).loss()[(int) reached]},
                            Figure.Style.HIGHLIGHT);
                }
            }
            f.hline("the target f(θ) = " + num(m.below()), m.below(), 0, steps);
            if (positive && m.below() > 0) {
                f.logY();
            }
            return f.xRange(0, Math.max(1, steps))
                    .caption("f(θ_t) at each step; the dashed line is the target " + num(m.below())
                            + " that steps-to counts the steps to.");
        }

        private String getIdLower() {
            return id().toLowerCase(Locale.ROOT);
        }
    }

    private static String accumulatorWords(String optimizer) {
        return switch (optimizer) {
            case "adagrad" -> "AdaGrad's sum of squared gradients";
            case "adam" -> "Adam's second moment v";
            default -> "the squared-gradient average";
        };
    }

    static String camel(String kebab) {
        StringBuilder sb = new StringBuilder();
        boolean up = false;
        for (int i = 0; i < kebab.length(); i++) {
            char c = kebab.charAt(i);
            if (c == '-') {
                up = true;
            } else {
                sb.append(up ? Character.toUpperCase(c) : c);
                up = false;
            }
        }
        return sb.toString();
    }

    /** Capitalises a sentence's first letter when it is a Latin one (θ and |Δθ| keep their case). */
    static String capital(String s) {
        return !s.isEmpty() && s.charAt(0) >= 'a' && s.charAt(0) <= 'z'
                ? Character.toUpperCase(s.charAt(0)) + s.substring(1)
                : s;
    }
}
