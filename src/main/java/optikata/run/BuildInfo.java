package optikata.run;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * What this build is: the version, the commit it was built from and whether the tree had uncommitted
 * changes, read from {@code optikata/version.properties} (filled in by the build). A value the build could
 * not tell (no git, run from an IDE) reads {@code "unknown"}.
 *
 * @param version    the project's version, e.g. {@code 0.1.0-SNAPSHOT}
 * @param commit     the abbreviated commit
 * @param dirty      the tree had uncommitted changes
 * @param commitTime when the commit was made
 */
public record BuildInfo(String version, String commit, boolean dirty, String commitTime) {
    public static final String UNKNOWN = "unknown";

    private static final BuildInfo CURRENT = read();

    /** This build's. */
    public static BuildInfo current() {
        return CURRENT;
    }

    /** The version and commit in one line, e.g. {@code 0.1.0-SNAPSHOT (commit eaaa260, uncommitted changes)}. */
    public String describe() {
        return version + " (commit " + commit + (dirty ? ", uncommitted changes" : "") + ")";
    }

    private static BuildInfo read() {
        Properties p = new Properties();
        try (InputStream in = BuildInfo.class.getResourceAsStream("/optikata/version.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            // every field reads "unknown"
        }
        return new BuildInfo(
                known(p.getProperty("version")),
                known(p.getProperty("commit")),
                "true".equals(p.getProperty("dirty")),
                known(p.getProperty("commitTime")));
    }

    private static String known(String value) {
        return value == null || value.isBlank() || value.contains("${") ? UNKNOWN : value.strip();
    }
}
