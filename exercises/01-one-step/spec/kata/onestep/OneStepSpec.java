package kata.onestep;

import optikata.kata.spec.Book;
import optikata.kata.spec.CaseBook;
import optikata.kata.spec.OptimizerProbe;

/** Exercise 01's public spec: each case is one call of {@code OneStep.step}. */
public final class OneStepSpec implements CaseBook {
    static final String FORMULA = "s ← β·s + (1−β)·g², then θ ← θ − α·g / √(s + ε) with the new s";

    /** One call, observing the new s and the new θ separately. */
    static void step(
            Book book, String id, String title, double theta, double g, double s, double lr, double beta, double eps) {
        book.add(id, title)
                .formula(FORMULA)
                .input("θ = " + OptimizerProbe.num(theta) + ", g = " + OptimizerProbe.num(g) + ", s = "
                        + OptimizerProbe.num(s) + ", α = " + OptimizerProbe.num(lr) + ", β = "
                        + OptimizerProbe.num(beta) + ", ε = " + OptimizerProbe.num(eps))
                .symbol("α", lr)
                .symbol("β", beta)
                .symbol("ε", eps)
                .symbol("g", g)
                .symbol("s", s)
                .meaning(
                        "the new s",
                        "the new average s is wrong: s ← β·s + (1−β)·g², β on the old average and (1−β) on g²")
                .meaning(
                        "the new θ",
                        "s is right, so the mistake is in the θ line: θ − α·g / √(s + ε), with the new s and ε inside the root",
                        "the new s")
                .probe(r -> {
                    r.given("θ before the step", theta);
                    r.given("s before the step", s);
                    r.given("g", g);
                    OneStep.Result result = OneStep.step(theta, g, s, lr, beta, eps);
                    if (result == null) {
                        r.text("the new s", "null (step returned null)");
                        return;
                    }
                    r.value("the new s", result.squaredGradientAverage());
                    r.value("the new θ", result.theta());
                });
    }

    @Override
    public void define(Book book) {
        step(
                book,
                "worked-example",
                "the worked example: θ = 1, g = 2, s = 0 gives s = 0.4 and θ ≈ 0.968",
                1.0,
                2.0,
                0.0,
                0.01,
                0.9,
                1e-8);
        step(
                book,
                "second-step",
                "the second step of the example keeps the old average: s = 0.9·0.4 + 0.1·g²",
                0.968377223,
                1.936754447,
                0.4,
                0.01,
                0.9,
                1e-8);
        step(book, "negative-gradient", "a negative gradient moves θ up", -0.5, -3.0, 2.5, 0.1, 0.5, 1e-8);
    }
}
