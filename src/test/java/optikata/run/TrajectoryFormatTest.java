package optikata.run;

import static optikata.support.Matrices.col;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import optikata.objective.D2lQuadratic;
import optikata.objective.Rosenbrock;
import optikata.optim.AdaGrad;
import optikata.optim.Optimizer;
import optikata.optim.RmsProp;
import optikata.optim.RmsPropPreset;
import optikata.optim.Sgd;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every trace format reads back what it wrote, exactly. */
class TrajectoryFormatTest {

    static Path write(Path dir, String name, TrajectoryFormat format, List<Trajectory> runs, List<Optimizer> optimizers)
            throws Exception {
        StringWriter text = new StringWriter();
        try (PrintWriter out = new PrintWriter(text)) {
            TrajectoryFormat.write(format, runs, optimizers, out);
        }
        return Files.writeString(dir.resolve(name), text.toString());
    }

    static void assertSameRun(Trace read, Trajectory written) {
        assertThat(read.start()).containsExactly(written.at(0).theta());
        assertThat(read.steps()).isEqualTo(written.steps());
        for (int t = 1; t <= written.steps(); t++) {
            assertThat(read.gradients().get(t - 1))
                    .as("gradient of step %d", t)
                    .containsExactly(written.at(t).gradient());
            assertThat(read.thetas().get(t - 1))
                    .as("θ after step %d", t)
                    .containsExactly(written.at(t).theta());
        }
    }

    @Test
    @DisplayName("CSV round trip: start, every gradient and every θ come back bit for bit, compared runs too")
    void csvRoundTrip(@TempDir Path dir) throws Exception {
        Optimizer rms = new RmsProp(
                RmsPropPreset.D2L.config().toBuilder().learningRate(0.4).build());
        Optimizer ada = new AdaGrad();
        Trajectory main = Runner.run(rms, new D2lQuadratic(), col(-5, -2), 20);
        Trajectory other = Runner.run(ada, new D2lQuadratic(), col(-5, -2), 20);
        Path file = write(dir, "run.csv", TrajectoryFormat.CSV, List.of(main, other), List.of(rms, ada));
        List<Trace> runs = TrajectoryFormat.readAll(file);
        assertThat(runs).hasSize(2);
        assertSameRun(runs.get(0), main);
        assertSameRun(runs.get(1), other);
        assertThat(TrajectoryFormat.read(file).skippedRows()).isZero();
    }

    @Test
    @DisplayName("JSON round trip: the same, with the compared runs under \"compare\"")
    void jsonRoundTrip(@TempDir Path dir) throws Exception {
        Optimizer rms = new RmsProp();
        Optimizer sgd = new Sgd(0.001);
        Trajectory main = Runner.run(rms, new Rosenbrock(), col(-1.5, 2), 30);
        Trajectory other = Runner.run(sgd, new Rosenbrock(), col(-1.5, 2), 30);
        Path file = write(dir, "run.json", TrajectoryFormat.JSON, List.of(main, other), List.of(rms, sgd));
        List<Trace> runs = TrajectoryFormat.readAll(file);
        assertThat(runs).hasSize(2);
        assertSameRun(runs.get(0), main);
        assertSameRun(runs.get(1), other);
    }

    @Test
    @DisplayName("replaying a written trace with the same optimizer gives the same run, in either format")
    void replayOfWrittenTrace(@TempDir Path dir) throws Exception {
        for (TrajectoryFormat format : TrajectoryFormat.values()) {
            Trajectory live = Runner.run(new RmsProp(), new D2lQuadratic(), col(-5, -2), 12);
            Path file = write(
                    dir,
                    "live." + format.name().toLowerCase(Locale.ROOT),
                    format,
                    List.of(live),
                    List.of(new RmsProp()));
            Trace recorded = TrajectoryFormat.readGradients(file, -1);
            Trajectory replayed =
                    Runner.replay(new RmsProp(), col(recorded.start()), recorded.gradients(), new D2lQuadratic());
            for (int t = 0; t <= live.steps(); t++) {
                assertThat(replayed.at(t).theta())
                        .as("%s step %d", format, t)
                        .containsExactly(live.at(t).theta());
                assertThat(replayed.at(t).loss()).isEqualTo(live.at(t).loss());
            }
        }
    }

    @Test
    @DisplayName("gradients-only CSV round trip: the rows come back, and there is no start point")
    void gradientsRoundTrip(@TempDir Path dir) throws Exception {
        Trajectory live = Runner.run(new RmsProp(), new D2lQuadratic(), col(-5, -2), 5);
        StringBuilder csv = new StringBuilder("g1,g2\n");
        for (int k = 1; k <= 5; k++) {
            csv.append(live.at(k).gradient()[0])
                    .append(',')
                    .append(live.at(k).gradient()[1])
                    .append('\n');
        }
        Trace read = TrajectoryFormat.readGradients(Files.writeString(dir.resolve("g.csv"), csv), 2);
        assertThat(read.start()).isNull();
        assertThat(read.hasParameters()).isFalse();
        for (int k = 1; k <= 5; k++) {
            assertThat(read.gradients().get(k - 1)).containsExactly(live.at(k).gradient());
        }
    }

    @Test
    @DisplayName("step 0 has no rate yet: its rate cells are empty (CSV) or null (JSON), not η")
    void noRateBeforeTheFirstStep() {
        Trajectory t = Runner.run(new RmsProp(), new D2lQuadratic(), col(-5, -2), 1);
        StringWriter csv = new StringWriter();
        TrajectoryFormat.write(TrajectoryFormat.CSV, t, new RmsProp(), new PrintWriter(csv, true));
        List<String> lines = csv.toString().lines().toList();
        assertThat(lines.get(1)).endsWith(",,");
        assertThat(lines.get(2).split(",", -1)[lines.get(0).split(",").length - 1])
                .isNotEmpty();
        assertThat(TrajectoryFormat.toJson(t, new RmsProp())
                        .get("points")
                        .get(0)
                        .get("effectiveRate")
                        .isNull())
                .isTrue();
    }

    @Test
    @DisplayName("a run that diverged writes empty cells; reading it back keeps the finite part")
    void divergedRunReadsBack(@TempDir Path dir) throws Exception {
        Trajectory t = Runner.run(new Sgd(0.1), new Rosenbrock(), col(-1.5, 2), 100);
        assertThat(t.diverged()).isTrue();
        for (TrajectoryFormat format : TrajectoryFormat.values()) {
            Path file = write(dir, "diverged." + format, format, List.of(t), List.of(new Sgd(0.1)));
            Trace read = TrajectoryFormat.read(file);
            assertThat(read.steps()).as(format.name()).isGreaterThan(0).isLessThan(t.steps() + 1);
            assertThat(read.steps() + read.skippedRows()).as(format.name()).isEqualTo(t.steps());
            for (int k = 0; k < read.steps(); k++) {
                assertThat(read.thetas().get(k)).containsExactly(t.at(k + 1).theta());
            }
        }
    }
}
