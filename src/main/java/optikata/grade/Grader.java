package optikata.grade;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import optikata.kata.Exercise;
import optikata.kata.KataCompiler;
import optikata.kata.KataLayout;
import optikata.kata.KataRun;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * Grades one submission: takes only the exercise source files from it, compiles each exercise
 * on its own with the instructor's public and hidden specs, runs every spec in a child JVM (heap
 * cap, per-test timeout, total deadline, an unprivileged user when run as root), and restarts a
 * fresh child past any test that kills or hangs the JVM, giving that test 0 with the reason.
 */
public final class Grader {
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

    /** A test known from discovery. */
    record Planned(String uniqueId, String exercise, String className, String specClass, String name, boolean hidden) {
    }

    public Result grade(Path submission) {
        long start = System.nanoTime();
        String name = submission.getFileName() == null ? submission.toString() : submission.getFileName().toString();
        Path scratch = null;
        try {
            if (!Files.isDirectory(submission)) {
                return fatal(name, "the submission folder " + submission + " does not exist", start);
            }
            Path tree = Files.isDirectory(submission.resolve("exercises")) ? submission.resolve("exercises") : submission;
            scratch = Files.createTempDirectory("optikata-grade-");
            open(scratch);
            Map<String, List<String>> compileErrors = new LinkedHashMap<>();
            List<Planned> plan = new ArrayList<>();
            List<Path> classpath = new ArrayList<>();
            Map<String, Integer> perExercise = new LinkedHashMap<>();
            layout.names().forEach(ex -> perExercise.put(ex, 0));
            // Most submissions compile: one compiler run for all learner sources and one for all specs
            // is several times faster than two per exercise. Only when that fails is each exercise
            // compiled on its own, so that an error costs only its own exercise.
            if (!compileAllAtOnce(tree, scratch, classpath, plan)) {
                for (String ex : layout.names()) {
                    List<String> errors = compileExercise(tree, ex, scratch, classpath, plan);
                    if (!errors.isEmpty()) {
                        compileErrors.put(ex, errors);
                    }
                }
            }
            plan.forEach(p -> perExercise.merge(p.exercise(), 1, Integer::sum));
            Map<String, Outcome> done = plan.isEmpty() ? Map.of() : runChildren(scratch, classpath, plan, start);
            List<Outcome> outcomes = new ArrayList<>();
            for (String ex : layout.names()) {
                double points = options.pointsFor(ex);
                if (compileErrors.containsKey(ex)) {
                    outcomes.add(new Outcome(ex, "", "compiles", "failed", "Does not compile:\n" + String.join("\n", compileErrors.get(ex)),
                            "", false, 0, points));
                    continue;
                }
                double each = points / Math.max(1, perExercise.get(ex));
                for (Planned p : plan) {
                    if (!p.exercise().equals(ex)) {
                        continue;
                    }
                    Outcome o = done.get(p.uniqueId());
                    if (o == null) {
                        o = new Outcome(ex, p.specClass(), p.name(), "failed", "not run: the grading deadline of " + options.deadlineSeconds()
                                + " s was reached", "", p.hidden(), 0, each);
                    }
                    outcomes.add(new Outcome(ex, o.spec(), o.name(), o.status(), o.message(), o.output(), p.hidden(),
                            o.passed() ? each : 0, each));
                }
            }
            double score = outcomes.stream().mapToDouble(Outcome::score).sum();
            double max = layout.names().stream().mapToDouble(options::pointsFor).sum();
            return new Result(name, outcomes, compileErrors, round(score), max, seconds(start), null, sandboxDescription());
        } catch (Exception | Error e) {
            return fatal(name, "the grader failed: " + e, start);
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

    private Result fatal(String name, String why, long start) {
        double max = 0;
        try {
            max = layout.names().stream().mapToDouble(options::pointsFor).sum();
        } catch (RuntimeException ignored) {
            // no kata found: max stays 0
        }
        return new Result(name, List.of(), Map.of(), 0, max, seconds(start), why, sandboxDescription());
    }

    static double seconds(long start) {
        return Math.round((System.nanoTime() - start) / 1e7) / 100.0;
    }

    static double round(double v) {
        return Math.round(v * 1e6) / 1e6;
    }

    /** Copies one exercise's learner files (the stub stands in for a missing one); returns the copies. */
    private List<Path> learnerSources(Path tree, String ex, Path scratch) throws IOException {
        Path src = scratch.resolve("src").resolve(ex);
        List<Path> sources = new ArrayList<>();
        for (Path rel : layout.exercise(ex).sources()) {
            Path from = KataLayout.sourceDir(tree, ex).resolve(rel);
            Path to = src.resolve(rel);
            Files.createDirectories(to.getParent());
            Files.copy(Files.isRegularFile(from) ? from : KataLayout.sourceDir(layout.exercises(), ex).resolve(rel), to,
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            sources.add(to);
        }
        return sources;
    }

    /** All exercises in one compiler run each for learner code and specs; false (and nothing planned) when either fails. */
    private boolean compileAllAtOnce(Path tree, Path scratch, List<Path> classpath, List<Planned> plan) throws IOException {
        List<Path> sources = new ArrayList<>();
        List<Path> specs = new ArrayList<>();
        Map<String, List<String>> specClasses = new LinkedHashMap<>();
        Set<String> hidden = new LinkedHashSet<>();
        for (String ex : layout.names()) {
            sources.addAll(learnerSources(tree, ex, scratch));
            Exercise exercise = layout.exercise(ex);
            List<String> classes = new ArrayList<>();
            for (Path rel : exercise.publicSpecs()) {
                specs.add(layout.publicSpecDir(ex).resolve(rel));
                classes.add(KataLayout.className(rel));
            }
            for (Path rel : exercise.hiddenSpecs()) {
                specs.add(layout.hiddenSpecDir(ex).resolve(rel));
                classes.add(KataLayout.className(rel));
                hidden.add(KataLayout.className(rel));
            }
            specClasses.put(ex, classes);
        }
        Path classes = scratch.resolve("all").resolve("classes");
        if (!KataCompiler.compile(sources, classes, List.of(), Path::toString).ok()) {
            return false;
        }
        Path specOut = scratch.resolve("all").resolve("specs");
        if (!KataCompiler.compile(specs, specOut, List.of(classes), Path::toString).ok()) {
            return false;
        }
        for (Map.Entry<String, List<String>> e : specClasses.entrySet()) {
            plan.addAll(discover(e.getKey(), List.of(classes, specOut), e.getValue(), hidden));
        }
        classpath.add(classes);
        classpath.add(specOut);
        return true;
    }

    /** Copies the learner's files, compiles them, then the specs; adds the tests to the plan. */
    private List<String> compileExercise(Path tree, String ex, Path scratch, List<Path> classpath, List<Planned> plan) throws IOException {
        Exercise exercise = layout.exercise(ex);
        Path src = scratch.resolve("src").resolve(ex);
        List<Path> sources = learnerSources(tree, ex, scratch);
        Path classes = scratch.resolve("ex").resolve(ex).resolve("classes");
        KataCompiler.Result learner = KataCompiler.compile(sources, classes, List.of(), p -> "exercises/" + ex + "/src/" + src.relativize(p));
        if (!learner.ok()) {
            return learner.errors().isEmpty() ? List.of("the compiler failed without a message") : learner.errors();
        }
        List<Path> specs = new ArrayList<>();
        List<String> specClasses = new ArrayList<>();
        Set<String> hiddenClasses = new LinkedHashSet<>();
        for (Path rel : exercise.publicSpecs()) {
            specs.add(layout.publicSpecDir(ex).resolve(rel));
            specClasses.add(KataLayout.className(rel));
        }
        for (Path rel : exercise.hiddenSpecs()) {
            specs.add(layout.hiddenSpecDir(ex).resolve(rel));
            specClasses.add(KataLayout.className(rel));
            hiddenClasses.add(KataLayout.className(rel));
        }
        Path specOut = scratch.resolve("ex").resolve(ex).resolve("specs");
        Path hiddenRoot = layout.hiddenSpecDir(ex).toAbsolutePath().normalize();
        KataCompiler.Result specResult = KataCompiler.compile(specs, specOut, List.of(classes),
                p -> p.toAbsolutePath().normalize().startsWith(hiddenRoot) ? "(a hidden spec)" : "exercises/" + ex + "/spec/"
                        + layout.publicSpecDir(ex).relativize(p));
        if (!specResult.ok()) {
            List<String> errors = new ArrayList<>(List.of("The specs do not compile against your code: keep the class names and "
                    + "method signatures of the stub."));
            specResult.errors().stream().map(e -> e.startsWith("(a hidden spec)") ? "(a hidden spec): does not compile against your code" : e)
                    .distinct().forEach(errors::add);
            return errors;
        }
        classpath.add(classes);
        classpath.add(specOut);
        plan.addAll(discover(ex, List.of(classes, specOut), specClasses, hiddenClasses));
        return List.of();
    }

    /** The tests of the spec classes, found without running any code (classes are loaded, not initialised). */
    private static List<Planned> discover(String ex, List<Path> folders, List<String> specClasses, Set<String> hidden) throws IOException {
        URL[] urls = new URL[folders.size()];
        for (int i = 0; i < urls.length; i++) {
            urls[i] = folders.get(i).toUri().toURL();
        }
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        try (URLClassLoader loader = new URLClassLoader(urls, Grader.class.getClassLoader())) {
            Thread.currentThread().setContextClassLoader(loader);
            LauncherDiscoveryRequestBuilder request = LauncherDiscoveryRequestBuilder.request();
            for (String c : specClasses) {
                request.selectors(selectClass(Class.forName(c, false, loader)));
            }
            TestPlan plan = LauncherFactory.create().discover(request.build());
            List<Planned> out = new ArrayList<>();
            collect(plan, plan.getRoots(), ex, hidden, out);
            return out;
        } catch (ClassNotFoundException e) {
            throw new IOException("spec class missing after compilation: " + e.getMessage(), e);
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
    }

    private static void collect(TestPlan plan, Set<TestIdentifier> ids, String ex, Set<String> hidden, List<Planned> out) {
        for (TestIdentifier id : ids) {
            if (id.isTest()) {
                String cls = ChildMain.className(id);
                out.add(new Planned(id.getUniqueId(), ex, cls, cls.substring(cls.lastIndexOf('.') + 1), id.getDisplayName(),
                        hidden.contains(cls)));
            }
            collect(plan, plan.getChildren(id), ex, hidden, out);
        }
    }

    /** Runs the plan in child JVMs until every test has an outcome or the deadline passes. */
    private Map<String, Outcome> runChildren(Path scratch, List<Path> classpath, List<Planned> plan, long start)
            throws IOException, InterruptedException {
        Map<String, Planned> byId = new LinkedHashMap<>();
        plan.forEach(p -> byId.put(p.uniqueId(), p));
        Map<String, Outcome> done = new LinkedHashMap<>();
        long deadline = start + TimeUnit.SECONDS.toNanos(options.deadlineSeconds());
        for (int attempt = 0; attempt <= plan.size() && done.size() < plan.size() && System.nanoTime() < deadline; attempt++) {
            int before = done.size();
            String stderr = runChild(scratch, classpath, byId, done, deadline);
            if (done.size() == before) {
                // no progress: the JVM stops before any test starts; say so on every test left
                String why = stderr.lines().filter(l -> !l.isBlank()).limit(3).reduce((a, b) -> a + " / " + b).orElse("no message");
                for (Planned p : plan) {
                    done.putIfAbsent(p.uniqueId(), new Outcome(p.exercise(), p.specClass(), p.name(), "failed",
                            "0 points: the test JVM stopped before this test could run (" + why + ")", "", p.hidden(), 0, 0));
                }
                break;
            }
        }
        return done;
    }

    /** One child JVM: runs until every test is reported, the child dies, or it is killed; returns its standard error. */
    private String runChild(Path scratch, List<Path> classpath, Map<String, Planned> byId, Map<String, Outcome> done,
                            long deadline) throws IOException, InterruptedException {
        String token = "@@" + Long.toHexString(new SecureRandom().nextLong()) + Long.toHexString(System.nanoTime());
        List<String> command = new ArrayList<>();
        boolean dropRoot = options.sandbox() && isRoot() && Files.isExecutable(Path.of("/usr/bin/setpriv"));
        if (dropRoot) {
            command.addAll(List.of("/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", "--"));
        }
        StringBuilder cp = new StringBuilder(lib(scratch).resolve("*").toString());
        for (Path p : classpath) {
            cp.append(java.io.File.pathSeparator).append(p);
        }
        command.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx" + options.heapMb() + "m",
                "-XX:+ExitOnOutOfMemoryError", "-XX:TieredStopAtLevel=1", "-Xshare:auto", "-Djava.awt.headless=true", "-cp", cp.toString(),
                ChildMain.class.getName(), String.valueOf(options.testTimeoutSeconds()), String.valueOf(options.outputCapBytes())));
        Path work = scratch.resolve("work");
        Files.createDirectories(work);
        work.toFile().setWritable(true, false);
        ProcessBuilder pb = new ProcessBuilder(command).directory(work.toFile());
        pb.environment().clear();
        pb.environment().put("HOME", work.toString());
        pb.environment().put("PATH", "/usr/bin:/bin");
        pb.environment().put("LANG", "C.UTF-8");
        Process child = pb.start();
        try (OutputStream in = child.getOutputStream()) {
            StringBuilder sb = new StringBuilder(token).append('\n');
            byId.keySet().stream().filter(id -> !done.containsKey(id)).sorted().forEach(id -> sb.append(id).append('\n'));
            sb.append('\n');
            in.write(sb.toString().getBytes(StandardCharsets.UTF_8));
        } catch (IOException ignored) {
            // the child died before reading: handled below like any other early death
        }
        LinkedBlockingQueue<String> lines = new LinkedBlockingQueue<>();
        long[] stray = new long[1];
        StringBuilder strayTail = new StringBuilder();
        Thread reader = daemon(() -> read(child.getInputStream(), token, lines, stray, strayTail));
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        Thread errReader = daemon(() -> drain(child.getErrorStream(), stderr, 64 * 1024));
        reader.start();
        errReader.start();

        String current = null;
        long currentSince = System.nanoTime();
        boolean exitHook = false;
        boolean finished = false;
        String killedFor = null;
        long hardTimeout = TimeUnit.SECONDS.toNanos(options.testTimeoutSeconds() * 2L + 5);
        while (true) {
            String line = lines.poll(100, TimeUnit.MILLISECONDS);
            if (line != null) {
                if (line.equals("EOF")) {
                    break;
                }
                String[] parts = line.split(" ", 2);
                String kind = parts[0];
                if (kind.equals("START")) {
                    String[] f = parts[1].split("\t", -1);
                    current = f[0];
                    currentSince = System.nanoTime();
                } else if (kind.equals("END")) {
                    String[] f = parts[1].split("\t", -1);
                    Planned p = byId.get(f[0]);
                    if (p != null) {
                        String status = switch (f[1]) {
                            case "PASSED" -> "passed";
                            case "NOT_STARTED" -> "not started";
                            default -> "failed";
                        };
                        done.put(f[0], new Outcome(p.exercise(), p.specClass(), p.name(), status, decode(f[2]), decode(f[3]), p.hidden(), 0, 0));
                    }
                    current = null;
                } else if (kind.equals("DONE")) {
                    finished = true;
                } else if (kind.equals("EXIT")) {
                    exitHook = true;
                }
                continue;
            }
            long now = System.nanoTime();
            if (stray[0] > 1_000_000) {
                killedFor = "flooded the output (more than 1 MB written around the test harness)";
            } else if (current != null && now - currentSince > hardTimeout) {
                killedFor = "did not finish within " + (options.testTimeoutSeconds() * 2 + 5) + " s (an endless loop, or a thread that never ends?)";
            } else if (now > deadline) {
                killedFor = "not finished when the grading deadline of " + options.deadlineSeconds() + " s was reached";
            }
            if (killedFor != null) {
                break;
            }
        }
        if (killedFor != null || !finished) {
            child.descendants().forEach(ProcessHandle::destroyForcibly);
            child.destroyForcibly();
        }
        child.waitFor(10, TimeUnit.SECONDS);
        reader.join(2000);
        errReader.join(2000);
        if (current != null && !done.containsKey(current)) {
            Planned p = byId.get(current);
            String jvmOutput;
            synchronized (strayTail) {
                jvmOutput = strayTail + stderr.toString(StandardCharsets.UTF_8);
            }
            String reason = killedFor != null ? killedFor : deathReason(child, exitHook, jvmOutput);
            if (p != null) {
                done.put(current, new Outcome(p.exercise(), p.specClass(), p.name(), "failed", "0 points: the code " + reason + ".", "",
                        p.hidden(), 0, 0));
            }
        }
        synchronized (stderr) {
            return stderr.toString(StandardCharsets.UTF_8);
        }
    }

    private String deathReason(Process child, boolean exitHook, String jvmOutput) {
        int code = child.isAlive() ? -1 : child.exitValue();
        if (jvmOutput.contains("OutOfMemoryError")) {
            return "ran out of memory (the heap is capped at " + options.heapMb() + " MB)";
        }
        if (exitHook) {
            return "called System.exit (the test JVM exited with code " + code + ")";
        }
        return "stopped the test JVM (Runtime.halt, or a crash; exit code " + code + ")";
    }

    /**
     * Splits the child's standard output into lines itself, so that an endless line without a
     * newline cannot grow without bound: a line longer than 256 KiB is counted as stray output
     * and dropped. Lines with the token are events; everything else counts towards the flood limit.
     */
    private static void read(InputStream stream, String token, LinkedBlockingQueue<String> lines, long[] stray, StringBuilder strayTail) {
        byte[] prefix = (token + " ").getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        boolean overlong = false;
        byte[] buffer = new byte[8192];
        try {
            int n;
            while ((n = stream.read(buffer)) >= 0) {
                for (int i = 0; i < n; i++) {
                    byte b = buffer[i];
                    if (b == '\n') {
                        byte[] bytes = line.toByteArray();
                        if (!overlong && startsWith(bytes, prefix)) {
                            lines.add(new String(bytes, prefix.length, bytes.length - prefix.length, StandardCharsets.UTF_8));
                        } else {
                            stray[0] += bytes.length + 1;
                            synchronized (strayTail) {
                                strayTail.append(new String(bytes, 0, Math.min(bytes.length, 512), StandardCharsets.UTF_8)).append('\n');
                                if (strayTail.length() > 4096) {
                                    strayTail.delete(0, strayTail.length() - 4096);
                                }
                            }
                        }
                        line.reset();
                        overlong = false;
                    } else if (line.size() < 262144) {
                        line.write(b);
                    } else {
                        overlong = true;
                        stray[0]++;
                    }
                }
            }
        } catch (IOException ignored) {
            // the child was killed
        } finally {
            lines.add("EOF");
        }
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (bytes[i] != prefix[i]) {
                return false;
            }
        }
        return true;
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

    private static String decode(String b64) {
        return new String(Base64.getDecoder().decode(b64), StandardCharsets.UTF_8);
    }

    static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    String sandboxDescription() {
        if (options.sandbox() && isRoot() && Files.isExecutable(Path.of("/usr/bin/setpriv"))) {
            return "child JVM as user nobody (setpriv), heap " + options.heapMb() + " MB";
        }
        return "child JVM as the current user (not root, so no user to drop to), heap " + options.heapMb() + " MB";
    }

    /** The library's class path, copied once into a world-readable folder next to the scratch folders. */
    private synchronized Path lib(Path scratch) throws IOException {
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

    /** rwxr-xr-x, so the unprivileged child can read what the grader put there. */
    static void open(Path dir) throws IOException {
        try {
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        } catch (UnsupportedOperationException ignored) {
            // not a POSIX file system: nothing to open
        }
    }
}
