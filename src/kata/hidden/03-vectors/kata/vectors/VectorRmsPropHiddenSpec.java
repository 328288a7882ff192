package kata.vectors;

import java.util.Random;
import optikata.kata.spec.Book;
import optikata.kata.spec.CaseBook;
import optikata.kata.spec.OptimizerProbe;
import org.ejml.data.DMatrixRMaj;

/** Exercise 03's hidden spec. */
public final class VectorRmsPropHiddenSpec implements CaseBook {
    @Override
    public void define(Book book) {
        Random random = new Random(303);
        double[][] gradients = new double[50][6];
        for (double[] g : gradients) {
            for (int i = 0; i < 6; i++) {
                g[i] = random.nextGaussian() * Math.pow(10, random.nextInt(5) - 2);
            }
        }
        VectorRmsPropSpec.steps(
                book,
                "matrix-shape",
                "50 steps on a 2x3 matrix (fixed seed)",
                0.05,
                0.95,
                1e-6,
                2,
                3,
                new double[6],
                gradients);
        book.add("reset", "reset() forgets s and the step count: the next step is a first step again")
                .formula("after reset(), s starts from 0 again and state().step() from 0")
                .input("one step with g = 5, reset(), then one step with g = 1 from θ = 0")
                .meaning(
                        "θ after the step",
                        "reset() does not forget s: after reset() the next step must start from s = 0 again")
                .meaning("the step count", "reset() must set the step count back to 0")
                .probe(r -> {
                    VectorRmsProp mine = new VectorRmsProp(0.01, 0.9, 1e-8);
                    mine.step(OptimizerProbe.column(0), OptimizerProbe.column(5));
                    mine.reset();
                    r.value("the step count after reset()", mine.state().step());
                    DMatrixRMaj fresh = OptimizerProbe.column(0);
                    mine.step(fresh, OptimizerProbe.column(1));
                    r.value("θ after the step that follows reset()", fresh);
                    r.value(
                            "the step count after the step that follows reset()",
                            mine.state().step());
                });
        book.add(
                        "transposed-shape",
                        "a 1x2 or a 2x2 gradient for 2x1 parameters is rejected too: compare the rows and the columns")
                .formula("compare numRows and numCols, both")
                .input("one step with g = (2, −1), then a 1x2 and a 2x2 gradient for 2x1 parameters")
                .meaning(
                        "what step() does",
                        "a gradient with the same number of elements but another shape must be rejected: compare "
                                + "numRows and numCols, not only one of them or the element count")
                .probe(r -> {
                    VectorRmsProp mine = new VectorRmsProp(0.01, 0.9, 1e-8);
                    DMatrixRMaj theta = OptimizerProbe.column(1, 2);
                    mine.step(theta, OptimizerProbe.column(2, -1));
                    r.outcome(
                            "what step() does with a 1x2 gradient for 2x1 parameters",
                            () -> mine.step(theta, new DMatrixRMaj(1, 2, true, 1, 1)));
                    r.outcome(
                            "what step() does with a 2x2 gradient for 2x1 parameters",
                            () -> mine.step(theta, new DMatrixRMaj(2, 2, true, 1, 1, 1, 1)));
                });
        book.add("wrong-shape-first", "a wrong shape on the very first step is rejected and leaves no state behind")
                .formula("check the shapes before allocating s")
                .input("a 3x1 gradient for 2x1 parameters as the first call")
                .probe(r -> OptimizerProbe.rejectsWrongShape(
                        r, new VectorRmsProp(0.01, 0.9, 1e-8), new double[0][], VectorRmsPropSpec.S));
    }
}
