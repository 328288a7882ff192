package optikata.kata;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import optikata.grade.Release;
import optikata.kata.ScratchKata.Run;
import optikata.support.Slow;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** hint, list, next, reset and check's progress, each run through the CLI in a scratch checkout. */
@Slow
class LearnerLoopTest {

    @Test
    @DisplayName("every exercise has at least three hints, numbered from 1, each with a title and text")
    void everyExerciseHasHints() throws Exception {
        KataLayout layout = new KataLayout(ScratchKata.CHECKOUT);
        for (String n : layout.names()) {
            List<Hints.Hint> hints = Hints.read(layout, n);
            assertThat(hints).as(n).hasSizeGreaterThanOrEqualTo(3);
            for (int i = 0; i < hints.size(); i++) {
                assertThat(hints.get(i).number()).isEqualTo(i + 1);
                assertThat(hints.get(i).title()).as(n + " hint " + (i + 1)).isNotBlank();
                assertThat(hints.get(i).text()).as(n + " hint " + (i + 1)).hasSizeGreaterThan(80);
            }
        }
    }

    @Test
    @DisplayName("a hints file with a gap in its numbering is refused, naming the heading")
    void hintsNumberedWithoutGaps() {
        Assertions.assertThatThrownBy(() -> Hints.parse("## Hint 1\na\n## Hint 3\nb\n", "x/hints.md"))
                .hasMessageContaining("Hint 3")
                .hasMessageContaining("should be Hint 2");
    }

    @Test
    @DisplayName("hint shows one more hint each time, remembers it in the progress file, and stops at the last")
    void hintsAreProgressive(@TempDir Path dir) throws Exception {
        KataLayout layout = ScratchKata.create(dir);
        List<Hints.Hint> hints = Hints.read(layout, "02-ema");
        Run first = ScratchKata.cli(layout, "hint", "02");
        assertThat(first.code()).isZero();
        assertThat(first.out()).contains("Hint 1 of " + hints.size()).doesNotContain("Hint 2 of");
        Run second = ScratchKata.cli(layout, "hint", "ema");
        assertThat(second.out())
                .contains("Hint 2 of " + hints.size())
                .contains(hints.get(1).text().lines().findFirst().orElseThrow().strip());
        assertThat(new Progress(layout).data().exercises.get("02-ema").hintsShown)
                .isEqualTo(2);
        for (int i = 2; i < hints.size(); i++) {
            ScratchKata.cli(layout, "hint", "02");
        }
        Run after = ScratchKata.cli(layout, "hint", "02", "--all");
        assertThat(after.out())
                .contains("Hint 1 of")
                .contains("Hint " + hints.size() + " of")
                .contains("last hint");
    }

    @Test
    @DisplayName("list reads the recorded results without compiling; --verify recomputes them")
    void listUsesTheProgressFile(@TempDir Path dir) throws Exception {
        KataLayout layout = ScratchKata.create(dir);
        Run fresh = ScratchKata.cli(layout, "list");
        assertThat(fresh.code()).isZero();
        assertThat(fresh.out())
                .contains("01-one-step")
                .contains("not started")
                .contains("0 of " + layout.names().size() + " done");

        ScratchKata.solve(layout, "01-one-step");
        assertThat(ScratchKata.cli(layout, "list").out()).containsPattern("01-one-step\\s+not checked yet");
        Run check = ScratchKata.cli(layout, "check", "01");
        assertThat(check.code()).isZero();
        assertThat(check.out()).contains("01-one-step is done").contains("Next: 02-ema");
        assertThat(ScratchKata.cli(layout, "list").out())
                .containsPattern("✔ 01-one-step\\s+done")
                .contains("1 of " + layout.names().size() + " done");

        // The recorded result is what list shows while the files are unchanged (no recompilation):
        // a record claiming 02 is done, for 02's current files, is believed...
        Progress p = new Progress(layout);
        Progress.Entry e = p.entry("02-ema");
        e.hash = p.hash("02-ema");
        e.state = Progress.State.DONE;
        e.total = 3;
        e.passed = 3;
        p.save();
        assertThat(ScratchKata.cli(layout, "list").out()).containsPattern("✔ 02-ema\\s+done");
        // ... and --verify runs the specs again and finds the stub not started.
        Run verify = ScratchKata.cli(layout, "list", "--verify");
        assertThat(verify.out()).containsPattern("02-ema\\s+not started").containsPattern("01-one-step\\s+done");

        // A one-line change makes the record stale.
        Path stub = KataLayout.sourceDir(layout.exercises(), "01-one-step").resolve("kata/onestep/OneStep.java");
        Files.writeString(stub, Files.readString(stub) + "\n// edited\n");
        assertThat(ScratchKata.cli(layout, "list").out()).contains("changed since the last check");
    }

