package optikata.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import optikata.conformance.Agreement;
import optikata.diagnose.Diagnoser;
import optikata.mistakes.RmsPropMistake;
import optikata.objective.Objective;
import optikata.optim.Optimizer;
import optikata.optim.RmsProp;
import optikata.optim.RmsPropConfig;
import optikata.run.Runner;
import optikata.run.Trace;
import optikata.run.Trajectory;

/** For {@code diagnose}: the matched form replayed in float64 and under the given precision options. */
final class PrecisionCheck {
    private PrecisionCheck() {}

    static String describe(Trace trace, Diagnoser.Fit fit, PrecisionOptions precision) {
        if (fit.mistake() != RmsPropMistake.NONE) {
            return "Precision:  not compared (the best match is a mistake, not an RMSProp form)";
        }
        RmsPropConfig c = RmsPropConfig.builder()
                .learningRate(fit.learningRate())
                .decay(fit.decay())
                .epsilon(fit.epsilon())
                .epsilonPlacement(fit.placement())
                .initialAccumulator(fit.initialAccumulator())
                .build();
        Agreement float64 = agreement(trace, new RmsProp(c));
        Agreement given = agreement(trace, precision.apply(new RmsProp(c)));
        return String.format(
                Locale.ROOT,
                "Precision:  the matched form in float64 differs from the trace by %s; with %s by %s",
                float64.describe(),
                describe(precision),
                given.describe());
    }

    private static Agreement agreement(Trace trace, Optimizer o) {
        Trajectory t = Runner.replay(o, Objective.column(trace.start().clone()), trace.gradients(), null);
        double[][] replayed = new double[t.points().size()][];
        for (int k = 0; k < replayed.length; k++) {
            replayed[k] = t.at(k).theta();
        }
        List<double[]> recorded = new ArrayList<>();
        recorded.add(trace.start());
        recorded.addAll(trace.thetas());
        return Agreement.of(replayed, recorded.toArray(double[][]::new));
    }

    private static String describe(PrecisionOptions p) {
        List<String> parts = new ArrayList<>();
        if (p.hyperparameterPrecision != null) {
            parts.add("--hyperparameter-precision "
                    + p.hyperparameterPrecision.name().toLowerCase(Locale.ROOT));
        }
        if (p.arithmetic != null) {
            parts.add("--precision " + p.arithmetic.name().toLowerCase(Locale.ROOT));
        }
        if (p.operationOrder != null) {
            parts.add("--operation-order " + p.operationOrder.name().toLowerCase(Locale.ROOT));
        }
        if (p.negativeVariance != null) {
            parts.add("--negative-variance " + p.negativeVariance.name().toLowerCase(Locale.ROOT));
        }
        return String.join(" ", parts);
    }
}
