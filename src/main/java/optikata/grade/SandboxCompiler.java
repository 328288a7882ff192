package optikata.grade;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import optikata.kata.Declared;
import optikata.kata.KataLayout;

/**
 * Compiles a grade's staged sources with javac run as a child in the submission's {@link Sandbox}
 * (the compiler reads only the staged sources and the learner's library, and writes only in the
 * work folder), then refuses any class the stub does not declare ({@link Declared#unexpected}).
 * It trusts the kata's layout and the JDK's javac; it does not trust the sources (annotation
 * processing is off, no source path beyond the files given) nor javac's output, which is only text
 * to turn into {@code exercises/NN/src/file:line: message} lines, capped.
 */
final class SandboxCompiler {
    private final KataLayout layout;
    private final int heapMb;
    private final ChildSetup setup;
    private final Sandbox box;
    private final Path scratch;
    private final Path work;
    /** The grade's deadline, a {@link System#nanoTime} value. */
    private final long deadline;
    /** When compiling must end, a {@link System#nanoTime} value: {@link #BUDGET_SECONDS} from the start, or the deadline. */
    private long budgetEnd;

    /** The most one grade spends compiling, retries included. */
    static final int BUDGET_SECONDS = 120;

    /**
     * @param heapMb  the compiler JVM's heap cap
     * @param scratch the grade's scratch folder (sources staged under {@code src})
     * @param work     the sandbox's work folder, where the class folders go
     * @param deadline the grade's deadline ({@link System#nanoTime}): compiling ends by it too
     */
    SandboxCompiler(
            KataLayout layout, int heapMb, ChildSetup setup, Sandbox box, Path scratch, Path work, long deadline) {
        this.layout = layout;
        this.heapMb = heapMb;
        this.setup = setup;
        this.box = box;
        this.scratch = scratch;
        this.work = work;
        this.deadline = deadline;
    }

    /**
     * Compiles every exercise in one javac run in the sandbox, or each on its own when that fails
     * (so an error costs only its exercise); then refuses any class that is not the stub's. Returns
     * the class folders of the exercises that compiled.
     *
     * @param staged exercise → its staged sources; not modified
     * @param errors exercise → its errors; exercises already in it are not compiled. Modified: each
     *               exercise that does not compile, or declares a class the stub does not, is added
     */
    List<Path> compile(Map<String, List<Path>> staged, Map<String, List<String>> errors)
            throws IOException, InterruptedException {
        List<String> ok =
                staged.keySet().stream().filter(ex -> !errors.containsKey(ex)).toList();
        List<Path> all = new ArrayList<>();
        ok.forEach(ex -> all.addAll(staged.get(ex)));
        Map<String, Path> out = new LinkedHashMap<>();
        Path together = work.resolve("classes");
        budgetEnd = Math.min(deadline, System.nanoTime() + TimeUnit.SECONDS.toNanos(BUDGET_SECONDS));
        // one run for all, with a third of the budget; when it fails, each exercise alone, sharing what is left
        // (what one leaves unused goes to the next), so a source that keeps javac busy costs only its exercise
        boolean compiledTogether =
                !all.isEmpty() && javac(all, together, share(3)).isEmpty();
        for (int i = 0; i < ok.size(); i++) {
            String ex = ok.get(i);
            if (compiledTogether) {
                out.put(ex, together);
                continue;
            }
            Path dir = work.resolve("classes-" + ex);
            List<String> e = javac(staged.get(ex), dir, share(ok.size() - i));
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

    /** A {@code 1/parts} share of the compile budget left, in nanoseconds (at least 0). */
    private long share(int parts) {
        return Math.max(0, (budgetEnd - System.nanoTime()) / Math.max(1, parts));
    }

    /**
     * Runs javac in a child for at most {@code nanos}; returns the errors as {@code
     * exercises/NN/src/file:line: message}, empty when it compiled.
     */
    private List<String> javac(List<Path> sources, Path out, long nanos) throws IOException, InterruptedException {
        if (nanos < TimeUnit.SECONDS.toNanos(1)) {
            return List.of("not compiled: the grade's time for compiling (" + BUDGET_SECONDS
                    + " s, within the deadline) was used up");
        }
        List<String> cmd = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "javac").toString(),
                "-J-Xmx" + heapMb + "m",
                "-d",
                out.toString(),
                "-cp",
                setup.lib() + "/*",
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
                "-J-XX:TieredStopAtLevel=1",
                // no hsperfdata file, and the JDK's default class-data archive (G1 is kept: in JDK 17 another
                // collector ignores the archive's heap objects and the full module graph, and starts slower)
                "-J-XX:-UsePerfData",
                "-J-Xshare:auto"));
        sources.forEach(s -> cmd.add(s.toString()));
        Process p = box.start(cmd, work, List.of(scratch.resolve("src"), setup.lib()), ChildSetup.env(work));
        p.getOutputStream().close();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Thread t1 = ChildSetup.daemon(() -> ChildSetup.drain(p.getErrorStream(), err, 256 * 1024));
        Thread t2 = ChildSetup.daemon(() -> ChildSetup.drain(p.getInputStream(), err, 256 * 1024));
        t1.start();
        t2.start();
        if (!p.waitFor(nanos, TimeUnit.NANOSECONDS)) {
            box.killAll();
            return List.of(String.format(Locale.ROOT, "the compiler did not finish within %.0f s", nanos / 1e9));
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
}
