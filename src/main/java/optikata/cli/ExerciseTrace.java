package optikata.cli;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import optikata.kata.KataLayout;
import optikata.kata.LearnerOptimizer;
import optikata.kata.Stubs;
import optikata.optim.EpsilonPlacement;
import optikata.optim.Optimizer;
import optikata.optim.OptimizerRegistry;
import optikata.optim.OptimizerSpec;
import optikata.optim.OptimizerState;
import optikata.run.Trajectory;
import org.ejml.data.DMatrixRMaj;

/**
 * {@code trace --exercise NN}: the learner's optimizer with the command line's hyperparameters
 * (defaults η = 0.01, β = 0.9, ε = 1e-8, μ = 0.9, β₁ = 0.9, β₂ = 0.999), and the library optimizer
 * that computes the same rule, to draw beside it.
 */
final class ExerciseTrace {
    private final String exercise;
    private final Map<String, Double> values = new LinkedHashMap<>();
    private final Optimizer learner;

    ExerciseTrace(String wanted, OptimizerOptions o) throws IOException {
        KataLayout layout = KataLayout.fromHome();
        this.exercise = layout.resolve(wanted);
        String problem = Stubs.problem(layout, exercise);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        if (o.preset != null || !"rmsprop".equals(o.optimizer)) {
            throw new IllegalArgumentException(
                    "Invalid --exercise: " + wanted + " with --optimizer/--preset (the exercise is the optimizer)");
        }
        LearnerOptimizer lo = LearnerOptimizer.load(layout, layout.exercises(), exercise);
        boolean decays = lo.parameters().contains("weightDecay");
        if ((o.weightDecay != null && !decays) || o.weightDecayForm != null) {
            throw new IllegalArgumentException("Invalid --exercise: " + wanted
                    + " with --weight-decay/--weight-decay-form (only 09's AdamW has a weight decay, --weight-decay,"
                    + " decoupled)");
        }
        values.put("weightDecay", o.weightDecay == null ? 0.01 : o.weightDecay);
        values.put("learningRate", o.learningRate == null ? 0.01 : o.learningRate);
        values.put("decay", o.decay == null ? 0.9 : o.decay);
        values.put("epsilon", o.epsilon == null ? 1e-8 : o.epsilon);
        values.put("momentum", o.momentum == null ? 0.9 : o.momentum);
        values.put("beta1", o.beta1 == null ? 0.9 : o.beta1);
        values.put("beta2", o.beta2 == null ? 0.999 : o.beta2);
        this.learner = new Guarded(lo.build(values), exercise);
    }

    /** The learner's optimizer, with anything it throws turned into one line naming the exercise. */
    private record Guarded(Optimizer inner, String exercise) implements Optimizer {
        private IllegalArgumentException failed(RuntimeException e) {
            String what = e instanceof UnsupportedOperationException && e.getMessage() != null
                    ? e.getMessage()
                    : "your optimizer threw " + e;
            return new IllegalArgumentException("Invalid --exercise: " + exercise + ": " + what);
        }

        @Override
        public String name() {
            return inner.name();
        }

        @Override
        public void step(DMatrixRMaj params, DMatrixRMaj gradient) {
            try {
                inner.step(params, gradient);
            } catch (RuntimeException e) {
                throw failed(e);
            }
        }

        @Override
        public OptimizerState state() {
            try {
                return inner.state();
            } catch (RuntimeException e) {
                throw failed(e);
            }
        }

        @Override
        public void effectiveLearningRate(DMatrixRMaj out) {
            try {
                inner.effectiveLearningRate(out);
            } catch (RuntimeException e) {
                throw failed(e);
            }
        }

        @Override
        public void reset() {
            try {
                inner.reset();
            } catch (RuntimeException e) {
                throw failed(e);
            }
        }

        @Override
        public Record hyperparameters() {
            try {
                return inner.hyperparameters();
            } catch (RuntimeException e) {
                throw failed(e);
            }
        }
    }

    Optimizer learner() {
        return learner;
    }

    /** One line comparing the learner's run with the library's: the largest difference in θ over the common steps. */
    String compare(Trajectory mine, Trajectory library) {
        int n = Math.min(mine.points().size(), library.points().size());
        double worst = 0;
        int at = 0;
        for (int i = 0; i < n; i++) {
            double[] a = mine.points().get(i).theta();
            double[] b = library.points().get(i).theta();
            for (int k = 0; k < Math.min(a.length, b.length); k++) {
                double d = Math.abs(a[k] - b[k]);
                if (!(d <= worst)) {
                    worst = d;
                    at = i;
                }
            }
        }
        return String.format(
                Locale.ROOT,
                "your %s (%s) and the library's %s differ in θ by at most %.3g over %d steps%s",
                exercise,
                mine.optimizer(),
                library.optimizer(),
                worst,
                n - 1,
                worst > 1e-9 * Math.max(1, n) ? " (largest at step " + at + ")" : ": the same run");
    }

    /** The library's optimizer with the same rule and hyperparameters, or null when the exercise has none. */
    Optimizer library() {
        Double lr = values.get("learningRate");
        Double decay = values.get("decay");
        Double eps = values.get("epsilon");
        OptimizerSpec spec = switch (exercise.substring(0, 2)) {
            case "03" -> rmsprop(lr, decay, eps, EpsilonPlacement.INSIDE_ROOT, false, 0.0);
            case "04" -> rmsprop(lr, decay, eps, EpsilonPlacement.OUTSIDE_ROOT, false, 0.0);
            case "05" ->
                OptimizerSpec.of("adagrad")
                        .withLearningRate(lr)
                        .with(OptimizerSpec.EPSILON, eps)
                        .with(OptimizerSpec.EPSILON_PLACEMENT, EpsilonPlacement.OUTSIDE_ROOT)
                        .with(OptimizerSpec.INITIAL_ACCUMULATOR, 0.0);
            case "06" -> rmsprop(lr, decay, eps, EpsilonPlacement.OUTSIDE_ROOT, true, values.get("momentum"));
            case "07" ->
                OptimizerSpec.of("adam")
                        .withLearningRate(lr)
                        .with(OptimizerSpec.EPSILON, eps)
                        .with(OptimizerSpec.BETA1, values.get("beta1"))
                        .with(OptimizerSpec.BETA2, values.get("beta2"));
            case "09" ->
                OptimizerSpec.of("adamw")
                        .withLearningRate(lr)
                        .with(OptimizerSpec.EPSILON, eps)
                        .with(OptimizerSpec.BETA1, values.get("beta1"))
                        .with(OptimizerSpec.BETA2, values.get("beta2"))
                        .with(OptimizerSpec.WEIGHT_DECAY, values.get("weightDecay"));
            default -> null;
        };
        return spec == null ? null : OptimizerRegistry.FAMILY.build(spec);
    }

    /** RMSProp's spec with the accumulator starting at 0; a null value keeps the default. */
    private static OptimizerSpec rmsprop(
            Double lr, Double decay, Double eps, EpsilonPlacement placement, boolean centered, Double momentum) {
        return OptimizerSpec.of("rmsprop")
                .withLearningRate(lr)
                .with(OptimizerSpec.DECAY, decay)
                .with(OptimizerSpec.EPSILON, eps)
                .with(OptimizerSpec.EPSILON_PLACEMENT, placement)
                .with(OptimizerSpec.CENTERED, centered)
                .with(OptimizerSpec.MOMENTUM, momentum)
                .with(OptimizerSpec.INITIAL_ACCUMULATOR, 0.0);
    }
}
