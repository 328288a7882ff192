package optikata.kata;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** Compiles one exercise from a source tree together with its specs, and runs the specs. */
public final class KataRun {
    private KataRun() {
    }

    /** What happened to one exercise: compiler errors (then no results), or one result per spec. */
    public record Report(String exercise, List<String> compileErrors, List<SpecResult> results) {
        public boolean compiled() {
            return compileErrors.isEmpty();
        }

        public long passed() {
            return results.stream().filter(r -> r.status() == SpecResult.Status.PASSED).count();
        }

        public boolean notStarted() {
            return compiled() && !results.isEmpty() && results.stream().allMatch(r -> r.status() == SpecResult.Status.NOT_STARTED);
        }

        public boolean allPassed() {
            return compiled() && !results.isEmpty() && passed() == results.size();
        }
    }

    /**
     * @param layout     the checkout (for specs and display paths)
     * @param sourceTree a tree laid out like exercises/ (a learner's, solutions/, or a mutant's)
     * @param hidden     include the hidden specs
     */
    public static Report run(KataLayout layout, Path sourceTree, String exercise, boolean hidden, int timeoutSeconds) throws IOException {
        Exercise ex = layout.exercise(exercise);
        Path srcDir = KataLayout.sourceDir(sourceTree, exercise);
        List<Path> files = new ArrayList<>();
        for (Path rel : KataLayout.javaFiles(srcDir)) {
            files.add(srcDir.resolve(rel));
        }
        List<String> specClasses = new ArrayList<>();
        for (Path rel : ex.publicSpecs()) {
            files.add(layout.publicSpecDir(exercise).resolve(rel));
            specClasses.add(KataLayout.className(rel));
        }
        if (hidden) {
            for (Path rel : ex.hiddenSpecs()) {
                files.add(layout.hiddenSpecDir(exercise).resolve(rel));
                specClasses.add(KataLayout.className(rel));
            }
        }
        Path out = Files.createTempDirectory("optikata-" + exercise + "-");
        try {
            KataCompiler.Result compiled = KataCompiler.compile(files, out, List.of(), p -> display(layout.root(), p));
            if (!compiled.ok()) {
                List<String> errors = compiled.errors().isEmpty() ? List.of("the compiler failed without a message") : compiled.errors();
                return new Report(exercise, errors, List.of());
            }
            return new Report(exercise, List.of(), SpecRunner.run(List.of(out), specClasses, timeoutSeconds));
        } finally {
            deleteTree(out);
        }
    }

    static String display(Path root, Path file) {
        Path abs = file.toAbsolutePath().normalize();
        return abs.startsWith(root) ? root.relativize(abs).toString() : abs.toString();
    }

    public static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
