package kata.ema;

/** Exercise 02: the exponential moving average behind RMSProp's s (d2l §7.6.1). */
public final class Ema {
    private Ema() {}

    /** One update: {@code γ·average + (1 − γ)·value}. */
    public static double update(double average, double value, double decay) {
        return decay * average + (1 - decay) * value;
    }

    /** The effective window 1/(1 − γ), in steps. */
    public static double window(double decay) {
        return 1 / (1 - decay);
    }

    /** The share of the total weight carried by the last k values: 1 − γᵏ. */
    public static double weightOfLast(int k, double decay) {
        double share = 1 - decay; // the newest value
        for (int j = 1; j < k; j++) {
            share += (1 - decay) * Math.pow(decay, j);
        }
        return share;
    }
}
