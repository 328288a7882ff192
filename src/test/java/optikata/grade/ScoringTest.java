package optikata.grade;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import optikata.kata.Oracle;
import optikata.kata.spec.Case;
import optikata.kata.spec.Observation;
import optikata.kata.spec.Observation.Entry;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Scoring on hand-made inputs: a small exercise of one public book (three cases) and one hidden book
 * (one case), whose oracle expects θ = 0.99 after one step, and a second exercise that does not
 * compile. No process and no file: what the children reported is given as {@link Observation}s.
 */
class ScoringTest {
    static final String STEP = "01-one-step";
    static final String BROKEN = "02-broken";
    static final String PUBLIC_BOOK = "kata.ex01.OneStepSpec";
    static final String HIDDEN_BOOK = "kata.ex01.OneStepHiddenSpec";
    /** 240 s deadline, 3 s per case; 6 points for the small exercise, the default 10 for the broken one. */
    static final GradeOptions OPTIONS =
            new GradeOptions(3, 240, 256, 4096, Map.of(STEP, 6.0), "after_published", false, true);

    static Case step(String id) {
        return new Case(
                id,
                "one step " + id,
                "θ ← θ − η g",
                "η = 0.01, θ₀ = 1, g = 1",
                1e-12,
                null,
                Map.of(),
                Map.of(),
                Map.of());
    }

    static final Oracle.BookInfo PUBLIC =
            new Oracle.BookInfo(PUBLIC_BOOK, false, orderedCases(step("a"), step("b"), step("c")));
    static final Oracle.BookInfo HIDDEN = new Oracle.BookInfo(HIDDEN_BOOK, true, orderedCases(step("h")));

    static Map<String, Case> orderedCases(Case... cases) {
        Map<String, Case> m = new LinkedHashMap<>();
        for (Case c : cases) {
            m.put(c.id(), c);
        }
        return m;
    }

    static Observation theta(double value, String printed) {
        return new Observation(
                List.of(new Entry("θ", false, new double[] {value}, null)),
                Observation.End.COMPLETED,
                "",
                "",
                "",
                printed,
                1);
    }

    static final Oracle.Exercise ORACLE = oracle();

    static Oracle.Exercise oracle() {
        Map<String, Observation> expected = new LinkedHashMap<>();
        for (Oracle.BookInfo b : List.of(PUBLIC, HIDDEN)) {
            b.cases().keySet().forEach(id -> expected.put(b.className() + " " + id, theta(0.99, "")));
        }
        return new Oracle.Exercise(
                STEP, Path.of("books"), Path.of("public-books"), List.of(PUBLIC, HIDDEN), expected, List.of());
    }

    static List<Planned> plan() {
        return List.of(
                new Planned(STEP, PUBLIC, PUBLIC.cases().get("a")),
                new Planned(STEP, PUBLIC, PUBLIC.cases().get("b")),
                new Planned(STEP, PUBLIC, PUBLIC.cases().get("c")),
                new Planned(STEP, HIDDEN, HIDDEN.cases().get("h")));
    }

    static Scoring.Scored score(Map<String, Observation> seen, Map<String, String> failures) {
        return Scoring.score(
                List.of(STEP, BROKEN),
                OPTIONS,
                Map.of(STEP, ORACLE),
                plan(),
                seen,
                failures,
                Map.of(BROKEN, List.of("exercises/02-broken/src/Broken.java:3: ';' expected")));
    }

    static Outcome named(Scoring.Scored s, String name) {
        return s.outcomes().stream()
                .filter(o -> o.name().equals(name))
                .findFirst()
                .orElseThrow();
    }

    @Test
    @DisplayName("right reports pass, the exercise's points split evenly over its four cases")
    void pointsSplitOverCases() {
        Map<String, Observation> seen = new LinkedHashMap<>();
        plan().forEach(p -> seen.put(p.key(), theta(0.99, "step done\n")));
        Scoring.Scored s = score(seen, Map.of());
        List<Outcome> mine =
                s.outcomes().stream().filter(o -> o.exercise().equals(STEP)).toList();
        assertThat(mine)
                .extracting(Outcome::name)
                .containsExactly("one step a", "one step b", "one step c", "one step h");
        assertThat(mine).allSatisfy(o -> {
            assertThat(o.status()).isEqualTo("passed");
            assertThat(o.maxScore()).isEqualTo(1.5);
            assertThat(o.score()).isEqualTo(1.5);
        });
        assertThat(s.score()).isEqualTo(6.0);
        assertThat(s.max()).isEqualTo(16.0);
    }

