package kata.debugging;

import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;

import java.util.Arrays;
import java.util.List;
import optikata.kata.Teach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("08 · debugging seed 001's regression (hidden)")
class Seed001RegressionHiddenSpec {

    @Test
    @DisplayName("the gradient is right at generated points (fixed seed)")
    void generatedPoints() {
        qt().withFixedSeed(808L).withExamples(50).forAll(doubles().between(-5, 5), doubles().between(-5, 5))
                .checkAssert((a, b) -> Seed001RegressionSpec.checkGradient(Seed001Regression.X, Seed001Regression.Y, new double[] {a, b}));
    }

    @Test
    @DisplayName("fit also works on other data: y = 3 − 0.5x")
    void otherData() {
        double[][] x = new double[8][];
        double[] y = new double[8];
        for (int i = 0; i < 8; i++) {
            x[i] = new double[] {1, i + 1};
            y[i] = 3 - 0.5 * (i + 1);
        }
        double[] theta = Seed001Regression.fit(x, y, 3000);
        Teach.check("θ after 3000 steps on y = 3 − 0.5x", "the least-squares line", null, new double[] {3, -0.5}, Arrays.copyOf(theta, 2),
                0.1, List.of());
    }
}
