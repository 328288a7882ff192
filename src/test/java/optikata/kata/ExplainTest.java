package optikata.kata;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import optikata.kata.spec.Case;
import optikata.kata.spec.Observation;
import optikata.kata.spec.Observation.Entry;
import org.junit.jupiter.api.Test;

/** The structural readings of wrong numbers, on two AdaGrad steps built by hand (g = 2, then 1). */
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

    @Test
    void aMissingRootIsReadAsSuch() {
        Observation rootMissing = run((g, s) -> ETA * g / (s + EPS));
        assertThat(Explain.numbers(CASE, EXPECTED, rootMissing, "θ after step 1"))
                .singleElement()
                .asString()
                .contains("divides by s instead of √s");
    }

    @Test
    void aHalvedStepThatFitsTheMissingRootOnTheFirstStepIsNotReadAsOne() {
        // with s = 4 on step 1, half the step is also η·g/s: step 2 (s = 5) tells them apart
        Observation halved = run((g, s) -> ETA * (g / 2) / (Math.sqrt(s) + EPS));
        List<String> said = Explain.numbers(CASE, EXPECTED, halved, "θ after step 1");
        assertThat(said).noneMatch(line -> line.contains("√s"));
        assertThat(said).singleElement().asString().contains("0.5 times what it should be");
    }

    @Test
    void aSymbolAddedOutsideTheDivisionIsReadOnEveryStep() {
        Observation precedence = run((g, s) -> ETA * g / Math.sqrt(s) + ETA);
        assertThat(Explain.numbers(CASE, EXPECTED, precedence, "θ after step 1"))
                .singleElement()
                .asString()
                .contains("off by about η")
                .contains("outside the division");
    }

    @Test
    void aStepTooSmallThatIsOffByAboutEtaOnlyOnTheFirstStepIsNotReadAsPrecedence() {
        // AdaGrad's first step is η·sign(g): a twentieth of it leaves θ off by 0.95η, within reach of "η added
        // outside the division"; step 2 (η·g/√5) leaves it off by 0.042 instead
        Observation small = run((g, s) -> 0.05 * ETA * g / (Math.sqrt(s) + EPS));
        List<String> said = Explain.numbers(CASE, EXPECTED, small, "θ after step 1");
        assertThat(said).noneMatch(line -> line.contains("outside the division"));
        assertThat(said).singleElement().asString().contains("0.05 times what it should be");
    }
}
