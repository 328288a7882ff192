package optikata.grade;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

    /** Whether a grade gives marks. */
    public enum Trust {
        /** Learner code ran isolated, and nothing secret was in its reach: the marks stand. */
        TRUSTED,
        /** Learner code ran without isolation at the caller's request ({@code --feedback-only}): no marks. */
        FEEDBACK_ONLY,
        /** No grade was made: learner code could not be isolated here; {@code fatal} says why and what to do. */
        REFUSED
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
            String sandbox,
            Trust trust) {
        /** A trusted grade, or one that could not be made ({@code fatal}). */
        public Result(
                String submission,
                List<Outcome> outcomes,
                Map<String, List<String>> compileErrors,
                double score,
                double maxScore,
                double seconds,
                String fatal,
                String sandbox) {
            this(submission, outcomes, compileErrors, score, maxScore, seconds, fatal, sandbox, Trust.TRUSTED);
        }

        /** The points this grade gives: none unless it is trusted. */
        public double marks() {
            return trust == Trust.TRUSTED ? score : 0;
        }
    }

    /** What a grade opened, closed in {@link #grade} whatever happened. */
    private static final class Opened {
        Sandbox box;
        Path scratch;
        DiskWatch disk;
    }

    /**
     * Grades one submission. Never throws: whatever fails, the grader's own errors included, ends as a
     * result that says so, after every process of the submission has ended and its scratch is gone.
     */
    public Result grade(Path submission) {
        long start = System.nanoTime();
        String name = nameOf(submission);
        Opened opened = new Opened();
        Result r;
        try {
            r = gradeIn(submission, name, start, opened);
        } catch (Exception | Error e) {
            r = fatal(
                    name,
                    opened.disk != null && opened.disk.exceeded() ? DiskWatch.reason() : "the grader failed: " + e,
                    start,
                    describe(opened.box));
        }
        String problem = closeAll(opened);
        if (problem != null && r.fatal() == null) {
            r = fatal(name, problem, start, describe(opened.box));
        }
        return r;
    }

    private Result gradeIn(Path submission, String name, long start, Opened opened) throws Exception {
        if (!Files.isDirectory(submission, LinkOption.NOFOLLOW_LINKS)) {
            return fatal(name, "the submission folder " + submission + " does not exist (or is a link)", start, "");
        }
        // the deadline covers everything the submission's code drives: compiling and running
        long deadline = start + TimeUnit.SECONDS.toNanos(options.deadlineSeconds());
        Sandbox box = Sandbox.openFree(options.sandboxLimits(), !options.sandbox());
        opened.box = box;
        String refusal = refusal(box);
        if (refusal != null) {
            return new Result(
                    name, List.of(), Map.of(), 0, maxScore(), seconds(start), refusal, box.describe(), Trust.REFUSED);
        }
        Path scratch = box.newScratch();
        opened.scratch = scratch;
        Path work = box.newWorkDir(scratch, "work");
        DiskWatch disk = new DiskWatch(box, work);
        opened.disk = disk;
        Staging.Staged staged = Staging.stage(layout, submission, scratch.resolve("src"));
        Map<String, List<String>> compileErrors = staged.errors();
        Map<String, Oracle.Exercise> oracles = new LinkedHashMap<>();
        for (String ex : layout.names()) {
            oracles.put(ex, Oracle.of(layout, ex));
        }
        List<Path> classes = new SandboxCompiler(layout, options.heapMb(), setup, box, scratch, work, deadline)
                .compile(staged.sources(), compileErrors);
        List<Planned> plan = plan(oracles, compileErrors);
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
        if (disk.exceeded()) {
            return fatal(name, DiskWatch.reason(), start, box.describe());
        }
        Scoring.Scored scored = Scoring.score(
                layout.names(), options, oracles, plan, children.observations(), children.failures(), compileErrors);
        String isolation = box.describe() + "; heap " + options.heapMb() + " MB";
        box.close();
        return new Result(
                name,
                scored.outcomes(),
                compileErrors,
                scored.score(),
                scored.max(),
                seconds(start),
                null,
                isolation,
                box.isolation() == Sandbox.Isolation.NONE ? Trust.FEEDBACK_ONLY : Trust.TRUSTED);
    }

    /**
     * Why this sandbox may not grade, with what to do, or null: no isolation at all (unless the
     * caller asked for feedback only), or, in the uid fallback, a secret its uid can read.
     */
    String refusal(Sandbox box) throws IOException {
        if (box.isolation() == Sandbox.Isolation.NONE) {
            return options.feedbackOnly()
                    ? null
                    : "refusing to grade: learner code cannot be isolated here (not root, and " + box.why()
                            + "); install bubblewrap (apt-get install bubblewrap) or grade as root, or pass"
                            + " --feedback-only for feedback without marks";
        }
        List<Path> readable = box.readableSecrets(secrets());
        if (!readable.isEmpty()) {
            Path file = readable.get(0);
            Path holder = secrets().stream()
                    .map(p -> p.toAbsolutePath().normalize())
                    .filter(file::startsWith)
                    .findFirst()
                    .orElse(file);
            return "refusing to grade in the uid fallback: the sandbox's uid " + box.uid() + " can read " + file
                    + "; make it private (chmod 700 " + holder + ") or grade where bubblewrap can make a namespace";
        }
        return null;
    }

    /**
     * What learner code must not read, checked from the sandbox's uid in the uid fallback: the
     * checkout (solutions, hidden specs, the tool's build), the tool's own code, the oracle's cache,
     * and whatever the caller adds (a cohort's folder and its output).
     */
    List<Path> secrets() {
        List<Path> secrets = new ArrayList<>(List.of(layout.root()));
        Path code = toolCode();
        if (code != null) {
            secrets.add(code);
        }
        try {
            secrets.add(Oracle.cacheRoot(layout));
        } catch (IOException | RuntimeException none) {
            // no cache folder: nothing cached to protect
        }
        secrets.addAll(extraSecrets);
        return secrets;
    }

    private List<Path> extraSecrets = List.of();

    /** A grader that also refuses the uid fallback while its uid can read {@code more} (a cohort's folders). */
    public Grader protecting(List<Path> more) {
        Grader g = new Grader(layout, options);
        g.extraSecrets = List.copyOf(more);
        return g;
    }

    /**
     * Why this grader would refuse to grade here, or null: opens a sandbox as a grade would, asks
     * {@link #refusal}, and closes it. A cohort asks once before grading anyone.
     */
    public String preflight() {
        Opened opened = new Opened();
        try {
            opened.box = Sandbox.openFree(options.sandboxLimits(), !options.sandbox());
            return refusal(opened.box);
        } catch (IOException | RuntimeException e) {
            return null; // each grade meets the same problem and reports it in its own row
        } finally {
            closeAll(opened);
        }
    }

    /** A grade refused before anything ran, for {@code submission}, with the preflight's reason. */
    public Result refused(Path submission, String why) {
        String name = nameOf(submission);
        return new Result(name, List.of(), Map.of(), 0, maxScore(), 0, why, "", Trust.REFUSED);
    }

    /** A grade that could not be made for {@code submission}, with why. */
    public Result failed(Path submission, String why) {
        String name = nameOf(submission);
        return new Result(name, List.of(), Map.of(), 0, maxScore(), 0, why, "");
    }

    /** Ends the sandbox, then deletes the scratch; returns what went wrong, or null. */
    private static String closeAll(Opened opened) {
        String problem = null;
        if (opened.disk != null) {
            opened.disk.close();
        }
        if (opened.box != null) {
            try {
                opened.box.close();
            } catch (RuntimeException | Error e) {
                problem = "the sandbox could not be closed: " + e.getMessage();
            }
        }
        if (opened.scratch != null && problem == null) {
            try {
                SafeFiles.deleteTree(opened.scratch);
            } catch (IOException | RuntimeException | Error e) {
                // a leftover scratch folder is private to the slot: not worth failing a grade for
            }
        }
        return problem;
    }

    /** A submission's name in the reports: its folder's name. */
    private static String nameOf(Path submission) {
        return submission.getFileName() == null
                ? submission.toString()
                : submission.getFileName().toString();
    }

    private static String describe(Sandbox box) {
        return box == null ? "" : box.describe();
    }

    private double maxScore() {
        try {
            return Scoring.max(layout.names(), options);
        } catch (RuntimeException e) {
            return 0;
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
        return new Result(name, List.of(), Map.of(), 0, maxScore(), seconds(start), why, sandbox);
    }

    static double seconds(long start) {
        return Math.round((System.nanoTime() - start) / 1e7) / 100.0;
    }

    /** Where the tool's own code lies (this jar, or a build's class folder), or null when unknown. */
    static Path toolCode() {
        try {
            return Path.of(Grader.class
                            .getProtectionDomain()
                            .getCodeSource()
                            .getLocation()
                            .toURI())
                    .toAbsolutePath()
                    .normalize();
        } catch (URISyntaxException | RuntimeException unknown) {
            return null;
        }
    }

    /** Whether this process runs as root, from its real uid (never from a property the environment sets). */
    static boolean isRoot() {
        return Sandbox.realUid() == 0;
    }
}
