package kata.adam;

import optikata.kata.spec.Book;
import optikata.kata.spec.CaseBook;
import optikata.kata.spec.OptimizerProbe;

/** Exercise 07's public spec. */
public final class MyAdamSpec implements CaseBook {
    static final String FORMULA =
            "m ← β₁·m + (1−β₁)·g, v ← β₂·v + (1−β₂)·g², θ ← θ − η·(m/(1−β₁ᵗ)) / (√(v/(1−β₂ᵗ)) + ε), t = 1, 2, ...";

    static void steps(
            Book book,
            String id,
            String title,
            double lr,
            double b1,
            double b2,
            double eps,
            double[] start,
            double[][] gradients) {
        book.add(id, title)
                .formula(FORMULA)
                .input("η = " + lr + ", β₁ = " + b1 + ", β₂ = " + b2 + ", ε = " + eps + ", θ₀ = "
                        + OptimizerProbe.show(start) + ", g = " + OptimizerProbe.show(gradients))
                .symbol("η", lr)
                .symbol("β₁", b1)
                .symbol("β₂", b2)
                .symbol("ε", eps)
                .meaning("m after", "m, the first moment, is wrong: m ← β₁·m + (1−β₁)·g in buffers[0] (β₁, not β₂)")
                .meaning("v after", "v, the second moment, is wrong: v ← β₂·v + (1−β₂)·g² in buffers[1] (β₂, not β₁)")
                .meaning(
                        "θ after",
                        "m and v are right, so the mistake is in the θ line: the bias corrections 1−β₁ᵗ and 1−β₂ᵗ "
                                + "(t = 1 on the first step) and ε outside the root",
                        "m after",
                        "v after")
                .meaning("the gradient after", "update() modified the gradient (it wrote into g): it must only read it")
                .meaning(
                        "the effective rate after",
                        "effectiveRate must write η / (1 − β₁ᵗ) / (√(v[i] / (1 − β₂ᵗ)) + ε) with the t of the last step")
                .probe(r -> OptimizerProbe.steps(
                        r,
                        new MyAdam(lr, b1, b2, eps),
                        start.length,
                        1,
                        start,
                        gradients,
                        true,
                        "m=firstMoment",
                        "v=secondMoment"));
    }

    @Override
    public void define(Book book) {
        steps(
                book,
                "first-step",
                "the first step is η·g/(|g| + ε): θ moves by −0.1 for g = 3",
                0.1,
                0.9,
                0.999,
                1e-8,
                new double[] {0, 0},
                new double[][] {{3, -0.02}});
        steps(
                book,
                "three-steps",
                "three steps with changing gradients use 1 − β₁ᵗ and 1 − β₂ᵗ for t = 1, 2, 3",
                0.1,
                0.9,
                0.999,
                1e-8,
                new double[] {1, -1},
                new double[][] {{1, 2}, {3, -1}, {-2, 0.5}});
        // probes that tell behaviours apart: zero and negative gradients on later steps, two optimizers one after the
        // other, the split step run several times
        steps(
                book,
                "zero-and-negative-gradients",
                "zero and negative gradients: m and v still decay, and steps 2 to 4 use t = 2 to 4",
                0.1,
                0.9,
                0.999,
                1e-8,
                new double[] {1, -1},
                new double[][] {{-1, 0}, {0, -2}, {0, 0}, {2, -0.5}});
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
                        "a new optimizer starts from m = v = 0 and t = 1: its first step is that of a fresh optimizer")
                .meaning(
                        "m of the second optimizer",
                        "a new optimizer starts from m = v = 0 and t = 1: its first step is that of a fresh optimizer")
                .meaning(
                        "θ of the first optimizer",
                        "the first optimizer's second step uses its own state, whatever another optimizer did in between")
                .probe(r -> OptimizerProbe.twoOptimizers(
                        r,
                        () -> new MyAdam(0.1, 0.9, 0.999, 1e-8),
                        new double[] {1, -2},
                        new double[] {2, -0.5},
                        new double[] {-1, 3},
                        "m=firstMoment",
                        "v=secondMoment"));
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
                .probe(r -> OptimizerProbe.splitRuns(r, () -> new MyAdam(0.1, 0.9, 0.999, 1e-8), 1 << 17, 4));
    }
}
