package optikata.claims;

import java.util.function.DoubleFunction;
import optikata.objective.D2lQuadratic;
import optikata.objective.LeastSquares;
import optikata.objective.Objective;
import optikata.objective.Square;
import optikata.optim.Optimizer;
import optikata.optim.RmsPropPreset;
import optikata.optim.Sgd;
import optikata.run.Runner;
import optikata.run.Trajectory;

/**
 * C23: "RMSProp converges faster than plain gradient descent". Measure: steps to reach
 * f − f* ≤ 1e-3, each optimizer with its best learning rate from the same grid (31 values from
 * 1e-3 to 1), at most 2000 steps, on three problems.
 */
public final class C23FasterThanGd extends AbstractClaim {
    static final double TARGET = 1e-3;
    static final int MAX_STEPS = 2000;

    public C23FasterThanGd() {
        super(
                "C23",
                "the NumPy tutorial §1; the image-recognition article §1.1",
                "RMSProp converges faster than plain gradient descent");
    }

    record Problem(String name, Objective objective, double[] start, double minimum) {}

    /** Fewest steps to the target over the learning-rate grid, or MAX_STEPS + 1 when never reached. */
    static int bestSteps(Problem p, DoubleFunction<Optimizer> factory) {
        int best = MAX_STEPS + 1;
        for (int k = 0; k <= 30; k++) {
            double lr = Math.pow(10, -3 + 3.0 * k / 30);
            Trajectory t = Runner.run(
                    factory.apply(lr), p.objective(), Objective.column(p.start().clone()), MAX_STEPS);
            for (int s = 0; s < t.points().size() && s < best; s++) {
                if (t.at(s).loss() - p.minimum() <= TARGET) {
                    best = s;
                    break;
                }
            }
        }
        return best;
    }

    @Override
    public ClaimResult check(ClaimContext context) {
        LeastSquares ls = LeastSquares.tutorial();
        Problem[] problems = {
            new Problem("theta-squared", new Square(), new double[] {1}, 0),
            new Problem("d2l-quadratic", new D2lQuadratic(), new double[] {-5, -2}, 0),
            new Problem("tutorial-least-squares", ls, new double[] {0, 0}, ls.value(ls.minimizer())),
        };
        ClaimResult.Builder b = ClaimResult.of(this)
                .setting("target f − f*", TARGET)
                .setting("most steps", MAX_STEPS)
                .setting("learning rates tried", 31)
                .setting("β", 0.9)
                .setting("ε", 1e-6);
        StringBuilder faster = new StringBuilder();
        StringBuilder slower = new StringBuilder();
        int wins = 0;
        int losses = 0;
        StringBuilder finding =
                new StringBuilder("steps to f − f* ≤ 1e-3 with each one's best η (GD vs RMSProp β 0.9, ε 1e-6): ");
        for (Problem p : problems) {
            int gd = bestSteps(p, Sgd::new);
            int rms = bestSteps(
                    p,
                    lr -> context.optimizers()
                            .rmsprop(RmsPropPreset.D2L.config().toBuilder()
                                    .learningRate(lr)
                                    .build()));
            b.never("gdSteps(" + p.name() + ")", gd > MAX_STEPS ? -1 : gd)
                    .never("rmspropSteps(" + p.name() + ")", rms > MAX_STEPS ? -1 : rms);
            finding.append(String.format(
                    "%s %s against %s; ", p.name(), gd > MAX_STEPS ? "never" : gd, rms > MAX_STEPS ? "never" : rms));
            if (rms < gd) {
                wins++;
                faster.append(p.name()).append(", ");
            } else {
                slower.append(p.name()).append(", ");
                if (rms > gd) {
                    losses++;
                }
            }
        }
        b.measured("problemsWhereRmspropIsFaster", wins).measured("problemsWhereGdIsFaster", losses);
        if (wins == problems.length) {
            return b.verdict(Verdict.HOLDS, finding.toString().replaceAll("; $", ""), null);
        }
        if (wins == 0) {
            return b.verdict(
                    Verdict.ERRATUM,
                    finding.toString().replaceAll("; $", ""),
                    "Gradient descent with a tuned rate was never slower on these " + problems.length + " problems.");
        }
        if (losses == 0) {
            finding.append("ties count as not faster");
        }
        return b.verdict(
                Verdict.QUALIFIED,
                finding.toString().replaceAll("; $", ""),
                "Faster on " + wins + " of " + problems.length + " problems and not on " + (problems.length - wins)
                        + ": "
                        + faster.toString().replaceAll(", $", "") + " (RMSProp faster) against "
                        + slower.toString().replaceAll(", $", "")
                        + " (gradient descent at least as fast). RMSProp wins where one rate cannot suit every coordinate; "
                        + "compare at each method's best η and say to what accuracy.");
    }
}
