package optikata.kata;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import optikata.kata.spec.Observation;
import optikata.kata.spec.ProbeMain;

/**
 * Runs a learner's cases in a child JVM ({@link ProbeMain}, as the grader does), so learner code never
 * runs in the process of {@code check} or {@code watch}: when a case runs out of time the child is
 * killed with everything it started, and the cases left run in a fresh child, each with a shorter
 * limit ({@link #AFTER_TIMEOUT_MILLIS}), so one endless loop does not make every later case wait
 * its full limit. A child that ends early ({@code System.exit}, a crash) fails the case it was on,
 * and the cases after it run in a fresh child.
 */
final class CaseChild {
    /** The time limit of each case after one ran out of time (a case that passes takes milliseconds). */
    static final long AFTER_TIMEOUT_MILLIS = 2000;

    private static final String END_OF_STREAM = "\u0000EOF";

    private CaseChild() {}

    /**
     * What came back for each case asked for: an observation, or why there is none.
     *
     * @param observations per case key ({@code BOOK-CLASS CASE-ID}), what the child observed
     * @param stopped      per case key with no observation, what the child did instead, in plain words
     * @param limits       per case key, the time limit it ran under, in milliseconds
     */
    record Result(Map<String, Observation> observations, Map<String, String> stopped, Map<String, Long> limits) {}

    /** Runs the cases {@code keys} with {@code classpath} before the tool's own, each within {@code timeoutMillis}. */
    static Result run(List<Path> classpath, Path workDir, List<String> keys, long timeoutMillis, int outputCap)
            throws IOException {
        Map<String, Observation> seen = new LinkedHashMap<>();
        Map<String, String> stopped = new LinkedHashMap<>();
        Map<String, Long> limits = new LinkedHashMap<>();
        List<String> todo = new ArrayList<>(keys);
        long limit = timeoutMillis;
        while (!todo.isEmpty()) {
            for (String k : todo) {
                limits.put(k, limit);
            }
            Once once = once(classpath, workDir, todo, limit, outputCap);
            seen.putAll(once.observations());
            List<String> left = new ArrayList<>(todo);
            left.removeAll(once.observations().keySet());
            if (once.timedOut()) {
                limit = Math.min(limit, AFTER_TIMEOUT_MILLIS);
            } else if (!left.isEmpty()) {
                stopped.put(left.remove(0), once.why());
            }
            todo = left;
        }
        return new Result(seen, stopped, limits);
    }

    /** One child: its observations; whether it was killed after a case ran out of time; else why it ended early. */
    private record Once(Map<String, Observation> observations, boolean timedOut, String why) {}

    private static Once once(List<Path> classpath, Path workDir, List<String> todo, long limit, int outputCap)
            throws IOException {
        StringBuilder cp = new StringBuilder();
        for (Path p : classpath) {
            cp.append(p).append(File.pathSeparator);
        }
        cp.append(toolLocation()).append(File.pathSeparator).append(System.getProperty("java.class.path"));
        List<String> command = List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m",
                "-Xss4m",
                "-XX:+ExitOnOutOfMemoryError",
                "-XX:TieredStopAtLevel=1",
                "-Xshare:auto",
                "-Djava.awt.headless=true",
                "-cp",
                cp.toString(),
                ProbeMain.class.getName(),
                String.valueOf(limit),
                String.valueOf(outputCap));
        Process child = new ProcessBuilder(command)
                .directory(workDir.toFile())
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        Map<String, Observation> seen = new LinkedHashMap<>();
        try {
            try (OutputStream in = child.getOutputStream()) {
                in.write((String.join("\n", todo) + "\n\n").getBytes(StandardCharsets.UTF_8));
            } catch (IOException ignored) {
                // the child died before reading: handled below as an early end
            }
            LinkedBlockingQueue<String> lines = new LinkedBlockingQueue<>();
            Thread reader = new Thread(() -> read(child.getInputStream(), lines), "optikata-case-child");
            reader.setDaemon(true);
            reader.start();
            Observation.Decoder decoder = new Observation.Decoder(1 << 22);
            boolean exiting = false;
            long quiet = TimeUnit.MILLISECONDS.toNanos(limit) + TimeUnit.SECONDS.toNanos(5);
            long lastProgress = System.nanoTime();
            while (true) {
                String line;
                try {
                    line = lines.poll(100, TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return new Once(seen, false, "was interrupted");
                }
                if (line == null) {
                    if (System.nanoTime() - lastProgress > quiet) {
                        return new Once(
                                seen,
                                false,
                                "did not finish within " + (quiet / 1_000_000_000L) + " s and was stopped");
                    }
                    continue;
                }
                if (line.equals(END_OF_STREAM)) {
                    return new Once(
                            seen,
                            false,
                            exiting
                                    ? "called System.exit, which ended the run"
                                    : "stopped the JVM (Runtime.halt, a crash, or running out of memory)");
                }
                if (line.equals(ProbeMain.DONE)) {
                    return new Once(seen, false, "");
                }
                if (line.equals(ProbeMain.EXITING)) {
                    exiting = true;
                    continue;
                }
                try {
                    Observation.Finished f = decoder.line(line);
                    if (f != null && todo.contains(f.caseId()) && !seen.containsKey(f.caseId())) {
                        seen.put(f.caseId(), f.observation());
                        lastProgress = System.nanoTime();
                        if (f.observation().end() == Observation.End.TIMED_OUT) {
                            // its thread may still be spinning: the child goes, the rest run in a fresh one
                            return new Once(seen, true, "");
                        }
                    }
                } catch (RuntimeException noise) {
                    // a line the learner's code printed after its case ended: not a report
                    decoder = new Observation.Decoder(1 << 22);
                }
            }
        } finally {
            kill(child);
        }
    }

    /** Ends the child and every process it started, and waits for it. */
    static void kill(Process child) {
        child.descendants().forEach(ProcessHandle::destroyForcibly);
        child.destroyForcibly();
        try {
            child.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The tool's own classes: its jar in a release, target/classes in a checkout. */
    private static String toolLocation() {
        try {
            return Path.of(CaseChild.class
                            .getProtectionDomain()
                            .getCodeSource()
                            .getLocation()
                            .toURI())
                    .toString();
        } catch (URISyntaxException | RuntimeException e) {
            return "";
        }
    }

    private static void read(InputStream stream, LinkedBlockingQueue<String> lines) {
        try (InputStream in = stream) {
            byte[] buffer = new byte[8192];
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            int n;
            while ((n = in.read(buffer)) >= 0) {
                for (int i = 0; i < n; i++) {
                    if (buffer[i] == '\n') {
                        lines.add(bytes.toString(StandardCharsets.UTF_8));
                        bytes.reset();
                    } else if (bytes.size() < 16 * 1024 * 1024) {
                        bytes.write(buffer[i]);
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
