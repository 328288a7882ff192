package kata.adamw;

import optikata.kata.spec.Book;
import optikata.kata.spec.Case;
import optikata.kata.spec.CaseBook;
import optikata.kata.spec.OptimizerProbe;

/** Exercise 09's public spec. */
public final class MyAdamWSpec implements CaseBook {
    static final String FORMULA = "θ ← θ·(1 − η·λ), m ← β₁·m + (1−β₁)·g, v ← β₂·v + (1−β₂)·g², "
            + "θ ← θ − η·(m/(1−β₁ᵗ)) / (√(v/(1−β₂ᵗ)) + ε), t = 1, 2, ...";

    static final String THETA_MEANING =
            "m and v are right, so the mistake is in the two θ lines: first θ ← θ·(1 − η·λ) "
                    + "(the decay factor 1 − ηλ, η times λ, on θ itself, before the Adam step; it is not divided by √v̂ + ε "
                    + "and not added to g), then θ ← θ − η·m̂ / (√v̂ + ε) with the bias corrections 1−β₁ᵗ and 1−β₂ᵗ "
                    + "(t = 1 on the first step) and ε outside the root";

    /** The meanings every case shares, for the quantities OptimizerProbe records. */
    static Case.Builder explained(Case.Builder c) {
        return c.meaning(
                        "m after",
                        "m, the first moment, is wrong: m ← β₁·m + (1−β₁)·g in buffers[0] (β₁, not β₂), with the "
                                + "gradient g alone: AdamW keeps λ·θ out of g, m and v")
                .meaning(
                        "v after",
                        "v, the second moment, is wrong: v ← β₂·v + (1−β₂)·g² in buffers[1] (β₂, not β₁), with the "
                                + "gradient g alone: AdamW keeps λ·θ out of g, m and v")
                .meaning("θ after", THETA_MEANING, "m after", "v after")
                .meaning("the gradient after", "update() modified the gradient (it wrote into g): it must only read it")
                .meaning(
                        "the effective rate after",
                        "effectiveRate must write Adam's rate η / (1 − β₁ᵗ) / (√(v[i] / (1 − β₂ᵗ)) + ε) with the t of "
                                + "the last step (the decay is not part of it)");
    }

    static Case.Builder described(
            Book book, String id, String title, double lr, double b1, double b2, double eps, double wd, String input) {
        return explained(book.add(id, title)
                .formula(FORMULA)
                .input("η = " + OptimizerProbe.num(lr) + ", β₁ = " + OptimizerProbe.num(b1) + ", β₂ = "
                        + OptimizerProbe.num(b2) + ", ε = " + OptimizerProbe.num(eps) + ", λ = "
                        + OptimizerProbe.num(wd) + ", " + input)
                .symbol("η", lr)
                .symbol("β₁", b1)
                .symbol("β₂", b2)
                .symbol("ε", eps)
                .symbol("λ", wd));
    }

    static void steps(
            Book book,
            String id,
            String title,
            double lr,
            double b1,
            double b2,
            double eps,
            double wd,
            int rows,
            int cols,
            double[] start,
            double[][] gradients) {
        described(
                        book,
                        id,
                        title,
                        lr,
                        b1,
                        b2,
                        eps,
                        wd,
                        (rows > 1 && cols > 1 ? "θ is " + rows + "×" + cols + ", " : "") + "θ₀ = "
                                + OptimizerProbe.show(start) + ", g = " + OptimizerProbe.show(gradients))
                .probe(r -> OptimizerProbe.steps(
                        r,
                        new MyAdamW(lr, b1, b2, eps, wd),
                        rows,
                        cols,
                        start,
                        gradients,
                        true,
                        "m=firstMoment",
                        "v=secondMoment"));
    }

    static void steps(
            Book book,
            String id,
            String title,
            double lr,
            double b1,
            double b2,
            double eps,
            double wd,
            double[] start,
            double[][] gradients) {
        steps(book, id, title, lr, b1, b2, eps, wd, start.length, 1, start, gradients);
    }

    static void reset(
            Book book, String id, String title, double wd, double[] start, double[][] before, double[][] after) {
        described(
                        book,
                        id,
                        title,
                        0.1,
                        0.9,
                        0.999,
                        1e-8,
                        wd,
                        "θ₀ = " + OptimizerProbe.show(start) + ", steps with g = " + OptimizerProbe.show(before)
                                + ", reset(), then from θ₀ again with g = " + OptimizerProbe.show(after))
                .meaning(
                        "the step count after reset()",
                        "reset() must put the step count back to 0: the next step is t = 1 again")
                .probe(r -> OptimizerProbe.afterReset(
                        r,
                        new MyAdamW(0.1, 0.9, 0.999, 1e-8, wd),
                        start,
                        before,
                        after,
                        "m=firstMoment",
                        "v=secondMoment"));
    }

