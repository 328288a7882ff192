package optikata.kata;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import optikata.kata.spec.Case;
import optikata.kata.spec.Observation;
import optikata.kata.spec.Observation.Entry;
import org.junit.jupiter.api.Test;

/**
 * The judge's words for a failing case, on hand-made observations: what a quantity's meaning may be
 * said of, and when.
 */
class JudgeTest {
    private static final Case CASE = new Case(
            "two-steps",
            "two steps",
            "s ← s + g², θ ← θ − η·g / (√s + ε)",
            "η = 0.1, g = 2",
            1e-12,
            r -> {},
            Map.of("η", 0.1),
            Map.of(
                    "s after",
                    "s is wrong: AdaGrad adds g² to the sum",
                    "θ after",
                    "s is right, so the mistake is in the θ line",
                    "the gradient after",
                    "update() modified the gradient (it wrote into g): it must only read it",
                    "the step count after",
                    "state().step() must count the steps taken: add one in every step"),
            Map.of("θ after", List.of("s after")));

    private static Entry given(String name, double... v) {
        return new Entry(name, true, v, null);
    }

    private static Entry value(String name, double... v) {
        return new Entry(name, false, v, null);
    }

    private static Observation observed(double s, double theta, double gradientAfter) {
        return observed(s, theta, gradientAfter, 1);
    }

    private static Observation observed(double s, double theta, double gradientAfter, double steps) {
        return new Observation(
                List.of(
                        given("θ before step 1", 0),
                        given("g of step 1", 2),
                        value("s after step 1", s),
                        value("θ after step 1", theta),
                        value("the gradient after step 1", gradientAfter),
                        value("the step count after step 1", steps)),
                Observation.End.COMPLETED,
                "",
                "",
                "",
                "",
                1);
    }

    private static final Observation EXPECTED = observed(4, -0.1, 2);

    private static String judged(Observation actual) {
        return Judge.judge(CASE, false, EXPECTED, actual, "book two-steps", List.of(), 1000)
                .message();
    }

    @Test
    void aQuantityComputedFromTheFirstWrongOneDoesNotGetItsOwnMeaning() {
        // s is not squared: θ is wrong only because s is; "s is right, so ..." would be false
        String m = judged(observed(2, -0.1414, 2));
        assertThat(m).startsWith("s after step 1 is not right.");
        assertThat(m).contains("what it means: s is wrong");
        assertThat(m).doesNotContain("s is right").doesNotContain("also wrong: θ");
        assertThat(m).contains("wrong:    s after step 1, θ after step 1");
    }

    @Test
    void anInputWrittenIntoIsSaidBesideTheFirstWrongQuantity() {
        // θ wrong and the gradient halved in place: the gradient is an input, no other error explains it
        String m = judged(observed(4, -0.05, 1));
        assertThat(m).startsWith("θ after step 1 is not right.");
        assertThat(m).contains("what it means: s is right, so the mistake is in the θ line");
        assertThat(m).contains("also wrong: the gradient after step 1: update() modified the gradient");
    }

    @Test
    void anIndependentMistakeBesideTheFirstKeepsItsMeaning() {
        // s not squared and the step count not advanced: two mistakes, each explained
        String m = judged(observed(2, -0.1414, 2, 0));
        assertThat(m).contains("what it means: s is wrong");
        assertThat(m).contains("also wrong: the step count after step 1: state().step() must count the steps");
        assertThat(m).doesNotContain("s is right");
    }

    @Test
    void aPassingCaseSaysNothing() {
        assertThat(Judge.judge(CASE, false, EXPECTED, EXPECTED, "book two-steps", List.of(), 1000)
                        .passed())
                .isTrue();
    }

    /** An exercise of two cases, the same probe on each, with the expected observations given. */
    private static Oracle.Exercise twoCases(List<Oracle.Named> mistakes) {
        Map<String, Case> cases = new LinkedHashMap<>();
        cases.put("two-steps", CASE);
        cases.put("again", CASE);
        return new Oracle.Exercise(
                "ex",
                Path.of("books"),
                Path.of("public-books"),
                List.of(new Oracle.BookInfo("book", false, cases)),
                Map.of("book two-steps", EXPECTED, "book again", EXPECTED),
                mistakes);
    }

