package kata.adam;

import java.util.List;
import optikata.kata.Teach;
import optikata.kata.Variant;
import optikata.optim.Adam;
import optikata.optim.NonFinitePolicy;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("07 · Adam")
class MyAdamSpec {
    static final String FORMULA = "m ← β₁m + (1−β₁)g, v ← β₂v + (1−β₂)g², θ ← θ − η·(m/(1−β₁ᵗ)) / (√(v/(1−β₂ᵗ)) + ε)";

    /** A rule for Adam with the given bias-correction exponent shift, ε placement and (1−β₁) factor. */
    static Variant.Rule adam(double lr, double b1, double b2, double eps, int tShift, boolean correct, boolean epsInside,
                             boolean oneMinusB1) {
        return (th, g, i, t, b) -> {
            b[0][i] = b1 * b[0][i] + (oneMinusB1 ? 1 - b1 : 1) * g[i];
            b[1][i] = b2 * b[1][i] + (1 - b2) * g[i] * g[i];
            double c1 = correct ? 1 - Math.pow(b1, t + tShift) : 1;
            double c2 = correct ? 1 - Math.pow(b2, t + tShift) : 1;
            double vHat = b[1][i] / c2;
            th[i] -= lr * (b[0][i] / c1) / (epsInside ? Math.sqrt(vHat + eps) : Math.sqrt(vHat) + eps);
        };
    }

    static List<Teach.Mistake> mistakes(double lr, double b1, double b2, double eps, double[] start, double[][] gs) {
        return List.of(
                Variant.mistake("no-bias-correction", "m and v are not divided by 1 − βᵗ", "m̂ = m/(1 − β₁ᵗ), v̂ = v/(1 − β₂ᵗ)",
                        adam(lr, b1, b2, eps, 0, false, false, true), 2, start, gs),
                Variant.mistake("bias-correction-off-by-one", "the bias correction uses t + 1 instead of t (t is 1 on the first step)",
                        "use 1 − β^t with the t you are given", adam(lr, b1, b2, eps, 1, true, false, true), 2, start, gs),
                Variant.mistake("one-minus-beta-missing", "the (1 − β₁) factor on g is missing", "m = β₁·m + (1 − β₁)·g",
                        adam(lr, b1, b2, eps, 0, true, false, false), 2, start, gs),
                Variant.mistake("epsilon-misplaced", "ε is inside the root", "divide by Math.sqrt(v̂) + ε",
                        adam(lr, b1, b2, eps, 0, true, true, true), 2, start, gs),
                Variant.mistake("betas-swapped", "β₁ and β₂ are swapped", "β₁ (0.9) for m, β₂ (0.999) for v",
                        adam(lr, b2, b1, eps, 0, true, false, true), 2, start, gs));
    }

    static void checkSteps(double lr, double b1, double b2, double eps, double[] start, double[][] gs) {
        Adam reference = new Adam(new Adam.Config(lr, b1, b2, eps, true, NonFinitePolicy.REJECT));
        Variant.checkAgainst(FORMULA, new MyAdam(lr, b1, b2, eps), reference, start, gs, mistakes(lr, b1, b2, eps, start, gs));
    }

    @Test
    @DisplayName("the first step is η·g/(|g| + ε): θ moves by −0.1 for g = 3")
    void firstStep() {
        checkSteps(0.1, 0.9, 0.999, 1e-8, new double[] {0, 0}, new double[][] {{3, -0.02}});
    }

    @Test
    @DisplayName("three steps with changing gradients use 1 − β₁ᵗ and 1 − β₂ᵗ for t = 1, 2, 3")
    void threeSteps() {
        checkSteps(0.1, 0.9, 0.999, 1e-8, new double[] {1, -1}, new double[][] {{1, 2}, {3, -1}, {-2, 0.5}});
    }
}
