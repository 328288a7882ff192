package optikata.diagnose;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import optikata.mistakes.MistakenRmsProp;
import optikata.mistakes.RmsPropMistake;
import optikata.optim.EpsilonPlacement;
import optikata.optim.NonFinitePolicy;
import optikata.optim.Optimizer;
import optikata.optim.RmsPropConfig;
import optikata.optim.RmsPropPreset;
import optikata.run.Replay;
import optikata.run.Trace;
import org.ejml.data.DMatrixRMaj;

/**
 * Finds which RMSProp form or classic mistake reproduces a recorded run. Every candidate (each
 * {@link RmsPropMistake}, both ε placements, accumulators starting at 0 or 1) is fitted: β and ε
 * from grids of the values frameworks use, the learning rate in closed form from the first step
 * (every candidate's step is linear in η), then replayed on the recorded gradients and scored by
 * the relative error of its parameters. One engine for the command line, the kata and the grader.
 */
public final class Diagnoser {
    static final double[] DECAYS = {0.5, 0.8, 0.9, 0.95, 0.99, 0.999};
    static final double[] EPSILONS = {1e-10, 1e-8, 1e-7, 1e-6, 1e-4};
    static final double[] STARTS = {0.0, 1.0};
    /** A candidate whose residual is within this of the best is reported as indistinguishable. */
    static final double TIE = 1e-9;
    /** Above this residual no known form explains the trace. */
    public static final double NO_MATCH = 1e-3;

    private Diagnoser() {}

    /** One fitted candidate. */
    public record Fit(
            RmsPropMistake mistake,
            EpsilonPlacement placement,
            double learningRate,
            double decay,
            double epsilon,
            double initialAccumulator,
            double residual) {
        public String describe() {
            String where = placement == EpsilonPlacement.INSIDE_ROOT ? "inside" : "outside";
            String other = placement == EpsilonPlacement.INSIDE_ROOT ? "outside" : "inside";
            String form = mistake == RmsPropMistake.EPSILON_MISPLACED
                    ? "epsilon-misplaced (meant ε " + where + " the root, wrote it " + other + ")"
                    : (mistake == RmsPropMistake.NONE ? "correct RMSProp" : mistake.id()) + ", ε " + where
                            + " the root";
            return String.format(
                    Locale.ROOT,
                    "%s (η = %.6g, β = %s, ε = %s, s₀ = %s)",
                    form,
                    learningRate,
                    decay,
                    epsilon,
                    initialAccumulator);
        }
    }

    /**
     * The outcome.
     *
     * @param best           the best fit, or null when nothing fits within {@link #NO_MATCH}
     * @param alternatives   other candidates the trace cannot tell apart from the best
     * @param presets        framework presets consistent with a correct best fit
     * @param firstDeviation the first step at which the trace leaves the correct update with the fitted
     *                       hyperparameters (0 when it never does)
     */
    public record Diagnosis(
            Fit best, List<Fit> alternatives, List<String> presets, int firstDeviation, int stepsUsed, Fit closest) {
        public boolean matched() {
            return best != null;
        }
    }

    public static Diagnosis diagnose(Trace trace) {
        List<Fit> fits = new ArrayList<>();
        for (RmsPropMistake mistake : RmsPropMistake.values()) {
            for (EpsilonPlacement placement : EpsilonPlacement.values()) {
                for (double s0 : STARTS) {
                    for (double beta : DECAYS) {
                        for (double eps : EPSILONS) {
                            Fit f = fit(trace, mistake, placement, beta, eps, s0);
                            if (f != null) {
                                fits.add(f);
                            }
                        }
                    }
                }
            }
        }
        fits.sort(Comparator.comparingDouble(Fit::residual).thenComparing(Fit::mistake));
        Fit closest = fits.isEmpty() ? null : fits.get(0);
        if (closest == null || !(closest.residual() <= NO_MATCH)) {
            return new Diagnosis(null, List.of(), List.of(), 0, trace.steps(), closest);
        }
        // Candidates the trace cannot tell apart from the best: one line per other mistake.
        List<Fit> ties = new ArrayList<>();
        List<Fit> tiedCorrect = new ArrayList<>();
        for (Fit f : fits) {
            if (f.residual() > closest.residual() + TIE) {
                break;
            }
            if (f.mistake() == RmsPropMistake.NONE) {
                tiedCorrect.add(f);
            }
            if (f.mistake() != closest.mistake() && ties.stream().noneMatch(x -> x.mistake() == f.mistake())) {
                ties.add(f);
            }
        }
        List<String> presets = new ArrayList<>();
        if (closest.mistake() == RmsPropMistake.NONE) {
            for (RmsPropPreset p : RmsPropPreset.values()) {
                RmsPropConfig c = p.config();
                if (tiedCorrect.stream()
                        .anyMatch(f -> c.epsilonPlacement() == f.placement()
                                && c.initialAccumulator() == f.initialAccumulator()
                                && c.decay() == f.decay()
                                && c.epsilon() == f.epsilon())) {
                    presets.add(p.id());
                }
            }
        }
        Fit correct = closest.mistake() == RmsPropMistake.NONE
                ? closest
                : new Fit(
                        RmsPropMistake.NONE,
                        closest.placement(),
                        closest.learningRate(),
                        closest.decay(),
                        closest.epsilon(),
                        closest.initialAccumulator(),
                        Double.NaN);
        return new Diagnosis(closest, ties, presets, firstDeviation(trace, correct), trace.steps(), closest);
    }

