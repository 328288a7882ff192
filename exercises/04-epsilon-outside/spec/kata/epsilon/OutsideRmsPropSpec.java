package kata.epsilon;

import java.util.List;
import optikata.kata.RmsPropMistakes;
import optikata.kata.Teach;
import optikata.kata.Variant;
import optikata.optim.EpsilonPlacement;
import optikata.optim.RmsProp;
import optikata.optim.RmsPropConfig;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("04 · ε outside the root")
class OutsideRmsPropSpec {
    static final String FORMULA = "s ← β·s + (1−β)·g², θ ← θ − η·g / (√s + ε)";

    static void checkSteps(double lr, double beta, double eps, double[] start, double[][] gradients) {
        RmsPropConfig config = RmsPropConfig.defaults().withLearningRate(lr).withDecay(beta).withEpsilon(eps)
                .withEpsilonPlacement(EpsilonPlacement.OUTSIDE_ROOT);
        Variant.checkAgainst(FORMULA, new OutsideRmsProp(lr, beta, eps), new RmsProp(config), start, gradients,
                RmsPropMistakes.run(config, start, gradients));
    }

    static void checkRatio(double g, double eps) {
        double inside = Math.abs(g) / Math.sqrt(g * g + eps);
        double outside = Math.abs(g) / (Math.abs(g) + eps);
        Teach.check("OutsideRmsProp.stepRatio", "√(g² + ε) / (|g| + ε)", "g = " + g + ", ε = " + eps, outside / inside,
                OutsideRmsProp.stepRatio(g, eps), 1e-9, List.of(
                        new Teach.Mistake("inverted", "the ratio is upside down (inside over outside)", "outside step ÷ inside step",
                                new double[] {inside / outside}),
                        new Teach.Mistake("sign-of-g", "a negative g gives a negative ratio", "use Math.abs(g)",
                                new double[] {Math.sqrt(g * g + eps) / (g + eps)})));
    }

    @Test
    @DisplayName("two steps with tiny gradients, where the placement of ε matters")
    void tinyGradients() {
        checkSteps(0.01, 0.9, 1e-8, new double[] {0.5, -0.5}, new double[][] {{1e-4, -3e-5}, {2e-4, 1e-5}});
    }

    @Test
    @DisplayName("three ordinary steps")
    void ordinarySteps() {
        checkSteps(0.1, 0.5, 0.25, new double[] {1, 2}, new double[][] {{2, -1}, {1, 1}, {-0.5, 3}});
    }

    @Test
    @DisplayName("the two forms agree for g = 1 and differ by √2 for g² = ε")
    void ratio() {
        checkRatio(1.0, 1e-8);
        checkRatio(1e-4, 1e-8);
        checkRatio(-1e-4, 1e-8);
    }

    @Test
    @DisplayName("the effective learning rate is η / (√s + ε)")
    void effectiveRate() {
        OutsideRmsProp mine = new OutsideRmsProp(0.1, 0.5, 0.25);
        DMatrixRMaj theta = new DMatrixRMaj(1, 1);
        mine.step(theta, new DMatrixRMaj(1, 1, true, 2.0));
        DMatrixRMaj rate = new DMatrixRMaj(1, 1);
        mine.effectiveLearningRate(rate);
        Teach.check("effectiveLearningRate after g = 2", "η / (√s + ε)", "η = 0.1, β = 0.5, ε = 0.25", 0.1 / (Math.sqrt(2) + 0.25),
                rate.get(0), 1e-12, List.of(new Teach.Mistake("epsilon-misplaced", "ε is inside the root", "η / (Math.sqrt(s) + ε)",
                        new double[] {0.1 / Math.sqrt(2 + 0.25)})));
    }
}
