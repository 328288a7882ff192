package kata.adagrad;

import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.lists;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("05 · AdaGrad (hidden)")
class MyAdaGradHiddenSpec {

    @Test
    @DisplayName("any gradient sequence gives the library's θ (generated, fixed seed)")
    void generated() {
        qt().withFixedSeed(505L).withExamples(100)
                .forAll(lists().of(doubles().between(-100, 100)).ofSizeBetween(1, 20))
                .checkAssert(gs -> {
                    double[][] rows = new double[gs.size()][];
                    for (int k = 0; k < rows.length; k++) {
                        rows[k] = new double[] {gs.get(k), -gs.get(k) / 3};
                    }
                    MyAdaGradSpec.checkSteps(0.05, 1e-10, new double[] {0.5, 0.5}, rows);
                });
    }
}
