package kata.debugging;

import optikata.kata.spec.Book;
import optikata.kata.spec.CaseBook;

/** Exercise 08's public spec. */
public final class TutorialRegressionSpec implements CaseBook {
    static final String GRADIENT = "∂J/∂θ_w = (1/n) Σᵢ (θᵀxᵢ − yᵢ)·x_{i,w}, one entry per parameter";

    static void gradientAt(Book book, String id, String title, double[][] x, double[] y, double[]... thetas) {
        book.add(id, title)
                .formula(GRADIENT)
                .input(
                        thetas.length == 1
                                ? "θ = " + java.util.Arrays.toString(thetas[0]) + " on the tutorial's 10 points"
                                : thetas.length + " values of θ in [−5, 5]² on the tutorial's 10 points")
                .symbol("n", x.length)
                .meaning(
                        "the number of entries",
                        "the gradient must have one entry per parameter (2), not one per data point (n = 10): "
                                + "sum the residual times x_{i,w} over the points")
                .meaning(
                        "gradient(X, y, θ)",
                        "the gradient has the right length but wrong values: compare with central differences "
                                + "(J(θ + h) − J(θ − h)) / 2h. The prediction θᵀxᵢ = θ₀ + θ₁·xᵢ includes the intercept θ₀; the derivative of "
                                + "(yᵢ − θᵀxᵢ)² with respect to θ_w brings a factor −x_{i,w}, so entry w uses its own column of X; sum over every "
                                + "point and divide by n")
                .probe(r -> {
                    double[] all = new double[2 * thetas.length];
                    for (int k = 0; k < thetas.length; k++) {
                        double[] g = TutorialRegression.gradient(x, y, thetas[k].clone());
                        if (k == 0) {
                            r.value("the number of entries of gradient(X, y, θ)", g.length);
                        }
                        if (g.length != 2) {
                            return;
                        }
                        all[2 * k] = g[0];
                        all[2 * k + 1] = g[1];
                    }
                    r.value("gradient(X, y, θ)", all);
                });
    }

    static void fit(Book book, String id, String title, double[][] x, double[] y, int steps) {
        book.add(id, title)
                .formula("RMSProp with η = 0.01, β = 0.9, ε = 1e-8 from θ = (0, 0) on J(θ) = 1/(2n) Σ (yᵢ − θᵀxᵢ)²")
                .input(steps + " steps on " + x.length + " points")
                .tolerance(0.05)
                .meaning(
                        "θ after fit",
                        "fit does not reach the least-squares line: with a right gradient RMSProp gets within 0.05 of it")
                .probe(r -> r.value("θ after fit(X, y, " + steps + ")", TutorialRegression.fit(x, y, steps)));
    }

