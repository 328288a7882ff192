package kata.vectors;

import java.util.List;
import optikata.kata.RmsPropMistakes;
import optikata.kata.Teach;
import optikata.optim.RmsProp;
import optikata.optim.RmsPropConfig;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("03 · RMSProp on vectors")
class VectorRmsPropSpec {
    static final String FORMULA = "s[i] ← β·s[i] + (1−β)·g[i]², θ[i] ← θ[i] − η·g[i]/√(s[i] + ε), s kept between steps";

    /** Runs the learner's optimizer and the library's on the same steps and compares θ, naming the mistake. */
    static void checkSteps(double lr, double beta, double eps, double[] start, double[][] gradients) {
        VectorRmsProp mine = new VectorRmsProp(lr, beta, eps);
        RmsPropConfig config = RmsPropConfig.defaults().withLearningRate(lr).withDecay(beta).withEpsilon(eps);
        RmsProp reference = new RmsProp(config);
        DMatrixRMaj a = new DMatrixRMaj(start.length, 1, true, start.clone());
        DMatrixRMaj b = new DMatrixRMaj(start.length, 1, true, start.clone());
        for (double[] g : gradients) {
            mine.step(a, new DMatrixRMaj(g.length, 1, true, g.clone()));
            reference.step(b, new DMatrixRMaj(g.length, 1, true, g.clone()));
        }
        String input = String.format("η = %s, β = %s, ε = %s, θ₀ = %s, %d steps with g = %s", lr, beta, eps,
                java.util.Arrays.toString(start), gradients.length, java.util.Arrays.deepToString(gradients));
        Teach.check("θ after " + gradients.length + " step(s)", FORMULA, input, b.data, java.util.Arrays.copyOf(a.data, start.length),
                1e-12, RmsPropMistakes.run(config, start, gradients));
    }

    @Test
    @DisplayName("the first step moves every coordinate by η/√(1−β), whatever the size of its gradient")
    void firstStep() {
        checkSteps(0.01, 0.9, 1e-8, new double[] {1, -2}, new double[][] {{2, -0.5}});
    }

    @Test
    @DisplayName("three steps keep s between steps")
    void threeSteps() {
        checkSteps(0.01, 0.9, 1e-8, new double[] {1, -2, 0.5}, new double[][] {{2, -0.5, 1}, {1.5, 0.2, -1}, {-3, 0.1, 0.5}});
    }

    @Test
    @DisplayName("state() shows s after the steps")
    void stateIsVisible() {
        VectorRmsProp mine = new VectorRmsProp(0.01, 0.9, 1e-8);
        DMatrixRMaj theta = new DMatrixRMaj(2, 1);
        mine.step(theta, new DMatrixRMaj(2, 1, true, 2, -1));
        mine.step(theta, new DMatrixRMaj(2, 1, true, 1, 1));
        DMatrixRMaj s = mine.state().buffer("squaredGradientAverage");
        double[] expected = {0.9 * 0.4 + 0.1, 0.9 * 0.1 + 0.1};
        Teach.check("state().buffer(\"squaredGradientAverage\") after g = (2, −1) then (1, 1)", "s ← β·s + (1−β)·g²", null,
                expected, s == null ? null : java.util.Arrays.copyOf(s.data, 2), 1e-12, List.of(
                        new Teach.Mistake("state-reset", "s is not kept between steps (only the last g² is in it)",
                                "allocate s once (when it is null) and keep it in the field", new double[] {0.1, 0.1})));
    }

    @Test
    @DisplayName("a gradient of another shape is rejected, and nothing changes")
    void wrongShape() {
        VectorRmsProp mine = new VectorRmsProp(0.01, 0.9, 1e-8);
        DMatrixRMaj theta = new DMatrixRMaj(2, 1, true, 1, 2);
        try {
            mine.step(theta, new DMatrixRMaj(3, 1, true, 1, 2, 3));
        } catch (IllegalArgumentException expected) {
            Teach.check("θ after a rejected step", "a rejected step changes nothing", null, new double[] {1, 2},
                    java.util.Arrays.copyOf(theta.data, 2), 0, List.of());
            return;
        } catch (UnsupportedOperationException notStarted) {
            throw notStarted;
        } catch (RuntimeException other) {
            throw new AssertionError("A gradient of shape 3x1 for parameters 2x1 should throw IllegalArgumentException naming both shapes, "
                    + "but " + other + " was thrown: check the shapes before the loop");
        }
        throw new AssertionError("A gradient of shape 3x1 for parameters 2x1 was accepted: check "
                + "params.numRows/numCols against gradient.numRows/numCols and throw IllegalArgumentException");
    }

    @Test
    @DisplayName("the effective learning rate is η/√(s + ε) per element")
    void effectiveRate() {
        VectorRmsProp mine = new VectorRmsProp(0.01, 0.9, 1e-8);
        DMatrixRMaj theta = new DMatrixRMaj(2, 1);
        mine.step(theta, new DMatrixRMaj(2, 1, true, 2, 0));
        DMatrixRMaj rate = new DMatrixRMaj(2, 1);
        mine.effectiveLearningRate(rate);
        Teach.check("effectiveLearningRate after g = (2, 0)", "η / √(s + ε)", null,
                new double[] {0.01 / Math.sqrt(0.4 + 1e-8), 0.01 / Math.sqrt(1e-8)}, java.util.Arrays.copyOf(rate.data, 2), 1e-12,
                List.of(new Teach.Mistake("sqrt-missing", "the square root is missing", "η / Math.sqrt(s + ε)",
                        new double[] {0.01 / (0.4 + 1e-8), 0.01 / 1e-8})));
    }
}
