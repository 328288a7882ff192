package optikata.kata;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * {@code watch}: re-compiles and re-runs one exercise's specs in this (warm) process whenever its
 * files change, and redraws: the first failing spec's teaching message on top, a progress line
 * below. When the exercise passes it says so and moves to the next unfinished one. Keys: {@code q}
 * quits, {@code h} shows the next hint, {@code l} the list.
 *
 * <p>Changes are seen through the file system's {@link WatchService}, and a fingerprint of the
 * files (names, sizes, modification times) is compared every {@value #POLL_MILLIS} ms as well,
 * which covers file systems where the watch service misses events (network mounts, some editors'
 * rename-on-save).
 */
public final class Watcher {
    static final int POLL_MILLIS = 150;
    /** How long a stub may be missing (an editor's save by rename) before the watch gives up. */
    static final int MISSING_GRACE_MILLIS = 1500;

    private static final String CLEAR = "\033[H\033[2J\033[3J";

    private final KataLayout layout;
    private final Progress progress;
    private final PrintWriter out;
    private final boolean ansi;
    private final int timeoutSeconds;
    private final BlockingQueue<Integer> keys = new LinkedBlockingQueue<>();
    private String banner = "";
    private String extra = "";
    private volatile KataRun.Report last;
    private volatile double lastSeconds;
    private final AtomicInteger runs = new AtomicInteger();
    /** A result computed while choosing the next exercise, shown instead of running it again. */
    private KataRun.Report pending;

    /**
     * @param ansi true to redraw a terminal screen (clear, message on top); false to append plain lines
     */
    public Watcher(KataLayout layout, Progress progress, PrintWriter out, boolean ansi, int timeoutSeconds) {
        this.layout = layout;
        this.progress = progress;
        this.out = out;
        this.ansi = ansi;
        this.timeoutSeconds = timeoutSeconds;
    }

    /** Reads keys from {@code in} on a daemon thread (one byte each; the end of input stops reading, not the watch). */
    public void readKeys(InputStream in) {
        Thread t = new Thread(
                () -> {
                    try {
                        int c;
                        while ((c = in.read()) >= 0) {
                            keys.add(c);
                        }
                    } catch (IOException e) {
                        // no more keys
                    }
                },
                "optikata-watch-keys");
        t.setDaemon(true);
        t.start();
    }

    /** Feeds a key as if typed (for tests and embedding). */
    public void press(char c) {
        keys.add((int) c);
    }

    /** Thrown for a watch that cannot go on (deleted stub): one line, exit code 2. */
    public static final class Stop extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        Stop(String message) {
            super(message);
        }
    }

    /**
     * Watches {@code start} (or the first unfinished exercise when null) until {@code q}, or the end
     * of the kata. Returns 0.
     */
    public int run(String start) throws IOException, InterruptedException {
        List<String> names = layout.names();
        String current = start != null ? start : nextUnfinished(names, null);
        if (current == null) {
            show(Completion.kataDone());
            return 0;
        }
        try (WatchService ws = FileSystems.getDefault().newWatchService()) {
            while (current != null) {
                // Watch and fingerprint before the first run, so a save during it is not missed.
                List<Path> watched = register(ws, current);
                String print = fingerprint(current);
                check(current);
                long missingSince = -1;
                boolean moved = false;
                while (!moved) {
                    Integer key = keys.poll(POLL_MILLIS, TimeUnit.MILLISECONDS);
                    if (key != null) {
                        char c = Character.toLowerCase((char) key.intValue());
                        if (c == 'q' || key == 3 || key == 4) {
                            if (!ansi) {
                                out.println("watch: quit");
                            } else {
                                out.println();
                            }
                            out.flush();
                            return 0;
                        } else if (c == 'h') {
                            extra = Hints.next(layout, progress, current, false);
                            redrawOrAppend(current);
                        } else if (c == 'l') {
                            extra = listText(names);
                            redrawOrAppend(current);
                        } else if (c == '\r' || c == '\n' || c == ' ') {
                            if (ansi) {
                                draw(current);
                            }
                        }
                        continue;
                    }
                    boolean event = drain(ws);
                    String now = fingerprint(current);
                    if (missing(watched) != null) {
                        if (missingSince < 0) {
                            missingSince = System.nanoTime();
                        } else if ((System.nanoTime() - missingSince) / 1_000_000 > MISSING_GRACE_MILLIS) {
                            throw new Stop(missing(watched) + " was deleted while watching (./optikata reset "
                                    + current.substring(0, 2) + " puts the stub back)");
                        }
                        continue;
                    }
                    missingSince = -1;
                    if (!event && now.equals(print)) {
                        continue;
                    }
                    // Let an editor finish writing (several events for one save) before compiling.
                    Thread.sleep(60);
                    drain(ws);
                    print = fingerprint(current);
                    extra = "";
                    banner = "";
                    check(current);
                    if (last.allPassed()) {
                        if (ansi) {
                            banner = "✔ " + current + " is done: every spec passes. Looking for the next exercise ...";
                            draw(current);
                        }
                        String next = nextUnfinished(names, current);
                        if (next == null) {
                            show(Completion.exerciseDone(layout, current, null));
                            return 0;
                        }
                        banner = Completion.exerciseDone(layout, current, next, true);
                        current = next;
                        moved = true;
                    }
                }
            }
        }
        return 0;
    }

    /** Runs the exercise's specs, records the result and redraws. */
    void check(String exercise) throws IOException {
        if (pending != null && pending.exercise().equals(exercise)) {
            // Just run while looking for the next unfinished exercise, on the same files.
            last = pending;
            pending = null;
        } else {
            last = runAndRecord(exercise);
        }
        draw(exercise);
        runs.incrementAndGet();
    }

    private KataRun.Report runAndRecord(String exercise) throws IOException {
        String problem = Stubs.problem(layout, exercise);
        if (problem != null) {
            throw new Stop(problem);
        }
        long t0 = System.nanoTime();
        String hash = progress.hash(exercise);
        KataRun.Report r = KataRun.run(layout, layout.exercises(), exercise, false, timeoutSeconds);
        progress.record(r, hash);
        progress.save();
        lastSeconds = (System.nanoTime() - t0) / 1e9;
        return r;
    }

    /** The result of the last run (for tests and the benchmark). */
    public KataRun.Report last() {
        return last;
    }

    /** How many times the specs were run (for the benchmark). */
    public int runs() {
        return runs.get();
    }

    public double lastSeconds() {
        return lastSeconds;
    }

    private void draw(String exercise) {
        StringBuilder sb = new StringBuilder();
        if (ansi) {
            sb.append(CLEAR);
        }
        if (!banner.isEmpty()) {
            sb.append(banner).append('\n');
        }
        KataRun.Report r = last;
        if (ansi) {
            sb.append("optikata watch · ")
                    .append(exercise)
                    .append(" — ")
                    .append(Completion.title(layout, exercise))
                    .append("\n\n");
        }
        if (r != null && r.exercise().equals(exercise)) {
            if (!r.compiled()) {
                sb.append("✘ ").append(exercise).append(" does not compile:\n");
                r.compileErrors().stream()
                        .limit(8)
                        .forEach(e -> sb.append("    ").append(e).append('\n'));
            } else if (r.notStarted()) {
                sb.append("… ")
                        .append(exercise)
                        .append(" is not started: ")
                        .append(r.results().get(0).message())
                        .append('\n');
            } else if (!r.allPassed()) {
                SpecResult first = r.results().stream()
                        .filter(s -> s.status() != SpecResult.Status.PASSED)
                        .findFirst()
                        .orElseThrow();
                sb.append("✘ ").append(first.name()).append('\n');
                for (String line : String.valueOf(first.message()).split("\n")) {
                    sb.append("    ").append(line).append('\n');
                }
            } else {
                sb.append("✔ every spec of ").append(exercise).append(" passes\n");
            }
            sb.append('\n').append(progressLine(r)).append('\n');
        }
        if (!extra.isEmpty()) {
            sb.append('\n').append(extra.stripTrailing()).append('\n');
        }
        if (ansi) {
            sb.append("\nSave a file to check again · h hint · l list · q quit\n");
        }
        out.print(sb);
        out.flush();
    }

    /** A terminal redraws the screen with the new text under the result; plain output appends just the text. */
    private void redrawOrAppend(String exercise) {
        if (ansi) {
            draw(exercise);
        } else {
            out.print(extra.stripTrailing() + "\n");
            out.flush();
            extra = "";
        }
    }

    private String progressLine(KataRun.Report r) {
        int total = r.results().size();
        long passed = r.passed();
        int width = 20;
        int filled = total == 0 ? 0 : (int) Math.round(width * (double) passed / total);
        long done = layout.names().stream()
                .filter(n -> {
                    Progress.Entry e = progress.data().exercises.get(n);
                    return e != null && e.state == Progress.State.DONE;
                })
                .count();
        return String.format(
                Locale.ROOT,
                "[%s%s] %s: %d of %d specs pass · kata: %d of %d done · checked in %.2f s",
                "#".repeat(filled),
                "-".repeat(width - filled),
                r.exercise(),
                passed,
                total,
                done,
                layout.names().size(),
                lastSeconds);
    }

    private void show(String text) {
        if (ansi) {
            out.print(CLEAR);
        }
        out.print(text);
        out.flush();
    }

    /** The exercises' states from recorded results only (nothing compiled). */
    public String listText(List<String> names) throws IOException {
        StringBuilder sb = new StringBuilder("Exercises (recorded results):\n");
        for (String n : names) {
            sb.append("  ").append(ListLine.of(layout, progress, n)).append('\n');
        }
        return sb.toString();
    }

    /**
     * The first exercise after {@code after} (wrapping round; from the first when null) that is not
     * done; results are recorded ones when still fresh, else computed.
     */
    private String nextUnfinished(List<String> names, String after) throws IOException {
        int from = after == null ? 0 : names.indexOf(after) + 1;
        for (int k = 0; k < names.size(); k++) {
            String n = names.get((from + k) % names.size());
            if (n.equals(after)) {
                continue;
            }
            if (Stubs.problem(layout, n) != null) {
                return n;
            }
            Progress.Entry e = progress.fresh(n);
            if (e != null && e.state == Progress.State.DONE) {
                continue;
            }
            KataRun.Report r = runAndRecord(n);
            if (!r.allPassed()) {
                pending = r;
                return n;
            }
        }
        progress.save();
        return null;
    }

    /** Registers the exercise's source folders with the watch service; returns the stub files that must stay. */
    private List<Path> register(WatchService ws, String exercise) throws IOException {
        List<Path> files = new ArrayList<>();
        Path src = KataLayout.sourceDir(layout.exercises(), exercise);
        try (Stream<Path> s = Files.walk(src)) {
            for (Path p : s.toList()) {
                if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                    try {
                        p.register(
                                ws,
                                StandardWatchEventKinds.ENTRY_CREATE,
                                StandardWatchEventKinds.ENTRY_MODIFY,
                                StandardWatchEventKinds.ENTRY_DELETE);
                    } catch (IOException e) {
                        // polling still sees the change
                    }
                }
            }
        }
        // Only the stub files are required to stay; a helper the learner added may come and go.
        for (Path rel : Stubs.expected(layout, exercise)) {
            files.add(src.resolve(rel));
        }
        return files;
    }

    private static boolean drain(WatchService ws) {
        boolean any = false;
        try {
            WatchKey k;
            while ((k = ws.poll()) != null) {
                any |= !k.pollEvents().isEmpty();
                k.reset();
            }
        } catch (ClosedWatchServiceException e) {
            return false;
        }
        return any;
    }

    private String missing(List<Path> watched) {
        for (Path p : watched) {
            if (!Files.exists(p)) {
                return Stubs.show(layout, p);
            }
        }
        return null;
    }

    /** Names, sizes and modification times of the exercise's .java files. */
    private String fingerprint(String exercise) throws IOException {
        StringBuilder sb = new StringBuilder();
        Path src = KataLayout.sourceDir(layout.exercises(), exercise);
        for (Path rel : KataLayout.javaFiles(src)) {
            try {
                BasicFileAttributes a = Files.readAttributes(src.resolve(rel), BasicFileAttributes.class);
                sb.append(rel)
                        .append(':')
                        .append(a.size())
                        .append(':')
                        .append(a.lastModifiedTime().toMillis())
                        .append(';');
            } catch (IOException e) {
                sb.append(rel).append(":gone;");
            }
        }
        return sb.toString();
    }
}
