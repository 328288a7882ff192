package optikata.kata;

import java.io.IOException;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import optikata.kata.spec.Case;
import optikata.kata.spec.Observation;
import optikata.kata.spec.ProbeRunner;

/**
 * A learner's own check of one exercise, in this process: compiles the learner's sources, runs
 * every case of the exercise's specs on them and judges each observation against the
 * {@link Oracle} (the same cases run on the reference solution). Grading does the same with the
 * learner's code in a sandboxed child ({@code optikata.grade}).
 */
public final class KataRun {
    private KataRun() {}

    /** What happened to one exercise: compiler errors (then no results), or one result per case. */
    public record Report(String exercise, List<String> compileErrors, List<SpecResult> results) {
        public boolean compiled() {
            return compileErrors.isEmpty();
        }

        public long passed() {
            return results.stream()
                    .filter(r -> r.status() == SpecResult.Status.PASSED)
                    .count();
        }

        public boolean notStarted() {
            return compiled()
                    && !results.isEmpty()
                    && results.stream().allMatch(r -> r.status() == SpecResult.Status.NOT_STARTED);
        }

        public boolean allPassed() {
            return compiled() && !results.isEmpty() && passed() == results.size();
        }
    }

    /**
     * Runs one exercise's specs against a source tree.
     *
     * @param layout     the checkout (for specs and display paths)
     * @param sourceTree a tree laid out like exercises/ (a learner's, solutions/, or a mutant's)
     * @param hidden     include the hidden specs
     */
    public static Report run(KataLayout layout, Path sourceTree, String exercise, boolean hidden, int timeoutSeconds)
            throws IOException {
        Exercise ex = layout.exercise(exercise);
        Path srcDir = KataLayout.sourceDir(sourceTree, exercise);
        if (!Files.isDirectory(srcDir)) {
            throw new IllegalArgumentException(
                    "Invalid source folder: " + srcDir + " (no src/ folder for exercise " + exercise + ")");
        }
        List<Path> files = new ArrayList<>();
        List<String> refused = new ArrayList<>();
        for (Path rel : KataLayout.javaFiles(srcDir)) {
            String text;
            try {
                text = Files.readString(srcDir.resolve(rel), StandardCharsets.UTF_8);
            } catch (NoSuchFileException vanished) {
                continue; // deleted while we looked (an editor saving by rename, a helper removed)
            }
            files.add(srcDir.resolve(rel));
            String why = Declared.refusal(srcDir.resolve(rel), text);
            if (why != null) {
                refused.add(display(layout.root(), srcDir.resolve(rel)) + ": " + why);
            }
        }
        if (!refused.isEmpty()) {
            return new Report(exercise, refused, List.of());
        }
        Oracle.Exercise oracle = Oracle.of(layout, exercise);
        Path out = Files.createTempDirectory("optikata-" + exercise + "-");
        try {
            KataCompiler.Result compiled = KataCompiler.compileLearner(files, out, p -> display(layout.root(), p));
            if (!compiled.ok()) {
                List<String> errors = compiled.errors().isEmpty()
                        ? List.of("the compiler failed without a message")
                        : compiled.errors();
                return new Report(exercise, errors, List.of());
            }
            List<String> extra = Declared.unexpected(out, ex.sources());
            if (!extra.isEmpty()) {
                return new Report(exercise, List.of(Declared.message(extra, ex.sources())), List.of());
            }
            List<SpecResult> results = new ArrayList<>();
            long timeout = timeoutSeconds * 1000L;
            // every case runs first: a mistake is named only when it reproduces what all of them observed
            Map<String, Observation> observed = new LinkedHashMap<>();
            List<Consumer<List<Oracle.Named>>> judging = new ArrayList<>();
            try (URLClassLoader loader = Oracle.loader(out, oracle.bookClasses())) {
                for (Oracle.BookInfo book : oracle.books()) {
                    if (book.hidden() && !hidden) {
                        continue;
                    }
                    Map<String, Case> cases;
                    try {
                        cases = Oracle.cases(loader, book.className());
                    } catch (RuntimeException | LinkageError e) {
                        for (Case c : book.cases().values()) {
                            SpecResult failed = new SpecResult(
                                    book.simpleName(),
                                    c.title(),
                                    SpecResult.Status.FAILED,
                                    "The specs could not call your code: keep the class names, constructors and method signatures of the stub ("
                                            + e + ")",
                                    0);
                            judging.add(proven -> results.add(failed));
                        }
                        continue;
                    }
                    for (Case meta : book.cases().values()) {
                        Case c = cases.get(meta.id());
                        Observation o = c == null ? null : ProbeRunner.run(c, timeout, 64 * 1024);
                        String key = book.className() + " " + meta.id();
                        observed.put(key, o);
                        judging.add(proven -> {
                            Judge.Verdict v = Judge.judge(
                                    meta, false, oracle.expected(book.className(), meta.id()), o, key, proven, timeout);
                            results.add(new SpecResult(
                                    book.simpleName(),
                                    meta.title(),
                                    v.status(),
                                    v.message(),
                                    o == null ? 0 : o.millis()));
                        });
                    }
                }
            }
            List<Oracle.Named> proven = Judge.proven(oracle, observed);
            judging.forEach(j -> j.accept(proven));
            return new Report(exercise, List.of(), results);
        } finally {
            deleteTree(out);
        }
    }

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
