package optikata.grade;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * The grader refuses the uid fallback while the sandbox's uid can read the checkout (solutions,
 * hidden specs, the tool's classes): an instructor makes it private, and so do the grading tests
 * when they run as root (only root has the fallback), for as long as the test JVM lives; the mode
 * is put back on exit. Root reads and writes it all the same, so the build goes on unaffected.
 */
final class PrivateCheckout {
    private static boolean done;

    private PrivateCheckout() {}

    static synchronized void ensure(Path checkout) {
        if (done || Sandbox.realUid() != 0) {
            return;
        }
        done = true;
        try {
            Path root = checkout.toAbsolutePath().normalize();
            Set<PosixFilePermission> before = Files.getPosixFilePermissions(root, LinkOption.NOFOLLOW_LINKS);
            Set<PosixFilePermission> owner = PosixFilePermissions.fromString("rwx------");
            if (before.equals(owner)) {
                return;
            }
            Files.setPosixFilePermissions(root, owner);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    Files.setPosixFilePermissions(root, before);
                } catch (IOException ignored) {
                    // the checkout is gone: nothing to put back
                }
            }));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
