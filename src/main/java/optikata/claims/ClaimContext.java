package optikata.claims;

import java.nio.file.Path;

/**
 * What a check may use beyond the built-in defaults.
 *
 * @param plotDir    where to write PNG plots; {@code null} to skip plots
 * @param airfoilData the airfoil self-noise data for C24 (d2l's {@code airfoil_self_noise.dat}); may be null
 */
public record ClaimContext(Path plotDir, Path airfoilData) {
    public static ClaimContext noPlots() {
        return new ClaimContext(null, null);
    }

    public boolean plots() {
        return plotDir != null;
    }
}
