package optikata.grade;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import optikata.kata.Contract;
import optikata.kata.Declared;
import optikata.kata.Judge;
import optikata.kata.KataLayout;
import optikata.kata.KataRun;
import optikata.kata.Oracle;
import optikata.kata.Shipped;
import optikata.kata.spec.Case;
import optikata.kata.spec.Observation;
import optikata.kata.spec.ProbeMain;

/**
 * Grades one submission so that a grade cannot be forged. The learner's sources are staged
 * (regular files of the stub's names only), compiled and run in unprivileged child processes;
 * the children only report what the learner's code produced on each case's inputs
 * ({@link ProbeMain}), and this process judges every report against the {@link Oracle} (the same
 * cases run on the reference solution, here). Nothing a child prints can pass a case unless its
 * numbers are right. Public and hidden cases run in separate children, and only the public ones'
 * output reaches the learner. A child that dies or hangs is replaced by a fresh one past the case
 * that killed it, which gets 0 with the reason.
 */
public final class Grader {
    /** The most a child may write on its report channel. */
    static final long MAX_REPORT_BYTES = 16L * 1024 * 1024;

    private final KataLayout layout;
    private final GradeOptions options;
    /** The library's class path, copied once into a folder every user can read. */
    private Path libDir;

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

    /** One case to run: its exercise, book, metadata and whether it is hidden. */
    record Planned(String exercise, Oracle.BookInfo book, Case meta) {
        String key() {
            return book.className() + " " + meta.id();
        }
    }

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
            Map<String, List<String>> compileErrors = new LinkedHashMap<>();
            Map<String, List<Path>> expectedSources = new LinkedHashMap<>();
            layout.names()
                    .forEach(ex -> expectedSources.put(ex, layout.exercise(ex).sources()));
            SubmissionFiles.Staged stagedFiles = SubmissionFiles.stage(
                    submission,
                    expectedSources,
                    layout.exercises(),
                    scratch.resolve("src"),
                    SubmissionFiles.DEFAULT_CAP_BYTES);
            for (SubmissionFiles.Refusal r : stagedFiles.refused()) {
                compileErrors
                        .computeIfAbsent(r.exercise(), k -> new ArrayList<>())
                        .add(r.message());
            }
            Map<String, List<Path>> staged = stagedFiles.sources();
            for (Map.Entry<String, List<Path>> e : staged.entrySet()) {
                for (Path file : e.getValue()) {
                    String why = Declared.refusal(file, Files.readString(file, StandardCharsets.UTF_8));
                    String line = why == null
                            ? null
                            : "exercises/" + e.getKey() + "/src/"
                                    + scratch.resolve("src")
                                            .resolve(e.getKey())
                                            .relativize(file)
                                            .toString()
                                            .replace('\\', '/')
                                    + ": " + why;
                    List<String> list = compileErrors.computeIfAbsent(e.getKey(), k -> new ArrayList<>());
                    if (line != null && !list.contains(line)) {
                        list.add(line);
                    }
                    if (list.isEmpty()) {
                        compileErrors.remove(e.getKey());
                    }
                }
            }
            openTree(scratch.resolve("src"));
            Map<String, Oracle.Exercise> oracles = new LinkedHashMap<>();
            for (String ex : layout.names()) {
                oracles.put(ex, Oracle.of(layout, ex));
            }
            List<Path> classes = compile(box, scratch, work, staged, compileErrors);
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
            long deadline = start + TimeUnit.SECONDS.toNanos(options.deadlineSeconds());
            Map<String, Observation> seen = new LinkedHashMap<>();
            Map<String, String> failures = new LinkedHashMap<>();
            Path books = scratch.resolve("books");
            for (boolean hidden : new boolean[] {false, true}) {
                List<Planned> part =
                        plan.stream().filter(p -> p.book().hidden() == hidden).toList();
                if (part.isEmpty()) {
                    continue;
                }
                List<Path> cp = new ArrayList<>();
                for (String ex : layout.names()) {
                    if (!compileErrors.containsKey(ex)) {
                        Path from = hidden
                                ? oracles.get(ex).bookClasses()
                                : oracles.get(ex).publicBookClasses();
                        if (Files.isDirectory(from)) {
                            Shipped.copyTree(from, books.resolve(hidden ? "all" : "public"));
                        }
                    }
                }
                cp.addAll(classes);
                cp.add(books.resolve(hidden ? "all" : "public"));
                openTree(books);
                runChildren(box, work, cp, part, seen, failures, deadline);
            }
            List<Outcome> outcomes = new ArrayList<>();
            for (String ex : layout.names()) {
                double points = options.pointsFor(ex);
                if (compileErrors.containsKey(ex)) {
                    outcomes.add(new Outcome(
                            ex,
                            "",
                            "compiles",
                            "failed",
                            "Does not compile:\n" + String.join("\n", compileErrors.get(ex)),
                            "",
                            false,
                            0,
                            points));
                    continue;
                }
                List<Planned> mine =
                        plan.stream().filter(p -> p.exercise().equals(ex)).toList();
                double each = points / Math.max(1, mine.size());
                Oracle.Exercise oracle = oracles.get(ex);
                for (Planned p : mine) {
                    boolean hidden = p.book().hidden();
                    Observation o = seen.get(p.key());
                    String failure = failures.get(p.key());
                    Outcome out;
                    if (failure != null) {
                        out = new Outcome(
                                ex, p.book().simpleName(), p.meta().title(), "failed", failure, "", hidden, 0, each);
                    } else if (o == null) {
                        out = new Outcome(
                                ex,
                                p.book().simpleName(),
                                p.meta().title(),
                                "failed",
                                "not run: the grading deadline of " + options.deadlineSeconds() + " s was reached",
                                "",
                                hidden,
                                0,
                                each);
                    } else {
                        Judge.Verdict v = Judge.judge(
                                p.meta(),
                                hidden,
                                oracle.expected(p.book().className(), p.meta().id()),
                                o,
                                p.key(),
                                oracle.mistakes(),
                                options.testTimeoutSeconds() * 1000L);
                        String status = switch (v.status()) {
                            case PASSED -> "passed";
                            case NOT_STARTED -> "not started";
                            default -> "failed";
                        };
                        out = new Outcome(
                                ex,
                                p.book().simpleName(),
                                p.meta().title(),
                                status,
                                v.message(),
                                hidden ? "" : o.output(),
                                hidden,
                                v.passed() ? each : 0,
                                each);
                    }
                    outcomes.add(out);
                }
            }
            double score = outcomes.stream().mapToDouble(Outcome::score).sum();
            double max = layout.names().stream().mapToDouble(options::pointsFor).sum();
            String isolation = box.describe() + "; heap " + options.heapMb() + " MB";
            box.close();
            return new Result(name, outcomes, compileErrors, round(score), max, seconds(start), null, isolation);
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

