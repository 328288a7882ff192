package kata.adam;

import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.lists;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("07 · Adam (hidden)")
class MyAdamHiddenSpec {

    @Test
    @DisplayName("100 steps of a constant gradient match the library")
    void longRun() {
        double[][] gs = new double[100][];
        for (int k = 0; k < 100; k++) {
            gs[k] = new double[] {0.5, -2};
        }
        MyAdamSpec.checkSteps(0.01, 0.9, 0.999, 1e-8, new double[] {0, 0}, gs);
    }

    @Test
    @DisplayName("generated sequences and betas match the library (fixed seed)")
    void generated() {
        qt().withFixedSeed(707L).withExamples(100)
                .forAll(lists().of(doubles().between(-10, 10)).ofSizeBetween(1, 12), doubles().between(0, 0.99), doubles().between(0.5, 0.9999))
                .checkAssert((gs, b1, b2) -> {
                    double[][] rows = new double[gs.size()][];
                    for (int k = 0; k < rows.length; k++) {
                        rows[k] = new double[] {gs.get(k)};
                    }
                    MyAdamSpec.checkSteps(0.01, b1, b2, 1e-8, new double[] {0}, rows);
                });
    }
}
