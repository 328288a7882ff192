package optikata.kata;

import java.io.IOException;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import optikata.kata.spec.Case;
import optikata.kata.spec.Observation;
import optikata.kata.spec.ProbeRunner;

/**
 * A learner's own check of one exercise: stages the learner's sources by the grader's one-file rule
 * ({@link OneFileRule}), compiles them, runs every case of the exercise's specs on them in a child JVM
 * ({@link CaseChild}, killed when a case runs out of time) and judges each observation here against the
 * {@link Oracle} (the same cases run on the reference solution). Grading does the same with the
 * learner's code in a sandboxed child ({@code optikata.grade}).
 */
public final class KataRun {
    /** The most a case's captured output may hold. */
    private static final int OUTPUT_CAP = 64 * 1024;

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
        return run(layout, sourceTree, exercise, hidden, timeoutSeconds, false);
    }

    /**
     * As {@link #run(KataLayout, Path, String, boolean, int)}, with the cases run in this process: only for
     * the instructor's own trees (solutions, generated mistakes), whose code is trusted to end.
     */
    public static Report runInProcess(
            KataLayout layout, Path sourceTree, String exercise, boolean hidden, int timeoutSeconds)
            throws IOException {
        return run(layout, sourceTree, exercise, hidden, timeoutSeconds, true);
    }

    private static Report run(
            KataLayout layout, Path sourceTree, String exercise, boolean hidden, int timeoutSeconds, boolean inProcess)
            throws IOException {
        Path srcDir = KataLayout.sourceDir(sourceTree, exercise);
        if (!Files.isDirectory(srcDir)) {
            throw new IllegalArgumentException(
                    "Invalid source folder: " + srcDir + " (no src/ folder for exercise " + exercise + ")");
        }
        // the grader's one-file rule and words: only the stub's files, no links, no other top-level class
        Path work = Files.createTempDirectory("optikata-" + exercise + "-");
        try {
            Path staged = work.resolve("src");
            Path out = work.resolve("classes");
            Path submission =
                    sourceTree.toAbsolutePath().normalize().equals(layout.exercises()) ? layout.root() : sourceTree;
            List<Path> expected = Stubs.expected(layout, exercise);
            OneFileRule.Staged files = OneFileRule.stage(submission, Map.of(exercise, expected), null, staged);
            List<String> refused = files.errors().get(exercise);
            if (refused != null) {
                return new Report(exercise, List.copyOf(refused), List.of());
            }
            Path stagedDir = staged.resolve(exercise);
            KataCompiler.Result compiled = KataCompiler.compileLearner(
                    files.sources().get(exercise),
                    out,
                    p -> display(layout.root(), srcDir.resolve(stagedDir.relativize(p.toAbsolutePath()))));
            if (!compiled.ok()) {
                List<String> errors = new ArrayList<>(
                        compiled.errors().isEmpty()
                                ? List.of("the compiler failed without a message")
                                : compiled.errors());
                String accessors = configAccessors(files.sources().get(exercise));
                if (accessors != null && errors.stream().anyMatch(e -> e.contains("variable config of type C"))) {
                    errors.add("(C is this exercise's Config record, the type the stub hands to AbstractOptimizer; its"
                            + " accessors are " + accessors + ")");
                }
                return new Report(exercise, List.copyOf(errors), List.of());
            }
            Oracle.Exercise oracle = Oracle.of(layout, exercise);
            List<String> extra = Declared.unexpected(out, expected);
            if (!extra.isEmpty()) {
                return new Report(exercise, List.of(Declared.message(extra, expected)), List.of());
            }
            long timeout = timeoutSeconds * 1000L;
            List<Oracle.BookInfo> books =
                    oracle.books().stream().filter(b -> hidden || !b.hidden()).toList();
            Ran ran = inProcess ? inProcess(out, oracle, books, timeout) : child(out, oracle, books, work, timeout);
            // every case ran first: a mistake is named only when it reproduces what all of them observed
            Map<String, Observation> observed = new LinkedHashMap<>();
            for (Oracle.BookInfo book : books) {
                for (Case meta : book.cases().values()) {
                    String key = book.className() + " " + meta.id();
                    observed.put(key, ran.observations().get(key));
                }
            }
            List<Oracle.Named> proven = Judge.proven(oracle, observed);
            List<SpecResult> results = new ArrayList<>();
            for (Oracle.BookInfo book : books) {
                for (Case meta : book.cases().values()) {
                    String key = book.className() + " " + meta.id();
                    Observation o = ran.observations().get(key);
                    String stopped = ran.stopped().get(key);
                    if (ran.notLoaded().containsKey(book.className())
                            || (o != null
                                    && o.end() == Observation.End.THREW
                                    && o.thrown().equals("SpecNotLoaded"))) {
                        String why = ran.notLoaded().get(book.className());
                        results.add(new SpecResult(
                                book.simpleName(),
                                meta.title(),
                                SpecResult.Status.FAILED,
                                "The specs could not call your code: keep the class names, constructors and method"
                                        + " signatures of the stub" + (why == null ? "" : " (" + why + ")"),
                                0));
                        continue;
                    }
                    if (o == null && stopped != null) {
                        results.add(new SpecResult(
                                book.simpleName(),
                                meta.title(),
                                SpecResult.Status.FAILED,
                                "Your code " + stopped + " during this case; the cases after it ran in a fresh JVM.",
                                0));
                        continue;
                    }
                    long limit = ran.limits().getOrDefault(key, timeout);
                    Judge.Verdict v = Judge.judge(
                            meta, false, oracle.expected(book.className(), meta.id()), o, key, proven, limit);
                    results.add(new SpecResult(
                            book.simpleName(), meta.title(), v.status(), v.message(), o == null ? 0 : o.millis()));
                }
            }
            return new Report(exercise, List.of(), results);
        } finally {
            deleteTree(work);
        }
    }

    /** The cases' observations; why a case has none; per book that could not be loaded, why; each case's limit. */
    private record Ran(
            Map<String, Observation> observations,
            Map<String, String> stopped,
            Map<String, String> notLoaded,
            Map<String, Long> limits) {}

    /** Learner code runs in a child JVM that is killed when a case runs out of time ({@link CaseChild}). */
    private static Ran child(Path classes, Oracle.Exercise oracle, List<Oracle.BookInfo> books, Path work, long timeout)
            throws IOException {
        List<String> keys = new ArrayList<>();
        for (Oracle.BookInfo book : books) {
            book.cases().values().forEach(c -> keys.add(book.className() + " " + c.id()));
        }
        CaseChild.Result r = CaseChild.run(List.of(classes, oracle.bookClasses()), work, keys, timeout, OUTPUT_CAP);
        return new Ran(r.observations(), r.stopped(), Map.of(), r.limits());
    }

    /** The instructor's own trees (solutions, generated mistakes) run here, which is quicker than a child per run. */
    private static Ran inProcess(Path classes, Oracle.Exercise oracle, List<Oracle.BookInfo> books, long timeout)
            throws IOException {
        Map<String, Observation> observations = new HashMap<>();
        Map<String, String> notLoaded = new HashMap<>();
        try (URLClassLoader loader = Oracle.loader(classes, oracle.bookClasses())) {
            for (Oracle.BookInfo book : books) {
                Map<String, Case> cases;
                try {
                    cases = Oracle.cases(loader, book.className());
                } catch (RuntimeException | LinkageError e) {
                    notLoaded.put(book.className(), e.toString());
                    continue;
                }
                for (Case meta : book.cases().values()) {
                    Case c = cases.get(meta.id());
                    if (c != null) {
                        observations.put(book.className() + " " + meta.id(), ProbeRunner.run(c, timeout, OUTPUT_CAP));
                    }
                }
            }
        }
        return new Ran(observations, Map.of(), notLoaded, Map.of());
    }

    private static final Pattern CONFIG = Pattern.compile("record\\s+Config\\s*\\(([^)]*)\\)");

    /** {@code config.learningRate(), config.decay(), ...} from the stub's Config record, or null. */
    static String configAccessors(List<Path> sources) throws IOException {
        for (Path p : sources) {
            Matcher m = CONFIG.matcher(Files.readString(p, StandardCharsets.UTF_8));
            if (m.find()) {
                List<String> names = new ArrayList<>();
                for (String component : m.group(1).split(",")) {
                    String[] words = component.trim().split("\\s+");
                    if (words.length >= 2) {
                        names.add("config." + words[words.length - 1] + "()");
                    }
                }
                return names.isEmpty() ? null : String.join(", ", names);
            }
        }
        return null;
    }

    /** {@link FileTrees#display}. */
    static String display(Path root, Path file) {
        return FileTrees.display(root, file);
    }

    /**
     * {@link FileTrees#deleteTree}, kept for the callers not moved yet (the oracle's mutant section, the
     * grader's child setup).
     */
    public static void deleteTree(Path dir) throws IOException {
        FileTrees.deleteTree(dir);
    }
}
