package kata.adagrad;

import java.util.List;
import optikata.kata.Teach;
import optikata.kata.Variant;
import optikata.optim.AdaGrad;
import optikata.optim.EpsilonPlacement;
import optikata.optim.NonFinitePolicy;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("05 · AdaGrad")
class MyAdaGradSpec {
    static final String FORMULA = "s ← s + g², θ ← θ − η·g / (√s + ε)";

    static List<Teach.Mistake> mistakes(double lr, double eps, double[] start, double[][] gs) {
        return List.of(
                Variant.mistake("moving-average", "s is a moving average (that is RMSProp), not a sum", "s[i] += g[i] * g[i]",
                        (th, g, i, t, b) -> {
                            b[0][i] = 0.9 * b[0][i] + 0.1 * g[i] * g[i];
                            th[i] -= lr * g[i] / (Math.sqrt(b[0][i]) + eps);
                        }, 1, start, gs),
                Variant.mistake("sqrt-missing", "the square root is missing", "divide by Math.sqrt(s) + ε",
                        (th, g, i, t, b) -> {
                            b[0][i] += g[i] * g[i];
                            th[i] -= lr * g[i] / (b[0][i] + eps);
                        }, 1, start, gs),
                Variant.mistake("sign-flipped", "the step is added instead of subtracted", "θ −= η g / (√s + ε)",
                        (th, g, i, t, b) -> {
                            b[0][i] += g[i] * g[i];
                            th[i] += lr * g[i] / (Math.sqrt(b[0][i]) + eps);
                        }, 1, start, gs),
                Variant.mistake("state-reset", "s only holds the last g² (it is not carried over)", "add to the s kept in buffers[0]",
                        (th, g, i, t, b) -> {
                            b[0][i] = g[i] * g[i];
                            th[i] -= lr * g[i] / (Math.sqrt(b[0][i]) + eps);
                        }, 1, start, gs),
                Variant.mistake("epsilon-misplaced", "ε is inside the root", "η g / (Math.sqrt(s) + ε)",
                        (th, g, i, t, b) -> {
                            b[0][i] += g[i] * g[i];
                            th[i] -= lr * g[i] / Math.sqrt(b[0][i] + eps);
                        }, 1, start, gs));
    }

    static void checkSteps(double lr, double eps, double[] start, double[][] gs) {
        AdaGrad reference = new AdaGrad(new AdaGrad.Config(lr, eps, EpsilonPlacement.OUTSIDE_ROOT, 0, NonFinitePolicy.REJECT));
        Variant.checkAgainst(FORMULA, new MyAdaGrad(lr, eps), reference, start, gs, mistakes(lr, eps, start, gs));
    }

    @Test
    @DisplayName("the worked example: g = 2 then 1 moves θ by 0.1 then 0.1/√5")
    void workedExample() {
        checkSteps(0.1, 1e-10, new double[] {0}, new double[][] {{2}, {1}});
    }

    @Test
    @DisplayName("four steps on two coordinates")
    void fourSteps() {
        checkSteps(0.5, 0.25, new double[] {1, -1}, new double[][] {{1, -2}, {0.5, 0.5}, {-1, 1}, {2, 0.1}});
    }

    @Test
    @DisplayName("the effective rate never rises, even when the gradients become small")
    void rateNeverRises() {
        MyAdaGrad mine = new MyAdaGrad(0.01, 1e-10);
        DMatrixRMaj theta = new DMatrixRMaj(1, 1);
        DMatrixRMaj rate = new DMatrixRMaj(1, 1);
        double previous = Double.POSITIVE_INFINITY;
        for (int t = 1; t <= 30; t++) {
            double g = t <= 10 ? 1.0 : 0.01;
            mine.step(theta, new DMatrixRMaj(1, 1, true, g));
            mine.effectiveLearningRate(rate);
            if (rate.get(0) > previous) {
                throw new AssertionError(String.format("Your rate rose at step %d, from %.6g to %.6g, when g dropped to 0.01. "
                        + "AdaGrad's s is a sum of g², so it never decreases and η/(√s + ε) never rises. "
                        + "Likely mistake: s is averaged or replaced instead of summed.", t, previous, rate.get(0)));
            }
            previous = rate.get(0);
        }
        Teach.check("effective rate after 10 steps of g = 1 and 20 of g = 0.01", "η / (√s + ε), s = 10 + 20·0.0001", null,
                0.01 / (Math.sqrt(10.002) + 1e-10), previous, 1e-9, List.of());
    }
}
