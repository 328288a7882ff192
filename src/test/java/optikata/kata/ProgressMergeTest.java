package optikata.kata;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The progress file is merged, never overwritten: a hint shown beside a running watch survives its next save. */
class ProgressMergeTest {
    static final String EX = "04-epsilon-outside";

    @TempDir
    Path dir;

    KataLayout kata() throws Exception {
        Files.createDirectories(dir.resolve("exercises").resolve(EX).resolve("src"));
        return new KataLayout(dir);
    }

    static KataRun.Report failing() {
        return new KataRun.Report(
                EX,
                List.of(),
                List.of(
                        new SpecResult("S", "a", SpecResult.Status.PASSED, "", 1),
                        new SpecResult("S", "b", SpecResult.Status.FAILED, "wrong", 1)));
    }

    @Test
    @DisplayName("hint twice while a watch holds the file open: the watch's next result keeps the count of 2")
    void hintsSurviveTheWatchsSave() throws Exception {
        KataLayout kata = kata();
        Progress watch = new Progress(kata);
        watch.record(failing(), "h1");
        watch.save();
        for (int i = 0; i < 2; i++) {
            Progress hint = new Progress(kata); // a new process each time
            hint.entry(EX).hintsShown++;
            hint.save();
        }
        watch.record(failing(), "h2"); // the watch re-checks after a save: its old copy says 0 hints
        watch.save();
        Progress after = new Progress(kata);
        assertThat(after.entry(EX).hintsShown).isEqualTo(2);
        assertThat(after.entry(EX).hash).isEqualTo("h2");
        assertThat(after.entry(EX).state).isEqualTo(Progress.State.FAILING);
        assertThat(watch.entry(EX).hintsShown)
                .as("the watch takes the merged count")
                .isEqualTo(2);

        // and a hint's save keeps the watch's result
        Progress hint = new Progress(kata);
        watch.record(new KataRun.Report(EX, List.of("x.java:1: error"), List.of()), "h3");
        watch.save();
        hint.entry(EX).hintsShown++;
        hint.save();
        Progress last = new Progress(kata);
        assertThat(last.entry(EX).state).isEqualTo(Progress.State.DOES_NOT_COMPILE);
        assertThat(last.entry(EX).hash).isEqualTo("h3");
        assertThat(last.entry(EX).hintsShown).isEqualTo(3);

        // a first hint for an exercise the file did not hold when it was read keeps a result written meanwhile
        String other = "05-adagrad";
        Progress firstHint = new Progress(kata);
        firstHint.data();
        Progress check = new Progress(kata);
        check.record(new KataRun.Report(other, List.of(), List.of()), "h5");
        check.save();
        firstHint.entry(other).hintsShown++;
        firstHint.save();
        assertThat(new Progress(kata).entry(other).hash).isEqualTo("h5");
        assertThat(new Progress(kata).entry(other).hintsShown).isEqualTo(1);
    }

    @Test
    @DisplayName("eight writers at once, each a hint and a result: every hint is counted")
    void concurrentWritersKeepEverything() throws Exception {
        KataLayout kata = kata();
        int writers = 8;
        int rounds = 5;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                int id = w;
                done.add(pool.submit(() -> {
                    go.await();
                    for (int r = 0; r < rounds; r++) {
                        Progress p = new Progress(kata);
                        p.data(); // read first, as a command does, then work, then save
                        p.entry(EX).hintsShown++;
                        p.record(failing(), "writer-" + id);
                        p.save();
                    }
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> f : done) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        Progress after = new Progress(kata);
        assertThat(after.entry(EX).hintsShown).isEqualTo(writers * rounds);
        assertThat(after.entry(EX).hash).startsWith("writer-");
        try (var left = Files.list(after.file().getParent())) {
            assertThat(left.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("progress.json", "progress.lock");
        }
    }
}
