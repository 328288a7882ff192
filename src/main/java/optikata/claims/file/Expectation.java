package optikata.claims.file;

/** What the text says of the measured value: {@code expect}. */
sealed interface Expectation {
    /** ≈ {@code value}, within {@code tolerance} (> 0). */
    record Approx(double value, double tolerance) implements Expectation {}

    /** ≤ {@code bound}, with {@code slack} ≥ 0 (0 unless a tolerance is given). */
    record AtMost(double bound, double slack) implements Expectation {}

    /** ≥ {@code bound}, with {@code slack} ≥ 0. */
    record AtLeast(double bound, double slack) implements Expectation {}

    /** Never falls (increasing) or never rises (decreasing) from one step to the next, by more than {@code slack}. */
    record Monotone(boolean increasing, double slack) implements Expectation {}

    /** Reaches the target of steps-to in fewer steps than the run {@code other}. */
    record FasterThan(RunSetup other) implements Expectation {}
}
