package optikata.claims;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import optikata.conformance.Agreement;
import optikata.conformance.RecordingSet;
import optikata.optim.Optimizer;

/**
 * A statement of a Java library's own documentation (Javadoc or source comment of a named
 * release), checked like the texts' claims: the verdict is computed from the framework runs
 * recorded in {@code src/test/resources/conformance} and the library's optimizers. Its
 * {@link #source()} names the library, version and class, and ends with "(library
 * documentation)", which is how reports tell these apart from the reference texts' claims.
 */
public abstract class LibraryClaim extends AbstractClaim {
    private final String library;

    /**
     * @param library  the library and version, such as {@code Tribuo 4.3.2 (org.tribuo:tribuo-math)}
     * @param location the documented element, such as {@code org.tribuo.math.optimisers.RMSProp class Javadoc}
     */
    protected LibraryClaim(String id, String library, String location, String statement) {
        super(id, library + ", " + location + " (library documentation)", statement);
        this.library = library;
    }

    /** The library and version the statement comes from. */
    public final String library() {
        return library;
    }

    /** The committed recordings, or null when this is not run from the project folder. */
    protected static RecordingSet recordings() throws IOException {
        String home = System.getProperty("optikata.home");
        for (Path p : new Path[] {
            home == null ? null : Path.of(home, "src/test/resources/conformance"),
            Path.of("src/test/resources/conformance")
        }) {
            if (p != null && Files.isDirectory(p.resolve("ref"))) {
                return RecordingSet.load(p);
            }
        }
        return null;
    }

    /** The verdict when the recordings are not there. */
    protected ClaimResult missingRecordings(ClaimResult.Builder b) {
        return b.verdict(
                Verdict.NOT_CHECKABLE,
                "the framework recordings were not found",
                "run from the project folder (or with -Doptikata.home): the recordings are in src/test/resources/conformance");
    }

    /** Max relative difference of {@code optimizer}'s replay from recording {@code id}. */
    protected static Agreement replay(RecordingSet set, String id, Optimizer optimizer) {
        return set.agreement(optimizer, set.byId(id));
    }

    /** Replays recording {@code id} through an optimizer and returns the trajectory (row 0 is the start). */
    protected static double[][] trajectory(RecordingSet set, String id, Optimizer optimizer) {
        return set.replay(optimizer, set.byId(id).steps());
    }

    /**
     * A picture of how far a reading of the documentation lies from the library's recorded run: per
     * step and coordinate, {@code |θ_reading − θ_recorded| / |θ_recorded|} on a log scale. Steps where
     * the two agree bit for bit are gaps (a log scale has no 0), which the caption says.
     *
     * @param reading  the trajectory the documentation's wording gives (row 0 is the start)
     * @param recorded the library's recorded trajectory
     */
    protected static Figure differenceFigure(
            String name, String title, RecordingSet set, double[][] reading, double[][] recorded, String caption) {
        Figure.Builder f = Figure.of(name, title, "step", "relative difference from the recorded run")
                .logY();
        int steps = recorded.length - 1;
        double[] x = Figure.steps(steps);
        double lo = Double.POSITIVE_INFINITY;
        double hi = 0;
        boolean gaps = false;
        for (int i = 0; i < recorded[0].length; i++) {
            double[] y = new double[steps];
            for (int t = 1; t <= steps; t++) {
                double r = recorded[t][i];
                double d = t < reading.length ? Math.abs(reading[t][i] - r) / (r == 0 ? 1 : Math.abs(r)) : Double.NaN;
                y[t - 1] = d > 0 && Double.isFinite(d) ? d : Double.NaN;
                gaps |= d == 0;
                if (d > 0 && Double.isFinite(d)) {
                    lo = Math.min(lo, d);
                    hi = Math.max(hi, d);
                }
            }
            f.add(
                    String.format(
                            Locale.ROOT,
                            "θ%d (first g = %.2g)",
                            i + 1,
                            set.gradients().get(0)[i]),
                    x,
                    y,
                    Figure.Style.LINE_POINTS);
        }
        if (hi > 0) {
            f.yRange(Math.pow(10, Math.floor(Math.log10(lo))), Math.pow(10, Math.ceil(Math.log10(hi)) + 0.5));
        }
        return f.xRange(0, steps + 1)
                .caption(gaps ? caption + " A missing point is a step where the two agree bit for bit." : caption);
    }

    /**
     * Relative difference of two first steps, coordinate by coordinate, as the largest one:
     * {@code |Δa − Δb| / |Δb|}.
     */
    protected static double firstStepDifference(double[][] a, double[][] b, int coordinate) {
        double da = a[1][coordinate] - a[0][coordinate];
        double db = b[1][coordinate] - b[0][coordinate];
        return Math.abs(da - db) / Math.abs(db);
    }
}
