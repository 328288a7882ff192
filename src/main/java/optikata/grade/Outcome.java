package optikata.grade;

/**
 * One graded spec.
 *
 * @param status  passed, failed, or not started (still the stub)
 * @param message the teaching message, or why the test got 0 (crash, timeout, compile error)
 * @param output  what the learner's code printed during the test (capped)
 * @param hidden  an instructor-only spec
 * @param mistake the catalogue's id of the mistake the judge proved, or null (never read back from the message)
 */
public record Outcome(
        String exercise,
        String spec,
        String name,
        String status,
        String message,
        String output,
        boolean hidden,
        double score,
        double maxScore,
        String mistake) {

    /** An outcome with no mistake proven. */
    public Outcome(
            String exercise,
            String spec,
            String name,
            String status,
            String message,
            String output,
            boolean hidden,
            double score,
            double maxScore) {
        this(exercise, spec, name, status, message, output, hidden, score, maxScore, null);
    }

    public boolean passed() {
        return "passed".equals(status);
    }
}
