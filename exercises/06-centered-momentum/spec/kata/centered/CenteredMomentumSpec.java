package kata.centered;

import java.util.List;
import optikata.kata.Teach;
import optikata.kata.Variant;
import optikata.optim.EpsilonPlacement;
import optikata.optim.RmsProp;
import optikata.optim.RmsPropConfig;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("06 · centered RMSProp with momentum")
class CenteredMomentumSpec {
    static final String FORMULA = "s ← β s + (1−β) g², ḡ ← β ḡ + (1−β) g, b ← μ b + g/(√(s − ḡ²) + ε), θ ← θ − η b";

    static List<Teach.Mistake> mistakes(double lr, double beta, double eps, double mu, double[] start, double[][] gs) {
        return List.of(
                Variant.mistake("not-centered", "ḡ² is not subtracted: this is plain RMSProp with momentum",
                        "divide by √(s − ḡ²) + ε", (th, g, i, t, b) -> {
                            b[0][i] = beta * b[0][i] + (1 - beta) * g[i] * g[i];
                            b[2][i] = mu * b[2][i] + g[i] / (Math.sqrt(b[0][i]) + eps);
                            th[i] -= lr * b[2][i];
                        }, 3, start, gs),
                Variant.mistake("no-momentum", "the velocity is not kept: each step uses only the current g / d",
                        "b = μ·b + g/d, then θ −= η·b", (th, g, i, t, b) -> {
                            b[0][i] = beta * b[0][i] + (1 - beta) * g[i] * g[i];
                            b[1][i] = beta * b[1][i] + (1 - beta) * g[i];
                            th[i] -= lr * g[i] / (Math.sqrt(Math.max(b[0][i] - b[1][i] * b[1][i], 0)) + eps);
                        }, 3, start, gs),
                Variant.mistake("variance-plus", "ḡ² is added instead of subtracted", "the variance is s − ḡ²",
                        (th, g, i, t, b) -> {
                            b[0][i] = beta * b[0][i] + (1 - beta) * g[i] * g[i];
                            b[1][i] = beta * b[1][i] + (1 - beta) * g[i];
                            b[2][i] = mu * b[2][i] + g[i] / (Math.sqrt(b[0][i] + b[1][i] * b[1][i]) + eps);
                            th[i] -= lr * b[2][i];
                        }, 3, start, gs),
                Variant.mistake("momentum-on-gradient", "the velocity accumulates raw g instead of g / d",
                        "b = μ·b + g / d", (th, g, i, t, b) -> {
                            b[0][i] = beta * b[0][i] + (1 - beta) * g[i] * g[i];
                            b[1][i] = beta * b[1][i] + (1 - beta) * g[i];
                            b[2][i] = mu * b[2][i] + g[i];
                            th[i] -= lr * b[2][i] / (Math.sqrt(Math.max(b[0][i] - b[1][i] * b[1][i], 0)) + eps);
                        }, 3, start, gs));
    }

    static void checkSteps(double lr, double beta, double eps, double mu, double[] start, double[][] gs) {
        RmsProp reference = new RmsProp(RmsPropConfig.defaults().withLearningRate(lr).withDecay(beta).withEpsilon(eps)
                .withEpsilonPlacement(EpsilonPlacement.OUTSIDE_ROOT).withCentered(true).withMomentum(mu));
        Variant.checkAgainst(FORMULA, new CenteredMomentumRmsProp(lr, beta, eps, mu), reference, start, gs,
                mistakes(lr, beta, eps, mu, start, gs));
    }

    @Test
    @DisplayName("the worked example: one step with g = 2 moves θ by −η·2/0.6")
    void workedExample() {
        checkSteps(0.1, 0.9, 1e-8, 0.5, new double[] {0}, new double[][] {{2}});
    }

    @Test
    @DisplayName("four steps keep all three buffers")
    void fourSteps() {
        checkSteps(0.05, 0.8, 1e-8, 0.9, new double[] {1, -1}, new double[][] {{1, -2}, {0.5, 0.5}, {-1, 1}, {2, 0.1}});
    }
}
