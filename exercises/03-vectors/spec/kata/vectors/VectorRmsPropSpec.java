package kata.vectors;

import optikata.kata.spec.Book;
import optikata.kata.spec.CaseBook;
import optikata.kata.spec.OptimizerProbe;
import org.ejml.data.DMatrixRMaj;

/** Exercise 03's public spec: the formula, the state kept between steps, and the Optimizer contract. */
public final class VectorRmsPropSpec implements CaseBook {
    static final String FORMULA = "s[i] ← β·s[i] + (1−β)·g[i]², θ[i] ← θ[i] − η·g[i]/√(s[i] + ε), s kept between steps";
    static final String S = "s=squaredGradientAverage";

    /** Steps from {@code start} through {@code gradients}, observing θ, s, g, the step count and the rate after each. */
    static void steps(
            Book book,
            String id,
            String title,
            double lr,
            double beta,
            double eps,
            int rows,
            int cols,
            double[] start,
            double[][] gradients) {
        book.add(id, title)
                .formula(FORMULA)
                .input("η = " + OptimizerProbe.num(lr) + ", β = " + beta + ", ε = " + OptimizerProbe.num(eps)
                        + ", θ₀ = " + OptimizerProbe.show(start) + ", "
                        + gradients.length + (gradients.length == 1 ? " step" : " steps") + " with g = "
                        + OptimizerProbe.show(gradients))
                .symbol("η", lr)
                .symbol("β", beta)
                .symbol("ε", eps)
                .meaning(
                        "s after",
                        "s, the running average of g², is wrong: s[i] ← β·s[i] + (1−β)·g[i]², kept from the previous step")
                .meaning(
                        "θ after",
                        "s is right, so the mistake is in the θ line: θ[i] − η·g[i] / √(s[i] + ε) with the new s",
                        "s after")
                .meaning(
                        "the gradient after",
                        "step() modified the gradient (it wrote into g): the contract says it only reads g, a caller may reuse it")
                .meaning("the step count after", "state().step() must count the steps taken: add one in every step")
                .meaning(
                        "the effective rate after",
                        "effectiveLearningRate must write η / √(s[i] + ε) for every element, with the current s")
                .probe(r -> OptimizerProbe.steps(
                        r, new VectorRmsProp(lr, beta, eps), rows, cols, start, gradients, true, S));
    }

