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
    }
}
