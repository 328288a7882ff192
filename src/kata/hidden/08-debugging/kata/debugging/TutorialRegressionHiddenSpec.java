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
    }
}
