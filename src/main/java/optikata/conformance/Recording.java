package optikata.conformance;

import java.util.List;
import java.util.Map;

/**
 * One framework run recorded on the shared gradients: its manifest and its trajectory.
 *
 * @param id           the file name without extension, such as {@code torch-rmsprop-centered}
 * @param framework    torch, keras, tf1 (tf.compat.v1), optax, tribuo or nd4j
 * @param version      the package and version that produced it
 * @param variant      the call and its arguments
 * @param dtype        the parameters' dtype in the framework
 * @param arguments    the {@code optikata trace} options expected to reproduce the run
 * @param alternatives other option sets worth comparing, by name (may be empty)
 * @param expectation  what the replay with {@code arguments} is expected to give
 * @param trajectory   θ per step, {@code trajectory[0]} the start
 */
public record Recording(
        String id,
        String framework,
        String version,
        String variant,
        String dtype,
        List<String> arguments,
        Map<String, List<String>> alternatives,
        Expectation expectation,
        double[][] trajectory) {

    /** The number of recorded steps (rows after the start). */
    public int steps() {
        return trajectory.length - 1;
    }

    /**
     * What the replay of a recording through its arguments should give.
     *
     * @param agreement {@code bitwise}, {@code within} (max relative difference ≤ tolerance) or
     *                  {@code differs} (no preset reproduces it: the difference is at least the tolerance)
     * @param tolerance the bound for {@code within} and {@code differs}; 0 for {@code bitwise}
     * @param why       one line: why this is the expectation
     */
    public record Expectation(String agreement, double tolerance, String why) {
        public Expectation {
            if (!List.of("bitwise", "within", "differs").contains(agreement)) {
                throw new IllegalArgumentException(
                        "Invalid expectation: " + agreement + " (must be bitwise, within or differs)");
            }
            if (!(tolerance >= 0)) {
                throw new IllegalArgumentException("Invalid expectation tolerance: " + tolerance + " (must be >= 0)");
            }
        }

        /** Whether {@code a} meets this expectation. */
        public boolean isMetBy(Agreement a) {
            return switch (agreement) {
                case "bitwise" -> a.bitwise();
                case "within" -> a.maxRelativeDifference() <= tolerance;
                default -> a.maxRelativeDifference() >= tolerance;
            };
        }

        @Override
        public String toString() {
            return switch (agreement) {
                case "bitwise" -> "bitwise";
                case "within" -> "≤ " + tolerance;
                default -> "differs by ≥ " + tolerance;
            };
        }
    }
}
