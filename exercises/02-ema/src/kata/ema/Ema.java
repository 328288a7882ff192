package kata.ema;

/** Exercise 02: the exponential moving average behind RMSProp's s (d2l §7.6.1). */
public final class Ema {
    private Ema() {}

    /** One update: {@code γ·average + (1 − γ)·value}. */
    public static double update(double average, double value, double decay) {
        throw new UnsupportedOperationException(
                "Exercise 02 is not started: fill in Ema.update (read exercises/02-ema/README.md)");
    }

    /** The effective window 1/(1 − γ), in steps. */
    public static double window(double decay) {
        throw new UnsupportedOperationException(
                "Exercise 02 is not started: fill in Ema.window (read exercises/02-ema/README.md)");
    }

    /** The share of the total weight carried by the last k values: 1 − γᵏ. */
    public static double weightOfLast(int k, double decay) {
        throw new UnsupportedOperationException(
                "Exercise 02 is not started: fill in Ema.weightOfLast (read exercises/02-ema/README.md)");
    }
}
