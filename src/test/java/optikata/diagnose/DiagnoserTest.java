package optikata.diagnose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import optikata.cli.Main;
import optikata.mistakes.RmsPropMistake;
import optikata.optim.Adam;
import optikata.optim.EpsilonPlacement;
import optikata.optim.Optimizer;
import optikata.optim.RmsProp;
import optikata.optim.RmsPropPreset;
import optikata.run.Trace;
import optikata.run.TrajectoryFormat;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiagnoserTest {

    /** A trace of {@code o} on random gradients of three parameters. */
    static Trace record(Optimizer o, long seed, int steps, double noise) {
        Random random = new Random(seed);
        double[] start = {0.5, -1.0, 2.0};
        DMatrixRMaj theta = new DMatrixRMaj(3, 1, true, start.clone());
        List<double[]> gs = new ArrayList<>();
        List<double[]> thetas = new ArrayList<>();
        for (int t = 0; t < steps; t++) {
            double[] g = new double[3];
            for (int i = 0; i < 3; i++) {
                g[i] = random.nextGaussian() * Math.pow(10, random.nextInt(3) - 1);
            }
            o.step(theta, new DMatrixRMaj(3, 1, true, g.clone()));
            double[] th = theta.data.clone();
            for (int i = 0; i < 3; i++) {
                th[i] *= 1 + noise * random.nextGaussian();
            }
            gs.add(g);
            thetas.add(th);
        }
        return new Trace(start, gs, thetas, 0);
    }

    @Test
    @DisplayName("every known mistake is diagnosed as itself, with η recovered to 1e-6 (confusion table printed)")
    void confusionTable() {
        Map<RmsPropMistake, Map<String, Integer>> table = new EnumMap<>(RmsPropMistake.class);
        for (RmsPropMistake truth : RmsPropMistake.values()) {
            for (int k = 0; k < 3; k++) {
                double lr = new double[] {0.01, 0.003, 0.05}[k];
                double beta = new double[] {0.9, 0.99, 0.95}[k];
                double eps = new double[] {1e-8, 1e-6, 1e-7}[k];
                EpsilonPlacement placement = k == 1 ? EpsilonPlacement.OUTSIDE_ROOT : EpsilonPlacement.INSIDE_ROOT;
                Trace trace = record(Diagnoser.candidate(truth, placement, lr, beta, eps, 0), 100 + k, 30, 0);
                Diagnoser.Diagnosis d = Diagnoser.diagnose(trace);
                String found = d.matched() ? d.best().mistake().id() : "no match";
                boolean cannotTell = d.matched() && d.alternatives().stream().anyMatch(f -> f.mistake() == truth);
                table.computeIfAbsent(truth, x -> new TreeMap<>())
                        .merge(cannotTell ? found + " (or " + truth.id() + ": cannot tell)" : found, 1, Integer::sum);
                // Right, or honestly undecided: ε misplaced in one form is the other form done right.
                assertThat(found.equals(truth.id()) || cannotTell)
                        .as("trace of %s (case %d): %s", truth.id(), k, found)
                        .isTrue();
                Diagnoser.Fit fit = found.equals(truth.id())
                        ? d.best()
                        : d.alternatives().stream()
                                .filter(f -> f.mistake() == truth)
                                .findFirst()
                                .orElseThrow();
                if (truth == RmsPropMistake.STATE_RESET) {
                    // s = (1−β)·g² every step: only η/√(1−β) can be recovered from such a trace
                    assertThat(fit.learningRate() / Math.sqrt(1 - fit.decay()))
                            .as("η/√(1−β) of state-reset")
                            .isCloseTo(lr / Math.sqrt(1 - beta), within(lr * 1e-4));
                } else {
                    assertThat(fit.learningRate()).as("η of %s", truth.id()).isCloseTo(lr, within(lr * 1e-6));
                    assertThat(fit.decay()).as("β of %s", truth.id()).isEqualTo(beta);
                }
            }
        }
        StringBuilder sb = new StringBuilder("true mistake → diagnosed (of 3 traces each)\n");
        table.forEach((truth, row) -> sb.append(String.format("%-24s %s%n", truth.id(), row)));
        System.out.println(sb);
    }

    @Test
    @DisplayName("a correct trace of each preset is diagnosed as correct, naming the preset")
    void presets() {
        for (RmsPropPreset p : RmsPropPreset.values()) {
            Diagnoser.Diagnosis d = Diagnoser.diagnose(record(new RmsProp(p), 7, 25, 0));
            assertThat(d.matched()).as(p.id()).isTrue();
            assertThat(d.best().mistake()).as(p.id()).isEqualTo(RmsPropMistake.NONE);
            assertThat(d.presets()).as(p.id()).contains(p.id());
            assertThat(d.firstDeviation()).as(p.id()).isZero();
        }
    }

    @Test
    @DisplayName("a noisy trace still gets the right answer; a trace of another optimizer gets no match")
    void noiseAndNoMatch() {
        Diagnoser.Diagnosis noisy = Diagnoser.diagnose(record(
                Diagnoser.candidate(RmsPropMistake.DECAY_SWAPPED, EpsilonPlacement.INSIDE_ROOT, 0.01, 0.9, 1e-8, 0),
                3,
                30,
                1e-7));
        assertThat(noisy.matched())
                .as(
                        "closest: %s",
                        noisy.closest() == null
                                ? null
                                : noisy.closest().describe() + " "
                                        + noisy.closest().residual())
                .isTrue();
        assertThat(noisy.best().mistake()).isEqualTo(RmsPropMistake.DECAY_SWAPPED);
        Diagnoser.Diagnosis adam = Diagnoser.diagnose(record(new Adam(), 3, 30, 0));
        assertThat(adam.matched()).isFalse();
        assertThat(adam.closest()).isNotNull();
    }

    @Test
    @DisplayName(
            "diagnose reads the CSV that trace writes, and tells where a sign-flipped run leaves the correct update")
    void fromTheTraceCommand(@TempDir Path dir) throws Exception {
        StringWriter csv = new StringWriter();
        Main.execute(
                new String[] {"trace", "--preset", "d2l", "--objective", "d2l-quadratic", "--steps", "15"},
                new PrintWriter(csv),
                new PrintWriter(new StringWriter()));
        Path file = dir.resolve("run.csv");
        Files.writeString(file, csv.toString());
        Diagnoser.Diagnosis d = Diagnoser.diagnose(TrajectoryFormat.read(file));
        assertThat(d.best().mistake()).isEqualTo(RmsPropMistake.NONE);
        assertThat(d.presets()).contains("d2l");

        StringWriter out = new StringWriter();
        Trace flipped = record(
                Diagnoser.candidate(RmsPropMistake.SIGN_FLIPPED, EpsilonPlacement.INSIDE_ROOT, 0.01, 0.9, 1e-8, 0),
                5,
                10,
                0);
        StringBuilder sb = new StringBuilder("step,theta_1,theta_2,theta_3,grad_1,grad_2,grad_3\n0,0.5,-1.0,2.0,,,\n");
        for (int t = 0; t < flipped.steps(); t++) {
            double[] th = flipped.thetas().get(t);
            double[] g = flipped.gradients().get(t);
            sb.append(t + 1)
                    .append(',')
                    .append(th[0])
                    .append(',')
                    .append(th[1])
                    .append(',')
                    .append(th[2])
                    .append(',')
                    .append(g[0])
                    .append(',')
                    .append(g[1])
                    .append(',')
                    .append(g[2])
                    .append('\n');
        }
        Path f2 = dir.resolve("flipped.csv");
        Files.writeString(f2, sb);
        int code = Main.execute(
                new String[] {"diagnose", "--trace", f2.toString()},
                new PrintWriter(out),
                new PrintWriter(new StringWriter()));
        assertThat(code).isZero();
        assertThat(out.toString())
                .contains("sign-flipped")
                .contains("Leaves the correct update at step 1")
                .contains("theta[i] -= lr");
    }

    @Test
    @DisplayName("bad trace files are refused with the line number")
    void badFiles(@TempDir Path dir) throws Exception {
        Path empty = dir.resolve("empty.csv");
        Files.writeString(empty, "");
        assertThatThrownBy(() -> TrajectoryFormat.read(empty)).hasMessageContaining("empty");
        Path columns = dir.resolve("columns.csv");
        Files.writeString(columns, "step,theta_1,grad_1\n0,1,\n1,0.9\n");
        assertThatThrownBy(() -> TrajectoryFormat.read(columns))
                .hasMessageContaining("columns.csv:3: 2 columns but the header has 3");
        Path nan = dir.resolve("nan.csv");
        Files.writeString(nan, "step,theta_1,grad_1\n0,1,\n1,zero,2\n");
        assertThatThrownBy(() -> TrajectoryFormat.read(nan))
                .hasMessageContaining("nan.csv:3: theta_1 is not a number: 'zero'");
        Path header = dir.resolve("header.csv");
        Files.writeString(header, "t,x\n0,1\n");
        assertThatThrownBy(() -> TrajectoryFormat.read(header))
                .hasMessageContaining("header.csv:1: the header needs step");
        Path gap = dir.resolve("gap.csv");
        Files.writeString(gap, "step,theta_1,grad_1\n0,1,\n1,0.9,2\n3,0.8,2\n");
        assertThat(TrajectoryFormat.read(gap).skippedRows()).isEqualTo(1);
    }
}
