package optikata.kata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.withinPercentage;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import optikata.kata.spec.Case;
import optikata.kata.spec.Observation;
import optikata.kata.spec.Observation.Entry;
import org.junit.jupiter.api.Test;

/** The neutral readings of wrong numbers, on two AdaGrad steps built by hand (g = 2, then 1). */
class ExplainTest {
    private static final double ETA = 0.1;
    private static final double EPS = 1e-10;
    private static final double[] G = {2, 1};
    private static final Case CASE = new Case(
            "worked-example",
            "the worked example",
            "s ← s + g², θ ← θ − η·g / (√s + ε)",
            "η = 0.1, ε = 1e-10, θ₀ = 0, g = 2 then 1",
            1e-12,
            r -> {},
            Map.of("η", ETA, "ε", EPS),
            Map.of(),
            Map.of());

    /** What is the learner's denominator as a function of s, and by what factor does it scale g? */
    interface Step {
        double delta(double g, double s);
    }

    private static Observation run(Step step) {
        List<Entry> entries = new ArrayList<>();
        double theta = 0;
        double s = 0;
        for (int k = 1; k <= G.length; k++) {
            entries.add(new Entry("θ before step " + k, true, new double[] {theta}, null));
            entries.add(new Entry("g of step " + k, true, new double[] {G[k - 1]}, null));
            s += G[k - 1] * G[k - 1];
            theta -= step.delta(G[k - 1], s);
            entries.add(new Entry("s after step " + k, false, new double[] {s}, null));
            entries.add(new Entry("θ after step " + k, false, new double[] {theta}, null));
        }
        return new Observation(entries, Observation.End.COMPLETED, "", "", "", "", 1);
    }

    private static final Observation EXPECTED = run((g, s) -> ETA * g / (Math.sqrt(s) + EPS));

    /** Words that state a cause: the readings say what the numbers show, never why. */
    private static final List<String> CAUSES = List.of(
            "twice", "missing", "too many", "instead of", "outside the division", "precedence", "loop", "forgot", "η");

    /** The learner's change of θ on step k over the expected one, computed from the two programs. */
    private static double factor(Observation actual, int k) {
        String after = "θ after step " + k;
        String before = "θ before step " + k;
        return (actual.entry(after).numbers()[0] - actual.given(before).numbers()[0])
                / (EXPECTED.entry(after).numbers()[0] - EXPECTED.given(before).numbers()[0]);
    }

    private static final Pattern MOVED =
            Pattern.compile("θ moved (\\S+) times as far as expected on step 1 and (\\S+) times on step 2");

    /** The one sentence said of θ after step 1, checked to give each step's factor (to 6 digits) and no cause. */
    private static String readsFactors(Observation actual) {
        List<String> said = Explain.numbers(CASE, EXPECTED, actual, "θ after step 1");
        assertThat(said).hasSize(1);
        String line = said.get(0);
        assertThat(CAUSES).noneMatch(line::contains);
        Matcher m = MOVED.matcher(line);
        assertThat(m.matches()).as(line).isTrue();
        assertThat(Double.parseDouble(m.group(1))).isCloseTo(factor(actual, 1), withinPercentage(1e-4));
        assertThat(Double.parseDouble(m.group(2))).isCloseTo(factor(actual, 2), withinPercentage(1e-4));
        return line;
    }

    @Test
    void aMissingRootIsSaidAsTheFactorOfEachStepNotAsACause() {
        // 0.5 on step 1 and 1/√5 on step 2: a factor that changes from step to step, said as it is
        Observation rootMissing = run((g, s) -> ETA * g / (s + EPS));
        assertThat(factor(rootMissing, 1)).isNotCloseTo(factor(rootMissing, 2), withinPercentage(1));
        readsFactors(rootMissing);
    }

    @Test
    void aHalvedStepIsHalfOnEveryStep() {
        Observation halved = run((g, s) -> ETA * (g / 2) / (Math.sqrt(s) + EPS));
        assertThat(readsFactors(halved))
                .isEqualTo("θ moved 0.5 times as far as expected on step 1 and 0.5 times on step 2");
    }

    @Test
    void aFactorThatEqualsASymbolsValueIsNotReadAsThatSymbol() {
        // 0.1 is η here, and also 1 − 0.9 or a tenth: one number proves no cause
        Observation tenth = run((g, s) -> ETA * ETA * g / (Math.sqrt(s) + EPS));
        assertThat(readsFactors(tenth)).doesNotContain("η").contains("0.1 times");
    }

    @Test
    void aSymbolAddedOutsideTheDivisionIsSaidAsItsFactors() {
        readsFactors(run((g, s) -> ETA * g / Math.sqrt(s) + ETA));
    }

    @Test
    void aStepTheWrongWayIsSaidAsTheOppositeDirection() {
        Observation flipped = run((g, s) -> -ETA * g / (Math.sqrt(s) + EPS));
        assertThat(Explain.numbers(CASE, EXPECTED, flipped, "θ after step 1"))
                .containsExactly(
                        "θ moved as far as expected in the opposite direction on step 1 and in the opposite direction on step 2");
    }
}