    @Test
    @DisplayName("a compile error costs the whole exercise, in one outcome with the compiler's lines")
    void compileErrorCostsTheExercise() {
        Scoring.Scored s = score(Map.of(), Map.of());
        List<Outcome> broken =
                s.outcomes().stream().filter(o -> o.exercise().equals(BROKEN)).toList();
        assertThat(broken).hasSize(1);
        Outcome o = broken.get(0);
        assertThat(o.name()).isEqualTo("compiles");
        assertThat(o.status()).isEqualTo("failed");
        assertThat(o.message()).isEqualTo("Does not compile:\nexercises/02-broken/src/Broken.java:3: ';' expected");
        assertThat(o.score()).isZero();
        assertThat(o.maxScore()).isEqualTo(10.0);
        assertThat(s.max()).isEqualTo(16.0);
    }

    @Test
    @DisplayName("a case with no report and no failure was cut by the deadline; a failure is shown as given")
    void deadlineAndFailure() {
        Map<String, Observation> seen = new LinkedHashMap<>();
        seen.put(PUBLIC_BOOK + " a", theta(0.99, ""));
        String killed =
                "0 points: the code did not finish within 11 s (an endless loop, or a thread that never ends?).";
        Scoring.Scored s = score(seen, Map.of(PUBLIC_BOOK + " b", killed));
        assertThat(named(s, "one step a").passed()).isTrue();
        Outcome b = named(s, "one step b");
        assertThat(b.status()).isEqualTo("failed");
        assertThat(b.message()).isEqualTo(killed);
        assertThat(b.score()).isZero();
        for (String late : List.of("one step c", "one step h")) {
            Outcome o = named(s, late);
            assertThat(o.status()).as(late).isEqualTo("failed");
            assertThat(o.message()).as(late).isEqualTo("not run: the grading deadline of 240 s was reached");
            assertThat(o.score()).as(late).isZero();
        }
        assertThat(s.score()).isEqualTo(1.5);
    }

    @Test
    @DisplayName("a wrong number fails with the judge's message; the stub's exception is 'not started'")
    void judgedAgainstTheOracle() {
        Map<String, Observation> seen = new LinkedHashMap<>();
        seen.put(PUBLIC_BOOK + " a", theta(0.98, ""));
        seen.put(
                PUBLIC_BOOK + " b",
                new Observation(
                        List.of(), Observation.End.NOT_STARTED, "UnsupportedOperationException", "", "", "", 1));
        seen.put(PUBLIC_BOOK + " c", theta(0.99, ""));
        seen.put(HIDDEN_BOOK + " h", theta(0.98, ""));
        Scoring.Scored s = score(seen, Map.of());
        Outcome a = named(s, "one step a");
        assertThat(a.status()).isEqualTo("failed");
        assertThat(a.message())
                .startsWith("θ is not right.")
                .contains("expected: 0.99")
                .contains("actual:   0.98");
        assertThat(named(s, "one step b").status()).isEqualTo("not started");
        Outcome h = named(s, "one step h");
        assertThat(h.status()).isEqualTo("failed");
        assertThat(h.message())
                .as("a hidden case's message shows neither input nor expected value")
                .startsWith("θ is not right.")
                .doesNotContain("input:", "expected:", "actual:");
        assertThat(s.score()).isEqualTo(1.5);
    }

    @Test
    @DisplayName("what a public case printed reaches the learner; a hidden case carries no output")
    void hiddenCasesCarryNoOutput() {
        Map<String, Observation> seen = new LinkedHashMap<>();
        plan().forEach(p ->
                seen.put(p.key(), theta(0.99, "printed by " + p.meta().id() + "\n")));
        Scoring.Scored s = score(seen, Map.of());
        assertThat(named(s, "one step a").output()).isEqualTo("printed by a\n");
        Outcome h = named(s, "one step h");
        assertThat(h.hidden()).isTrue();
        assertThat(h.output()).isEmpty();
    }

    @Test
    @DisplayName("a score of split points reads as the points: 0.7 over three cases sums to 0.7")
    void scoreIsRounded() {
        GradeOptions odd = new GradeOptions(3, 240, 256, 4096, Map.of(STEP, 0.7), "after_published", false, true);
        List<Planned> three = plan().subList(0, 3);
        Map<String, Observation> seen = new LinkedHashMap<>();
        three.forEach(p -> seen.put(p.key(), theta(0.99, "")));
        Scoring.Scored s = Scoring.score(List.of(STEP), odd, Map.of(STEP, ORACLE), three, seen, Map.of(), Map.of());
        assertThat(s.outcomes()).allSatisfy(o -> assertThat(o.passed()).isTrue());
        assertThat(s.score()).isEqualTo(0.7);
        assertThat(s.max()).isEqualTo(0.7);
    }
}
