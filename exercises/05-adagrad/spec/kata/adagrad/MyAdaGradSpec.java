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
        // probes that tell behaviours apart: negative gradients on later steps, two optimizers one after the
        // other, the split step run several times
        steps(
                book,
                "negative-gradients",
                "negative and zero gradients: s adds g², steps 2 and 3 as well as step 1",
                0.1,
                1e-10,
                new double[] {1, -2, 0.5},
                new double[][] {{-2, 0, 0.5}, {-1, -3, 0}, {0, 2, -0.25}});
        book.add("two-optimizers", "two optimizers used one after the other each keep their own state")
                .formula(FORMULA + ", one state per optimizer")
                .input(
                        "θ₀ = (1, −2): a first optimizer steps with g = (2, −0.5), a second one then takes its first step "
                                + "with g = (−1, 3), then the first steps with g = (−1, 3)")
                .meaning(
                        "how much the second optimizer's step changed the first's",
                        "the state is shared between two optimizers: the second optimizer's step changed the first one's "
                                + "buffers; each optimizer keeps its own")
                .meaning(
                        "θ of the second optimizer",
                        "a new optimizer starts from s = 0: its first step is that of a fresh optimizer")
                .meaning(
                        "s of the second optimizer",
                        "a new optimizer starts from s = 0: its first step is that of a fresh optimizer")
                .meaning(
                        "θ of the first optimizer",
                        "the first optimizer's second step uses its own state, whatever another optimizer did in between")
                .probe(r -> OptimizerProbe.twoOptimizers(
                        r,
                        () -> new MyAdaGrad(0.1, 1e-10),
                        new double[] {1, -2},
                        new double[] {2, -0.5},
                        new double[] {-1, 3},
                        "s=squaredGradientSum"));
        book.add("split-twice", "the step split across threads gives the same θ on every run, and the right one")
                .formula(FORMULA + ", for from ≤ i < to in each range")
                .input("2¹⁷ parameters, two steps with g[i] = ±(1 + (i mod 7)), run 4 times on fresh optimizers")
                .meaning(
                        "whether",
                        "your update gives different results on identical input: shared state written from several threads")
                .meaning(
                        "θ at",
                        "with many elements update() is called once per range, on several threads: it must read and write "
                                + "only elements from ≤ i < to")
                .meaning(
                        "the sum of θ",
                        "with many elements update() is called once per range, on several threads: it must read and write "
                                + "only elements from ≤ i < to")
                .probe(r -> OptimizerProbe.splitRuns(r, () -> new MyAdaGrad(0.1, 1e-10), 1 << 17, 4));
    }
}