    @Test
    @DisplayName("a failing exercise is listed as failing: k of n")
    void failingCounts(@TempDir Path dir) throws Exception {
        KataLayout layout = ScratchKata.create(dir);
        Path stub = KataLayout.sourceDir(layout.exercises(), "02-ema").resolve("kata/ema/Ema.java");
        ScratchKata.solve(layout, "02-ema");
        // window right, update and weightOfLast wrong.
        String s = Files.readString(stub)
                .replace("return decay * average + (1 - decay) * value;", "return average;")
                .replace("return 1 - Math.pow(decay, k);", "return 0;");
        Files.writeString(stub, s);
        assertThat(ScratchKata.cli(layout, "check", "02").code()).isEqualTo(1);
        Progress.Entry e = new Progress(layout).fresh("02-ema");
        assertThat(e.state).isEqualTo(Progress.State.FAILING);
        assertThat(e.passed).isBetween(1, e.total - 1);
        assertThat(ScratchKata.cli(layout, "list").out())
                .containsPattern("02-ema\\s+failing: " + e.passed + " of " + e.total);
    }

    @Test
    @DisplayName("next names the first unfinished exercise; after the last one, check and next say the kata is done")
    void nextAndTheEnd(@TempDir Path dir) throws Exception {
        KataLayout layout = ScratchKata.create(dir);
        assertThat(ScratchKata.cli(layout, "next").out()).contains("Next: 01-one-step");
        List<String> names = layout.names();
        String lastName = names.get(names.size() - 1);
        for (String n : names.subList(0, names.size() - 1)) {
            ScratchKata.solve(layout, n);
        }
        ScratchKata.cli(layout, "check");
        assertThat(ScratchKata.cli(layout, "next").out()).contains("Next: " + lastName);
        ScratchKata.solve(layout, lastName);
        Run last = ScratchKata.cli(layout, "check", lastName.substring(0, 2));
        assertThat(last.code()).isZero();
        assertThat(last.out())
                .contains("the kata is done")
                .contains("./optikata claims")
                .contains("gradcheck");
        assertThat(ScratchKata.cli(layout, "next").out()).contains("the kata is done");
    }

    @Test
    @DisplayName("reset --yes puts the committed stub back and keeps the learner's file in a timestamped backup")
    void resetKeepsABackup(@TempDir Path dir) throws Exception {
        KataLayout layout = ScratchKata.create(dir);
        Path stub = KataLayout.sourceDir(layout.exercises(), "03-vectors").resolve("kata/vectors/VectorRmsProp.java");
        String shipped = Files.readString(stub);
        ScratchKata.solve(layout, "03-vectors");
        String mine = Files.readString(stub) + "\n// my notes\n";
        Files.writeString(stub, mine);

        Run r = ScratchKata.cli(layout, "reset", "03", "--yes");
        assertThat(r.code()).isZero();
        assertThat(Files.readString(stub)).isEqualTo(shipped);
        assertThat(r.out()).contains("Your files were kept in .optikata/backups/03-vectors/");
        Path backup;
        try (Stream<Path> s = Files.walk(layout.root().resolve(".optikata/backups/03-vectors"))) {
            backup = s.filter(p -> p.getFileName().toString().equals("VectorRmsProp.java"))
                    .findFirst()
                    .orElseThrow();
        }
        assertThat(r.out())
                .contains(layout.root()
                        .relativize(backup)
                        .getParent()
                        .getParent()
                        .getParent()
                        .toString());
        assertThat(Files.readString(backup)).isEqualTo(mine);
        assertThat(ScratchKata.cli(layout, "reset", "03", "--yes").out()).contains("already as shipped");
    }

