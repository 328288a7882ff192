package kata.centered;

import optikata.kata.spec.Book;
import optikata.kata.spec.CaseBook;
import optikata.kata.spec.OptimizerProbe;

/** Exercise 06's public spec. */
public final class CenteredMomentumSpec implements CaseBook {
    static final String FORMULA =
            "s ← β·s + (1−β)·g², ḡ ← β·ḡ + (1−β)·g, d = √(s − ḡ²) + ε, b ← μ·b + g/d, θ ← θ − η·b";

    static void steps(
            Book book,
            String id,
            String title,
            double lr,
            double beta,
            double eps,
            double mu,
            double[] start,
            double[][] gradients) {
        book.add(id, title)
                .formula(FORMULA)
                .input("η = " + OptimizerProbe.num(lr) + ", β = " + beta + ", ε = " + OptimizerProbe.num(eps) + ", μ = "
                        + mu + ", θ₀ = " + OptimizerProbe.show(start) + ", g = " + OptimizerProbe.show(gradients))
                .symbol("η", lr)
                .symbol("β", beta)
                .symbol("ε", eps)
                .symbol("μ", mu)
                .meaning("s after", "s, the running average of g², is wrong: s ← β·s + (1−β)·g² in buffers[0]")
                .meaning("ḡ after", "ḡ, the running average of g itself, is wrong: ḡ ← β·ḡ + (1−β)·g in buffers[1]")
                .meaning(
                        "b after",
                        "s and ḡ are right but the momentum buffer b is not: b ← μ·b + g / (√(s − ḡ²) + ε) in buffers[2]",
                        "s after",
                        "ḡ after")
                .meaning(
                        "θ after",
                        "s, ḡ and b are right, so the mistake is in the θ line: θ ← θ − η·b",
                        "s after",
                        "ḡ after",
                        "b after")
                .meaning("the gradient after", "update() modified the gradient (it wrote into g): it must only read it")
                .meaning(
                        "the effective rate after",
                        "effectiveRate must write η / (√(s[i] − ḡ[i]²) + ε), the rate of the centered form")
                .probe(r -> OptimizerProbe.steps(
                        r,
                        new CenteredMomentumRmsProp(lr, beta, eps, mu),
                        start.length,
                        1,
                        start,
                        gradients,
                        true,
                        "s=squaredGradientAverage",
                        "ḡ=gradientAverage",
                        "b=momentumBuffer"));
    }

    @Override
    public void define(Book book) {
        steps(
                book,
                "worked-example",
                "the worked example: one step with g = 2 moves θ by −η·2/0.6",
                0.1,
                0.9,
                1e-8,
                0.5,
                new double[] {0},
                new double[][] {{2}});
        steps(
                book,
                "four-steps",
                "four steps keep all three buffers",
                0.05,
                0.8,
                1e-8,
                0.9,
                new double[] {1, -1},
                new double[][] {{1, -2}, {0.5, 0.5}, {-1, 1}, {2, 0.1}});
        double[][] same = new double[80][];
        for (int i = 0; i < 80; i++) {
            same[i] = new double[] {0.7};
        }
        steps(
                book,
                "same-gradient-80-steps",
                "80 steps of the same gradient with β = 0.5: s − ḡ² rounds a hair below 0 and must be clamped at 0",
                0.02,
                0.5,
                1e-8,
                0.9,
                new double[] {-2},
                same);
        // probes that tell behaviours apart: a zero gradient where the decay and the momentum still act, negative
        // gradients, two optimizers one after the other, the split step run several times
        steps(
                book,
                "zero-gradient-steps",
                "a zero gradient still decays s and ḡ and still moves θ by the momentum b; negative gradients too",
                0.05,
                0.8,
                1e-8,
                0.9,
                new double[] {1, -1},
                new double[][] {{1, -2}, {0, 0}, {-0.5, 0}, {0, 1.5}});
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
                        "a new optimizer starts from s = ḡ = b = 0: its first step is that of a fresh optimizer")
                .meaning(
                        "s of the second optimizer",
                        "a new optimizer starts from s = ḡ = b = 0: its first step is that of a fresh optimizer")
                .meaning(
                        "θ of the first optimizer",
                        "the first optimizer's second step uses its own state, whatever another optimizer did in between")
                .probe(r -> OptimizerProbe.twoOptimizers(
                        r,
                        () -> new CenteredMomentumRmsProp(0.05, 0.8, 1e-8, 0.9),
                        new double[] {1, -2},
                        new double[] {2, -0.5},
                        new double[] {-1, 3},
                        "s=squaredGradientAverage",
                        "ḡ=gradientAverage",
                        "b=momentumBuffer"));
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
                .probe(r -> OptimizerProbe.splitRuns(
                        r, () -> new CenteredMomentumRmsProp(0.05, 0.8, 1e-8, 0.9), 1 << 17, 4));
    }
}
