package kata.adagrad;

import java.util.Random;
import optikata.kata.spec.Book;
import optikata.kata.spec.CaseBook;

/** Exercise 05's hidden spec. */
public final class MyAdaGradHiddenSpec implements CaseBook {
    @Override
    public void define(Book book) {
        Random random = new Random(505);
        double[][] gradients = new double[40][3];
        for (double[] g : gradients) {
            for (int i = 0; i < 3; i++) {
                g[i] = random.nextGaussian() * Math.pow(10, random.nextInt(5) - 2);
            }
        }
        MyAdaGradSpec.steps(book, "generated", "40 generated steps on three coordinates (fixed seed)", 0.05, 1e-10,
                new double[] {0.3, -2, 7}, gradients);
    }
}
