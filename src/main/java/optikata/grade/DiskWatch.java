package optikata.grade;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Bounds what one submission may write to disk as a whole (RLIMIT_FSIZE bounds only each file):
 * every half second it adds up the sizes under the sandbox's work folder and, in the uid fallback,
 * of what the sandbox's uid owns in the folders every user may write into; past the quota it kills
 * every process of the sandbox and remembers it, so the grade says so. A sample stops counting
 * after {@link #MAX_ENTRIES} entries, and what it cannot read it does not count.
 */
final class DiskWatch implements AutoCloseable {
    /** The most one submission may write, work folder and shared folders together. */
    static final long QUOTA_BYTES = 512L * 1024 * 1024;

    static final int MAX_ENTRIES = 200_000;

    private final Sandbox box;
    private final Path work;
    private final Thread thread;
    private volatile boolean exceeded;
    private volatile boolean stopped;

    DiskWatch(Sandbox box, Path work) {
        this.box = box;
        this.work = work;
        this.thread = ChildSetup.daemon(this::watch);
        thread.start();
    }

    /** Whether the submission wrote more than {@link #QUOTA_BYTES} at some point (its processes were killed then). */
    boolean exceeded() {
        return exceeded;
    }

    private void watch() {
        while (!stopped) {
            if (used() > QUOTA_BYTES) {
                exceeded = true;
                box.stop(); // no more processes start in it; those running end now
                return;
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** The bytes under the work folder, plus the uid's own entries in the shared writable folders (uid fallback). */
    long used() {
        long[] total = {0};
        int[] seen = {0};
        sum(work, total, seen);
        if (box.isolation() == Sandbox.Isolation.UID) {
            for (Path p : box.ownedInShared()) {
                sum(p, total, seen);
            }
        }
        return total[0];
    }

    private static void sum(Path top, long[] total, int[] seen) {
        try {
            Files.walkFileTree(top, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    total[0] += attrs.size();
                    return ++seen[0] > MAX_ENTRIES ? FileVisitResult.TERMINATE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    return ++seen[0] > MAX_ENTRIES ? FileVisitResult.TERMINATE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException | RuntimeException e) {
            // a tree that changed while counting: the next sample counts again
        }
    }

    @Override
    public void close() {
        stopped = true;
        thread.interrupt();
    }

    /** The words for a grade stopped by the quota. */
    static String reason() {
        return "the code wrote more than " + QUOTA_BYTES / (1024 * 1024)
                + " MB to disk (work folder and shared folders together), so it was stopped and not graded";
    }
}
