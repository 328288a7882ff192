package optikata.grade;

import java.util.List;
import java.util.Map;

/**
 * How to grade.
 *
 * @param testTimeoutSeconds  per spec; a spec still running after twice this (plus 5 s) is killed
 * @param deadlineSeconds     for one whole submission
 * @param heapMb              the child JVM's heap cap
 * @param outputCapBytes      captured output kept per spec
 * @param points              points per exercise (default {@link #DEFAULT_POINTS} for any exercise not listed)
 * @param hiddenVisibility    Gradescope visibility of hidden specs: hidden, after_due_date, after_published or visible
 * @param showHiddenDetails   show hidden specs' messages to students
 * @param sandbox             isolate each submission in a namespace where the machine allows it (bubblewrap); false forces
 *                            the fallback (a fresh uid per submission, limits, killing by process group and uid)
 * @param feedbackOnly        grade even where learner code cannot be isolated (not root and no namespace): the
 *                            results say they are feedback only and untrusted, and give no marks
 */
public record GradeOptions(
        int testTimeoutSeconds,
        int deadlineSeconds,
        int heapMb,
        int outputCapBytes,
        Map<String, Double> points,
        String hiddenVisibility,
        boolean showHiddenDetails,
        boolean sandbox,
        boolean feedbackOnly) {
    public static final double DEFAULT_POINTS = 10.0;

    /** Options that give marks only where learner code is isolated. */
    public GradeOptions(
            int testTimeoutSeconds,
            int deadlineSeconds,
            int heapMb,
            int outputCapBytes,
            Map<String, Double> points,
            String hiddenVisibility,
            boolean showHiddenDetails,
            boolean sandbox) {
        this(
                testTimeoutSeconds,
                deadlineSeconds,
                heapMb,
                outputCapBytes,
                points,
                hiddenVisibility,
                showHiddenDetails,
                sandbox,
                false);
    }

    public GradeOptions {
        if (testTimeoutSeconds < 1) {
            throw new IllegalArgumentException(
                    "Invalid test timeout: " + testTimeoutSeconds + " (must be >= 1 second)");
        }
        if (deadlineSeconds < testTimeoutSeconds) {
            throw new IllegalArgumentException("Invalid deadline: " + deadlineSeconds
                    + " (must be >= the per-test timeout, " + testTimeoutSeconds + ")");
        }
        if (heapMb < 32) {
            throw new IllegalArgumentException("Invalid heap cap: " + heapMb + " (must be >= 32 MB)");
        }
        if (outputCapBytes < 0) {
            throw new IllegalArgumentException("Invalid output cap: " + outputCapBytes + " (must be >= 0)");
        }
        if (!List.of("hidden", "after_due_date", "after_published", "visible").contains(hiddenVisibility)) {
            throw new IllegalArgumentException("Invalid hidden visibility: " + hiddenVisibility
                    + " (must be hidden, after_due_date, after_published or visible)");
        }
        points = Map.copyOf(points);
    }

    public static GradeOptions defaults() {
        return new GradeOptions(10, 300, 256, 8192, Map.of(), "after_published", false, true, false);
    }

    /**
     * The sandbox limits for a child JVM with this heap: room for the heap plus metaspace, code
     * cache, thread stacks and the JIT (a JVM commits about heap + 300 MB at most here), and
     * processes enough for its threads.
     */
    public Sandbox.Limits sandboxLimits() {
        Sandbox.Limits d = Sandbox.Limits.defaults();
        return new Sandbox.Limits(
                d.processes(), Math.max(d.memoryMb(), heapMb * 2 + 512), d.fileSizeMb(), d.openFiles());
    }

    /** The same options with the fallback forced ({@code sandbox} false). */
    public GradeOptions withFallbackForced() {
        return with(false, feedbackOnly);
    }

    /** The same options, grading for feedback only where learner code cannot be isolated. */
    public GradeOptions withFeedbackOnly() {
        return with(sandbox, true);
    }

    private GradeOptions with(boolean sandbox, boolean feedbackOnly) {
        return new GradeOptions(
                testTimeoutSeconds,
                deadlineSeconds,
                heapMb,
                outputCapBytes,
                points,
                hiddenVisibility,
                showHiddenDetails,
                sandbox,
                feedbackOnly);
    }

    public double pointsFor(String exercise) {
        return points.getOrDefault(exercise, DEFAULT_POINTS);
    }
}
