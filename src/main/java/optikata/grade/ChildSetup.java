package optikata.grade;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.stream.Stream;
import optikata.kata.Contract;
import optikata.kata.KataRun;

/**
 * What every child process of a grade (javac and the probe children) is given: the world-readable
 * library folder holding the learner's class path and nothing else of the tool's, the grader's
 * trees opened for reading by the sandbox's user, a fixed environment (never the grader's own),
 * and capped draining of the child's streams on daemon threads. It trusts the class path the kata
 * names ({@link Contract#learnerClassPath}); it keeps no more of a child's output than the cap it is
 * given (the rest is read and dropped, so a child never blocks on a full pipe), and keeps it only as
 * bytes for the caller to judge.
 */
final class ChildSetup {
    /** The library's class path, copied once into a folder every user can read. */
    private Path libDir;

    /**
     * What a grading child may use, copied once into a world-readable folder: the contract and the
     * spec runtime ({@link Contract#learnerClassPath}) with EJML, and nothing else of the tool's
     * (no reference implementation, no mistake catalogue, no oracle).
     */
    synchronized Path lib() throws IOException {
        if (libDir != null && Files.isDirectory(libDir)) {
            return libDir;
        }
        Path dir = Files.createTempDirectory("optikata-grade-lib-");
        open(dir);
        int k = 0;
        for (Path p : Contract.learnerClassPath(dir)) {
            Path to = p.getParent().equals(dir) ? p : dir.resolve(String.format("%03d-%s", k++, p.getFileName()));
            if (!to.equals(p)) {
                Files.copy(p, to);
            }
            to.toFile().setReadable(true, false);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                KataRun.deleteTree(dir);
            } catch (IOException ignored) {
                // temp folder cleanup is best effort
            }
        }));
        libDir = dir;
        return dir;
    }

    /** The whole environment of a child: its work folder as home and temp, a fixed path and locale. */
    static Map<String, String> env(Path work) {
        return Map.of("HOME", work.toString(), "PATH", "/usr/bin:/bin", "LANG", "C.UTF-8", "TMPDIR", work.toString());
    }

    /** Copies a child's stream into {@code sink} (keeping at most {@code cap} bytes, reading on) until it ends. */
    static void drain(InputStream stream, ByteArrayOutputStream sink, int cap) {
        byte[] buffer = new byte[8192];
        try {
            int n;
            while ((n = stream.read(buffer)) >= 0) {
                synchronized (sink) {
                    if (sink.size() < cap) {
                        sink.write(buffer, 0, Math.min(n, cap - sink.size()));
                    }
                }
            }
        } catch (IOException ignored) {
            // the child was killed
        }
    }

    /** A daemon thread for a child's stream, so a stuck stream never keeps the grader alive. */
    static Thread daemon(Runnable r) {
        Thread t = new Thread(r, "optikata-grade-io");
        t.setDaemon(true);
        return t;
    }

    /** Opens a tree of the grader's for reading by the sandbox's user (folders rwxr-xr-x, files rw-r--r--). */
    static void openTree(Path dir) throws IOException {
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.toList()) {
                if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                    open(p);
                } else if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                    p.toFile().setReadable(true, false);
                }
            }
        }
    }

    /** rwxr-xr-x, so the unprivileged child can read what the grader put there. */
    static void open(Path dir) throws IOException {
        try {
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        } catch (UnsupportedOperationException ignored) {
            // not a POSIX file system: nothing to open
        }
    }
}
