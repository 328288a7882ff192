package optikata.kata;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Map;

/** Checks that a learner's stub files are there and usable, with one clear line when they are not. */
public final class Stubs {
    private Stubs() {}

    /** The learner's stub files of {@code exercise} that should exist: the shipped ones, or those present. */
    public static List<Path> expected(KataLayout layout, String exercise) {
        Shipped shipped = new Shipped(layout);
        try {
            if (shipped.isRelease() || shipped.isGitCheckout()) {
                Map<Path, byte[]> s = shipped.stubs(exercise);
                if (!s.isEmpty()) {
                    return s.keySet().stream().sorted().toList();
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            // no shipped copy: judge by what is there
        }
        return KataLayout.javaFiles(KataLayout.sourceDir(layout.exercises(), exercise));
    }

    /**
     * Null when every stub of {@code exercise} is a readable regular file; else one line naming the
     * file and what to do.
     */
    public static String problem(KataLayout layout, String exercise) {
        Path dir = KataLayout.sourceDir(layout.exercises(), exercise);
        List<Path> expected = expected(layout, exercise);
        String n = exercise.substring(0, 2);
        if (expected.isEmpty()) {
            return "Missing stub: " + show(layout, dir) + " holds no .java file (./optikata reset " + n
                    + " puts the stub back)";
        }
        for (Path rel : expected) {
            Path f = dir.resolve(rel);
            if (!Files.exists(f, LinkOption.NOFOLLOW_LINKS)) {
                return "Missing stub: " + show(layout, f) + " does not exist (./optikata reset " + n + " puts it back)";
            }
            if (!Files.isRegularFile(f) || !Files.isReadable(f) || !ownerCan(f, PosixFilePermission.OWNER_READ)) {
                return "Unreadable stub: " + show(layout, f)
                        + " is not a readable file (chmod u+r it, or ./optikata reset " + n + ")";
            }
        }
        return null;
    }

    /** Null when the learner can save every stub of {@code exercise}; else one line naming the read-only file. */
    public static String notWritable(KataLayout layout, String exercise) {
        Path dir = KataLayout.sourceDir(layout.exercises(), exercise);
        for (Path rel : KataLayout.javaFiles(dir)) {
            Path f = dir.resolve(rel);
            if (!Files.isWritable(f) || !ownerCan(f, PosixFilePermission.OWNER_WRITE)) {
                return "Read-only stub: " + show(layout, f)
                        + " cannot be saved, so there is nothing to watch (chmod u+w it)";
            }
        }
        return null;
    }

    static boolean ownerCan(Path f, PosixFilePermission p) {
        try {
            return Files.getPosixFilePermissions(f).contains(p);
        } catch (UnsupportedOperationException | IOException e) {
            return true;
        }
    }

    public static String show(KataLayout layout, Path p) {
        Path abs = p.toAbsolutePath().normalize();
        return abs.startsWith(layout.root()) ? layout.root().relativize(abs).toString() : abs.toString();
    }
}
