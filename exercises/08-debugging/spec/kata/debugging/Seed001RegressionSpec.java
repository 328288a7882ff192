package kata.debugging;

import java.util.Arrays;
import java.util.List;
import optikata.kata.Teach;
import optikata.objective.LeastSquares;
import optikata.objective.NumericGradient;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("08 · debugging seed 001's regression")
class Seed001RegressionSpec {
    static final String GRADIENT = "∂J/∂θ_w = (1/n) Σᵢ (θᵀxᵢ − yᵢ)·x_{i,w}";

    static LeastSquares problem(double[][] x, double[] y) {
        DMatrixRMaj design = new DMatrixRMaj(x);
        return new LeastSquares(design, new DMatrixRMaj(y.length, 1, true, y.clone()));
    }

    static void checkGradient(double[][] x, double[] y, double[] theta) {
        double[] mine = Seed001Regression.gradient(x, y, theta);
        if (mine.length != theta.length) {
            throw new AssertionError(String.format("Your gradient has %d entries but θ has %d.%n"
                    + "  formula: %s%n"
                    + "  likely mistake [residual-used]: the residual Xθ − y (one value per data point) is used as the gradient "
                    + "(one value per parameter)%n"
                    + "  what to change: multiply by Xᵀ and divide by n: gradients[w] += residual_i · x[i][w] / n", mine.length,
                    theta.length, GRADIENT));
        }
        double[] numeric = NumericGradient.estimate(problem(x, y), new DMatrixRMaj(theta.length, 1, true, theta.clone()), 1e-6);
        double[] flipped = Arrays.stream(numeric).map(v -> -v).toArray();
        Teach.check("Seed001Regression.gradient", GRADIENT, "θ = " + Arrays.toString(theta), numeric, mine, 1e-6, List.of(
                new Teach.Mistake("sign-flipped", "the derivative's sign is flipped (seed 001 §4 writes (yᵢ − θᵀxᵢ))",
                        "use (θᵀxᵢ − yᵢ): the prediction minus the target", flipped)));
    }

    @Test
    @DisplayName("the gradient has one entry per parameter and agrees with central differences")
    void gradientIsRight() {
        checkGradient(Seed001Regression.X, Seed001Regression.Y, new double[] {0.3, -0.2});
    }

    @Test
    @DisplayName("fit reaches the least-squares line within 0.1 after 1000 steps")
    void fitReachesLeastSquares() {
        LeastSquares ls = problem(Seed001Regression.X, Seed001Regression.Y);
        double[] best = ls.minimizer().data;
        double[] theta = Seed001Regression.fit(Seed001Regression.X, Seed001Regression.Y, 1000);
        double start = ls.value(new DMatrixRMaj(2, 1));
        double end = ls.value(new DMatrixRMaj(2, 1, true, theta.clone()));
        String hint = end > start ? String.format("%n  symptom: J went up from %.4g to %.4g: the steps climb the loss (check the gradient's sign)",
                start, end) : "";
        try {
            Teach.check("θ after 1000 steps", "θ ← θ − η·g/√(RMS² + ε) with g = " + GRADIENT, null, Arrays.copyOf(best, 2),
                    theta, 0.1, List.of());
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + hint, e);
        }
    }
}
