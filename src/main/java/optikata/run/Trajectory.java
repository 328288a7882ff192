package optikata.run;

import java.util.List;
import java.util.OptionalInt;

/**
 * What a run recorded: the rows (start included) and, when the run stopped on a non-finite
 * value, the step at which it did.
 *
 * @param divergedAt the first step whose loss, parameters or gradient were not finite
 * @param stopReason a sentence for people when the run stopped early; empty otherwise
 */
public record Trajectory(
        String optimizer, String objective, List<TrajectoryPoint> points, OptionalInt divergedAt, String stopReason) {

    public TrajectoryPoint last() {
        return points.get(points.size() - 1);
    }

    public TrajectoryPoint at(int step) {
        return points.get(step);
    }

    /** Steps actually taken. */
    public int steps() {
        return last().step();
    }

    public boolean diverged() {
        return divergedAt.isPresent();
    }
}
