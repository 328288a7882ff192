package optikata.claims.file;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import optikata.claims.Optimizers;
import optikata.optim.Hyperparameters;
import optikata.optim.Optimizer;
import optikata.run.Replay;
import optikata.run.Trajectory;
import optikata.run.TrajectoryPoint;
import org.ejml.data.DMatrixRMaj;

/**
 * Reads a quantity off the runs of the project's optimizers. Every value comes from the optimizer's
 * own update and state: θ, s and the effective rate from a {@link Trajectory}, the weights of s by
 * feeding one unit squared gradient at a time and reading s back (as claim C04 does).
 */
final class Measurer {
    /** The state buffer that holds s, by optimizer; the others keep none. */
    static final Map<String, String> ACCUMULATOR = accumulators();

    private static Map<String, String> accumulators() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("adagrad", "squaredGradientSum");
        m.put("rmsprop", "squaredGradientAverage");
        m.put("adadelta", "squaredGradientAverage");
        m.put("adam", "secondMoment");
        return Collections.unmodifiableMap(m);
    }

    private Measurer() {}

    /**
     * The values of one quantity.
     *
     * @param firstStep  the step of row 0 (−1 for a quantity with one value per run)
     * @param rows       row r holds the value at step firstStep + r, one column per coordinate
     * @param stoppedAt  the step at which the run stopped on a non-finite value, or −1
     * @param stopReason why, in a sentence (empty when it did not stop)
     * @param loss       f(θ_t) for t = 0..steps (steps-to only; NaN after a stop), else null
     * @param weights    the weight of each age 0..step−1 in s (weight only), else null
     */
    record Values(int firstStep, double[][] rows, int stoppedAt, String stopReason, double[] loss, double[] weights) {
        int lastStep() {
            return firstStep + rows.length - 1;
        }

        double[] at(int step) {
            return rows[step - firstStep];
        }
    }

    static Values measure(Quantity q, Measure m, RunSetup setup, Optimizers o) {
        return switch (q) {
            case THETA, S, RATE, STEP_OVER_ETA, LOSS, STEPS_TO -> fromRun(q, m, setup, o);
            case WEIGHT, SHARE, WEIGHT_SUM -> fromWeights(q, m, setup, o);
            case RATIO -> ratio(m, setup, o);
        };
    }

    private static Values ratio(Measure m, RunSetup setup, Optimizers o) {
        Values a = measure(m.of(), m, setup, o);
        Values b = measure(m.of(), m, m.over(), o);
        int rows = Math.min(a.rows().length, b.rows().length);
        double[][] out = new double[rows][];
        for (int r = 0; r < rows; r++) {
            out[r] = new double[a.rows()[r].length];
            for (int c = 0; c < out[r].length; c++) {
                out[r][c] = a.rows()[r][c] / b.rows()[r][c];
            }
        }
        int stop = a.stoppedAt() >= 0 && (b.stoppedAt() < 0 || a.stoppedAt() <= b.stoppedAt())
                ? a.stoppedAt()
                : b.stoppedAt();
        String reason = a.stoppedAt() == stop && stop >= 0 ? a.stopReason() : b.stopReason();
        return new Values(a.firstStep(), out, stop, stop < 0 ? "" : reason, null, null);
    }

    private static Values fromRun(Quantity q, Measure m, RunSetup setup, Optimizers o) {
        Trajectory t = setup.run(o);
        int stopped = t.divergedAt().orElse(-1);
        int n = setup.dimension();
        List<TrajectoryPoint> points = t.points();
        double eta = learningRate(setup.build(o));
        if (q == Quantity.STEPS_TO) {
            double[] loss = new double[setup.steps() + 1];
            Arrays.fill(loss, Double.NaN);
            int reached = -1;
            for (TrajectoryPoint p : points) {
                loss[p.step()] = p.loss();
                if (reached < 0 && p.loss() <= m.below()) {
                    reached = p.step();
                }
            }
            double value = reached < 0 ? Double.POSITIVE_INFINITY : reached;
            return new Values(-1, new double[][] {{value}}, stopped, t.stopReason(), loss, null);
        }
        int first = q.firstStep;
        double[][] rows = new double[setup.steps() - first + 1][];
        String buffer = ACCUMULATOR.get(setup.optimizer().name());
        for (int step = first; step <= setup.steps(); step++) {
            double[] row = new double[q.perCoordinate ? n : 1];
            Arrays.fill(row, Double.NaN);
            if (step < points.size()) {
                TrajectoryPoint p = points.get(step);
                switch (q) {
                    case THETA -> System.arraycopy(p.theta(), 0, row, 0, n);
                    case S -> {
                        DMatrixRMaj s = p.state().buffer(buffer);
                        System.arraycopy(s.data, 0, row, 0, n);
                    }
                    case RATE -> System.arraycopy(p.effectiveRate(), 0, row, 0, n);
                    case STEP_OVER_ETA -> {
                        double[] before = points.get(step - 1).theta();
                        for (int i = 0; i < n; i++) {
                            row[i] = Math.abs(p.theta()[i] - before[i]) / eta;
                        }
                    }
                    default -> row[0] = p.loss();
                }
            }
            rows[step - first] = row;
        }
        return new Values(first, rows, stopped, t.stopReason(), null, null);
    }

    private static double learningRate(Optimizer o) {
        return o.hyperparameters() instanceof Hyperparameters h ? h.learningRate() : Double.NaN;
    }

    /**
     * The weights of s: w[j][t] is the weight of the squared gradient of step j in s after step t, read as
     * s_t when a unit gradient comes at step j alone, less s_t when none comes (what the start leaves).
     */
    static double[][] weights(RunSetup setup, Optimizers o, int steps) {
        String buffer = ACCUMULATOR.get(setup.optimizer().name());
        double[] base = accumulator(setup, o, buffer, steps, -1);
        double[][] w = new double[steps + 1][];
        for (int j = 1; j <= steps; j++) {
            double[] s = accumulator(setup, o, buffer, steps, j);
            w[j] = new double[steps + 1];
            for (int t = j; t <= steps; t++) {
                w[j][t] = s[t] - base[t];
            }
        }
        return w;
    }

    /** s after each step 1..steps of a run whose gradient is 1 at step {@code unit} and 0 elsewhere. */
    private static double[] accumulator(RunSetup setup, Optimizers o, String buffer, int steps, int unit) {
        Optimizer opt = setup.build(o);
        List<double[]> g = new ArrayList<>(steps);
        for (int t = 1; t <= steps; t++) {
            g.add(new double[] {t == unit ? 1.0 : 0.0});
        }
        double[] s = new double[steps + 1];
        Arrays.fill(s, Double.NaN);
        Replay.of(opt, new DMatrixRMaj(1, 1)).tolerateNonFinite().run(g, (t, theta, gradient) -> {
            s[t] = opt.state().buffer(buffer).get(0);
            return true;
        });
        return s;
    }

    private static Values fromWeights(Quantity q, Measure m, RunSetup setup, Optimizers o) {
        int steps = q == Quantity.WEIGHT && m.step() != null ? m.step() : setup.steps();
        double[][] w = weights(setup, o, steps);
        if (q == Quantity.WEIGHT) {
            double[] byAge = new double[steps];
            for (int age = 0; age < steps; age++) {
                byAge[age] = w[steps - age][steps];
            }
            return new Values(-1, new double[][] {{byAge[m.lag()]}}, -1, "", null, byAge);
        }
        double[][] rows = new double[steps][];
        for (int t = 1; t <= steps; t++) {
            double all = 0;
            double newest = 0;
            for (int j = 1; j <= t; j++) {
                all += w[j][t];
                if (q == Quantity.SHARE && j > t - m.last()) {
                    newest += w[j][t];
                }
            }
            rows[t - 1] = new double[] {q == Quantity.SHARE ? newest / all : all};
        }
        return new Values(1, rows, -1, "", null, null);
    }
}