    private Result fatal(String name, String why, long start, String sandbox) {
        double max = 0;
        try {
            max = layout.names().stream().mapToDouble(options::pointsFor).sum();
        } catch (RuntimeException ignored) {
            // no kata found: max stays 0
        }
        return new Result(name, List.of(), Map.of(), 0, max, seconds(start), why, sandbox);
    }

    static double seconds(long start) {
        return Math.round((System.nanoTime() - start) / 1e7) / 100.0;
    }

    static double round(double v) {
        return Math.round(v * 1e6) / 1e6;
    }

    /**
     * Compiles every exercise in one javac run in the sandbox, or each on its own when that fails
     * (so an error costs only its exercise); then refuses any class that is not the stub's. Returns
     * the class folders of the exercises that compiled.
     */
    private List<Path> compile(
            Sandbox box, Path scratch, Path work, Map<String, List<Path>> staged, Map<String, List<String>> errors)
            throws IOException, InterruptedException {
        List<String> ok =
                staged.keySet().stream().filter(ex -> !errors.containsKey(ex)).toList();
        List<Path> all = new ArrayList<>();
        ok.forEach(ex -> all.addAll(staged.get(ex)));
        Map<String, Path> out = new LinkedHashMap<>();
        Path together = work.resolve("classes");
        boolean compiledTogether =
                !all.isEmpty() && javac(box, scratch, work, all, together).isEmpty();
        for (String ex : ok) {
            if (compiledTogether) {
                out.put(ex, together);
                continue;
            }
            Path dir = work.resolve("classes-" + ex);
            List<String> e = javac(box, scratch, work, staged.get(ex), dir);
            if (e.isEmpty()) {
                out.put(ex, dir);
            } else {
                errors.put(ex, e);
            }
        }
        // only the stub's classes, each in its own exercise's package
        for (Path dir : new LinkedHashSet<>(out.values())) {
            List<Path> allowed = new ArrayList<>();
            out.forEach((ex, d) -> {
                if (d.equals(dir)) {
                    allowed.addAll(layout.exercise(ex).sources());
                }
            });
            for (String rel : Declared.unexpected(dir, allowed)) {
                String pkg = rel.contains("/") ? rel.substring(0, rel.lastIndexOf('/')) : "";
                boolean claimed = false;
                for (String ex : out.keySet()) {
                    if (!out.get(ex).equals(dir)) {
                        continue;
                    }
                    for (Path stub : layout.exercise(ex).sources()) {
                        String stubPkg = stub.getParent() == null
                                ? ""
                                : stub.getParent().toString().replace('\\', '/');
                        if (stubPkg.equals(pkg)) {
                            errors.put(
                                    ex,
                                    List.of(Declared.message(
                                            List.of(rel), layout.exercise(ex).sources())));
                            claimed = true;
                        }
                    }
                }
                if (!claimed) {
                    // a class in no exercise's package: every exercise compiled with it is refused
                    for (String ex : out.keySet()) {
                        if (out.get(ex).equals(dir)) {
                            errors.putIfAbsent(
                                    ex,
                                    List.of(Declared.message(
                                            List.of(rel), layout.exercise(ex).sources())));
                        }
                    }
                }
            }
        }
        out.keySet().removeAll(errors.keySet());
        return new ArrayList<>(new LinkedHashSet<>(out.values()));
    }

