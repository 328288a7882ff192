package kata.adamw;

import java.util.Random;
import optikata.kata.spec.Book;
import optikata.kata.spec.CaseBook;

/** Exercise 09's hidden spec: the public book's behaviours on other inputs (fixed seeds). */
public final class MyAdamWHiddenSpec implements CaseBook {
    static double[][] generated(Random random, int steps, int n) {
        double[][] gradients = new double[steps][n];
        for (double[] g : gradients) {
            for (int i = 0; i < n; i++) {
                g[i] = random.nextGaussian() * Math.pow(10, random.nextInt(4) - 2);
            }
        }
        return gradients;
    }

    @Override
    public void define(Book book) {
        double[][] constant = new double[100][];
        for (int i = 0; i < 100; i++) {
            constant[i] = new double[] {0.3};
        }
        MyAdamWSpec.steps(
                book,
                "long-run",
                "100 steps of a constant gradient with PyTorch's defaults (λ = 0.01)",
                0.001,
                0.9,
                0.999,
                1e-8,
                0.01,
                new double[] {2},
                constant);
        Random random = new Random(909);
        MyAdamWSpec.steps(
                book,
                "generated",
                "30 generated steps with other betas and λ (fixed seed)",
                0.05,
                0.8,
                0.99,
                1e-6,
                0.7,
                new double[] {0.5, -0.5},
                generated(random, 30, 2));
        double[][] zeros = new double[20][2];
        MyAdamWSpec.steps(
                book,
                "zero-gradient-run",
                "20 zero gradients: θ shrinks by 1 − ηλ each step and nothing else moves it",
                0.2,
                0.9,
                0.999,
                1e-8,
                1.5,
                new double[] {-4, 0.25},
                zeros);
        MyAdamWSpec.steps(
                book,
                "negative-generated",
                "negative generated gradients move θ up while the decay pulls it to 0",
                0.03,
                0.9,
                0.999,
                1e-8,
                0.05,
                new double[] {-1, -2, 3},
                negative(generated(random, 8, 3)));
        MyAdamWSpec.steps(
                book,
                "lambda-zero-generated",
                "with λ = 0, 12 generated steps are Adam's",
                0.05,
                0.85,
                0.995,
                1e-7,
                0,
                new double[] {0.3, -0.7},
                generated(random, 12, 2));
        double[] start = new double[6];
        for (int i = 0; i < 6; i++) {
            start[i] = random.nextGaussian();
        }
        MyAdamWSpec.steps(
                book,
                "rows-and-columns-generated",
                "a 3×2 θ, 6 generated steps: each element on its own",
                0.1,
                0.9,
                0.999,
                1e-8,
                0.3,
                3,
                2,
                start,
                generated(random, 6, 6));
        MyAdamWSpec.reset(
                book,
                "reset-generated",
                "reset() after 5 steps: the optimizer starts again from t = 1",
                0.5,
                new double[] {0.5, 3},
                generated(random, 5, 2),
                generated(random, 3, 2));
        MyAdamWSpec.twoOptimizers(
                book,
                "two-optimizers-other",
                "two optimizers with other gradients each keep their own state",
                0.4,
                new double[] {-3, 0.5},
                new double[] {-0.5, 0.25},
                new double[] {4, -1});
        MyAdamWSpec.splitTwice(
                book,
                "split-other",
                "the split step on another number of elements gives the same θ on every run",
                0.3,
                (1 << 17) + 3);
    }

    static double[][] negative(double[][] gradients) {
        for (double[] g : gradients) {
            for (int i = 0; i < g.length; i++) {
                g[i] = -Math.abs(g[i]) - 0.01;
            }
        }
        return gradients;
    }
}