    @Override
    public void define(Book book) {
        gradientAt(
                book,
                "gradient",
                "the gradient has one entry per parameter and agrees with central differences",
                TutorialRegression.X,
                TutorialRegression.Y,
                new double[] {0.3, -0.2});
        book.add(
                        "first-steps",
                        "fit takes exactly the steps asked for, each an RMSProp step with the tutorial's settings")
                .formula(
                        "s ← β·s + (1−β)·g², θ ← θ − η·g / √(s + ε), with η = 0.01, β = 0.9, ε = 1e-8, from θ = (0, 0)")
                .input("fit(X, y, 1), fit(X, y, 2) and fit(X, y, 3) on the tutorial's 10 points")
                .tolerance(1e-9)
                .symbol("η", 0.01)
                .symbol("β", 0.9)
                .symbol("n", 10)
                .meaning(
                        "θ after fit",
                        "fit's steps differ from RMSProp's: each step divides the current gradient g (not the gradient "
                                + "average the tutorial also computes) by √(s + ε), where s is the running average of g², carried over from step to "
                                + "step (its history kept, not its root), and fit(X, y, k) takes exactly k steps on the x and y it is given")
                .probe(r -> {
                    r.given("θ before fit(X, y, 1)", 0, 0);
                    r.value(
                            "θ after fit(X, y, 1)",
                            TutorialRegression.fit(TutorialRegression.X, TutorialRegression.Y, 1));
                    r.value(
                            "θ after fit(X, y, 2)",
                            TutorialRegression.fit(TutorialRegression.X, TutorialRegression.Y, 2));
                    r.value(
                            "θ after fit(X, y, 3)",
                            TutorialRegression.fit(TutorialRegression.X, TutorialRegression.Y, 3));
                });
        fit(
                book,
                "fit",
                "fit reaches the least-squares line within 0.05 after 1000 steps",
                TutorialRegression.X,
                TutorialRegression.Y,
                1000);
        // probes that tell behaviours apart: a single point (n = 1) with a negative target, and the caller's arrays
        // after gradient and fit
        book.add("gradient-one-point", "the gradient on a single point (n = 1) with a negative target")
                .formula(GRADIENT)
                .input("x = ((1, 2)), y = (−3), θ = (0.5, −1) then (−2, 0.25)")
                .symbol("n", 1)
                .meaning(
                        "the number of entries",
                        "the gradient must have one entry per parameter (2), whatever the number of points")
                .meaning(
                        "gradient(x, y, θ)",
                        "on one point the gradient is (θᵀx₁ − y₁)·x₁: the residual times the point's own row")
                .probe(r -> {
                    double[][] x = {{1, 2}};
                    double[] y = {-3};
                    double[] a = TutorialRegression.gradient(x, y, new double[] {0.5, -1});
                    double[] b = TutorialRegression.gradient(x, y, new double[] {-2, 0.25});
                    r.value("the number of entries of gradient(x, y, θ)", a.length);
                    if (a.length == 2 && b.length == 2) {
                        r.value("gradient(x, y, θ) at both θ", a[0], a[1], b[0], b[1]);
                    }
                });
        book.add(
                        "inputs-kept",
                        "gradient and fit leave the caller's x, y and θ as they were and return arrays of their own")
                .formula("gradient(x, y, θ) and fit(x, y, steps) only read x, y and θ; " + GRADIENT)
                .input("the tutorial's 10 points, θ = (0.3, −0.2); then fit(x, y, 3)")
                .meaning(
                        "the gradient returned",
                        "the gradient at θ = (0.3, −0.2) on the tutorial's points: one entry per parameter, "
                                + "(1/n) Σᵢ (θᵀxᵢ − yᵢ)·x_{i,w}")
                .meaning("x after", "the code wrote into the caller's x: it must only read it")
                .meaning("y after", "the code wrote into the caller's y: it must only read it")
                .meaning("θ after gradient", "gradient wrote into the caller's θ: it must only read it")
                .meaning(
                        "whether the gradient returned",
                        "the array gradient returned is one of the caller's arrays (θ or y): return a new array")
                .probe(r -> {
                    double[][] x = new double[TutorialRegression.X.length][];
                    for (int i = 0; i < x.length; i++) {
                        x[i] = TutorialRegression.X[i].clone();
                    }
                    double[] y = TutorialRegression.Y.clone();
                    double[] theta = {0.3, -0.2};
                    double[] g = TutorialRegression.gradient(x, y, theta);
                    // the gradient itself too: code that computes nothing keeps every input as it was
                    r.value("the gradient returned", g);
                    r.value("x after gradient(x, y, θ)", flat(x));
                    r.value("y after gradient(x, y, θ)", y);
                    r.value("θ after gradient(x, y, θ)", theta);
                    r.text("whether the gradient returned is the caller's θ or y", g == theta || g == y ? "yes" : "no");
                    TutorialRegression.fit(x, y, 3);
                    r.value("x after fit(x, y, 3)", flat(x));
                    r.value("y after fit(x, y, 3)", y);
                });
    }

    /** The rows of {@code x} one after the other. */
    static double[] flat(double[][] x) {
        int n = 0;
        for (double[] row : x) {
            n += row.length;
        }
        double[] out = new double[n];
        int k = 0;
        for (double[] row : x) {
            for (double v : row) {
                out[k++] = v;
            }
        }
        return out;
    }
}