    @Test
    @DisplayName("reset without --yes and without a terminal refuses in one line (exit 2) and changes nothing")
    void resetAsksFirst(@TempDir Path dir) throws Exception {
        KataLayout layout = ScratchKata.create(dir);
        ScratchKata.solve(layout, "01-one-step");
        Path stub = KataLayout.sourceDir(layout.exercises(), "01-one-step").resolve("kata/onestep/OneStep.java");
        String solved = Files.readString(stub);
        Run r = ScratchKata.cli(layout, "reset", "01");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err().strip())
                .contains("not run from a terminal")
                .contains("--yes")
                .doesNotContain("\n");
        assertThat(Files.readString(stub)).isEqualTo(solved);
    }

    @Test
    @DisplayName("a release's reset takes the stub from its pristine copy")
    void resetInARelease(@TempDir Path dir) throws Exception {
        KataLayout checkout = ScratchKata.create(dir.resolve("checkout"));
        Path jar = Files.writeString(dir.resolve("optikata.jar"), "stand-in");
        Path out = dir.resolve("release");
        Release.student(checkout, jar, out);
        KataLayout release = new KataLayout(out);
        Path stub = KataLayout.sourceDir(release.exercises(), "05-adagrad").resolve("kata/adagrad/MyAdaGrad.java");
        String shipped = Files.readString(stub);
        Files.writeString(stub, "garbage");
        assertThat(ScratchKata.cli(release, "reset", "05", "--yes").code()).isZero();
        assertThat(Files.readString(stub)).isEqualTo(shipped);
    }

    @Test
    @DisplayName("check records progress for the learner's tree and not for another --source tree")
    void checkWritesProgress(@TempDir Path dir) throws Exception {
        KataLayout layout = ScratchKata.create(dir);
        ScratchKata.cli(layout, "check", "02", "--source", layout.solutions().toString());
        assertThat(new Progress(layout).file()).doesNotExist();
        ScratchKata.cli(layout, "check", "02");
        assertThat(new Progress(layout).fresh("02-ema").state).isEqualTo(Progress.State.NOT_STARTED);
    }

    @Test
    @DisplayName(
            "watch in plain mode: a failing save, then the solution; it says done and moves to the next exercise; q quits")
    void watchPlain(@TempDir Path dir) throws Exception {
        KataLayout layout = ScratchKata.create(dir);
        StringWriter buf = new StringWriter();
        PrintWriter out = new PrintWriter(buf, true);
        Watcher w = new Watcher(layout, new Progress(layout), out, false, 10);
        int[] code = {-1};
        Thread t = new Thread(() -> {
            try {
                code[0] = w.run("01-one-step");
            } catch (Exception e) {
                throw new RuntimeException(e);
            }
        });
        t.start();
        await(buf, "not started");
        // A helper file the learner adds and removes again does not end the watch.
        Path helper = KataLayout.sourceDir(layout.exercises(), "01-one-step").resolve("kata/onestep/Helper.java");
        Files.writeString(helper, "package kata.onestep;\nfinal class Helper {\n}\n");
        Thread.sleep(1000);
        Files.delete(helper);
        Thread.sleep(2 * Watcher.MISSING_GRACE_MILLIS);
        assertThat(t.isAlive())
                .as("watch still running after a helper file was removed")
                .isTrue();
        ScratchKata.solve(layout, "01-one-step");
        await(buf, "01-one-step is done");
        await(buf, "02-ema is not started");
        w.press('h');
        await(buf, "Hint 1 of");
        w.press('q');
        t.join(30_000);
        assertThat(t.isAlive()).isFalse();
        assertThat(code[0]).isZero();
        assertThat(buf.toString()).doesNotContain("\033[");
        // Plain output appends: the hint came under the result without repeating it.
        assertThat(buf.toString().split("02-ema is not started", -1)).hasSize(2);
        assertThat(new Progress(layout).fresh("01-one-step").state).isEqualTo(Progress.State.DONE);
    }

    static void await(StringWriter buf, String text) throws InterruptedException {
        long end = System.nanoTime() + 60_000_000_000L;
        while (!buf.toString().contains(text)) {
            if (System.nanoTime() > end) {
                throw new AssertionError("watch never printed '" + text + "'; it printed:\n" + buf);
            }
            Thread.sleep(50);
        }
    }
}
