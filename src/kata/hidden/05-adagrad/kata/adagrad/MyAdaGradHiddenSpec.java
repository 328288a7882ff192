package kata.adagrad;

import java.util.Random;
import optikata.kata.spec.Book;
import optikata.kata.spec.CaseBook;

/** Exercise 05's hidden spec. */
public final class MyAdaGradHiddenSpec implements CaseBook {
    @Override
    public void define(Book book) {
        book.add(
                        "large",
                        "a step on 2²⁰ elements, which the base class splits into ranges: every range from `from` to `to`")
                .formula("update elements from ≤ i < to only")
                .input("2²⁰ parameters, one step then another, g[i] = 1 + (i mod 7)")
                .meaning(
                        "θ at",
                        "with many elements update() is called once per range: loop from `from` to `to`, not from 0 or to n")
                .probe(r -> {
                    int n = 1 << 20;
                    org.ejml.data.DMatrixRMaj theta = new org.ejml.data.DMatrixRMaj(n, 1);
                    org.ejml.data.DMatrixRMaj g = new org.ejml.data.DMatrixRMaj(n, 1);
                    for (int i = 0; i < n; i++) {
                        g.data[i] = 1 + (i % 7);
                    }
                    MyAdaGrad mine = new MyAdaGrad(0.05, 1e-10);
                    mine.step(theta, g);
                    mine.step(theta, g);
                    int[] at = {0, 1, n / 4 - 1, n / 4, n / 2 - 1, n / 2, n / 2 + 1, 3 * n / 4, n - 2, n - 1};
                    double[] sample = new double[at.length];
                    double sum = 0;
                    for (int k = 0; k < at.length; k++) {
                        sample[k] = theta.data[at[k]];
                    }
                    for (int i = 0; i < n; i++) {
                        sum += theta.data[i];
                    }
                    r.value("θ at ten elements across the range after two steps", sample);
                    r.value("the sum of θ over all elements after two steps", sum);
                });
        Random random = new Random(505);
        double[][] gradients = new double[40][3];
        for (double[] g : gradients) {
            for (int i = 0; i < 3; i++) {
                g[i] = random.nextGaussian() * Math.pow(10, random.nextInt(5) - 2);
            }
        }
        MyAdaGradSpec.steps(
                book,
                "generated",
                "40 generated steps on three coordinates (fixed seed)",
                0.05,
                1e-10,
                new double[] {0.3, -2, 7},
                gradients);
    }
}
