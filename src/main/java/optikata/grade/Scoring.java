package optikata.grade;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import optikata.kata.Judge;
import optikata.kata.Oracle;
import optikata.kata.spec.Observation;

/**
 * Turns what came back from a grade into {@link Outcome}s, a score and a maximum: an exercise that
 * does not compile costs all its points; an exercise's points are split evenly over its planned
 * cases; a case that failed without a report gets 0 with the reason, one never run (the deadline)
 * gets 0, and every other case is judged against the oracle by the kata's {@link Judge}. Hidden
 * cases carry no output. Pure: no process, no file.
 *
 * <p>It trusts the plan, the oracle and the options; the observations are untrusted data from the
 * children and count only through the judge's comparison with the oracle's expected observations.
 */
final class Scoring {
    private Scoring() {}

    /** The outcomes in exercise then plan order, their total (rounded to 1e-6) and the most points possible. */
    record Scored(List<Outcome> outcomes, double score, double max) {}

    /**
     * Scores a grade.
     *
     * @param exercises     every exercise of the kata, in order
     * @param oracles       exercise → its oracle (needed for every exercise that compiled)
     * @param plan          the cases that were to run (none for an exercise that did not compile)
     * @param observations  case key → what the child reported
     * @param failures      case key → why the case got 0 without a report
     * @param compileErrors exercise → its compile errors, for each exercise that did not compile
     */
    static Scored score(
            List<String> exercises,
            GradeOptions options,
            Map<String, Oracle.Exercise> oracles,
            List<Planned> plan,
            Map<String, Observation> observations,
            Map<String, String> failures,
            Map<String, List<String>> compileErrors) {
        List<Outcome> outcomes = new ArrayList<>();
        for (String ex : exercises) {
            double points = options.pointsFor(ex);
            if (compileErrors.containsKey(ex)) {
                outcomes.add(new Outcome(
                        ex,
                        "",
                        "compiles",
                        "failed",
                        "Does not compile:\n" + String.join("\n", compileErrors.get(ex)),
                        "",
                        false,
                        0,
                        points));
                continue;
            }
            List<Planned> mine =
                    plan.stream().filter(p -> p.exercise().equals(ex)).toList();
            double each = points / Math.max(1, mine.size());
            Oracle.Exercise oracle = oracles.get(ex);
            // a mistake is named only when it reproduces every case the child reported for this exercise
            Map<String, Observation> observed = new LinkedHashMap<>();
            mine.forEach(p -> observed.put(p.key(), observations.get(p.key())));
            // judged first with no mistake to name: a passed case names none, and proving one reads every mistake's
            // observations of the exercise (decoded from the oracle's cache on first use), which an exercise that
            // passes every case never needs
            List<Outcome> mineJudged = new ArrayList<>();
            for (Planned p : mine) {
                mineJudged.add(
                        outcome(p, oracle, List.of(), observations.get(p.key()), failures.get(p.key()), each, options));
            }
            if (mineJudged.stream().anyMatch(o -> !o.status().equals("passed"))) {
                List<Oracle.Named> proven = Judge.proven(oracle, observed);
                mineJudged.clear();
                for (Planned p : mine) {
                    mineJudged.add(outcome(
                            p, oracle, proven, observations.get(p.key()), failures.get(p.key()), each, options));
                }
            }
            outcomes.addAll(mineJudged);
        }
        double score = outcomes.stream().mapToDouble(Outcome::score).sum();
        return new Scored(outcomes, round(score), max(exercises, options));
    }

    private static Outcome outcome(
            Planned p,
            Oracle.Exercise oracle,
            List<Oracle.Named> proven,
            Observation o,
            String failure,
            double each,
            GradeOptions options) {
        String ex = p.exercise();
        boolean hidden = p.book().hidden();
        if (failure != null) {
            return new Outcome(ex, p.book().simpleName(), p.meta().title(), "failed", failure, "", hidden, 0, each);
        }
        if (o == null) {
            return new Outcome(
                    ex,
                    p.book().simpleName(),
                    p.meta().title(),
                    "failed",
                    "not run: the grading deadline of " + options.deadlineSeconds() + " s was reached",
                    "",
                    hidden,
                    0,
                    each);
        }
        Judge.Verdict v = Judge.judge(
                p.meta(),
                hidden,
                oracle.expected(p.book().className(), p.meta().id()),
                o,
                p.key(),
                proven,
                options.testTimeoutSeconds() * 1000L);
        String status = switch (v.status()) {
            case PASSED -> "passed";
            case NOT_STARTED -> "not started";
            default -> "failed";
        };
        return new Outcome(
                ex,
                p.book().simpleName(),
                p.meta().title(),
                status,
                v.message(),
                hidden ? "" : o.output(),
                hidden,
                v.passed() ? each : 0,
                each,
                v.passed() ? null : v.mistake());
    }

    /** The most points of a kata with these exercises. */
    static double max(List<String> exercises, GradeOptions options) {
        return exercises.stream().mapToDouble(options::pointsFor).sum();
    }

    /** A score as reported: rounded to 1e-6, so sums of split points read as the points. */
    static double round(double v) {
        return Math.round(v * 1e6) / 1e6;
    }
}
