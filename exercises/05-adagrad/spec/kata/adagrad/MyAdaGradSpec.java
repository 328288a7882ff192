package kata.adagrad;

import optikata.kata.spec.Book;
import optikata.kata.spec.CaseBook;
import optikata.kata.spec.OptimizerProbe;

/** Exercise 05's public spec. */
public final class MyAdaGradSpec implements CaseBook {
    static final String FORMULA = "s ← s + g², θ ← θ − η·g / (√s + ε)";

    static void steps(Book book, String id, String title, double lr, double eps, double[] start, double[][] gradients) {
        book.add(id, title)
                .formula(FORMULA)
                .input("η = " + lr + ", ε = " + eps + ", θ₀ = " + OptimizerProbe.show(start) + ", g = "
                        + OptimizerProbe.show(gradients))
                .symbol("η", lr)
                .symbol("ε", eps)
                .meaning(
                        "s after",
                        "s is wrong: AdaGrad adds g² to the sum (s[i] += g[i]²), no average and no β, kept between steps")
                .meaning(
                        "θ after",
                        "s is right, so the mistake is in the θ line: θ[i] − η·g[i] / (√s[i] + ε)",
                        "s after")
                .meaning("the gradient after", "update() modified the gradient (it wrote into g): it must only read it")
                .meaning(
                        "the effective rate after",
                        "effectiveRate must write η / (√s[i] + ε) into out[i] for every i < n")
                .probe(r -> OptimizerProbe.steps(
                        r, new MyAdaGrad(lr, eps), start.length, 1, start, gradients, true, "s=squaredGradientSum"));
    }

    @Override
    public void define(Book book) {
        steps(
                book,
                "worked-example",
                "the worked example: g = 2 then 1 moves θ by 0.1 then 0.1/√5",
                0.1,
                1e-10,
                new double[] {0},
                new double[][] {{2}, {1}});
        steps(book, "four-steps", "four steps on two coordinates", 0.5, 0.25, new double[] {1, -1}, new double[][] {
            {1, -2}, {0.5, 0.5}, {-1, 1}, {2, 0.1}
        });
        steps(
                book,
                "zero-gradient",
                "a coordinate whose gradient is always 0 keeps s = 0: its rate is η/ε, and ε keeps the step finite",
                0.01,
                1e-3,
                new double[] {1, 1},
                new double[][] {{1, 0}, {0.5, 0}});
        double[][] falling = new double[30][];
        for (int i = 0; i < 30; i++) {
            falling[i] = new double[] {i < 10 ? 1 : 0.01};
        }
        steps(
                book,
                "rate-never-rises",
                "the effective rate never rises, even when the gradients become small",
                0.01,
                1e-10,
                new double[] {0},
                falling);
    }
}
