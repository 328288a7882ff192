package optikata.kata;

/**
 * One spec's outcome.
 *
 * @param spec    the spec class's simple name
 * @param name    the spec's display name (a sentence)
 * @param message the failure message (the teaching message), or empty
 */
public record SpecResult(String spec, String name, Status status, String message, long millis) {
    public enum Status {
        PASSED,
        FAILED,
        /** The learner's code still throws the stub's UnsupportedOperationException. */
        NOT_STARTED
    }
}
