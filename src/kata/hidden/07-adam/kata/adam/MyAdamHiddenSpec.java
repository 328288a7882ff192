package kata.adam;

import java.util.Random;
import optikata.kata.spec.Book;
import optikata.kata.spec.CaseBook;

/** Exercise 07's hidden spec. */
public final class MyAdamHiddenSpec implements CaseBook {
    @Override
    public void define(Book book) {
        double[][] constant = new double[100][];
        for (int i = 0; i < 100; i++) {
            constant[i] = new double[] {0.3};
        }
        MyAdamSpec.steps(
                book,
                "long-run",
                "100 steps of a constant gradient",
                0.01,
                0.9,
                0.999,
                1e-8,
                new double[] {2},
                constant);
        Random random = new Random(707);
        double[][] gradients = new double[30][2];
        for (double[] g : gradients) {
            for (int i = 0; i < 2; i++) {
                g[i] = random.nextGaussian() * Math.pow(10, random.nextInt(4) - 2);
            }
        }
        MyAdamSpec.steps(
                book,
                "generated",
                "30 generated steps with other betas (fixed seed)",
                0.05,
                0.8,
                0.99,
                1e-6,
                new double[] {0.5, -0.5},
                gradients);
    }
}
