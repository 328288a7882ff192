package optikata.grade;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import optikata.kata.KataLayout;
import optikata.kata.Oracle;
import optikata.kata.Shipped;
import optikata.kata.spec.Case;
import optikata.kata.spec.ProbeMain;

/**
 * Grades one submission so that a grade cannot be forged. The learner's sources are staged
 * (regular files of the stub's names only: {@link Staging}), compiled ({@link SandboxCompiler}) and
 * run in unprivileged child processes ({@link ProbeChildren}); the children only report what the
 * learner's code produced on each case's inputs ({@link ProbeMain}), and this process judges every
 * report against the {@link Oracle} (the same cases run on the reference solution, here) in
 * {@link Scoring}. Nothing a child prints can pass a case unless its numbers are right. Public and
 * hidden cases run in separate children, and only the public ones' output reaches the learner. A
 * child that dies or hangs is replaced by a fresh one past the case that killed it, which gets 0
 * with the reason. This class only orchestrates: it opens the scratch folder and the sandbox,
 * always closes the sandbox before deleting the scratch folder, and always returns a {@link Result}
 * (fatal on any exception or error).
 */
public final class Grader {
    private final KataLayout layout;
    private final GradeOptions options;
    /** The library folder the children read, made once per grader. */
    private final ChildSetup setup = new ChildSetup();

    public Grader(KataLayout layout, GradeOptions options) {
        this.layout = layout;
        this.options = options;
    }

    /** A grade: the outcomes, per exercise compile errors, and how the run went. */
    public record Result(
            String submission,
            List<Outcome> outcomes,
            Map<String, List<String>> compileErrors,
            double score,
            double maxScore,
            double seconds,
            String fatal,
            String sandbox) {}

    public Result grade(Path submission) {
        long start = System.nanoTime();
        String name = submission.getFileName() == null
                ? submission.toString()
                : submission.getFileName().toString();
        Path scratch = null;
        Sandbox box = null;
        try {
            if (!Files.isDirectory(submission, LinkOption.NOFOLLOW_LINKS)) {
                return fatal(name, "the submission folder " + submission + " does not exist (or is a link)", start, "");
            }
            scratch = SafeFiles.createScratch();
            box = Sandbox.openFree(options.sandboxLimits(), !options.sandbox());
            Path work = box.newWorkDir(scratch, "work");
            Staging.Staged staged = Staging.stage(layout, submission, scratch.resolve("src"));
            Map<String, List<String>> compileErrors = staged.errors();
            Map<String, Oracle.Exercise> oracles = new LinkedHashMap<>();
            for (String ex : layout.names()) {
                oracles.put(ex, Oracle.of(layout, ex));
            }
            List<Path> classes = new SandboxCompiler(layout, options.heapMb(), setup, box, scratch, work)
                    .compile(staged.sources(), compileErrors);
            List<Planned> plan = plan(oracles, compileErrors);
            long deadline = start + TimeUnit.SECONDS.toNanos(options.deadlineSeconds());
            ProbeChildren children = new ProbeChildren(options, setup, box, work, deadline);
            Path books = scratch.resolve("books");
            for (boolean hidden : new boolean[] {false, true}) {
                List<Planned> part =
                        plan.stream().filter(p -> p.book().hidden() == hidden).toList();
                if (part.isEmpty()) {
                    continue;
                }
                children.run(classPath(oracles, compileErrors, classes, books, hidden), part);
            }
            Scoring.Scored scored = Scoring.score(
                    layout.names(),
                    options,
                    oracles,
                    plan,
                    children.observations(),
                    children.failures(),
                    compileErrors);
            String isolation = box.describe() + "; heap " + options.heapMb() + " MB";
            if (box.isolation() == Sandbox.Isolation.UID) {
                isolation += toolReadableByOthers();
            }
            box.close();
            return new Result(
                    name,
                    scored.outcomes(),
                    compileErrors,
                    scored.score(),
                    scored.max(),
                    seconds(start),
                    null,
                    isolation);
        } catch (Exception | Error e) {
            return fatal(name, "the grader failed: " + e, start, box == null ? "" : box.describe());
        } finally {
            // every process of the submission ends before its files are deleted, so none can race the deletion
            if (box != null) {
                box.close();
            }
            if (scratch != null) {
                try {
                    SafeFiles.deleteTree(scratch);
                } catch (IOException ignored) {
                    // a leftover temp folder is not worth failing a grade for
                }
            }
        }
    }