    static void twoOptimizers(Book book, String id, String title, double wd, double[] start, double[] g1, double[] g2) {
        book.add(id, title)
                .formula(FORMULA + ", one state per optimizer")
                .input("η = 0.1, β₁ = 0.9, β₂ = 0.999, ε = 1e-8, λ = " + OptimizerProbe.num(wd) + ", θ₀ = "
                        + OptimizerProbe.show(start) + ": a first optimizer steps with g = " + OptimizerProbe.show(g1)
                        + ", a second one then takes its first step with g = " + OptimizerProbe.show(g2)
                        + ", then the first steps with g = " + OptimizerProbe.show(g2))
                .meaning(
                        "how much the second optimizer's step changed the first's",
                        "the state is shared between two optimizers: the second optimizer's step changed the first one's "
                                + "buffers; each optimizer keeps its own")
                .meaning(
                        "θ of the second optimizer",
                        "a new optimizer starts from m = v = 0 and t = 1: its first step is that of a fresh optimizer")
                .meaning(
                        "m of the second optimizer",
                        "a new optimizer starts from m = v = 0 and t = 1: its first step is that of a fresh optimizer")
                .meaning(
                        "θ of the first optimizer",
                        "the first optimizer's second step uses its own state, whatever another optimizer did in between")
                .probe(r -> OptimizerProbe.twoOptimizers(
                        r,
                        () -> new MyAdamW(0.1, 0.9, 0.999, 1e-8, wd),
                        start,
                        g1,
                        g2,
                        "m=firstMoment",
                        "v=secondMoment"));
    }

    static void splitTwice(Book book, String id, String title, double wd, int n) {
        book.add(id, title)
                .formula(FORMULA + ", for from ≤ i < to in each range")
                .input("η = 0.1, β₁ = 0.9, β₂ = 0.999, ε = 1e-8, λ = " + OptimizerProbe.num(wd) + ", " + n
                        + " parameters, two steps with g[i] = ±(1 + (i mod 7)), run 4 times on fresh optimizers")
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
                .probe(r -> OptimizerProbe.splitRuns(r, () -> new MyAdamW(0.1, 0.9, 0.999, 1e-8, wd), n, 4));
    }

    @Override
    public void define(Book book) {
        steps(
                book,
                "worked-example",
                "the worked example: θ = 1 and g = 0.5 give θ = 0.99 after the decay and 0.89 after the step",
                0.1,
                0.9,
                0.999,
                1e-8,
                0.1,
                new double[] {1},
                new double[][] {{0.5}});
        steps(
                book,
                "several-steps",
                "several steps with changing gradients: each decays θ by 1 − ηλ, then takes Adam's step",
                0.1,
                0.9,
                0.999,
                1e-8,
                0.2,
                new double[] {1, -1},
                new double[][] {{1, 2}, {3, -1}, {-2, 0.5}});
        steps(
                book,
                "zero-gradient",
                "a zero gradient from the start: only the decay moves θ, by the factor 1 − ηλ each step",
                0.1,
                0.9,
                0.999,
                1e-8,
                0.5,
                new double[] {2, -3},
                new double[][] {{0, 0}, {0, 0}, {0, 0}});
        steps(
                book,
                "negative-gradient",
                "a negative gradient moves θ up while the decay pulls it toward 0",
                0.05,
                0.9,
                0.999,
                1e-8,
                0.3,
                new double[] {-0.5, 4},
                new double[][] {{-2, -0.25}, {-1, -4}});
        steps(
                book,
                "lambda-zero",
                "with λ = 0 the step is Adam's (exercise 07)",
                0.1,
                0.9,
                0.999,
                1e-8,
                0,
                new double[] {1, -1},
                new double[][] {{1, 2}, {3, -1}, {-2, 0.5}});
        steps(
                book,
                "rows-and-columns",
                "several rows and columns: each element of a 2×3 θ is decayed and stepped on its own",
                0.1,
                0.9,
                0.999,
                1e-8,
                0.2,
                2,
                3,
                new double[] {1, -2, 3, 0.5, 0, -1},
                new double[][] {{0.5, 1, -1, 2, 0, -3}, {1, -0.5, 0, 2, 1, -1}});
        steps(
                book,
                "later-steps",
                "steps after the first: zero and negative gradients, t = 2 to 5 in the corrections, the decay on every step",
                0.1,
                0.8,
                0.99,
                1e-6,
                0.4,
                new double[] {1, -1},
                new double[][] {{-1, 0}, {0, -2}, {0, 0}, {2, -0.5}, {0.1, 0.1}});
        reset(
                book,
                "reset",
                "after reset() the optimizer starts again: step count 0, m = v = 0, t = 1 on the next step",
                0.2,
                new double[] {1, -2},
                new double[][] {{2, -0.5}, {-1, 3}},
                new double[][] {{0.5, 1}, {-1, 2}});
        twoOptimizers(
                book,
                "two-optimizers",
                "two optimizers used one after the other each keep their own state",
                0.2,
                new double[] {1, -2},
                new double[] {2, -0.5},
                new double[] {-1, 3});
        splitTwice(
                book,
                "split-twice",
                "the step split across threads gives the same θ on every run, and the right one",
                0.1,
                1 << 17);
    }
}
