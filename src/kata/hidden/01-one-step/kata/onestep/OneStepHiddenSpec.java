package kata.onestep;

import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("01 · one RMSProp step (hidden)")
class OneStepHiddenSpec {

    @Test
    @DisplayName("a gradient much smaller than √ε is scaled by ε, not blown up")
    void tinyGradient() {
        OneStepSpec.checkStep(0.0, 1e-6, 0.0, 0.01, 0.9, 1e-8);
    }

    @Test
    @DisplayName("a zero gradient with s = 0 leaves θ where it is")
    void zeroGradient() {
        OneStepSpec.checkStep(3.0, 0.0, 0.0, 0.01, 0.9, 1e-8);
    }

    @Test
    @DisplayName("any step matches the formula (generated inputs, fixed seed)")
    void generated() {
        qt().withFixedSeed(101L).withExamples(200)
                .forAll(doubles().between(-10, 10), doubles().between(-100, 100), doubles().between(0, 100), doubles().between(0, 0.999))
                .checkAssert((theta, g, s, beta) -> OneStepSpec.checkStep(theta, g, s, 0.01, beta, 1e-8));
    }
}
