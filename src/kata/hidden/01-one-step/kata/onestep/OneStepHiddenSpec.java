package kata.onestep;

import java.util.Random;
import optikata.kata.spec.Book;
import optikata.kata.spec.CaseBook;

/** Exercise 01's hidden spec. */
public final class OneStepHiddenSpec implements CaseBook {
    @Override
    public void define(Book book) {
        OneStepSpec.step(
                book,
                "tiny-gradient",
                "a gradient much smaller than √ε is scaled by ε, not blown up",
                0.0,
                1e-6,
                0.0,
                0.01,
                0.9,
                1e-8);
        OneStepSpec.step(
                book,
                "zero-gradient",
                "a zero gradient leaves θ where it is while s decays: s = 0.9·0.5",
                3.0,
                0.0,
                0.5,
                0.01,
                0.9,
                1e-8);
        book.add("generated", "200 generated steps match the formula (fixed seed)")
                .formula(OneStepSpec.FORMULA)
                .input("θ in [−10, 10], g in [−100, 100], s in [0, 100], β in [0, 0.999], α = 0.01, ε = 1e-8")
                .symbol("α", 0.01)
                .symbol("ε", 1e-8)
                .probe(r -> {
                    Random random = new Random(101);
                    double[] s = new double[200];
                    double[] theta = new double[200];
                    for (int i = 0; i < 200; i++) {
                        OneStep.Result result = OneStep.step(
                                random.nextDouble() * 20 - 10,
                                random.nextDouble() * 200 - 100,
                                random.nextDouble() * 100,
                                0.01,
                                random.nextDouble() * 0.999,
                                1e-8);
                        s[i] = result.squaredGradientAverage();
                        theta[i] = result.theta();
                    }
                    r.value("the new s of each step", s);
                    r.value("the new θ of each step", theta);
                });
    }
}
