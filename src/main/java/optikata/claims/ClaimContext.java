package optikata.claims;

import java.nio.file.Path;
import java.util.Objects;

/**
 * What a check may use beyond the built-in defaults.
 *
 * @param airfoilData the airfoil self-noise data for C24 (d2l's {@code airfoil_self_noise.dat}); may be null
 * @param optimizers  where the checks get the optimizers they measure ({@link Optimizers#LIBRARY} normally)
 */
public record ClaimContext(Path airfoilData, Optimizers optimizers) {
    public ClaimContext {
        Objects.requireNonNull(optimizers, "optimizers");
    }

    /** The library's optimizers, no data files. */
    public static ClaimContext library() {
        return new ClaimContext(null, Optimizers.LIBRARY);
    }

    /** The library's optimizers and the airfoil data (may be null). */
    public static ClaimContext withData(Path airfoilData) {
        return new ClaimContext(airfoilData, Optimizers.LIBRARY);
    }

    public ClaimContext withOptimizers(Optimizers replacement) {
        return new ClaimContext(airfoilData, replacement);
    }
}
