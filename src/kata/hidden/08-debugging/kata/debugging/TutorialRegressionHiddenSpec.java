package kata.debugging;

import java.util.Random;
import optikata.kata.spec.Book;
import optikata.kata.spec.CaseBook;

/** Exercise 08's hidden spec. */
public final class TutorialRegressionHiddenSpec implements CaseBook {
    @Override
    public void define(Book book) {
        Random random = new Random(808);
        double[][] thetas = new double[50][];
        for (int i = 0; i < 50; i++) {
            thetas[i] = new double[] {random.nextDouble() * 10 - 5, random.nextDouble() * 10 - 5};
        }
        TutorialRegressionSpec.gradientAt(
                book,
                "generated-points",
                "the gradient is right at 50 generated points (fixed seed)",
                TutorialRegression.X,
                TutorialRegression.Y,
                thetas);
        double[][] x = new double[8][];
        double[] y = new double[8];
        for (int i = 0; i < 8; i++) {
            x[i] = new double[] {1, i + 1};
            y[i] = 4 - (i + 1);
        }
        TutorialRegressionSpec.fit(
                book, "other-data", "fit also works on other data: y = 4 − x for x = 1 … 8", x, y, 3000);
        // a slope whose gradient is exactly 0 from the first step: s stays 0, so only ε keeps η / √(s + ε) finite
        // (without ε, or with −ε, the step is 0·∞ or √(−ε): NaN). exercise check --mutants found no case for this
        double[][] flat = {{1, -1}, {1, 1}};
        double[] level = {2, 2};
        book.add("flat-slope", "a parameter whose gradient is exactly 0 stays where it is: ε keeps its step finite")
                .formula("θ ← θ − η·g / √(s + ε) with g = 0 and s = 0 on the slope: the step is 0, not 0·∞")
                .input("x = (−1, 1), y = (2, 2): the slope's gradient is 0 at every step; fit(X, y, 3)")
                .tolerance(1e-9)
                .meaning(
                        "θ after fit",
                        "with a zero gradient the slope must stay at 0: ε inside the root keeps η / √(s + ε) finite"
                                + " where s is still 0")
                .probe(r -> r.value("θ after fit(X, y, 3)", TutorialRegression.fit(flat, level, 3)));
        // gradients of about 1e-4, so RMS² is about ε: where ε sits in η / √(RMS² + ε), and ε itself, now show in θ.
        // exercise check --mutants found no case for ε moved out of the root or squared
        double[][] near = {{1, 1}, {1, 2}};
        double[] tiny = {1e-4, 2e-4};
        book.add("tiny-gradients", "with gradients near √ε, ε still sits once under the root: η / √(RMS² + ε)")
                .formula("η_t = η / √(RMS² + ε) with ε = 1e-8, where RMS² is about 1e-9")
                .input("x = (1, 2), y = (1e-4, 2e-4): gradients of about 1e-4; fit(X, y, 3)")
                .tolerance(1e-9)
                .meaning(
                        "θ after fit",
                        "where RMS² is as small as ε, the step size depends on ε: it belongs under the root, once,"
                                + " as the tutorial's §5 writes η / √(RMS² + ε)")
                .probe(r -> r.value("θ after fit(X, y, 3)", TutorialRegression.fit(near, tiny, 3)));
    }
}
