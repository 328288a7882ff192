package optikata.cli;

/**
 * Bad input that the command line itself finds, tied to the option it came from. The message is
 * in the same words as the domain's ({@code "invalid number of steps: -1 (must be >= 0)"}); the
 * error handler puts the option in front.
 */
final class OptionException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String option;

    /**
     * @param option the option as the help names it, e.g. {@code --steps}; {@code null} when the
     *               error belongs to no single option
     */
    OptionException(String option, String message) {
        super(message);
        this.option = option;
    }

    OptionException(String option, String message, Throwable cause) {
        super(message, cause);
        this.option = option;
    }

    String option() {
        return option;
    }
}
