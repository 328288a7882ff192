package kata.epsilon;

import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("04 · ε outside the root (hidden)")
class OutsideRmsPropHiddenSpec {

    @Test
    @DisplayName("steps and ratios match for generated inputs (fixed seed)")
    void generated() {
        qt().withFixedSeed(404L).withExamples(100)
                .forAll(doubles().between(-8, 2), doubles().between(-8, 2), doubles().between(0, 0.99))
                .checkAssert((logG, logEps, beta) -> {
                    double g = Math.pow(10, logG);
                    double eps = Math.pow(10, logEps);
                    OutsideRmsPropSpec.checkSteps(0.01, beta, eps, new double[] {0}, new double[][] {{g}, {-g / 2}});
                    OutsideRmsPropSpec.checkRatio(g, eps);
                });
    }
}
