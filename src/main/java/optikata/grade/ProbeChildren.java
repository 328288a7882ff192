package optikata.grade;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import optikata.kata.spec.Observation;
import optikata.kata.spec.ProbeMain;

/**
 * Runs a grade's planned cases in probe children ({@link ProbeMain}) inside the submission's
 * {@link Sandbox}: starts a child on the learner's classes and the spec books, feeds it the case
 * keys, reads its framed report lines ({@link Observation.Decoder}) with bounds (a total of
 * {@link #MAX_REPORT_BYTES}, 4 MiB per line, 1 Mi numbers per recorded quantity) and under the per-case timeout
 * and the grade's deadline; kills every process of the child when it must stop, blames the first
 * case without a report (0 points with the reason) and starts a fresh child past it.
 *
 * <p>Nothing a child writes is trusted: its reports are only data (observations, judged later
 * against the oracle by {@link Scoring}); a report for a case it was not given is ignored, two
 * reports for one case fail that case, and malformed lines are kept only as a capped hint of why
 * it stopped (the JVM's own last words, such as an {@code OutOfMemoryError}). It trusts the sandbox
 * to confine and kill the child, and the plan it is given.
 */
final class ProbeChildren {
    /** The most a child may write on its report channel. */
    static final long MAX_REPORT_BYTES = 16L * 1024 * 1024;
    /** What the reader thread queues when the child's output ends (a NUL first: no report line starts so). */
    private static final String END_OF_STREAM = "\u0000EOF";

    private final GradeOptions options;
    private final ChildSetup setup;
    private final Sandbox box;
    private final Path work;
    private final long deadline;
    private final Map<String, Observation> seen = new LinkedHashMap<>();
    private final Map<String, String> failures = new LinkedHashMap<>();

    /**
     * @param work     the sandbox's work folder, the children's working folder
     * @param deadline the grade's deadline, a {@link System#nanoTime} value
     */
    ProbeChildren(GradeOptions options, ChildSetup setup, Sandbox box, Path work, long deadline) {
        this.options = options;
        this.setup = setup;
        this.box = box;
        this.work = work;
        this.deadline = deadline;
    }

    /** What came back so far, per case key: the child's observation (untrusted data, not yet judged). */
    Map<String, Observation> observations() {
        return Collections.unmodifiableMap(seen);
    }

    /** The cases that got 0 without a report, per case key: why. */
    Map<String, String> failures() {
        return Collections.unmodifiableMap(failures);
    }

    /** Runs the plan's cases in children until every case has a report or a failure, or the deadline passes. */
    void run(List<Path> classpath, List<Planned> plan) throws IOException, InterruptedException {
        for (int attempt = 0; attempt <= plan.size() && System.nanoTime() < deadline; attempt++) {
            List<Planned> todo = plan.stream()
                    .filter(p -> !seen.containsKey(p.key()) && !failures.containsKey(p.key()))
                    .toList();
            if (todo.isEmpty()) {
                return;
            }
            int before = seen.size() + failures.size();
            Stop stop = runChild(classpath, todo);
            List<Planned> left = todo.stream()
                    .filter(p -> !seen.containsKey(p.key()) && !failures.containsKey(p.key()))
                    .toList();
            if (!left.isEmpty()) {
                // the first case without a report is the one the child was running when it stopped; a hidden case's
                // message leaves out the exit code, which the learner's code chooses (8 bits of its inputs each time)
                Planned culprit = left.get(0);
                failures.put(
                        culprit.key(),
                        "0 points: the code " + stop.why() + (culprit.book().hidden() ? "" : stop.detail()) + ".");
            }
            if (seen.size() + failures.size() == before) {
                return;
            }
        }
    }

    /** Why a child stopped early: the reason, and a detail the learner's code chose (its exit code), or empty. */
    private record Stop(String why, String detail) {
        Stop(String why) {
            this(why, "");
        }
    }

    /** One child: feeds it the cases, reads reports until it ends or must be killed; returns why it stopped early. */
    private Stop runChild(List<Path> classpath, List<Planned> todo) throws IOException, InterruptedException {
        StringBuilder cp = new StringBuilder(setup.lib() + "/*");
        for (Path p : classpath) {
            cp.append(File.pathSeparator).append(p);
        }
        List<String> command = List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + options.heapMb() + "m",
                "-Xss4m",
                "-XX:+ExitOnOutOfMemoryError",
                "-XX:TieredStopAtLevel=1",
                // no hsperfdata file: nothing reads it, and it is one less file the child leaves in /tmp
                "-XX:-UsePerfData",
                "-Xshare:auto",
                "-Djava.awt.headless=true",
                "-cp",
                cp.toString(),
                ProbeMain.class.getName(),
                String.valueOf(options.testTimeoutSeconds() * 1000L),
                String.valueOf(options.outputCapBytes()));
        List<Path> visible = new ArrayList<>(List.of(setup.lib()));
        classpath.stream().filter(p -> !p.startsWith(work)).forEach(visible::add);
        Process child = box.start(command, work, visible, ChildSetup.env(work));
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
        Thread reader = ChildSetup.daemon(() -> read(child.getInputStream(), lines, bytes));
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        Thread errReader = ChildSetup.daemon(() -> ChildSetup.drain(child.getErrorStream(), stderr, 64 * 1024));
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
                if (line.equals(END_OF_STREAM)) {
                    if (bytes[0] > MAX_REPORT_BYTES) {
                        // the reader stops at the cap: that end of the stream is the flood's, not the child's
                        killedFor = "flooded the output (more than " + MAX_REPORT_BYTES / (1024 * 1024) + " MB)";
                    }
                    break;
                }
                if (line.equals(ProbeMain.DONE)) {
                    finished = true;
                    continue;
                }
                if (line.equals(ProbeMain.EXITING)) {
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
                            seen.put(key, bounded(f.observation()));
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
            return new Stop(killedFor);
        }
        String err;
        synchronized (stderr) {
            err = stderr.toString(StandardCharsets.UTF_8);
        }
        int code = child.isAlive() ? -1 : child.exitValue();
        if (err.contains("OutOfMemoryError") || stray.indexOf("OutOfMemoryError") >= 0) {
            return new Stop("ran out of memory (the heap is capped at " + options.heapMb() + " MB)");
        }
        if (exited) {
            return new Stop("called System.exit", " (the JVM exited with code " + code + ")");
        }
        if (!finished) {
            return new Stop("stopped the JVM (Runtime.halt, or a crash)", " with exit code " + code);
        }
        return new Stop("stopped before reporting");
    }

    /** The most characters of learner text (an exception's message, a recorded text) a report may bring into the grade. */
    static final int MAX_TEXT = 2000;

    /**
     * {@code o} with its learner texts cut to the bounds the child was told to keep (the message and
     * each recorded text to {@link #MAX_TEXT} characters, names to 200, the output to the output cap):
     * a report written by the learner's code instead of the spec can be megabytes of one message, which
     * would reach every report file.
     */
    Observation bounded(Observation o) {
        List<Observation.Entry> entries = new ArrayList<>();
        for (Observation.Entry e : o.entries()) {
            entries.add(new Observation.Entry(
                    cut(e.name(), 200), e.given(), e.numbers(), e.text() == null ? null : cut(e.text(), MAX_TEXT)));
        }
        return new Observation(
                entries,
                o.end(),
                cut(o.thrown(), 200),
                cut(o.message(), MAX_TEXT),
                cut(o.where(), 200),
                cut(o.output(), options.outputCapBytes() + 100),
                o.millis());
    }

    private static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max) + " [... cut at " + max + " characters]";
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
            lines.add(END_OF_STREAM);
        }
    }
}
