package optikata.kata;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The learner's progress, kept in {@code .optikata/progress.json} in the kata folder: per exercise
 * the last result ({@link State}, specs passed of total) with a hash of the files it was computed
 * from (the exercise's sources and public specs), and how many hints were shown. {@code check} and
 * {@code watch} write it; {@code list} reads it without compiling anything; a result whose hash no
 * longer matches the files is stale and is recomputed when asked ({@code list --verify}).
 *
 * <p>Several commands may hold the file at once ({@code watch} keeps one open while {@code hint} runs
 * beside it), so {@link #save} never overwrites what another wrote since this one read: under a lock
 * ({@code .optikata/progress.lock}, a file lock between processes and a lock within this one) it reads
 * the file again, writes back only the results this one recorded or changed and the hints it showed
 * (added to the count on file), and takes the merged values.
 */
public final class Progress {
    /** An exercise's state as the learner sees it. */
    public enum State {
        NOT_STARTED("not started"),
        DOES_NOT_COMPILE("does not compile"),
        FAILING("failing"),
        DONE("done");

        private final String words;

        State(String words) {
            this.words = words;
        }

        public String words() {
            return words;
        }
    }

    /** One exercise's entry: the result, the files' hash it belongs to, the hints shown. */
    public static final class Entry {
        public String hash;
        public State state;
        public int passed;
        public int total;
        public String checkedAt;
        public String firstFailure;
        public int hintsShown;
    }

    /** The file's shape: exercise folder name → entry. */
    public static final class Data {
        public int version = 1;
        public Map<String, Entry> exercises = new TreeMap<>();
    }

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    /** Within one process a file lock cannot be taken twice (it throws), so progress files are also locked here. */
    private static final ReentrantLock IN_PROCESS = new ReentrantLock();

    private final KataLayout layout;
    private final Path file;
    private Data data;
    /** Per exercise, the entry as last read or written: what this one changed is the difference. */
    private final Map<String, Entry> asRead = new HashMap<>();
    /** The exercises whose result this one recorded since it last read or wrote. */
    private final Set<String> recorded = new HashSet<>();

    public Progress(KataLayout layout) {
        this.layout = layout;
        this.file = layout.root().resolve(".optikata").resolve("progress.json");
    }

    public Path file() {
        return file;
    }

    /** Reads the file (a missing or unreadable file is an empty progress: it is only a cache plus hint counts). */
    public Data data() {
        if (data == null) {
            data = read();
            data.exercises.forEach((ex, e) -> asRead.put(ex, copy(e)));
        }
        return data;
    }

    private Data read() {
        if (Files.isRegularFile(file)) {
            try {
                Data d = JSON.readValue(file.toFile(), Data.class);
                if (d != null && d.exercises != null) {
                    d.exercises.values().removeIf(Objects::isNull);
                    return d;
                }
            } catch (IOException e) {
                // A damaged cache: start afresh rather than refuse to work.
            }
        }
        return new Data();
    }

    public Entry entry(String exercise) {
        return data().exercises.computeIfAbsent(exercise, k -> new Entry());
    }

    /** The recorded entry if it was computed from the exercise's current files, else null. */
    public Entry fresh(String exercise) throws IOException {
        Entry e = data().exercises.get(exercise);
        return e != null && e.state != null && hash(exercise).equals(e.hash) ? e : null;
    }

    /** Records a run's result for the files it ran on. */
    public Entry record(KataRun.Report report, String hash) {
        Entry e = entry(report.exercise());
        recorded.add(report.exercise());
        e.hash = hash;
        e.total = report.results().size();
        e.passed = (int) report.passed();
        e.state = stateOf(report);
        e.checkedAt = Instant.now().toString();
        e.firstFailure = report.results().stream()
                .filter(r -> r.status() == SpecResult.Status.FAILED)
                .map(SpecResult::name)
                .findFirst()
                .orElse(null);
        return e;
    }

    public static State stateOf(KataRun.Report r) {
        if (!r.compiled()) {
            return State.DOES_NOT_COMPILE;
        }
        if (r.allPassed()) {
            return State.DONE;
        }
        return r.notStarted() ? State.NOT_STARTED : State.FAILING;
    }

    /**
     * The result for the exercise's current files: the recorded one when its hash matches (no
     * compilation), else a fresh run that is recorded. {@code verify} always runs.
     */
    public Entry evaluate(String exercise, boolean verify, int timeoutSeconds) throws IOException {
        Entry e = verify ? null : fresh(exercise);
        if (e != null) {
            return e;
        }
        String h = hash(exercise);
        KataRun.Report r = KataRun.run(layout, layout.exercises(), exercise, false, timeoutSeconds);
        return record(r, h);
    }

    /**
     * Writes the file, merged with what others wrote since this one read it: the results this one recorded
     * replace those on file, the hints it showed are added to the count on file, everything else on file is
     * kept. Atomic (a temporary file renamed over it), under the progress lock; this one then holds the
     * merged values.
     */
    public void save() throws IOException {
        Data mine = data();
        Files.createDirectories(file.getParent());
        IN_PROCESS.lock();
        try (FileChannel lock = FileChannel.open(
                        file.resolveSibling("progress.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock held = lock.lock()) {
            if (!held.isValid()) {
                throw new IOException("the progress lock " + file.resolveSibling("progress.lock") + " was lost");
            }
            Data merged = read();
            for (Map.Entry<String, Entry> m : mine.exercises.entrySet()) {
                String ex = m.getKey();
                Entry e = m.getValue();
                Entry onFile = merged.exercises.computeIfAbsent(ex, k -> new Entry());
                // an exercise that was not on file when this one read it is compared with an empty entry
                Entry before = asRead.getOrDefault(ex, new Entry());
                if (recorded.contains(ex) || !sameResult(e, before)) {
                    onFile.hash = e.hash;
                    onFile.state = e.state;
                    onFile.passed = e.passed;
                    onFile.total = e.total;
                    onFile.checkedAt = e.checkedAt;
                    onFile.firstFailure = e.firstFailure;
                }
                onFile.hintsShown = Math.max(0, onFile.hintsShown + e.hintsShown - before.hintsShown);
            }
            write(merged);
            // take the merged values into the entries callers hold
            for (Map.Entry<String, Entry> m : merged.exercises.entrySet()) {
                Entry e = mine.exercises.computeIfAbsent(m.getKey(), k -> new Entry());
                Entry onFile = m.getValue();
                e.hash = onFile.hash;
                e.state = onFile.state;
                e.passed = onFile.passed;
                e.total = onFile.total;
                e.checkedAt = onFile.checkedAt;
                e.firstFailure = onFile.firstFailure;
                e.hintsShown = onFile.hintsShown;
                asRead.put(m.getKey(), copy(onFile));
            }
            recorded.clear();
        } finally {
            IN_PROCESS.unlock();
        }
    }

    private static Entry copy(Entry e) {
        Entry c = new Entry();
        c.hash = e.hash;
        c.state = e.state;
        c.passed = e.passed;
        c.total = e.total;
        c.checkedAt = e.checkedAt;
        c.firstFailure = e.firstFailure;
        c.hintsShown = e.hintsShown;
        return c;
    }

    private static boolean sameResult(Entry a, Entry b) {
        return Objects.equals(a.hash, b.hash)
                && a.state == b.state
                && a.passed == b.passed
                && a.total == b.total
                && Objects.equals(a.checkedAt, b.checkedAt)
                && Objects.equals(a.firstFailure, b.firstFailure);
    }

    private void write(Data d) throws IOException {
        Path tmp = Files.createTempFile(file.getParent(), "progress", ".tmp");
        try {
            Files.writeString(tmp, JSON.writeValueAsString(d), StandardCharsets.UTF_8);
            try {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** SHA-256 of the exercise's source and public spec files (relative names and contents). */
    public String hash(String exercise) throws IOException {
        MessageDigest md;
        try {
            md = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        for (Path dir : List.of(KataLayout.sourceDir(layout.exercises(), exercise), layout.publicSpecDir(exercise))) {
            md.update(dir.getFileName().toString().getBytes(StandardCharsets.UTF_8));
            for (Path rel : KataLayout.javaFiles(dir)) {
                md.update(rel.toString().replace('\\', '/').getBytes(StandardCharsets.UTF_8));
                md.update((byte) 0);
                md.update(Files.readAllBytes(dir.resolve(rel)));
                md.update((byte) 0);
            }
        }
        return HexFormat.of().formatHex(md.digest());
    }

    /** The first exercise (in order) that is not done, judged from recorded results only; null when all are done. */
    public String firstUnfinished(List<String> names) throws IOException {
        for (String n : names) {
            Entry e = fresh(n);
            if (e == null || e.state != State.DONE) {
                return n;
            }
        }
        return null;
    }
}
