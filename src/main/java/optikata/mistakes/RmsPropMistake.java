package optikata.mistakes;

/**
 * The classic ways to get RMSProp wrong, each one a small change to the correct update
 * {@code s ← β s + (1−β) g²; θ ← θ − η g / d(s)}. {@link MistakenRmsProp} runs any of them, so a
 * diagnosis is computed (run every variant on the same input and see which one reproduces the
 * observed numbers), never guessed from text. The kata specs, {@code optikata diagnose} and the
 * grader's feedback all use this one catalogue.
 */
public enum RmsPropMistake {
    /** No mistake: the update as configured. */
    NONE("correct", "no mistake", "—"),
    /** {@code θ ← θ + η g / d}: climbs the loss. */
    SIGN_FLIPPED(
            "sign-flipped",
            "the update's sign is flipped (θ + η g/d instead of θ − η g/d)",
            "subtract the step: theta[i] -= lr * g[i] / denominator"),
    /** ε on the other side of the root from the configuration. */
    EPSILON_MISPLACED(
            "epsilon-misplaced",
            "ε is on the wrong side of the square root",
            "inside the root: sqrt(s + eps); outside: sqrt(s) + eps; check which form the exercise asks for"),
    /** {@code s ← β s + g²}: the (1−β) factor is missing, s grows like a sum. */
    MISSING_ONE_MINUS_BETA(
            "one-minus-beta-missing",
            "the (1−β) factor on g² is missing (s ← β s + g²)",
            "s = beta * s + (1 - beta) * g * g"),
    /** {@code s ← (1−β) s + β g²}: decay and 1−decay swapped. */
    DECAY_SWAPPED(
            "decay-swapped",
            "decay and 1−decay are swapped (s ← (1−β) s + β g²)",
            "the old average keeps the weight beta: s = beta * s + (1 - beta) * g * g"),
    /** {@code d = s + ε}: divides by the mean square instead of its root. */
    SQUARE_ROOT_MISSING(
            "sqrt-missing",
            "the square root is missing (dividing by s, not √s)",
            "divide by Math.sqrt(s + eps) (or Math.sqrt(s) + eps)"),
    /** s starts from the initial value at every step: {@code s = β s₀ + (1−β) g²}. */
    STATE_RESET(
            "state-reset",
            "the state is reset between steps (s does not carry over)",
            "keep s in a field allocated once, not a local variable re-created at every step"),
    /** {@code s ← β s + (1−β) g}: the plain gradient average where the squared one belongs. */
    GRADIENT_AVERAGE_USED(
            "gradient-average-used",
            "the gradient average is used instead of the squared-gradient average",
            "average g * g, not g: s = beta * s + (1 - beta) * g * g"),
    /** {@code s ← β s + (1−β) g² + ε}, {@code d = √s}: ε accumulates in the state. */
    EPSILON_IN_ACCUMULATOR(
            "epsilon-in-accumulator",
            "ε is added to the accumulator s instead of the denominator",
            "leave s alone; add eps only where you divide");

    private final String id;
    private final String description;
    private final String fix;

    RmsPropMistake(String id, String description, String fix) {
        this.id = id;
        this.description = description;
        this.fix = fix;
    }

    /** A short, stable identifier for reports and the command line. */
    public String id() {
        return id;
    }

    /** What is wrong, in plain words. */
    public String description() {
        return description;
    }

    /** What to change in the code. */
    public String fix() {
        return fix;
    }

    public static RmsPropMistake byId(String id) {
        for (RmsPropMistake m : values()) {
            if (m.id.equalsIgnoreCase(id) || m.name().equalsIgnoreCase(id)) {
                return m;
            }
        }
        throw new IllegalArgumentException("Unknown mistake: " + id);
    }
}
