package optikata.conformance;

import java.util.Locale;

/**
 * How closely a replayed trajectory follows a recorded one, over every step and coordinate.
 *
 * @param maxRelativeDifference max of {@code |x − r| / |r|} ({@code |x − r|} where r = 0); infinite
 *                              when the replay is NaN or stopped early where the recording did not
 * @param bitwise               every value equal to the recorded one, bit for bit
 * @param firstDifferingStep    the first step whose parameters are not bitwise equal, or -1
 * @param steps                 the steps compared
 */
public record Agreement(double maxRelativeDifference, boolean bitwise, int firstDifferingStep, int steps) {

    /** Compares {@code replayed} with {@code recorded} row by row (row 0 is the start). */
    public static Agreement of(double[][] replayed, double[][] recorded) {
        double worst = 0;
        int first = -1;
        for (int t = 0; t < recorded.length; t++) {
            for (int i = 0; i < recorded[t].length; i++) {
                double r = recorded[t][i];
                double x = t < replayed.length ? replayed[t][i] : Double.NaN;
                if (Double.doubleToLongBits(x) == Double.doubleToLongBits(r)) {
                    continue;
                }
                if (first < 0) {
                    first = t;
                }
                double d = Math.abs(x - r) / (r == 0 ? 1 : Math.abs(r));
                worst = Double.isNaN(d) ? Double.POSITIVE_INFINITY : Math.max(worst, d);
            }
        }
        return new Agreement(worst, first < 0, first, recorded.length - 1);
    }

    /** {@code bitwise} or the difference in 3 significant digits. */
    public String describe() {
        return bitwise ? "0 (bitwise)" : String.format(Locale.ROOT, "%.3g", maxRelativeDifference);
    }
}
