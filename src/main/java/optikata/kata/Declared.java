package optikata.kata;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The classes a learner may declare: exactly the stub's top-level classes (and classes nested in
 * them). A file that declares any other class (one named like a spec, say, to stand in for it) is
 * refused before anything runs.
 */
public final class Declared {
    private Declared() {
    }

    /** Class files in {@code classes} that belong to no stub class (relative paths, sorted). */
    public static List<String> unexpected(Path classes, List<Path> stubSources) throws IOException {
        Set<String> allowed = new TreeSet<>();
        for (Path rel : stubSources) {
            allowed.add(KataLayout.className(rel).replace('.', '/'));
        }
        List<String> out = new ArrayList<>();
        try (Stream<Path> s = Files.walk(classes)) {
            for (Path p : s.filter(f -> !Files.isDirectory(f, java.nio.file.LinkOption.NOFOLLOW_LINKS)).toList()) {
                String rel = classes.relativize(p).toString().replace('\\', '/');
                if (!rel.endsWith(".class")) {
                    out.add(rel);
                    continue;
                }
                String name = rel.substring(0, rel.length() - ".class".length());
                int dollar = name.indexOf('$');
                String top = dollar < 0 ? name : name.substring(0, dollar);
                if (!allowed.contains(top)) {
                    out.add(rel);
                }
            }
        }
        out.sort(null);
        return out;
    }

    /** The learner's message for unexpected classes. */
    public static String message(List<String> extra, List<Path> stubSources) {
        List<String> names = new ArrayList<>();
        for (String e : extra) {
            names.add(e.endsWith(".class") ? e.substring(0, e.length() - 6).replace('/', '.') : e);
        }
        List<String> allowed = stubSources.stream().map(KataLayout::className).toList();
        return "Your files declare classes the exercise does not have: " + String.join(", ", names)
                + ". Keep only the stub's classes (" + String.join(", ", allowed) + "); put helpers inside them as nested classes.";
    }
}
