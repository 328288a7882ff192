package optikata.kata;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Where the kata lives in a checkout: {@code exercises/<name>/{README.md,src,spec}} for learners,
 * {@code solutions/<name>/src} mirroring the stubs file for file, and the hidden specs in
 * {@code src/kata/hidden/<name>/}. The one place that knows these paths (check, tests, grader).
 */
public final class KataLayout {
    private final Path root;

    public KataLayout(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    /** The checkout the launcher runs from ({@code -Doptikata.home}), or the working directory. */
    public static KataLayout fromHome() {
        return new KataLayout(Path.of(System.getProperty("optikata.home", ".")));
    }

    public Path root() {
        return root;
    }

    public Path exercises() {
        return root.resolve("exercises");
    }

    public Path solutions() {
        return root.resolve("solutions");
    }

    public Path hidden() {
        return root.resolve("src").resolve("kata").resolve("hidden");
    }

    /** Exercise folder names, in order ({@code 01-...}, {@code 02-...}). */
    public List<String> names() {
        if (!Files.isDirectory(exercises())) {
            throw new IllegalArgumentException(
                    "Invalid kata folder: " + exercises() + " (no exercises/ here; run from the optikata checkout)");
        }
        try (Stream<Path> s = Files.list(exercises())) {
            return s.filter(Files::isDirectory)
                    .map(p -> p.getFileName().toString())
                    .filter(n -> n.matches("\\d\\d-.+"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The exercise named exactly, or by its number or the part after it ({@code 1}, {@code 01}, {@code one-step}). */
    public String resolve(String wanted) {
        for (String n : names()) {
            String number = n.substring(0, 2);
            if (n.equals(wanted)
                    || number.equals(wanted)
                    || n.substring(3).equals(wanted)
                    || (wanted.matches("\\d+") && Integer.parseInt(wanted) == Integer.parseInt(number))) {
                return n;
            }
        }
        throw new IllegalArgumentException(
                "Unknown exercise: " + wanted + " (known: " + String.join(", ", names()) + ")");
    }

    public Exercise exercise(String name) {
        return new Exercise(
                name,
                javaFiles(exercises().resolve(name).resolve("src")),
                javaFiles(exercises().resolve(name).resolve("spec")),
                javaFiles(hidden().resolve(name)));
    }

    /** The learner's source folder of {@code exercise} inside a tree laid out like exercises/ (or solutions/). */
    public static Path sourceDir(Path tree, String exercise) {
        return tree.resolve(exercise).resolve("src");
    }

    public Path publicSpecDir(String exercise) {
        return exercises().resolve(exercise).resolve("spec");
    }

    public Path hiddenSpecDir(String exercise) {
        return hidden().resolve(exercise);
    }

    /** The .java files under {@code dir}, relative to it, sorted; empty when the folder is missing. */
    public static List<Path> javaFiles(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.walk(dir)) {
            List<Path> out = new ArrayList<>(s.filter(p -> p.toString().endsWith(".java") && Files.isRegularFile(p))
                    .map(dir::relativize)
                    .sorted()
                    .toList());
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code kata/onestep/OneStepSpec.java} → {@code kata.onestep.OneStepSpec}. */
    public static String className(Path relative) {
        String s = relative.toString().replace('\\', '/');
        return s.substring(0, s.length() - ".java".length()).replace('/', '.');
    }
}
