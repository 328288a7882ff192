package kata.onestep;

import java.util.List;
import optikata.kata.RmsPropMistakes;
import optikata.kata.Teach;
import optikata.optim.RmsPropConfig;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("01 · one RMSProp step")
class OneStepSpec {
    static final String THETA_FORMULA = "θ ← θ − α·g / √(s + ε), with s ← β·s + (1−β)·g²";
    static final String S_FORMULA = "s ← β·s + (1−β)·g²";

    /** Checks one step against the formula, naming the mistake the learner's numbers match. */
    static void checkStep(double theta, double g, double s, double lr, double beta, double eps) {
        String input = String.format("θ = %s, g = %s, s = %s, α = %s, β = %s, ε = %s", theta, g, s, lr, beta, eps);
        OneStep.Result r = OneStep.step(theta, g, s, lr, beta, eps);
        double expectedS = beta * s + (1 - beta) * g * g;
        List<Teach.Mistake> sMistakes = List.of(
                new Teach.Mistake("decay-swapped", "decay and 1−decay are swapped", "s = β·s + (1−β)·g², not (1−β)·s + β·g²",
                        new double[] {(1 - beta) * s + beta * g * g}),
                new Teach.Mistake("one-minus-beta-missing", "the (1−β) factor on g² is missing", "multiply g² by (1 − β)",
                        new double[] {beta * s + g * g}),
                new Teach.Mistake("gradient-average-used", "g is averaged instead of g²", "average g·g, not g",
                        new double[] {beta * s + (1 - beta) * g}),
                new Teach.Mistake("state-reset", "the old average was dropped", "start from the s you were given",
                        new double[] {(1 - beta) * g * g}));
        Teach.check("The new squared-gradient average s", S_FORMULA, input, expectedS, r.squaredGradientAverage(), 1e-12, sMistakes);
        RmsPropConfig config = RmsPropConfig.defaults().withLearningRate(lr).withDecay(beta).withEpsilon(eps).withInitialAccumulator(s);
        double expectedTheta = theta - lr * g / Math.sqrt(expectedS + eps);
        Teach.check("The new θ", THETA_FORMULA, input, expectedTheta, r.theta(), 1e-12,
                RmsPropMistakes.run(config, new double[] {theta}, new double[][] {{g}}));
    }

    @Test
    @DisplayName("the worked example: θ = 1, g = 2, s = 0 gives s = 0.4 and θ ≈ 0.968")
    void workedExample() {
        checkStep(1.0, 2.0, 0.0, 0.01, 0.9, 1e-8);
    }

    @Test
    @DisplayName("the second step of the example keeps the old average: s = 0.9·0.4 + 0.1·g²")
    void secondStep() {
        checkStep(0.968377223, 1.936754447, 0.4, 0.01, 0.9, 1e-8);
    }

    @Test
    @DisplayName("a negative gradient moves θ up")
    void negativeGradient() {
        checkStep(-0.5, -3.0, 2.5, 0.1, 0.5, 1e-8);
    }
}
