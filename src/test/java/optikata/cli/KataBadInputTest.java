package optikata.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import optikata.kata.KataLayout;
import optikata.kata.Progress;
import optikata.kata.ScratchKata;
import optikata.kata.ScratchKata.Run;
import optikata.kata.Shipped;
import optikata.kata.Watcher;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad input to the learner's commands: one clear line, exit code 2, and nothing of the learner's lost. */
class KataBadInputTest {

    static void oneLine(Run r, String... contains) {
        assertThat(r.code()).as(r.err()).isEqualTo(2);
        String err = r.err().strip();
        assertThat(err).doesNotContain("\n").doesNotContain("Exception").doesNotContain("\tat ");
        for (String c : contains) {
            assertThat(err).containsIgnoringCase(c);
        }
    }

    @Test
    @DisplayName("an unknown exercise: hint, watch, reset, check and trace --exercise name it and list the known ones")
    void unknownExercise(@TempDir Path dir) throws Exception {
        KataLayout layout = ScratchKata.create(dir);
        for (String[] args : new String[][] {
            {"hint", "42"}, {"watch", "42"}, {"reset", "42", "--yes"}, {"check", "42"}, {"hint", "nonsense"}
        }) {
            oneLine(ScratchKata.cli(layout, args), "Unknown exercise: " + args[1], "01-one-step");
        }
    }

    @Test
    @DisplayName("a missing stub: check, watch and list say which file and how to get it back")
    void missingStub(@TempDir Path dir) throws Exception {
        KataLayout layout = ScratchKata.create(dir);
        Path stub = KataLayout.sourceDir(layout.exercises(), "02-ema").resolve("kata/ema/Ema.java");
        Files.delete(stub);
        oneLine(
                ScratchKata.cli(layout, "check", "02"),
                "Missing stub",
                "exercises/02-ema/src/kata/ema/Ema.java",
                "reset 02");
        oneLine(ScratchKata.cli(layout, "watch", "02"), "Missing stub", "Ema.java");
        assertThat(ScratchKata.cli(layout, "list").out()).contains("02-ema").containsIgnoringCase("Missing stub");
        assertThat(ScratchKata.cli(layout, "reset", "02", "--yes").code()).isZero();
        assertThat(stub).exists();
    }

    @Test
    @DisplayName("an unreadable stub (a dangling link here, which even root cannot read): one line, exit 2")
    void unreadableStub(@TempDir Path dir) throws Exception {
        KataLayout layout = ScratchKata.create(dir);
        Path stub = KataLayout.sourceDir(layout.exercises(), "02-ema").resolve("kata/ema/Ema.java");
        Files.delete(stub);
        Files.createSymbolicLink(stub, dir.resolve("nowhere.java"));
        oneLine(ScratchKata.cli(layout, "check", "02"), "Unreadable stub", "Ema.java");
        oneLine(ScratchKata.cli(layout, "watch", "02"), "Unreadable stub", "Ema.java");
    }

    @Test
    @DisplayName("watch on a read-only stub: the learner could not save, so it says so (exit 2)")
    void watchReadOnly(@TempDir Path dir) throws Exception {
        KataLayout layout = ScratchKata.create(dir);
        Path stub = KataLayout.sourceDir(layout.exercises(), "01-one-step").resolve("kata/onestep/OneStep.java");
        Files.setPosixFilePermissions(stub, PosixFilePermissions.fromString("r--r--r--"));
        oneLine(ScratchKata.cli(layout, "watch", "01"), "Read-only stub", "OneStep.java", "chmod u+w");
    }

    @Test
    @DisplayName("a stub deleted while watch runs ends the watch with one line naming it")
    void watchDeleted(@TempDir Path dir) throws Exception {
        KataLayout layout = ScratchKata.create(dir);
        Path stub = KataLayout.sourceDir(layout.exercises(), "01-one-step").resolve("kata/onestep/OneStep.java");
        StringWriter buf = new StringWriter();
        Watcher w = new Watcher(layout, new Progress(layout), new PrintWriter(buf, true), false, 10);
        Throwable[] thrown = {null};
        Thread t = new Thread(() -> {
            try {
                w.run("01-one-step");
            } catch (Throwable e) {
                thrown[0] = e;
            }
        });
        t.start();
        long end = System.nanoTime() + 60_000_000_000L;
        while (!buf.toString().contains("not started") && System.nanoTime() < end) {
            Thread.sleep(50);
        }
        Files.delete(stub);
        t.join(30_000);
        assertThat(t.isAlive()).isFalse();
        assertThat(thrown[0])
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("exercises/01-one-step/src/kata/onestep/OneStep.java was deleted")
                .hasMessageContaining("reset 01");
        assertThat(thrown[0].getMessage()).doesNotContain("\n");
    }

    @Test
    @DisplayName("reset on an exercise that shipped no stub: one line, exit 2, nothing deleted")
    void resetWithoutStub(@TempDir Path dir) throws Exception {
        KataLayout layout = ScratchKata.create(dir);
        // the next free number, whatever exercises the kata has
        String nn = String.format("%02d", layout.names().size() + 1);
        Path extra = layout.exercises().resolve(nn + "-notes");
        Files.createDirectories(extra.resolve("spec"));
        Files.writeString(extra.resolve("README.md"), "# " + nn + " · Notes\n");
        ScratchKata.git(dir, "add", "-A");
        ScratchKata.git(
                dir, "-c", "user.name=kata", "-c", "user.email=kata@example.org", "commit", "-q", "-m", "notes");
        Path mine = extra.resolve("src/kata/notes/Mine.java");
        Files.createDirectories(mine.getParent());
        Files.writeString(mine, "package kata.notes; class Mine {}");
        oneLine(ScratchKata.cli(layout, "reset", nn, "--yes"), nn + "-notes has no shipped stub");
        assertThat(mine).exists();
    }

    @Test
    @DisplayName("reset outside a git checkout and outside a release says there is no shipped copy")
    void resetWithoutShippedCopy(@TempDir Path dir) throws Exception {
        Path plain = dir.resolve("plain");
        Shipped.copyTree(ScratchKata.CHECKOUT.resolve("exercises"), plain.resolve("exercises"));
        KataLayout layout = new KataLayout(plain);
        assumeThat(new Shipped(layout).isGitCheckout())
                .as("the temporary folder is not inside a git checkout")
                .isFalse();
        oneLine(ScratchKata.cli(layout, "reset", "01", "--yes"), "No shipped copy of the stubs");
    }
}