    /** Runs javac in a child; returns the errors as {@code exercises/NN/src/file:line: message}, empty when it compiled. */
    private List<String> javac(Sandbox box, Path scratch, Path work, List<Path> sources, Path out)
            throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "javac").toString(),
                "-J-Xmx" + options.heapMb() + "m",
                "-d",
                out.toString(),
                "-cp",
                lib() + "/*",
                "--release",
                "17",
                "-encoding",
                "UTF-8",
                "-proc:none",
                "-nowarn",
                "-Xmaxerrs",
                "30",
                "-implicit:none",
                "-sourcepath",
                "",
                "-J-XX:TieredStopAtLevel=1"));
        sources.forEach(s -> cmd.add(s.toString()));
        Process p = box.start(cmd, work, List.of(scratch.resolve("src"), lib()), env(work));
        p.getOutputStream().close();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Thread t1 = daemon(() -> drain(p.getErrorStream(), err, 256 * 1024));
        Thread t2 = daemon(() -> drain(p.getInputStream(), err, 256 * 1024));
        t1.start();
        t2.start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            box.killAll();
            return List.of("the compiler did not finish within 120 s");
        }
        t1.join(2000);
        t2.join(2000);
        if (p.exitValue() == 0) {
            return List.of();
        }
        Path src = scratch.resolve("src");
        List<String> errors = new ArrayList<>();
        String text;
        synchronized (err) {
            text = err.toString(StandardCharsets.UTF_8);
        }
        for (String line : text.split("\n")) {
            int at = line.indexOf(": error: ");
            if (at < 0) {
                continue;
            }
            String file = line.substring(0, at);
            int colon = file.lastIndexOf(':');
            String path = colon > 0 ? file.substring(0, colon) : file;
            String lineNo = colon > 0 ? file.substring(colon + 1) : "?";
            String shown = path;
            try {
                Path rel = src.relativize(Path.of(path));
                shown = "exercises/" + rel.getName(0) + "/src/"
                        + rel.subpath(1, rel.getNameCount()).toString().replace('\\', '/');
            } catch (IllegalArgumentException ignored) {
                // not under the staged sources: show as is
            }
            errors.add(shown + ":" + lineNo + ": " + line.substring(at + 9));
        }
        return errors.isEmpty()
                ? List.of("the compiler failed: "
                        + text.lines().limit(5).reduce((a, b) -> a + " / " + b).orElse("no message"))
                : errors;
    }

    /** Runs the plan's cases in children until every case has a report or a failure, or the deadline passes. */
    private void runChildren(
            Sandbox box,
            Path work,
            List<Path> classpath,
            List<Planned> plan,
            Map<String, Observation> seen,
            Map<String, String> failures,
            long deadline)
            throws IOException, InterruptedException {
        for (int attempt = 0; attempt <= plan.size() && System.nanoTime() < deadline; attempt++) {
            List<Planned> todo = plan.stream()
                    .filter(p -> !seen.containsKey(p.key()) && !failures.containsKey(p.key()))
                    .toList();
            if (todo.isEmpty()) {
                return;
            }
            int before = seen.size() + failures.size();
            String culpritReason = runChild(box, work, classpath, todo, seen, failures, deadline);
            List<Planned> left = todo.stream()
                    .filter(p -> !seen.containsKey(p.key()) && !failures.containsKey(p.key()))
                    .toList();
            if (!left.isEmpty()) {
                // the first case without a report is the one the child was running when it stopped
                failures.put(left.get(0).key(), "0 points: the code " + culpritReason + ".");
            }
            if (seen.size() + failures.size() == before) {
                return;
            }
        }
    }

    /** One child: feeds it the cases, reads reports until it ends or must be killed; returns why it stopped early. */
    private String runChild(
            Sandbox box,
            Path work,
            List<Path> classpath,
            List<Planned> todo,
            Map<String, Observation> seen,
            Map<String, String> failures,
            long deadline)
            throws IOException, InterruptedException {
        StringBuilder cp = new StringBuilder(lib() + "/*");
        for (Path p : classpath) {
            cp.append(File.pathSeparator).append(p);
        }
        List<String> command = List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + options.heapMb() + "m",
                "-Xss4m",
                "-XX:+ExitOnOutOfMemoryError",
                "-XX:TieredStopAtLevel=1",
                "-Xshare:auto",
                "-Djava.awt.headless=true",
                "-cp",
                cp.toString(),
                ProbeMain.class.getName(),
                String.valueOf(options.testTimeoutSeconds() * 1000L),
                String.valueOf(options.outputCapBytes()));
        List<Path> visible = new ArrayList<>(List.of(lib()));
        classpath.stream().filter(p -> !p.startsWith(work)).forEach(visible::add);
        Process child = box.start(command, work, visible, env(work));
        Set<String> wanted = new LinkedHashSet<>();
        try (OutputStream in = child.getOutputStream()) {
            StringBuilder sb = new StringBuilder();
            for (Planned p : todo) {
                sb.append(p.key()).append('\n');
                wanted.add(p.key());
            }
            sb.append('\n');
            in.write(sb.toString().getBytes(StandardCharsets.UTF_8));
        } catch (IOException ignored) {
            // the child died before reading: handled below like any other early death
        }
        LinkedBlockingQueue<String> lines = new LinkedBlockingQueue<>();
        long[] bytes = new long[1];
        Thread reader = daemon(() -> read(child.getInputStream(), lines, bytes));
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        Thread errReader = daemon(() -> drain(child.getErrorStream(), stderr, 64 * 1024));
        reader.start();
        errReader.start();
        Observation.Decoder decoder = new Observation.Decoder(1 << 20);
        // lines that are not reports: the JVM's own last words (it prints "Terminating due to
        // java.lang.OutOfMemoryError" on standard output) or the learner's noise
        StringBuilder stray = new StringBuilder();
        long lastProgress = System.nanoTime();
        long hardTimeout = TimeUnit.SECONDS.toNanos(options.testTimeoutSeconds() * 2L + 5);
        String killedFor = null;
        boolean finished = false;
        boolean exited = false;
        while (true) {
            String line = lines.poll(100, TimeUnit.MILLISECONDS);
            if (line != null) {
                if (line.equals("\u0000EOF")) {
                    if (bytes[0] > MAX_REPORT_BYTES) {
                        // the reader stops at the cap: that end of the stream is the flood's, not the child's
                        killedFor = "flooded the output (more than " + MAX_REPORT_BYTES / (1024 * 1024) + " MB)";
                    }
                    break;
                }
                if (line.equals("D")) {
                    finished = true;
                    continue;
                }
                if (line.equals("X")) {
                    exited = true;
                    continue;
                }
                try {
                    Observation.Finished f = decoder.line(line);
                    if (f != null) {
                        lastProgress = System.nanoTime();
                        String key = f.caseId();
                        if (!wanted.contains(key)) {
                            continue; // not a case of this run: noise
                        }
                        if (seen.containsKey(key) || failures.containsKey(key)) {
                            seen.remove(key);
                            failures.put(
                                    key,
                                    "0 points: two different reports came back for this case (something besides the spec "
                                            + "wrote on the report channel)");
                        } else {
                            seen.put(key, f.observation());
                        }
                    }
                } catch (RuntimeException malformed) {
                    decoder = new Observation.Decoder(1 << 20);
                    if (stray.length() < 4096) {
                        stray.append(line, 0, Math.min(line.length(), 512)).append('\n');
                    }
                }
                continue;
            }
            long now = System.nanoTime();
            if (bytes[0] > MAX_REPORT_BYTES) {
                killedFor = "flooded the output (more than " + MAX_REPORT_BYTES / (1024 * 1024) + " MB)";
            } else if (now - lastProgress > hardTimeout) {
                killedFor = "did not finish within " + (options.testTimeoutSeconds() * 2 + 5)
                        + " s (an endless loop, or a thread that never ends?)";
            } else if (now > deadline) {
                killedFor =
                        "was not finished when the grading deadline of " + options.deadlineSeconds() + " s was reached";
            }
            if (killedFor != null) {
                break;
            }
        }
        // every process of this child (and anything it started) ends here, whatever it did
        box.killAll();
        child.waitFor(10, TimeUnit.SECONDS);
        reader.join(2000);
        errReader.join(2000);
        if (killedFor != null) {
            return killedFor;
        }
        String err;
        synchronized (stderr) {
            err = stderr.toString(StandardCharsets.UTF_8);
        }
        int code = child.isAlive() ? -1 : child.exitValue();
        if (err.contains("OutOfMemoryError") || stray.indexOf("OutOfMemoryError") >= 0) {
            return "ran out of memory (the heap is capped at " + options.heapMb() + " MB)";
        }
        if (exited) {
            return "called System.exit (the JVM exited with code " + code + ")";
        }
        if (!finished) {
            return "stopped the JVM (Runtime.halt, or a crash; exit code " + code + ")";
        }
        return "stopped before reporting";
    }

    /** Reads lines of at most 4 MiB (longer ones are dropped), counting every byte. */
    private static void read(InputStream stream, LinkedBlockingQueue<String> lines, long[] total) {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        boolean overlong = false;
        byte[] buffer = new byte[8192];
        try {
            int n;
            while ((n = stream.read(buffer)) >= 0) {
                total[0] += n;
                if (total[0] > MAX_REPORT_BYTES) {
                    break;
                }
                for (int i = 0; i < n; i++) {
                    byte b = buffer[i];
                    if (b == '\n') {
                        if (!overlong) {
                            lines.add(line.toString(StandardCharsets.UTF_8));
                        }
                        line.reset();
                        overlong = false;
                    } else if (line.size() < 4 * 1024 * 1024) {
                        line.write(b);
                    } else {
                        overlong = true;
                    }
                }
            }
        } catch (IOException ignored) {
            // the child was killed
        } finally {
            lines.add("\u0000EOF");
        }
    }

    private static void drain(InputStream stream, ByteArrayOutputStream sink, int cap) {
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

    private static Thread daemon(Runnable r) {
        Thread t = new Thread(r, "optikata-grade-io");
        t.setDaemon(true);
        return t;
    }

    private static Map<String, String> env(Path work) {
        return Map.of("HOME", work.toString(), "PATH", "/usr/bin:/bin", "LANG", "C.UTF-8", "TMPDIR", work.toString());
    }

    /** Whether this process runs as root, from its real uid (never from a property the environment sets). */
    static boolean isRoot() {
        return Sandbox.realUid() == 0;
    }

    /**
     * What a grading child may use, copied once into a world-readable folder: the contract and the
     * spec runtime ({@link Contract#learnerClassPath}) with EJML, and nothing else of the tool's
     * (no reference implementation, no mistake catalogue, no oracle).
     */
    private synchronized Path lib() throws IOException {
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
