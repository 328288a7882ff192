package kata.centered;

import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.lists;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("06 · centered RMSProp with momentum (hidden)")
class CenteredMomentumHiddenSpec {

    @Test
    @DisplayName("a constant gradient: s − ḡ² shrinks towards 0 and ε keeps the step finite")
    void constantGradient() {
        double[][] gs = new double[40][];
        for (int k = 0; k < 40; k++) {
            gs[k] = new double[] {1.0};
        }
        CenteredMomentumSpec.checkSteps(0.001, 0.9, 1e-3, 0.9, new double[] {0}, gs);
    }

    @Test
    @DisplayName("generated sequences match the library (fixed seed)")
    void generated() {
        qt().withFixedSeed(606L).withExamples(100)
                .forAll(lists().of(doubles().between(-10, 10)).ofSizeBetween(1, 15), doubles().between(0, 0.95))
                .checkAssert((gs, mu) -> {
                    double[][] rows = new double[gs.size()][];
                    for (int k = 0; k < rows.length; k++) {
                        rows[k] = new double[] {gs.get(k)};
                    }
                    CenteredMomentumSpec.checkSteps(0.01, 0.9, 1e-8, mu, new double[] {0}, rows);
                });
    }
}