    private static Oracle.Named mistake(String id, Observation first, Observation second) {
        return new Oracle.Named(
                id, id + " described", "fix " + id, Map.of("book two-steps", first, "book again", second));
    }

    @Test
    void aMistakeIsNamedOnlyWhenItReproducesEveryCase() {
        Observation halved = observed(4, -0.05, 2);
        // agrees with the learner on the first case only: on the second it passes where the learner fails
        Oracle.Named firstOnly = mistake("first-only", halved, EXPECTED);
        Oracle.Named both = mistake("both", halved, halved);
        Map<String, Observation> learner = new LinkedHashMap<>();
        learner.put("book two-steps", halved);
        learner.put("book again", halved);
        assertThat(Judge.proven(twoCases(List.of(firstOnly)), learner)).isEmpty();
        assertThat(Judge.proven(twoCases(List.of(firstOnly, both)), learner)).containsExactly(both);
        String m = Judge.judge(
                        CASE,
                        false,
                        EXPECTED,
                        halved,
                        "book two-steps",
                        Judge.proven(twoCases(List.of(firstOnly, both)), learner),
                        1000)
                .message();
        assertThat(m).contains("likely mistake [both]").doesNotContain("first-only");
        // the learner's code passing the second case: now only the first program reproduces everything
        learner.put("book again", EXPECTED);
        assertThat(Judge.proven(twoCases(List.of(firstOnly, both)), learner)).containsExactly(firstOnly);
    }

    @Test
    void programsThatAllReproduceEverythingAreSaidTogetherAndTooManyAreNotSaid() {
        Observation halved = observed(4, -0.05, 2);
        Map<String, Observation> learner = Map.of("book two-steps", halved, "book again", halved);
        List<Oracle.Named> two =
                Judge.proven(twoCases(List.of(mistake("a", halved, halved), mistake("b", halved, halved))), learner);
        assertThat(two).extracting(Oracle.Named::id).containsExactly("a", "b");
        String m = Judge.judge(CASE, false, EXPECTED, halved, "book two-steps", two, 1000)
                .message();
        assertThat(m)
                .contains(
                        "likely mistake, one of 2 changes that each reproduce every observation: a described; or b described")
                .doesNotContain("likely mistake [");
        List<Oracle.Named> many = new ArrayList<>();
        for (int k = 0; k <= Judge.MOST_PROVEN; k++) {
            many.add(mistake("m" + k, halved, halved));
        }
        assertThat(Judge.proven(twoCases(many), learner)).isEmpty();
    }

    @Test
    void aProgramEqualToTheSolutionOnEveryObservedCaseIsNotAMistake() {
        Map<String, Observation> learner = Map.of("book two-steps", EXPECTED, "book again", EXPECTED);
        assertThat(Judge.proven(twoCases(List.of(mistake("hidden-only", EXPECTED, EXPECTED))), learner))
                .isEmpty();
    }

    @Test
    void besideAProvenMistakeTheCasesFixedSentencesAreLeftOut() {
        // s not squared, and a catalogued program that reproduces exactly that: it is the explanation, and the
        // case's own readings ("s is wrong: ...") are not printed beside it
        Observation actual = observed(2, -0.1414, 2);
        Oracle.Named notSquared = new Oracle.Named(
                "gradient-not-squared",
                "g is averaged instead of g²",
                "s ← β·s + (1−β)·g²",
                Map.of("book two-steps", actual));
        String m = Judge.judge(CASE, false, EXPECTED, actual, "book two-steps", List.of(notSquared), 1000)
                .message();
        assertThat(m).contains("likely mistake [gradient-not-squared]").doesNotContain("what it means");
        assertThat(judged(actual)).contains("what it means: s is wrong");
    }
}
