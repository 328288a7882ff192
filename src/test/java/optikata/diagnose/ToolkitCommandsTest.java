package optikata.diagnose;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import optikata.kata.KataLayout;
import optikata.mistakes.RmsPropMistake;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The debugging toolkit's commands as a person runs them: diagnose --exercise, gradcheck, trace --plot. */
class ToolkitCommandsTest {
    static final KataLayout LAYOUT = new KataLayout(Path.of(System.getProperty("user.dir")));

    static String[] run(int[] code, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        code[0] = optikata.cli.Main.execute(args, new PrintWriter(out), new PrintWriter(err));
        return new String[] {out.toString(), err.toString()};
    }

    @Test
    @DisplayName("a learner's RMSProp is driven on the probe: the solution is correct, a flipped sign is named, a stub is not started")
    void exerciseProbe(@TempDir Path dir) throws Exception {
        Diagnoser.Diagnosis good = Diagnoser.diagnose(ExerciseProbe.record(LAYOUT, LAYOUT.solutions(), "03-vectors"));
        assertThat(good.best().mistake()).isEqualTo(RmsPropMistake.NONE);
        assertThat(good.best().learningRate()).isCloseTo(0.01, org.assertj.core.api.Assertions.within(1e-9));

        Path tree = dir.resolve("tree");
        Path src = KataLayout.sourceDir(LAYOUT.solutions(), "04-epsilon-outside");
        for (Path rel : KataLayout.javaFiles(src)) {
            Path to = KataLayout.sourceDir(tree, "04-epsilon-outside").resolve(rel);
            Files.createDirectories(to.getParent());
            Files.writeString(to, Files.readString(src.resolve(rel)).replace("(1 - config.decay()) * g[i] * g[i]", "config.decay() * g[i] * g[i]")
                    .replace("config.decay() * s[i] +", "(1 - config.decay()) * s[i] +"));
        }
        Diagnoser.Diagnosis swapped = Diagnoser.diagnose(ExerciseProbe.record(LAYOUT, tree, "04-epsilon-outside"));
        assertThat(swapped.best().mistake()).isEqualTo(RmsPropMistake.DECAY_SWAPPED);

        int[] code = new int[1];
        String[] out = run(code, "diagnose", "--exercise", "03");
        assertThat(code[0]).isEqualTo(2);
        assertThat(out[1]).contains("not started");
        out = run(code, "diagnose", "--exercise", "02");
        assertThat(out[1]).contains("has no RMSProp optimizer");
    }

    @Test
    @DisplayName("gradcheck passes the true gradient and catches the NumPy tutorial's flipped derivative")
    void gradcheck() {
        int[] code = new int[1];
        String[] out = run(code, "gradcheck", "--objective", "least-squares", "--at", "0.3,-0.2");
        assertThat(code[0]).isZero();
        assertThat(out[0]).contains("OK");
        out = run(code, "gradcheck", "--objective", "least-squares-text-derivative", "--at", "0.3,-0.2");
        assertThat(code[0]).isEqualTo(1);
        assertThat(out[0]).contains("MISMATCH").contains("its sign is flipped");
    }

    @Test
    @DisplayName("trace --plot --compare draws the runs on the contour and the effective rates")
    void tracePlot(@TempDir Path dir) {
        int[] code = new int[1];
        run(code, "trace", "--preset", "d2l", "--lr", "0.4", "--objective", "d2l-quadratic", "--steps", "20",
                "--plot", dir.resolve("run.png").toString(), "--compare", "adagrad");
        assertThat(code[0]).isZero();
        assertThat(dir.resolve("run.png")).isRegularFile();
        assertThat(dir.resolve("run-rate.png")).isRegularFile();
        run(code, "trace", "--objective", "logistic", "--steps", "5", "--plot", dir.resolve("loss.png").toString());
        assertThat(dir.resolve("loss.png")).isRegularFile();
        String[] out = run(code, "trace", "--compare", "adam");
        assertThat(out[1]).contains("Invalid --compare");
    }
}