    static Optimizer candidate(
            RmsPropMistake mistake, EpsilonPlacement placement, double lr, double beta, double eps, double s0) {
        RmsPropConfig c = RmsPropConfig.builder()
                .learningRate(lr)
                .decay(beta)
                .epsilon(eps)
                .epsilonPlacement(placement)
                .initialAccumulator(s0)
                .nonFinitePolicy(NonFinitePolicy.PROPAGATE)
                .build();
        return new MistakenRmsProp(c, mistake);
    }

    /** Fits η from the first step, then scores the replay; null when η comes out non-positive or undefined. */
    static Fit fit(
            Trace trace, RmsPropMistake mistake, EpsilonPlacement placement, double beta, double eps, double s0) {
        int d = trace.start().length;
        DMatrixRMaj theta = Replay.of(candidate(mistake, placement, 1.0, beta, eps, s0), column(trace.start()))
                .tolerateNonFinite()
                .run(trace.gradients().subList(0, 1))
                .theta();
        int k = 0;
        double biggest = -1;
        for (int i = 0; i < d; i++) {
            double observed = Math.abs(trace.thetas().get(0)[i] - trace.start()[i]);
            if (observed > biggest) {
                biggest = observed;
                k = i;
            }
        }
        double unit = theta.data[k] - trace.start()[k];
        double lr = (trace.thetas().get(0)[k] - trace.start()[k]) / unit;
        if (!(lr > 0) || !Double.isFinite(lr)) {
            return null;
        }
        return new Fit(
                mistake,
                placement,
                lr,
                beta,
                eps,
                s0,
                residual(trace, candidate(mistake, placement, lr, beta, eps, s0)));
    }

    /**
     * Root-mean-square of the parameter errors over the replay, each coordinate's error relative to
     * how far that coordinate travels in the trace (so measurement noise on a slow coordinate does
     * not dominate).
     */
    static double residual(Trace trace, Optimizer o) {
        int d = trace.start().length;
        double[] extent = new double[d];
        for (double[] observed : trace.thetas()) {
            for (int i = 0; i < d; i++) {
                double travel = Math.abs(observed[i] - trace.start()[i]);
                if (travel > extent[i]) {
                    extent[i] = travel;
                }
            }
        }
        double[] sum = {0};
        int[] count = {0};
        Replay.of(o, column(trace.start())).tolerateNonFinite().run(trace.gradients(), (t, theta, gradient) -> {
            double[] observed = trace.thetas().get(t - 1);
            for (int i = 0; i < d; i++) {
                count[0]++;
                if (Double.compare(theta.data[i], observed[i]) == 0) {
                    continue; // equal, NaN where the trace has NaN included
                }
                double scale = Math.max(1e-12, extent[i]);
                double e = (theta.data[i] - observed[i]) / scale;
                sum[0] += Double.isFinite(e) ? e * e : 1e12;
            }
            return true;
        });
        return Math.sqrt(sum[0] / count[0]);
    }

    /** The first step at which the correct update leaves the trace (0 when it never does). */
    static int firstDeviation(Trace trace, Fit correct) {
        int d = trace.start().length;
        Optimizer o = candidate(
                RmsPropMistake.NONE,
                correct.placement(),
                correct.learningRate(),
                correct.decay(),
                correct.epsilon(),
                correct.initialAccumulator());
        // compare one step at a time from the recorded parameters, so one bad step is not blamed on later ones
        Replay.Result result = Replay.of(o, column(trace.start()))
                .fromRecorded(trace.thetas())
                .tolerateNonFinite()
                .run(trace.gradients(), (t, theta, gradient) -> {
                    double[] before = t == 1 ? trace.start() : trace.thetas().get(t - 2);
                    double[] observed = trace.thetas().get(t - 1);
                    for (int i = 0; i < d; i++) {
                        double stepSize = Math.abs(observed[i] - before[i]) + Math.abs(theta.data[i] - before[i]);
                        if (Math.abs(theta.data[i] - observed[i]) > 1e-6 * Math.max(stepSize, 1e-300) + 1e-15) {
                            return false;
                        }
                    }
                    return true;
                });
        return result.end() == Replay.End.STOPPED_BY_OBSERVER ? result.stoppedAt() : 0;
    }

    /** θ₀ of a trace as a column (a copy). */
    private static DMatrixRMaj column(double[] values) {
        return new DMatrixRMaj(values.length, 1, true, values);
    }
}
