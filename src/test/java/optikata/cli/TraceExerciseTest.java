package optikata.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import optikata.kata.KataLayout;
import optikata.kata.ScratchKata;
import optikata.kata.ScratchKata.Run;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code trace --exercise}: the learner's optimizer, compiled from their sources, beside the library's. */
class TraceExerciseTest {

    @Test
    @DisplayName("a solved exercise runs as the learner's optimizer and, plotted, matches the library's run")
    void solvedExerciseMatchesTheLibrary(@TempDir Path dir) throws Exception {
        KataLayout layout = ScratchKata.create(dir.resolve("kata"));
        ScratchKata.solve(layout, "07-adam");
        Path png = dir.resolve("adam.png");
        Run r = ScratchKata.cli(
                layout,
                "trace",
                "--exercise",
                "07",
                "--objective",
                "rosenbrock",
                "--steps",
                "40",
                "--plot",
                png.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("firstMoment_1").contains("secondMoment_1");
        assertThat(r.err())
                .contains("your 07-adam (my-adam) and the library's adam differ")
                .contains("the same run");
        assertThat(png).isNotEmptyFile();
    }

    @Test
    @DisplayName("a learner's mistake shows as a difference from the library's run, with the step where it is largest")
    void mistakeShowsAsADifference(@TempDir Path dir) throws Exception {
        KataLayout layout = ScratchKata.create(dir.resolve("kata"));
        ScratchKata.solve(layout, "05-adagrad");
        Path src = KataLayout.sourceDir(layout.exercises(), "05-adagrad").resolve("kata/adagrad/MyAdaGrad.java");
        String wrong = Files.readString(src).replace("s[i] += g[i] * g[i];", "s[i] = 0.9 * s[i] + 0.1 * g[i] * g[i];");
        assertThat(wrong).isNotEqualTo(Files.readString(src));
        Files.writeString(src, wrong);
        Run r = ScratchKata.cli(
                layout,
                "trace",
                "--exercise",
                "05",
                "--objective",
                "d2l-quadratic",
                "--lr",
                "0.3",
                "--steps",
                "20",
                "--plot",
                dir.resolve("a.png").toString());
        assertThat(r.code()).isZero();
        assertThat(r.err()).contains("largest at step").doesNotContain("the same run");
    }

    @Test
    @DisplayName(
            "an unstarted stub, an exercise without an optimizer, an unknown one and a weight decay: one line, exit 2")
    void badExercises(@TempDir Path dir) throws Exception {
        KataLayout layout = ScratchKata.create(dir.resolve("kata"));
        for (String[] c : new String[][] {
            {"03", "Exercise 03 is not started"}, {"01", "has no optimizer"}, {"42", "Unknown exercise: 42"}
        }) {
            Run r = ScratchKata.cli(layout, "trace", "--exercise", c[0], "--steps", "3");
            assertThat(r.code()).isEqualTo(2);
            assertThat(r.err().strip()).containsIgnoringCase(c[1]).doesNotContain("\n");
        }
        ScratchKata.solve(layout, "07-adam");
        Run r = ScratchKata.cli(layout, "trace", "--exercise", "07", "--weight-decay", "0.01", "--steps", "3");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err().strip())
                .contains("--weight-decay", "only 09's AdamW has a weight decay")
                .doesNotContain("\n");
    }

    @Test
    @DisplayName("09's AdamW runs with --weight-decay beside the library's adamw, and matches it")
    void adamwWithWeightDecay(@TempDir Path dir) throws Exception {
        KataLayout layout = ScratchKata.create(dir.resolve("kata"));
        ScratchKata.solve(layout, "09-adamw");
        Run r = ScratchKata.cli(
                layout,
                "trace",
                "--exercise",
                "09",
                "--objective",
                "rosenbrock",
                "--lr",
                "0.1",
                "--weight-decay",
                "0.1",
                "--steps",
                "40");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.err())
                .contains("your 09-adamw (my-adamw) and the library's adamw differ")
                .contains("the same run");
    }
}
