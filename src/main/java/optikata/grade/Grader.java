package optikata.grade;

import java.io.ByteArrayOutputStream;
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
import optikata.kata.Declared;
import optikata.kata.Exercise;
import optikata.kata.Judge;
import optikata.kata.KataLayout;
import optikata.kata.KataRun;
import optikata.kata.Oracle;
import optikata.kata.SpecResult;
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
    /** The largest source file accepted. */
    static final long MAX_SOURCE_BYTES = 256 * 1024;
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
    public record Result(String submission, List<Outcome> outcomes, Map<String, List<String>> compileErrors, double score,
                         double maxScore, double seconds, String fatal, String sandbox) {
    }

    /** One case to run: its exercise, book, metadata and whether it is hidden. */
    record Planned(String exercise, Oracle.BookInfo book, Case meta) {
        String key() {
            return book.className() + " " + meta.id();
        }
    }

    public Result grade(Path submission) {
        long start = System.nanoTime();
        String name = submission.getFileName() == null ? submission.toString() : submission.getFileName().toString();
        Path scratch = null;
        try (ChildProcess children = new ChildProcess(options.sandbox())) {
            if (!Files.isDirectory(submission, LinkOption.NOFOLLOW_LINKS)) {
                return fatal(name, "the submission folder " + submission + " does not exist (or is a link)", start, children.describe());
            }
            Path tree = Files.isDirectory(submission.resolve("exercises"), LinkOption.NOFOLLOW_LINKS) ? submission.resolve("exercises") : submission;
            scratch = Files.createTempDirectory("optikata-grade-");
            open(scratch);
            Map<String, List<String>> compileErrors = new LinkedHashMap<>();
            Map<String, List<Path>> staged = new LinkedHashMap<>();
            for (String ex : layout.names()) {
                List<String> refused = new ArrayList<>();
                staged.put(ex, stage(submission, tree, ex, scratch.resolve("src").resolve(ex), refused));
                if (!refused.isEmpty()) {
                    compileErrors.put(ex, refused);
                }
            }
            Map<String, Oracle.Exercise> oracles = new LinkedHashMap<>();
            for (String ex : layout.names()) {
                oracles.put(ex, Oracle.of(layout, ex));
            }
            Path classes = scratch.resolve("classes");
            compile(children, scratch, staged, compileErrors, classes);
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
                List<Planned> part = plan.stream().filter(p -> p.book().hidden() == hidden).toList();
                if (part.isEmpty()) {
                    continue;
                }
                List<Path> cp = new ArrayList<>();
                for (String ex : layout.names()) {
                    if (!compileErrors.containsKey(ex)) {
                        Path from = hidden ? oracles.get(ex).bookClasses() : oracles.get(ex).publicBookClasses();
                        copyTree(from, books.resolve(hidden ? "all" : "public"));
                    }
                }
                cp.add(classes);
                cp.add(books.resolve(hidden ? "all" : "public"));
                open(books);
                runChildren(children, scratch, cp, part, seen, failures, deadline);
            }
            List<Outcome> outcomes = new ArrayList<>();
            for (String ex : layout.names()) {
                double points = options.pointsFor(ex);
                if (compileErrors.containsKey(ex)) {
                    outcomes.add(new Outcome(ex, "", "compiles", "failed", "Does not compile:\n" + String.join("\n", compileErrors.get(ex)),
                            "", false, 0, points));
                    continue;
                }
                List<Planned> mine = plan.stream().filter(p -> p.exercise().equals(ex)).toList();
                double each = points / Math.max(1, mine.size());
                Oracle.Exercise oracle = oracles.get(ex);
                for (Planned p : mine) {
                    boolean hidden = p.book().hidden();
                    Observation o = seen.get(p.key());
                    String failure = failures.get(p.key());
                    Outcome out;
                    if (failure != null) {
                        out = new Outcome(ex, p.book().simpleName(), p.meta().title(), "failed", failure, "", hidden, 0, each);
                    } else if (o == null) {
                        out = new Outcome(ex, p.book().simpleName(), p.meta().title(), "failed", "not run: the grading deadline of "
                                + options.deadlineSeconds() + " s was reached", "", hidden, 0, each);
                    } else {
                        Judge.Verdict v = Judge.judge(p.meta(), hidden, oracle.expected(p.book().className(), p.meta().id()), o, p.key(),
                                oracle.mistakes(), options.testTimeoutSeconds() * 1000L);
                        String status = switch (v.status()) {
                            case PASSED -> "passed";
                            case NOT_STARTED -> "not started";
                            default -> "failed";
                        };
                        out = new Outcome(ex, p.book().simpleName(), p.meta().title(), status, v.message(), hidden ? "" : o.output(), hidden,
                                v.passed() ? each : 0, each);
                    }
                    outcomes.add(out);
                }
            }
            double score = outcomes.stream().mapToDouble(Outcome::score).sum();
            double max = layout.names().stream().mapToDouble(options::pointsFor).sum();
            return new Result(name, outcomes, compileErrors, round(score), max, seconds(start), null,
                    children.describe() + ", heap " + options.heapMb() + " MB");
        } catch (Exception | Error e) {
            return fatal(name, "the grader failed: " + e, start, "");
        } finally {
            if (scratch != null) {
                try {
                    KataRun.deleteTree(scratch);
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
     * Copies one exercise's learner files: only the stub's file names, only regular files that are
     * not links and whose every folder up to the submission is not a link, only up to the size cap.
     * A missing file is replaced by the stub; a refused one is reported.
     */
    private List<Path> stage(Path submission, Path tree, String ex, Path to, List<String> refused) throws IOException {
        Exercise exercise = layout.exercise(ex);
        List<Path> out = new ArrayList<>();
        Path root = submission.toAbsolutePath().normalize();
        for (Path rel : exercise.sources()) {
            Path from = KataLayout.sourceDir(tree, ex).resolve(rel).toAbsolutePath().normalize();
            Path target = to.resolve(rel);
            Files.createDirectories(target.getParent());
            String shown = "exercises/" + ex + "/src/" + rel.toString().replace('\\', '/');
            String why = refusal(root, from);
            if (why == null && Files.exists(from, LinkOption.NOFOLLOW_LINKS)) {
                byte[] bytes;
                try (InputStream in = Files.newInputStream(from, LinkOption.NOFOLLOW_LINKS)) {
                    bytes = in.readNBytes((int) MAX_SOURCE_BYTES + 1);
                }
                if (bytes.length > MAX_SOURCE_BYTES) {
                    refused.add(shown + ": larger than " + MAX_SOURCE_BYTES / 1024 + " KiB; refused");
                    continue;
                }
                Files.write(target, bytes);
            } else {
                if (why != null) {
                    refused.add(shown + ": " + why);
                    continue;
                }
                Files.copy(KataLayout.sourceDir(layout.exercises(), ex).resolve(rel), target);
            }
            target.toFile().setReadable(true, false);
            out.add(target);
        }
        return out;
    }

    /** Why {@code file} may not be read as the learner's (a link on the way, not a regular file, outside the tree), or null. */
    static String refusal(Path root, Path file) {
        if (!file.startsWith(root)) {
            return "outside the submission; refused";
        }
        Path p = root;
        for (Path part : root.relativize(file)) {
            p = p.resolve(part);
            if (Files.isSymbolicLink(p)) {
                return (p.equals(file) ? "a symbolic link" : "inside a folder that is a symbolic link (" + root.relativize(p) + ")")
                        + "; only regular files are graded";
            }
        }
        if (Files.exists(file, LinkOption.NOFOLLOW_LINKS) && !Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            return "not a regular file; refused";
        }
        return null;
    }

    /** Compiles every exercise in one child run, or each on its own when that fails; records errors per exercise. */
    private void compile(ChildProcess children, Path scratch, Map<String, List<Path>> staged, Map<String, List<String>> errors, Path classes)
            throws IOException, InterruptedException {
        List<String> ok = staged.keySet().stream().filter(ex -> !errors.containsKey(ex)).toList();
        List<Path> all = new ArrayList<>();
        ok.forEach(ex -> all.addAll(staged.get(ex)));
        Files.createDirectories(classes);
        writable(classes);
        boolean together = !all.isEmpty() && javac(children, scratch, all, classes).isEmpty();
        for (String ex : ok) {
            if (!together) {
                Path out = scratch.resolve("classes-" + ex);
                Files.createDirectories(out);
                writable(out);
                List<String> e = javac(children, scratch, staged.get(ex), out);
                if (!e.isEmpty()) {
                    errors.put(ex, e);
                    continue;
                }
                copyTree(out, classes);
            }
        }
        // only the stub's classes, each in its own exercise's package
        for (String ex : ok) {
            if (errors.containsKey(ex)) {
                continue;
            }
            List<Path> stubs = layout.exercise(ex).sources();
            Set<String> packages = new LinkedHashSet<>();
            stubs.forEach(s -> packages.add(s.getParent() == null ? "" : s.getParent().toString().replace('\\', '/')));
            List<String> extra = new ArrayList<>();
            for (String rel : Declared.unexpected(classes, allStubs())) {
                String pkg = rel.contains("/") ? rel.substring(0, rel.lastIndexOf('/')) : "";
                if (packages.contains(pkg)) {
                    extra.add(rel);
                }
            }
            if (!extra.isEmpty()) {
                errors.put(ex, List.of(Declared.message(extra, stubs)));
            }
        }
        for (String rel : Declared.unexpected(classes, allStubs())) {
            boolean claimed = false;
            for (String ex : ok) {
                for (Path s : layout.exercise(ex).sources()) {
                    String pkg = s.getParent() == null ? "" : s.getParent().toString().replace('\\', '/');
                    claimed |= rel.startsWith(pkg + "/");
                }
            }
            if (!claimed) {
                // a class in no exercise's package: refuse the whole submission's code
                for (String ex : ok) {
                    errors.putIfAbsent(ex, List.of(Declared.message(List.of(rel), layout.exercise(ex).sources())));
                }
            }
        }
    }

    private List<Path> allStubs() {
        List<Path> out = new ArrayList<>();
        layout.names().forEach(ex -> out.addAll(layout.exercise(ex).sources()));
        return out;
    }

    /** Runs javac in a child; returns the errors as {@code exercises/NN/src/file:line: message}, empty when it compiled. */
    private List<String> javac(ChildProcess children, Path scratch, List<Path> sources, Path out) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "javac").toString(),
                "-J-Xmx" + options.heapMb() + "m", "-d", out.toString(), "-cp", lib() + "/*", "--release", "17", "-encoding", "UTF-8",
                "-proc:none", "-nowarn", "-Xmaxerrs", "30", "-implicit:none", "-sourcepath", ""));
        sources.forEach(s -> cmd.add(s.toString()));
        Process p = children.start(cmd, work(scratch), List.of(scratch), env(scratch));
        p.getOutputStream().close();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Thread t1 = daemon(() -> drain(p.getErrorStream(), err, 256 * 1024));
        Thread t2 = daemon(() -> drain(p.getInputStream(), err, 256 * 1024));
        t1.start();
        t2.start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
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
                shown = "exercises/" + rel.getName(0) + "/src/" + rel.subpath(1, rel.getNameCount()).toString().replace('\\', '/');
            } catch (IllegalArgumentException ignored) {
                // not under the staged sources: show as is
            }
            errors.add(shown + ":" + lineNo + ": " + line.substring(at + 9));
        }
        return errors.isEmpty() ? List.of("the compiler failed: " + text.lines().limit(5).reduce((a, b) -> a + " / " + b).orElse("no message"))
                : errors;
    }

    /** Runs the plan's cases in children until every case has a report or a failure, or the deadline passes. */
    private void runChildren(ChildProcess children, Path scratch, List<Path> classpath, List<Planned> plan, Map<String, Observation> seen,
                             Map<String, String> failures, long deadline) throws IOException, InterruptedException {
        for (int attempt = 0; attempt <= plan.size() && System.nanoTime() < deadline; attempt++) {
            List<Planned> todo = plan.stream().filter(p -> !seen.containsKey(p.key()) && !failures.containsKey(p.key())).toList();
            if (todo.isEmpty()) {
                return;
            }
            int before = seen.size() + failures.size();
            String culpritReason = runChild(children, scratch, classpath, todo, seen, failures, deadline);
            List<Planned> left = todo.stream().filter(p -> !seen.containsKey(p.key()) && !failures.containsKey(p.key())).toList();
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
    private String runChild(ChildProcess children, Path scratch, List<Path> classpath, List<Planned> todo, Map<String, Observation> seen,
                            Map<String, String> failures, long deadline) throws IOException, InterruptedException {
        StringBuilder cp = new StringBuilder(lib() + "/*");
        for (Path p : classpath) {
            cp.append(java.io.File.pathSeparator).append(p);
        }
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx" + options.heapMb() + "m",
                "-Xss4m", "-XX:+ExitOnOutOfMemoryError", "-XX:TieredStopAtLevel=1", "-Xshare:auto", "-Djava.awt.headless=true",
                "-cp", cp.toString(), ProbeMain.class.getName(), String.valueOf(options.testTimeoutSeconds() * 1000L),
                String.valueOf(options.outputCapBytes()));
        Process child = children.start(command, work(scratch), List.of(scratch), env(scratch));
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
                            failures.put(key, "0 points: two different reports came back for this case (something besides the spec "
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
                killedFor = "did not finish within " + (options.testTimeoutSeconds() * 2 + 5) + " s (an endless loop, or a thread that never ends?)";
            } else if (now > deadline) {
                killedFor = "was not finished when the grading deadline of " + options.deadlineSeconds() + " s was reached";
            }
            if (killedFor != null) {
                break;
            }
        }
        children.close();
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

    private static Path work(Path scratch) throws IOException {
        Path work = scratch.resolve("work");
        Files.createDirectories(work);
        work.toFile().setWritable(true, false);
        return work;
    }

    private static Map<String, String> env(Path scratch) {
        return Map.of("HOME", scratch.resolve("work").toString(), "PATH", "/usr/bin:/bin", "LANG", "C.UTF-8", "TMPDIR",
                scratch.resolve("work").toString());
    }

    /** Whether this process runs as root, from its real uid (never from a property the environment sets). */
    static boolean isRoot() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("Uid:")) {
                    return line.split("\\s+")[1].equals("0");
                }
            }
        } catch (IOException | RuntimeException ignored) {
            // no /proc: not Linux, so no dropping of privileges either
        }
        return false;
    }

    /** The library's class path, copied once into a world-readable folder. */
    private synchronized Path lib() throws IOException {
        if (libDir != null && Files.isDirectory(libDir)) {
            return libDir;
        }
        Path dir = Files.createTempDirectory("optikata-grade-lib-");
        open(dir);
        int k = 0;
        for (Path p : classPath()) {
            String entry = p.toString();
            if (Files.isRegularFile(p) && entry.endsWith(".jar")) {
                Path to = dir.resolve(String.format("%03d-%s", k++, p.getFileName()));
                Files.copy(p, to);
                to.toFile().setReadable(true, false);
            } else if (Files.isDirectory(p)) {
                Path jar = dir.resolve(String.format("%03d-classes.jar", k++));
                Jars.write(p, jar);
                jar.toFile().setReadable(true, false);
            }
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

    /**
     * This JVM's class path, with the Class-Path entries of jar manifests followed (a test runner's
     * manifest-only jar lists the real class path there).
     */
    static List<Path> classPath() throws IOException {
        Set<Path> seen = new LinkedHashSet<>();
        java.util.ArrayDeque<Path> todo = new java.util.ArrayDeque<>();
        for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
            if (!entry.isBlank()) {
                todo.add(Path.of(entry).toAbsolutePath().normalize());
            }
        }
        while (!todo.isEmpty()) {
            Path p = todo.poll();
            if (!seen.add(p) || !Files.isRegularFile(p) || !p.toString().endsWith(".jar")) {
                continue;
            }
            try (java.util.jar.JarFile jar = new java.util.jar.JarFile(p.toFile())) {
                java.util.jar.Manifest m = jar.getManifest();
                String cp = m == null ? null : m.getMainAttributes().getValue(java.util.jar.Attributes.Name.CLASS_PATH);
                if (cp != null) {
                    for (String ref : cp.trim().split("\\s+")) {
                        try {
                            todo.add(Path.of(p.toUri().resolve(ref)).toAbsolutePath().normalize());
                        } catch (IllegalArgumentException | java.nio.file.FileSystemNotFoundException ignored) {
                            // not a file URL: skip it
                        }
                    }
                }
            }
        }
        return seen.stream().filter(Files::exists).toList();
    }

    /** Copies a tree of class files (no links followed). */
    static void copyTree(Path from, Path to) throws IOException {
        if (!Files.isDirectory(from)) {
            return;
        }
        try (java.util.stream.Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                    Files.createDirectories(target);
                    open(target);
                } else if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                    Files.copy(p, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                    target.toFile().setReadable(true, false);
                }
            }
        }
    }

    /** rwxrwxrwx: a folder the child writes into (its classes); read back here without following links. */
    static void writable(Path dir) throws IOException {
        try {
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxrwxrwx"));
        } catch (UnsupportedOperationException ignored) {
            // not a POSIX file system
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
