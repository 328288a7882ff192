package optikata.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class CliTest {
    record Result(int code, String out, String err) {
    }

    static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(args, new PrintWriter(out), new PrintWriter(err));
        return new Result(code, out.toString(), err.toString());
    }

    @Test
    @DisplayName("the README's trace example ends at x1 ≈ −0.010599, x2 ≈ 0.000000")
    void traceExample() {
        Result r = run("trace", "--optimizer", "rmsprop", "--preset", "d2l", "--lr", "0.4", "--decay", "0.9", "--eps", "1e-6",
                "--objective", "d2l-quadratic", "--start", "-5,-2", "--steps", "20");
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
        var node = new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.out());
        assertThat(node.get("optimizer").asText()).isEqualTo("rmsprop");
        assertThat(node.get("points").get(1).get("state").get("squaredGradientAverage").get(0).asDouble()).isEqualTo(0.4, org.assertj.core.api.Assertions.within(1e-15));
        assertThat(node.get("points").get(1).get("theta").get(0).asDouble()).isEqualTo(0.968377, org.assertj.core.api.Assertions.within(1e-6));
    }

    @Test
    @DisplayName("bad options are refused with the option and the value, exit code 2")
    void badOptions() {
        Result r = run("trace", "--decay", "1.5");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("--decay: invalid decay rate: 1.5 (must be in [0, 1))");
        r = run("trace", "--optimizer", "adamw");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("--optimizer: unknown optimizer: adamw").contains("did you mean adam?");
        r = run("trace", "--objective", "d2l-quadratic", "--start", "1,2,3");
        assertThat(r.err()).contains("--start: invalid start point: 3 values but d2l-quadratic takes 2");
        r = run("trace", "--steps", "ten");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("--steps");
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
        assertThat(r.out()).contains("pytorch", "keras", "tf1", "optax", "cs231n", "d2l", "torch/optim/rmsprop.py", "adadelta");
    }
}