    /** Every case of every exercise that compiled, in exercise, book and case order. */
    private List<Planned> plan(Map<String, Oracle.Exercise> oracles, Map<String, List<String>> compileErrors) {
        List<Planned> plan = new ArrayList<>();
        for (String ex : layout.names()) {
            if (compileErrors.containsKey(ex)) {
                continue;
            }
            for (Oracle.BookInfo b : oracles.get(ex).books()) {
                for (Case c : b.cases().values()) {
                    plan.add(new Planned(ex, b, c));
                }
            }
        }
        return plan;
    }

    /**
     * The class path of the children of one part: the learner's classes and the spec books of the
     * exercises that compiled (only the public books for the public part), copied under {@code
     * books} and opened for the sandbox's user.
     */
    private List<Path> classPath(
            Map<String, Oracle.Exercise> oracles,
            Map<String, List<String>> compileErrors,
            List<Path> classes,
            Path books,
            boolean hidden)
            throws IOException {
        for (String ex : layout.names()) {
            if (!compileErrors.containsKey(ex)) {
                Path from =
                        hidden ? oracles.get(ex).bookClasses() : oracles.get(ex).publicBookClasses();
                if (Files.isDirectory(from)) {
                    Shipped.copyTree(from, books.resolve(hidden ? "all" : "public"));
                }
            }
        }
        List<Path> cp = new ArrayList<>(classes);
        cp.add(books.resolve(hidden ? "all" : "public"));
        ChildSetup.openTree(books);
        return cp;
    }

    private Result fatal(String name, String why, long start, String sandbox) {
        double max = 0;
        try {
            max = Scoring.max(layout.names(), options);
        } catch (RuntimeException ignored) {
            // no kata found: max stays 0
        }
        return new Result(name, List.of(), Map.of(), 0, max, seconds(start), why, sandbox);
    }

    static double seconds(long start) {
        return Math.round((System.nanoTime() - start) / 1e7) / 100.0;
    }

    /**
     * A warning for the isolation line when the tool's own code (this jar, or a build's class folder) can be read
     * by other users, empty otherwise. Outside a namespace the learner's code runs as another user on this file
     * system and could load the reference optimizers from it with a class loader of its own.
     */
    static String toolReadableByOthers() {
        try {
            Path code = Path.of(Grader.class
                            .getProtectionDomain()
                            .getCodeSource()
                            .getLocation()
                            .toURI())
                    .toAbsolutePath()
                    .normalize();
            Set<PosixFilePermission> own = Files.getPosixFilePermissions(code);
            boolean readable = own.contains(PosixFilePermission.OTHERS_READ)
                    && (!Files.isDirectory(code) || own.contains(PosixFilePermission.OTHERS_EXECUTE));
            for (Path p = code.getParent(); readable && p != null; p = p.getParent()) {
                readable = Files.getPosixFilePermissions(p).contains(PosixFilePermission.OTHERS_EXECUTE);
            }
            return readable
                    ? "; WARNING: the tool's own files are readable by other users: grade with them unreadable "
                            + "(docs/GRADING.md, Isolation)"
                    : "";
        } catch (URISyntaxException | IOException | RuntimeException unknown) {
            return "";
        }
    }

    /** Whether this process runs as root, from its real uid (never from a property the environment sets). */
    static boolean isRoot() {
        return Sandbox.realUid() == 0;
    }
}
