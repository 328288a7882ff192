package optikata.claims.file;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import optikata.claims.Optimizers;
import optikata.objective.Objective;
import optikata.objective.Objectives;
import optikata.optim.AdaGrad;
import optikata.optim.Adam;
import optikata.optim.Momentum;
import optikata.optim.NonFinitePolicy;
import optikata.optim.Optimizer;
import optikata.optim.OptimizerRegistry;
import optikata.optim.OptimizerSpec;
import optikata.optim.RmsPropConfig;
import optikata.run.Runner;
import optikata.run.Trajectory;
import org.ejml.data.DMatrixRMaj;

/**
 * One validated run of a claims file's {@code setup}: an objective or a sequence of gradients, an
 * optimizer of the family with its preset and hyperparameters (an {@link OptimizerSpec}, built
 * through the family's registry), a start and a number of steps.
 *
 * @param objective  the objective's name ({@link Objectives#NAMES}), or null when {@code gradients} drive the run
 * @param gradients  the gradient of each step (row t − 1 for step t), or null with an objective; never both
 * @param start      θ₀
 * @param optimizer  the optimizer, with only the options the file gives (the preset's or the family's defaults
 *                   for the rest)
 * @param steps      how many steps the run takes
 * @param hyperparameters the hyperparameters as the file writes them (key → value), for the report
 */
record RunSetup(
        String objective,
        List<double[]> gradients,
        double[] start,
        OptimizerSpec optimizer,
        int steps,
        Map<String, Object> hyperparameters) {

    /** What tells two runs apart, for the report's settings: the same text means the same run. */
    String signature() {
        StringBuilder sb = new StringBuilder(describe())
                .append(' ')
                .append(optimizer.options())
                .append(' ');
        sb.append(steps).append(' ').append(Arrays.toString(start));
        if (gradients != null) {
            gradients.forEach(g -> sb.append(Arrays.toString(g)));
        }
        return sb.toString();
    }

    int dimension() {
        return start.length;
    }

    /**
     * A fresh optimizer, got through {@code factory} where it makes one of its kind (RMSProp, AdaGrad,
     * Adam, heavy-ball momentum), so a claim from a file runs the same code as the built-in claims.
     */
    Optimizer build(Optimizers factory) {
        Optimizer built = OptimizerRegistry.FAMILY.build(optimizer);
        Record h = built.hyperparameters();
        if (h instanceof RmsPropConfig c) {
            return factory.rmsprop(c);
        }
        if (h instanceof AdaGrad.Config c) {
            return factory.adagrad(c);
        }
        if (h instanceof Adam.Config c) {
            return factory.adam(c);
        }
        if (h instanceof Momentum.Config c && !c.nesterov() && c.nonFinitePolicy() == NonFinitePolicy.REJECT) {
            return factory.momentum(c.learningRate(), c.momentum());
        }
        return built;
    }

    /** Runs the setup: on the objective, or replaying the gradients (then the loss is NaN). */
    Trajectory run(Optimizers factory) {
        Optimizer o = build(factory);
        DMatrixRMaj theta = new DMatrixRMaj(start.length, 1, true, start);
        if (objective != null) {
            return Runner.run(o, Objectives.byName(objective), theta, steps);
        }
        return Runner.replay(o, theta, gradients.subList(0, steps), null);
    }

    /** The objective, built again (objectives are cheap and may hold data). */
    Objective objectiveFunction() {
        return Objectives.byName(objective);
    }

    /** For findings and captions: "rmsprop (preset d2l) on d2l-quadratic", "adam on the given gradients". */
    String describe() {
        List<String> words = new ArrayList<>();
        Object preset = optimizer.options().get(OptimizerSpec.PRESET);
        if (preset != null) {
            words.add("preset " + preset);
        }
        return optimizer.name()
                + (words.isEmpty() ? "" : " (" + String.join(", ", words) + ")")
                + (objective != null
                        ? " on " + objective
                        : gradients != null ? " on the given gradients" : " fed one unit squared gradient at a time");
    }
}
