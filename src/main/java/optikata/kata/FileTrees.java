package optikata.kata;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The kata's file helpers that the compiler, the oracle and the learner's run share. They live here, not
 * in {@link KataRun}, so that {@link KataCompiler} and {@link Oracle}, which {@code KataRun} uses, do
 * not use {@code KataRun} back ({@code optikata.LayersTest} refuses cycles inside a package).
 */
public final class FileTrees {
    private FileTrees() {}

    /** {@code file} relative to {@code root} when it is inside it, else absolute: how messages name a file. */
    static String display(Path root, Path file) {
        Path abs = file.toAbsolutePath().normalize();
        return abs.startsWith(root) ? root.relativize(abs).toString() : abs.toString();
    }

    /** Deletes a tree without following links (a link is removed, never what it points to). */
    public static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
