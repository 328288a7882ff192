package optikata.kata;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * How long a learner waits for feedback after a one-line change: in {@code watch} (warm process:
 * the time from the save to the redrawn result) and with a cold {@code ./optikata check 01} (a new
 * JVM). Prints figures; it is a program, not a test (speed goals are not asserted).
 *
 * <pre>
 * mvn -q -o test-compile exec:exec -Dexec.executable=java -Dexec.classpathScope=test \
 *     -Dexec.args="-cp %classpath optikata.kata.FeedbackBenchmark"
 * </pre>
 */
public final class FeedbackBenchmark {
    private FeedbackBenchmark() {}

    public static void main(String[] args) throws Exception {
        int changes = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        int colds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        Path dir = Files.createTempDirectory("optikata-feedback-");
        try {
            KataLayout layout = ScratchKata.create(dir);
            System.out.printf(
                    Locale.ROOT,
                    "machine: %d cores, %s %s%n",
                    Runtime.getRuntime().availableProcessors(),
                    System.getProperty("java.vm.name"),
                    System.getProperty("java.version"));
            warm(layout, changes);
            cold(layout, colds);
        } finally {
            KataRun.deleteTree(dir);
        }
    }

    /** watch on 01, then {@code changes} one-line edits (a wrong sign, then the fix, alternately), timed from the write to the redraw. */
    static void warm(KataLayout layout, int changes) throws Exception {
        ScratchKata.solve(layout, "01-one-step");
        Path stub = KataLayout.sourceDir(layout.exercises(), "01-one-step").resolve("kata/onestep/OneStep.java");
        String right = Files.readString(stub);
        String wrong = right.replace("theta - learningRate", "theta + learningRate");
        if (wrong.equals(right)) {
            throw new IllegalStateException(
                    "the solution's step line was not found; update the benchmark's one-line change");
        }
        StringWriter sink = new StringWriter();
        // Stay on 01: the fixed version passes, and a pass would move the watch on; start from the wrong one.
        Files.writeString(stub, wrong);
        Watcher w = new Watcher(layout, new Progress(layout), new PrintWriter(sink), false, 10);
        Thread t = new Thread(
                () -> {
                    try {
                        w.run("01-one-step");
                    } catch (Exception e) {
                        throw new RuntimeException(e);
                    }
                },
                "watch");
        t.setDaemon(true);
        long t0 = System.nanoTime();
        t.start();
        while (w.runs() < 1) {
            Thread.sleep(5);
        }
        if (!w.last().compiled()) {
            throw new IllegalStateException("the exercise did not compile (is the tool on java.class.path?): "
                    + w.last().compileErrors());
        }
        System.out.printf(
                Locale.ROOT,
                "watch: first check (JVM already up, compiler cold): %.2f s%n",
                (System.nanoTime() - t0) / 1e9);
        List<Double> total = new ArrayList<>();
        List<Double> checkOnly = new ArrayList<>();
        for (int i = 0; i < changes; i++) {
            // Alternate between two wrong versions so the exercise never passes and the watch stays on it.
            String next = i % 2 == 0 ? wrong.replace("Math.sqrt(s + epsilon)", "Math.sqrt(s) + epsilon") : wrong;
            int before = w.runs();
            long start = System.nanoTime();
            Files.writeString(stub, next);
            while (w.runs() == before) {
                Thread.sleep(2);
            }
            total.add((System.nanoTime() - start) / 1e9);
            if (!w.last().compiled() || w.last().results().isEmpty()) {
                throw new IllegalStateException(
                        "a change did not compile: " + w.last().compileErrors());
            }
            checkOnly.add(w.lastSeconds());
            Thread.sleep(300);
        }
        w.press('q');
        t.join(10_000);
        System.out.printf(
                Locale.ROOT,
                "watch (warm), %d one-line changes: save → redrawn result median %.2f s, min %.2f s, max %.2f s "
                        + "(of which compile + specs: median %.2f s)%n",
                changes,
                median(total),
                Collections.min(total),
                Collections.max(total),
                median(checkOnly));
    }

    /** {@code optikata check 01} in a new JVM each time, after a one-line change. */
    static void cold(KataLayout layout, int runs) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<Double> times = new ArrayList<>();
        Path stub = KataLayout.sourceDir(layout.exercises(), "01-one-step").resolve("kata/onestep/OneStep.java");
        for (int i = 0; i < runs; i++) {
            Files.writeString(stub, Files.readString(stub) + "\n// change " + i + "\n");
            ProcessBuilder pb = new ProcessBuilder(
                            java,
                            "-Djava.awt.headless=true",
                            "-Doptikata.home=" + layout.root(),
                            "-cp",
                            System.getProperty("java.class.path"),
                            "optikata.cli.Main",
                            "check",
                            "01")
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD);
            long start = System.nanoTime();
            int code = pb.start().waitFor();
            times.add((System.nanoTime() - start) / 1e9);
            if (code != 1) {
                throw new IllegalStateException("check 01 should fail on the changed stub (exit 1) but exited " + code);
            }
        }
        System.out.printf(
                Locale.ROOT,
                "check 01 (cold JVM), %d runs: median %.2f s, min %.2f s, max %.2f s%n",
                runs,
                median(times),
                Collections.min(times),
                Collections.max(times));
    }

    static double median(List<Double> xs) {
        List<Double> s = new ArrayList<>(xs);
        Collections.sort(s);
        int n = s.size();
        return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
    }
}
