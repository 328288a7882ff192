package optikata.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import optikata.optim.Optimizer;
import optikata.optim.OptimizerRegistry;
import org.assertj.core.api.Assertions;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class CliTest {
    record Result(int code, String out, String err) {}

    static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(args, new PrintWriter(out), new PrintWriter(err));
        return new Result(code, out.toString(), err.toString());
    }

    @Test
    @DisplayName("the README's trace example ends at x1 ≈ −0.010599, x2 ≈ 0.000000")
    void traceExample() {
        Result r = run(
                "trace",
                "--optimizer",
                "rmsprop",
                "--preset",
                "d2l",
                "--lr",
                "0.4",
                "--decay",
                "0.9",
                "--eps",
                "1e-6",
                "--objective",
                "d2l-quadratic",
                "--start",
                "-5,-2",
                "--steps",
                "20");
        assertThat(r.code()).isZero();
        List<String> lines = r.out().lines().toList();
        assertThat(lines.get(0)).startsWith("step,theta_1,theta_2,loss,grad_1,grad_2,squaredGradientAverage_1");
        assertThat(lines).hasSize(22);
        String[] last = lines.get(21).split(",");
        assertThat(last[0]).isEqualTo("20");
        assertThat(String.format("%.6f", Double.parseDouble(last[1]))).isEqualTo("-0.010599");
        assertThat(String.format("%.6f", Double.parseDouble(last[2]))).isIn("0.000000", "-0.000000");
    }

    @Test
    @DisplayName("trace --format json gives the steps with named state buffers")
    void traceJson() throws Exception {
        Result r = run("trace", "--objective", "square", "--steps", "1", "--format", "json");
        assertThat(r.code()).isZero();
        var node = new ObjectMapper().readTree(r.out());
        assertThat(node.get("optimizer").asText()).isEqualTo("rmsprop");
        assertThat(node.get("points")
                        .get(1)
                        .get("state")
                        .get("squaredGradientAverage")
                        .get(0)
                        .asDouble())
                .isEqualTo(0.4, Assertions.within(1e-15));
        assertThat(node.get("points").get(1).get("theta").get(0).asDouble())
                .isEqualTo(0.968377, Assertions.within(1e-6));
    }

    @Test
    @DisplayName("bad options are refused with the option and the value, exit code 2")
    void badOptions() {
        Result r = run("trace", "--decay", "1.5");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("--decay: invalid decay rate: 1.5 (must be in [0, 1))");
        r = run("trace", "--optimizer", "adma");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("--optimizer: unknown optimizer: adma").contains("did you mean adam?");
        r = run("trace", "--objective", "d2l-quadratic", "--start", "1,2,3");
        assertThat(r.err()).contains("--start: invalid start point: 3 values but d2l-quadratic takes 2");
        r = run("trace", "--steps", "ten");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("--steps");
    }

    @Test
    @DisplayName(
            "--weight-decay reaches the optimizer: Keras' 1.9760959 with --preset keras (decoupled), and --weight-decay-form overrides")
    void weightDecayFlag() throws Exception {
        List<String> keras = List.of("--preset", "keras", "--lr", "1", "--weight-decay", "0.004");
        assertThat(threeZeroSteps(OptimizerArguments.build(keras))).isCloseTo(1.9760959, Assertions.within(5e-7));
        List<String> coupled = new ArrayList<>(keras);
        coupled.addAll(List.of("--weight-decay-form", "COUPLED"));
        assertThat(Math.abs(threeZeroSteps(OptimizerArguments.build(coupled)) - 1.9760959))
                .isGreaterThan(0.5);
        assertThat(OptimizerArguments.build(List.of("--optimizer", "adamw")).hyperparameters())
                .hasToString("Config[learningRate=0.001, beta1=0.9, beta2=0.999, epsilon=1.0E-8, weightDecay=0.01, "
                        + "nonFinitePolicy=REJECT]");
        for (String optimizer : OptimizerRegistry.FAMILY.names()) {
            Result r = run(
                    "trace",
                    "--optimizer",
                    optimizer,
                    "--weight-decay",
                    "0.1",
                    "--weight-decay-form",
                    "decoupled",
                    "--objective",
                    "square",
                    "--steps",
                    "3");
            assertThat(r.code()).as(optimizer + ": " + r.err()).isZero();
        }
        // --compare takes the same λ, each optimizer in its own form: AdamW's decoupled beside Adam's coupled.
        Result compared = run(
                "trace",
                "--optimizer",
                "adamw",
                "--lr",
                "0.1",
                "--weight-decay",
                "0.5",
                "--compare",
                "adam",
                "--objective",
                "square",
                "--steps",
                "1",
                "--format",
                "json");
        assertThat(compared.code()).as(compared.err()).isZero();
        var json = new ObjectMapper().readTree(compared.out());
        assertThat(json.get("hyperparameters").get("weightDecay").asDouble()).isEqualTo(0.5);
        var adam = json.get("compare").get(0).get("hyperparameters");
        assertThat(adam.get("weightDecay").asDouble()).isEqualTo(0.5);
        assertThat(adam.get("weightDecayForm").asText()).isEqualTo("COUPLED");
        // θ = 1, g = 2: AdamW 1·(1 − 0.05) − 0.1 = 0.85; Adam's g + λθ = 2.5 is normalised to a step of 0.1.
        assertThat(json.get("points").get(1).get("theta").get(0).asDouble()).isCloseTo(0.85, Assertions.within(1e-8));
        assertThat(json.get("compare")
                        .get(0)
                        .get("points")
                        .get(1)
                        .get("theta")
                        .get(0)
                        .asDouble())
                .isCloseTo(0.9, Assertions.within(1e-8));
        Result help = run("trace", "--help");
        assertThat(help.out()).contains("--weight-decay=LAMBDA", "--weight-decay-form=FORM", "adamw");
    }

    /** The optimizer's θ after three steps from 2.0 with a zero gradient. */
    private static double threeZeroSteps(Optimizer o) {
        DMatrixRMaj theta = new DMatrixRMaj(1, 1, true, 2.0);
        for (int i = 0; i < 3; i++) {
            o.step(theta, new DMatrixRMaj(1, 1));
        }
        return theta.get(0);
    }

    @Test
    @DisplayName("a diverging trace prints what it has and says at which step it stopped")
    void divergingTrace() {
        Result r = run("trace", "--optimizer", "sgd", "--lr", "0.1", "--objective", "rosenbrock", "--steps", "100");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("stopped at step");
    }

    @Test
    @DisplayName("every command has --help")
    void helpEverywhere() {
        CommandLine cl = Main.commandLine();
        assertThat(run("--help").out()).contains("Commands:");
        for (String name : cl.getSubcommands().keySet()) {
            Result r = run(name, "--help");
            assertThat(r.code()).as(name).isZero();
            assertThat(r.out()).as(name).contains("Usage: optikata " + name);
        }
    }

    @Test
    @DisplayName("optimizers lists the family and the presets with their sources")
    void optimizersList() {
        Result r = run("optimizers");
        assertThat(r.out())
                .contains("pytorch", "keras", "tf1", "optax", "cs231n", "d2l", "torch/optim/rmsprop.py", "adadelta");
    }

    @Test
    @DisplayName(
            "what trace writes (CSV or JSON, compared runs included) is read back by trace --replay, diagnose --trace and --plot")
    void traceFilesRoundTrip(@TempDir Path dir) throws Exception {
        for (String ext : List.of("csv", "json")) {
            Path file = dir.resolve("run." + ext);
            Result written = run(
                    "trace",
                    "--preset",
                    "d2l",
                    "--lr",
                    "0.4",
                    "--objective",
                    "d2l-quadratic",
                    "--steps",
                    "20",
                    "--compare",
                    "adagrad",
                    "--out",
                    file.toString());
            assertThat(written.code()).as(written.err()).isZero();
            assertThat(written.err()).contains("wrote " + file + " (20 steps, 1 compared run)");
            Result direct = run(
                    "trace",
                    "--preset",
                    "d2l",
                    "--lr",
                    "0.4",
                    "--objective",
                    "d2l-quadratic",
                    "--steps",
                    "20",
                    "--format",
                    ext);
            Result replayed = run(
                    "trace",
                    "--preset",
                    "d2l",
                    "--lr",
                    "0.4",
                    "--objective",
                    "d2l-quadratic",
                    "--replay",
                    file.toString(),
                    "--format",
                    ext);
            assertThat(replayed.code()).as(replayed.err()).isZero();
            assertThat(replayed.out()).as(ext).isEqualTo(direct.out());
            Result diagnosed = run("diagnose", "--trace", file.toString());
            assertThat(diagnosed.code()).as(diagnosed.err()).isZero();
            assertThat(diagnosed.out()).contains("20 steps of 2 parameters", "no mistake");
            Result plotted = run(
                    "trace",
                    "--replay",
                    file.toString(),
                    "--objective",
                    "d2l-quadratic",
                    "--plot",
                    dir.resolve("replay-" + ext + ".png").toString(),
                    "--compare",
                    "adagrad");
            assertThat(plotted.code()).as(plotted.err()).isZero();
            assertThat(dir.resolve("replay-" + ext + ".png")).isRegularFile();
        }
        assertThat(Files.readString(dir.resolve("run.csv"))).contains("\n# run: adagrad\nstep,theta_1");
    }

    @Test
    @DisplayName("--version on every command prints the version, the commit and the Java runtime")
    void versionEverywhere() {
        List<String> names = new ArrayList<>(Main.commandLine().getSubcommands().keySet());
        names.remove("help");
        names.add(0, null);
        for (String name : names) {
            Result r = name == null ? run("--version") : run(name, "--version");
            assertThat(r.code()).as(name).isZero();
            assertThat(r.out())
                    .as(name)
                    .containsPattern("optikata \\S+")
                    .contains("commit")
                    .contains("java     " + System.getProperty("java.version"));
        }
    }

    @Test
    @DisplayName("a command's help shows its description once")
    void descriptionOnce() {
        for (String name : Main.commandLine().getSubcommands().keySet()) {
            if (name.equals("help")) {
                continue;
            }
            Result r = run(name, "--help");
            String[] description = Main.commandLine()
                    .getSubcommands()
                    .get(name)
                    .getCommandSpec()
                    .usageMessage()
                    .description();
            String[] header = Main.commandLine()
                    .getSubcommands()
                    .get(name)
                    .getCommandSpec()
                    .usageMessage()
                    .header();
            String firstLine = description.length > 0 ? description[0] : header[0];
            assertThat(r.out().split(Pattern.quote(firstLine), -1)).as(name).hasSize(2);
            if (header.length > 0 && description.length > 0) {
                assertThat(r.out()).as(name).doesNotContain(header[0]);
            }
        }
    }

    @Test
    @DisplayName(
            "optimizers prints aligned tables with the frameworks' names, no Java records; tf1 and optax have no default η")
    void optimizersTable() {
        Result r = run("optimizers");
        assertThat(r.out()).doesNotContain("Config[").doesNotContain("REJECT").doesNotContain("1.0E-");
        assertThat(r.out()).contains("alpha=0.99", "rho=0.9", "learning_rate: none*", "decay_rate=0.99", "eps=1e-8");
        assertThat(r.out()).contains("tf1 and optax have no default learning rate");
        List<String> presetLines = r.out()
                .lines()
                .filter(l -> l.matches("  (pytorch|keras|tf1|optax|cs231n|d2l) .*") && l.contains("√"))
                .toList();
        assertThat(presetLines).hasSize(6);
        int column = presetLines.get(0).indexOf("√");
        assertThat(presetLines).allSatisfy(l -> assertThat(l.indexOf("√")).isEqualTo(column));
        assertThat(run("optimizers", "--digits", "1").out()).contains("decay_rate=1");
    }

    @Test
    @DisplayName("counts are pluralised properly")
    void plurals() {
        assertThat(Words.count(1, "claim")).isEqualTo("1 claim");
        assertThat(Words.count(2, "value")).isEqualTo("2 values");
        assertThat(Words.count(0, "step")).isEqualTo("0 steps");
        assertThat(Words.number(1e-8, 0)).isEqualTo("1e-8");
        assertThat(Words.number(0.001, 0)).isEqualTo("0.001");
        assertThat(Words.number(0.123456789, 3)).isEqualTo("0.123");
        Result r = run("trace", "--objective", "d2l-quadratic", "--start", "1");
        assertThat(r.err()).contains("1 value but d2l-quadratic takes 2");
    }
}
