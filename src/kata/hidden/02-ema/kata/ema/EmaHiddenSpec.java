package kata.ema;

import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("02 · the moving average (hidden)")
class EmaHiddenSpec {

    @Test
    @DisplayName("updates and shares match the formulas for generated inputs (fixed seed)")
    void generated() {
        qt().withFixedSeed(202L).withExamples(200)
                .forAll(doubles().between(-100, 100), doubles().between(-100, 100), doubles().between(0, 0.999), integers().between(0, 500))
                .checkAssert((average, value, decay, k) -> {
                    EmaSpec.checkUpdate(average, value, decay);
                    EmaSpec.checkShare(k, decay);
                });
    }

    @Test
    @DisplayName("feeding the same value forever converges to that value")
    void converges() {
        double a = 0;
        for (int i = 0; i < 2000; i++) {
            a = Ema.update(a, 3.0, 0.99);
        }
        optikata.kata.Teach.check("the average after 2000 updates of the value 3", "γ·a + (1 − γ)·3 → 3", null, 3.0, a, 1e-6, java.util.List.of());
    }
}
