package optikata.kata;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The learner's progress, kept in {@code .optikata/progress.json} in the kata folder: per exercise
 * the last result ({@link State}, specs passed of total) with a hash of the files it was computed
 * from (the exercise's sources and public specs), and how many hints were shown. {@code check} and
 * {@code watch} write it; {@code list} reads it without compiling anything; a result whose hash no
 * longer matches the files is stale and is recomputed when asked ({@code list --verify}).
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

    private final KataLayout layout;
    private final Path file;
    private Data data;

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
            data = new Data();
            if (Files.isRegularFile(file)) {
                try {
                    Data d = JSON.readValue(file.toFile(), Data.class);
                    if (d != null && d.exercises != null) {
                        data = d;
                    }
                } catch (IOException e) {
                    // A damaged cache: start afresh rather than refuse to work.
                    data = new Data();
                }
            }
        }
        return data;
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

    /** Writes the file (atomically: a temporary file renamed over it). */
    public void save() throws IOException {
        Files.createDirectories(file.getParent());
        Path tmp = Files.createTempFile(file.getParent(), "progress", ".tmp");
        try {
            Files.writeString(tmp, JSON.writeValueAsString(data()), StandardCharsets.UTF_8);
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
