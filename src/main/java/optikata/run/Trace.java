package optikata.run;

import java.util.List;

/**
 * A recorded run as read back from a file: the parameters before the first step and, for each
 * step, the gradient it used and the parameters after it. {@link TrajectoryFormat} reads it from
 * the CSV or JSON that {@code optikata trace} writes (or from a bare file of gradients, which has
 * no start and no parameters).
 *
 * @param start       θ₀; {@code null} for a file of gradients only
 * @param gradients   g_t of steps 1..n, one array per step
 * @param thetas      θ_t after steps 1..n; empty for a file of gradients only
 * @param skippedRows rows after a gap in the step numbers, which cannot be replayed
 */
public record Trace(double[] start, List<double[]> gradients, List<double[]> thetas, int skippedRows) {

    public int steps() {
        return gradients.size();
    }

    /** Whether the file gave the parameters (a trace) rather than gradients only. */
    public boolean hasParameters() {
        return start != null && thetas.size() == gradients.size();
    }
}
