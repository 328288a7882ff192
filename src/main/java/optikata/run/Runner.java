package optikata.run;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalInt;
import optikata.objective.Objective;
import optikata.optim.Optimizer;
import org.ejml.data.DMatrixRMaj;

/**
 * Drives an optimizer on an objective (or on a fixed sequence of gradients) and records the
 * trajectory. A run stops cleanly at the first non-finite loss, parameter or gradient and
 * reports the step.
 */
public final class Runner {
    private Runner() {}

    /**
     * Runs {@code steps} steps of {@code optimizer} on {@code objective} from {@code start}.
     * The optimizer is used as given (reset it first for a fresh run); {@code start} is copied.
     */
    public static Trajectory run(Optimizer optimizer, Objective objective, DMatrixRMaj start, int steps) {
        if (steps < 0) {
            throw new IllegalArgumentException("Invalid steps: " + steps + " (must be >= 0)");
        }
        objective.checkShape(start);
        DMatrixRMaj theta = start.copy();
        DMatrixRMaj gradient = new DMatrixRMaj(theta.numRows, theta.numCols);
        List<TrajectoryPoint> points = new ArrayList<>(steps + 1);
        double loss0 = objective.value(theta);
        points.add(point(0, theta, loss0, null, optimizer));
        if (!Double.isFinite(loss0) || !allFinite(theta.data)) {
            return new Trajectory(
                    optimizer.name(),
                    objective.name(),
                    points,
                    OptionalInt.of(0),
                    "the start point is not finite: f = " + loss0);
        }
        for (int t = 1; t <= steps; t++) {
            objective.gradient(theta, gradient);
            if (!allFinite(gradient.data)) {
                return new Trajectory(
                        optimizer.name(),
                        objective.name(),
                        points,
                        OptionalInt.of(t),
                        "diverged: the gradient at step " + t + " is not finite " + Arrays.toString(gradient.data));
            }
            optimizer.step(theta, gradient);
            double loss = objective.value(theta);
            points.add(point(t, theta, loss, gradient, optimizer));
            if (!Double.isFinite(loss) || !allFinite(theta.data)) {
                return new Trajectory(
                        optimizer.name(),
                        objective.name(),
                        points,
                        OptionalInt.of(t),
                        "diverged: f(theta) = " + loss + " after step " + t);
            }
        }
        return new Trajectory(optimizer.name(), objective.name(), points, OptionalInt.empty(), "");
    }

    /**
     * Feeds recorded gradients, one row per step, to {@code optimizer} from {@code start}. The
     * loss column is f(θ) when {@code objective} is given, NaN otherwise.
     */
    public static Trajectory replay(
            Optimizer optimizer, DMatrixRMaj start, List<double[]> gradients, Objective objective) {
        List<TrajectoryPoint> points = new ArrayList<>(gradients.size() + 1);
        points.add(point(0, start, objective == null ? Double.NaN : objective.value(start), null, optimizer));
        Replay.Result result = Replay.of(optimizer, start).run(gradients, (t, theta, gradient) -> {
            double loss = objective == null ? Double.NaN : objective.value(theta);
            points.add(point(t, theta, loss, gradient, optimizer));
            return true;
        });
        int t = result.stoppedAt();
        return switch (result.end()) {
            case NON_FINITE_GRADIENT ->
                new Trajectory(
                        optimizer.name(),
                        "replay",
                        points,
                        OptionalInt.of(t),
                        "the gradient of row " + t + " is not finite " + Arrays.toString(gradients.get(t - 1)));
            case NON_FINITE_PARAMETERS ->
                new Trajectory(
                        optimizer.name(),
                        "replay",
                        points,
                        OptionalInt.of(t),
                        "diverged: theta is not finite after step " + t);
            case COMPLETED, STOPPED_BY_OBSERVER ->
                new Trajectory(
                        optimizer.name(),
                        objective == null ? "replay" : objective.name(),
                        points,
                        OptionalInt.empty(),
                        "");
        };
    }

    private static TrajectoryPoint point(
            int step, DMatrixRMaj theta, double loss, DMatrixRMaj gradient, Optimizer optimizer) {
        DMatrixRMaj rate = new DMatrixRMaj(theta.numRows, theta.numCols);
        optimizer.effectiveLearningRate(rate);
        return new TrajectoryPoint(
                step,
                Arrays.copyOf(theta.data, theta.getNumElements()),
                loss,
                gradient == null ? null : Arrays.copyOf(gradient.data, gradient.getNumElements()),
                optimizer.state(),
                Arrays.copyOf(rate.data, rate.getNumElements()));
    }

    static boolean allFinite(double[] values) {
        for (double v : values) {
            if (!Double.isFinite(v)) {
                return false;
            }
        }
        return true;
    }
}
