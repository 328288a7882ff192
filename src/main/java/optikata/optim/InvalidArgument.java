package optikata.optim;

/**
 * A rejected argument, with what was rejected as data: the parameter's name (as the library names it:
 * {@code "learning rate"}, {@code "epsilon"}, {@code "weight decay"}), the value, and the rule it broke. Its
 * message reads {@code "Invalid <parameter>: <value> (must be <rule>)"}; a caller that must tell which of its
 * inputs was wrong (the command line maps parameters to flags) reads {@link #parameter()}, never the message.
 */
public final class InvalidArgument extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String parameter;
    private final String value;
    private final String rule;

    /** {@code "Invalid <parameter>: <value> (must be <rule>)"}. */
    public InvalidArgument(String parameter, Object value, String rule) {
        this(parameter, value, rule, "Invalid " + parameter + ": " + value + " (must be " + rule + ")");
    }

    /** The same, said in {@code message}'s own words. */
    public InvalidArgument(String parameter, Object value, String rule, String message) {
        super(message);
        this.parameter = parameter;
        this.value = String.valueOf(value);
        this.rule = rule;
    }

    /** The parameter's name, e.g. {@code "learning rate"}. */
    public String parameter() {
        return parameter;
    }

    /** The rejected value, as text. */
    public String value() {
        return value;
    }

    /** The rule it broke, e.g. {@code "finite and >= 0"}. */
    public String rule() {
        return rule;
    }
}
