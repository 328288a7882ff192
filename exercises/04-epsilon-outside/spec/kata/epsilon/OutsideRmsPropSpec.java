package kata.epsilon;

import optikata.kata.spec.Book;
import optikata.kata.spec.CaseBook;
import optikata.kata.spec.OptimizerProbe;
import org.ejml.data.DMatrixRMaj;

/** Exercise 04's public spec. */
public final class OutsideRmsPropSpec implements CaseBook {
    static final String FORMULA = "s ← β·s + (1−β)·g², θ ← θ − η·g / (√s + ε)  (ε outside the root)";
    static final String RATIO = "stepRatio(g, ε) = √(g² + ε) / (|g| + ε)";

    static void steps(
            Book book,
            String id,
            String title,
            double lr,
            double beta,
            double eps,
            double[] start,
            double[][] gradients) {
        book.add(id, title)
                .formula(FORMULA)
                .input("η = " + OptimizerProbe.num(lr) + ", β = " + beta + ", ε = " + OptimizerProbe.num(eps)
                        + ", θ₀ = " + OptimizerProbe.show(start) + ", g = " + OptimizerProbe.show(gradients))
                .symbol("η", lr)
                .symbol("β", beta)
                .symbol("ε", eps)
                .meaning(
                        "s after",
                        "s, the running average of g², is wrong: s[i] ← β·s[i] + (1−β)·g[i]² in buffers[0].data")
                .meaning(
                        "θ after",
                        "s is right, so the mistake is in the θ line: θ[i] − η·g[i] / (√s[i] + ε), ε outside the root",
                        "s after")
                .meaning("the gradient after", "update() modified the gradient (it wrote into g): it must only read it")
                .meaning(
                        "the effective rate after",
                        "effectiveRate must write η / (√s[i] + ε) into out[i] for every i < n")
                .probe(r -> OptimizerProbe.steps(
                        r,
                        new OutsideRmsProp(lr, beta, eps),
                        start.length,
                        1,
                        start,
                        gradients,
                        true,
                        "s=squaredGradientAverage"));
    }

    static void ratios(Book book, String id, String title, double[] gs, double[] epss) {
        book.add(id, title)
                .formula(RATIO)
                .meaning(
                        "stepRatio",
                        "the ratio compares both forms at s = g²: the outside form's step |g| / (|g| + ε) divided by the "
                                + "inside form's step |g| / √(g² + ε), each denominator in its own parentheses")
                .input("(g, ε) = " + java.util.Arrays.toString(gs) + " with " + java.util.Arrays.toString(epss))
                .tolerance(1e-9)
                .probe(r -> {
                    double[] out = new double[gs.length];
                    for (int i = 0; i < gs.length; i++) {
                        out[i] = OutsideRmsProp.stepRatio(gs[i], epss[i]);
                    }
                    r.value("stepRatio for each (g, ε)", out);
                });
    }

    @Override
    public void define(Book book) {
        steps(
                book,
                "tiny-gradients",
                "two steps with tiny gradients, where the placement of ε matters",
                0.01,
                0.9,
                1e-8,
                new double[] {0.5, -0.5},
                new double[][] {{1e-4, -3e-5}, {2e-4, 1e-5}});
        steps(book, "ordinary-steps", "three ordinary steps", 0.1, 0.5, 0.25, new double[] {1, 2}, new double[][] {
            {2, -1}, {1, 1}, {-0.5, 3}
        });
        ratios(
                book,
                "ratio",
                "the two forms agree for g = 1 and differ by about √2 for g² = ε, whatever the sign of g",
                new double[] {1.0, 1e-4, -1e-4},
                new double[] {1e-8, 1e-8, 1e-8});
        book.add(
                        "many-elements",
                        "a step on 2²⁰ elements, which the base class splits into ranges: every range from `from` to `to`")
                .formula("update elements from ≤ i < to only")
                .input("2²⁰ parameters from θ = 1, one step then another, g[i] = 1 + (i mod 5)")
                .meaning(
                        "θ at",
                        "with many elements update() is called once per range: loop from `from` to `to`, not from 0 or to n")
                .probe(r -> {
                    int n = 1 << 20;
                    DMatrixRMaj theta = new DMatrixRMaj(n, 1);
                    DMatrixRMaj g = new DMatrixRMaj(n, 1);
                    for (int i = 0; i < n; i++) {
                        theta.data[i] = 1;
                        g.data[i] = 1 + (i % 5);
                    }
                    OutsideRmsProp mine = new OutsideRmsProp(0.02, 0.9, 1e-8);
                    mine.step(theta, g);
                    mine.step(theta, g);
                    int[] at = {0, 1, n / 4 - 1, n / 4, n / 2 - 1, n / 2, n / 2 + 1, 3 * n / 4, n - 2, n - 1};
                    double[] sample = new double[at.length];
                    for (int k = 0; k < at.length; k++) {
                        sample[k] = theta.data[at[k]];
                    }
                    double sum = 0;
                    for (int i = 0; i < n; i++) {
                        sum += theta.data[i];
                    }
                    r.value("θ at ten elements across the range after two steps", sample);
                    r.value("the sum of θ over all elements after two steps", sum);
                });
        // probes that tell behaviours apart: zero and negative gradients, the ratio at g = 0, two optimizers one
        // after the other, the split step run several times
        steps(
                book,
                "zero-and-negative-gradients",
                "zero and negative gradients: a zero gradient still decays s, steps 2 and 3 as well as step 1",
                0.01,
                0.9,
                1e-8,
                new double[] {1, -2, 0.5},
                new double[][] {{2, 0, -0.5}, {0, -1, 0}, {-3, 0, 0.25}});
        ratios(
                book,
                "ratio-at-zero",
                "the ratio at g = 0 is its limit √ε/ε, the same for +g and −g",
                new double[] {0.0, 2.0, -2.0, -1e-4},
                new double[] {1e-8, 1e-6, 1e-6, 1e-8});
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
                        () -> new OutsideRmsProp(0.01, 0.9, 1e-8),
                        new double[] {1, -2},
                        new double[] {2, -0.5},
                        new double[] {-1, 3},
                        "s=squaredGradientAverage"));
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
                .probe(r -> OptimizerProbe.splitRuns(r, () -> new OutsideRmsProp(0.01, 0.9, 1e-8), 1 << 17, 4));
    }
}
