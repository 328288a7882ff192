package optikata.diagnose;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import optikata.cli.Main;
import optikata.kata.KataLayout;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The debugging toolkit's commands as a person runs them: diagnose --exercise, gradcheck, trace --plot. */
class ToolkitCommandsTest {
    static final KataLayout LAYOUT = new KataLayout(Path.of(System.getProperty("user.dir")));

    static String[] run(int[] code, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        code[0] = Main.execute(args, new PrintWriter(out), new PrintWriter(err));
        return new String[] {out.toString(), err.toString()};
    }

    @Test
    @DisplayName(
            "diagnose --exercise is check's engine: the solution has no mistake, swapped decays are named with check's words, a stub is not started")
    void exerciseDiagnosis(@TempDir Path dir) throws Exception {
        int[] code = new int[1];
        Path tree = dir.resolve("tree");
        Path src = KataLayout.sourceDir(LAYOUT.solutions(), "04-epsilon-outside");
        for (Path rel : KataLayout.javaFiles(src)) {
            Path to = KataLayout.sourceDir(tree, "04-epsilon-outside").resolve(rel);
            Files.createDirectories(to.getParent());
            Files.writeString(
                    to,
                    Files.readString(src.resolve(rel))
                            .replace("(1 - config.decay()) * g[i] * g[i]", "config.decay() * g[i] * g[i]")
                            .replace("config.decay() * s[i] +", "(1 - config.decay()) * s[i] +"));
        }
        String[] diagnosed = run(code, "diagnose", "--exercise", "04", "--source", tree.toString());
        assertThat(code[0]).isEqualTo(1);
        String[] checked = run(code, "check", "04", "--source", tree.toString());
        assertThat(diagnosed[0]).contains("s after step 1 is not right").contains("what it means");
        String firstFailure = diagnosed[0].substring(diagnosed[0].indexOf("✘"), diagnosed[0].indexOf("what it means"));
        assertThat(checked[0]).as("check prints the same words").contains(firstFailure);

        String[] good = run(
                code,
                "diagnose",
                "--exercise",
                "03",
                "--source",
                LAYOUT.solutions().toString());
        assertThat(code[0]).isZero();
        assertThat(good[0]).contains("No mistake");
        String[] stub = run(code, "diagnose", "--exercise", "03");
        assertThat(code[0]).isEqualTo(1);
        assertThat(stub[0]).contains("not started");
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
        run(
                code,
                "trace",
                "--preset",
                "d2l",
                "--lr",
                "0.4",
                "--objective",
                "d2l-quadratic",
                "--steps",
                "20",
                "--plot",
                dir.resolve("run.png").toString(),
                "--compare",
                "adagrad");
        assertThat(code[0]).isZero();
        assertThat(dir.resolve("run.png")).isRegularFile();
        assertThat(dir.resolve("run-rate.png")).isRegularFile();
        run(
                code,
                "trace",
                "--objective",
                "logistic",
                "--steps",
                "5",
                "--plot",
                dir.resolve("loss.png").toString());
        assertThat(dir.resolve("loss.png")).isRegularFile();
        String[] out = run(code, "trace", "--compare", "adamax");
        assertThat(out[1]).contains("--compare: unknown optimizer: adamax");
    }
}