    @Override
    public void define(Book book) {
        steps(
                book,
                "first-step",
                "the first step moves every coordinate by η/√(1−β), whatever the size of its gradient",
                0.01,
                0.9,
                1e-8,
                2,
                1,
                new double[] {1, -2},
                new double[][] {{2, -0.5}});
        steps(
                book,
                "three-steps",
                "three steps keep s between steps",
                0.01,
                0.9,
                1e-8,
                3,
                1,
                new double[] {1, -2, 0.5},
                new double[][] {{2, -0.5, 1}, {1.5, 0.2, -1}, {-3, 0.1, 0.5}});
        book.add(
                        "wrong-shape",
                        "a gradient of another shape is rejected with IllegalArgumentException naming both shapes, and nothing changes")
                .formula("check params.numRows/numCols against gradient.numRows/numCols before changing anything")
                .input("one step with g = (2, −1), then a 3x1 gradient for 2x1 parameters")
                .meaning(
                        "what step() does",
                        "a gradient of the wrong shape must be rejected with IllegalArgumentException before the loop")
                .meaning(
                        "whether the exception's message",
                        "the message of the IllegalArgumentException should name both shapes, e.g. 2x1 and 3x1")
                .meaning(
                        "how much the rejected step changed θ",
                        "the rejected step changed θ: check the shapes before the loop, not inside it")
                .meaning(
                        "how much the rejected step changed s",
                        "the rejected step changed s: check the shapes before touching the state")
                .meaning(
                        "whether s exists",
                        "the rejected first step left an s behind: check the shapes before allocating s")
                .meaning(
                        "how much the rejected step changed the step count", "a rejected step must not count as a step")
                .probe(r -> OptimizerProbe.rejectsWrongShape(
                        r, new VectorRmsProp(0.01, 0.9, 1e-8), new double[][] {{2, -1}}, S));
        book.add("rate-before-first-step", "before the first step the effective learning rate is η everywhere")
                .formula("effectiveLearningRate before any step: every entry is η (the Optimizer contract)")
                .input("η = 0.01, a 2x1 output matrix, no step taken")
                .meaning(
                        "the effective rate before",
                        "before the first step there is no s yet: the contract says every entry is η")
                .probe(r -> {
                    DMatrixRMaj rate = new DMatrixRMaj(2, 1);
                    new VectorRmsProp(0.01, 0.9, 1e-8).effectiveLearningRate(rate);
                    r.value("the effective rate before any step", rate);
                });
        book.add(
                        "transposed-shape",
                        "a gradient with as many elements but another shape (1x3 or 3x3 for 3x1 parameters) is rejected too")
                .formula("compare numRows and numCols, both")
                .input("one step with g = (1, −2, 0.5), then a 1x3 and a 3x3 gradient for 3x1 parameters")
                .meaning(
                        "what step() does",
                        "a gradient with the same number of elements but another shape must be rejected: compare "
                                + "numRows and numCols, not only one of them or the element count")
                .probe(r -> {
                    VectorRmsProp mine = new VectorRmsProp(0.01, 0.9, 1e-8);
                    DMatrixRMaj theta = OptimizerProbe.column(1, 2, 3);
                    mine.step(theta, OptimizerProbe.column(1, -2, 0.5));
                    r.outcome(
                            "what step() does with a 1x3 gradient for 3x1 parameters",
                            () -> mine.step(theta, new DMatrixRMaj(1, 3, true, 1, 1, 1)));
                    r.outcome(
                            "what step() does with a 3x3 gradient for 3x1 parameters",
                            () -> mine.step(theta, new DMatrixRMaj(3, 3, true, 1, 1, 1, 1, 1, 1, 1, 1, 1)));
                });
        book.add("wrong-shape-first-step", "a wrong shape on the very first step is rejected and leaves no s behind")
                .formula("check the shapes before allocating s")
                .input("a 3x1 gradient for 2x1 parameters as the first call")
                .meaning(
                        "what step() does",
                        "a gradient of the wrong shape must be rejected with IllegalArgumentException, also on the first step")
                .meaning(
                        "whether s exists",
                        "the rejected first step left an s behind: check the shapes before allocating s")
                .meaning(
                        "how much the rejected step changed the step count", "a rejected step must not count as a step")
                .probe(r ->
                        OptimizerProbe.rejectsWrongShape(r, new VectorRmsProp(0.01, 0.9, 1e-8), new double[0][], S));
        // probes that tell behaviours apart: zero and negative gradients on several rows and columns, two optimizers
        // one after the other, the shapes of s and of the effective rate
        steps(
                book,
                "rows-and-columns",
                "a 2x3 θ with zero and negative gradients: every element on its own, steps 2 and 3 as well as step 1",
                0.01,
                0.9,
                1e-8,
                2,
                3,
                new double[] {1, -2, 0.5, 0, 3, -1},
                new double[][] {{2, 0, -0.5, 1, 0, -3}, {0, -1, 0.25, 0, 2, 1}, {-1, 0, 0, 3, -2, 0.5}});
        book.add("two-optimizers", "two optimizers used one after the other each keep their own s")
                .formula(FORMULA + ", one s per optimizer")
                .input(
                        "η = 0.01, β = 0.9, ε = 1e-8, θ₀ = (1, −2): a first optimizer steps with g = (2, −0.5), a second "
                                + "one then takes its first step with g = (−1, 3), then the first steps with g = (−1, 3)")
                .meaning(
                        "how much the second optimizer's step changed the first's",
                        "s is shared between two optimizers: the second optimizer's step changed the first one's s; "
                                + "each optimizer keeps its own")
                .meaning(
                        "s of the second optimizer",
                        "a new optimizer's s starts at 0: its first step gives s[i] = (1−β)·g[i]²")
                .meaning(
                        "θ of the second optimizer",
                        "a new optimizer's first step moves θ[i] by η·g[i] / √((1−β)·g[i]² + ε)")
                .meaning(
                        "θ of the first optimizer",
                        "the first optimizer's second step uses its own s, whatever another optimizer did in between")
                .probe(r -> OptimizerProbe.twoOptimizers(
                        r,
                        () -> new VectorRmsProp(0.01, 0.9, 1e-8),
                        new double[] {1, -2},
                        new double[] {2, -0.5},
                        new double[] {-1, 3},
                        S));
        book.add("shapes", "s and the effective rate have θ's shape, 2x3, not the transposed 3x2")
                .formula("s and the effective rate: one entry per entry of θ, in θ's shape (rows × columns)")
                .input("θ 2x3, one step with g = ((1, 2, 3), (4, 5, 6))")
                .meaning(
                        "the shape of",
                        "s and the effective rate must have θ's shape, 2x3 (numRows × numCols, in that order)")
                .probe(r -> OptimizerProbe.shapes(
                        r, new VectorRmsProp(0.01, 0.9, 1e-8), 2, 3, new double[] {1, 2, 3, 4, 5, 6}, S));
    }
}
