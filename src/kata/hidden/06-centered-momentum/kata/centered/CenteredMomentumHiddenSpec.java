package kata.centered;

import java.util.Random;
import optikata.kata.spec.Book;
import optikata.kata.spec.CaseBook;

/** Exercise 06's hidden spec. */
public final class CenteredMomentumHiddenSpec implements CaseBook {
    @Override
    public void define(Book book) {
        double[][] constant = new double[40][];
        for (int i = 0; i < 40; i++) {
            constant[i] = new double[] {0.5};
        }
        CenteredMomentumSpec.steps(
                book,
                "constant-gradient",
                "a constant gradient: s − ḡ² shrinks towards 0 and ε keeps the step finite",
                0.01,
                0.9,
                1e-4,
                0.5,
                new double[] {1},
                constant);
        double[][] steady = new double[80][];
        for (int i = 0; i < 80; i++) {
            steady[i] = new double[] {0.7};
        }
        CenteredMomentumSpec.steps(
                book,
                "steady-gradient",
                "80 steps of the same gradient with β = 0.5: s − ḡ² rounds a hair below 0 and must be "
                        + "clamped at 0",
                0.01,
                0.5,
                1e-8,
                0.5,
                new double[] {1},
                steady);
        Random random = new Random(606);
        double[][] gradients = new double[30][2];
        for (double[] g : gradients) {
            for (int i = 0; i < 2; i++) {
                g[i] = random.nextGaussian() * Math.pow(10, random.nextInt(4) - 2);
            }
        }
        CenteredMomentumSpec.steps(
                book,
                "generated",
                "30 generated steps (fixed seed)",
                0.02,
                0.95,
                1e-8,
                0.8,
                new double[] {0.5, -0.5},
                gradients);
    }
}
