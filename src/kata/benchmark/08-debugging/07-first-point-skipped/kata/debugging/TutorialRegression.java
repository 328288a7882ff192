package kata.debugging;

/**
 * Exercise 08: the linear-regression tutorial's program (§5) with RMSProp (η = 0.01, β = 0.9, ε = 1e-8,
 * θ starts at (0, 0)).
 */
public final class TutorialRegression {
    private TutorialRegression() {}

    /** The linear-regression tutorial's data (§5): rows [1, i] for i = 1..10. */
    public static final double[][] X = {{1, 1}, {1, 2}, {1, 3}, {1, 4}, {1, 5}, {1, 6}, {1, 7}, {1, 8}, {1, 9}, {1, 10}
    };
    /** The linear-regression tutorial's targets (§5). */
    public static final double[] Y = {1, 2, 1, 4, 3, 6, 5, 8, 7, 10};

    /** RMSProp on J(θ) = 1/(2n) Σ (yᵢ − θᵀxᵢ)², as the linear-regression tutorial (§5) writes it; returns θ after {@code steps} steps. */
    public static double[] fit(double[][] x, double[] y, int steps) {
        double eta = 0.01;
        double beta = 0.9;
        double epsilon = 1e-8;
        double[] theta = {0.0, 0.0};
        double[] g = {0.0, 0.0};
        double[] rms = {0.0, 0.0};
        for (int t = 0; t < steps; t++) {
            double[] gradients = gradient(x, y, theta);
            for (int w = 0; w < theta.length; w++) {
                g[w] = beta * g[w] + (1 - beta) * gradients[w];
                rms[w] = Math.sqrt(beta * rms[w] * rms[w] + (1 - beta) * gradients[w] * gradients[w]);
                double etaT = eta / Math.sqrt(rms[w] * rms[w] + epsilon);
                theta[w] = theta[w] - etaT * gradients[w];
            }
        }
        return theta;
    }

    /** The gradient of J at θ: ∂J/∂θ_w = (1/n) Σᵢ (θᵀxᵢ − yᵢ)·x_{i,w}, one entry per parameter. */
    public static double[] gradient(double[][] x, double[] y, double[] theta) {
        double[] gradients = new double[theta.length];
        for (int i = 1; i < x.length; i++) {
            double residual = theta[0] * x[i][0] + theta[1] * x[i][1] - y[i];
            for (int w = 0; w < theta.length; w++) {
                gradients[w] += residual * x[i][w] / x.length;
            }
        }
        return gradients;
    }
}
