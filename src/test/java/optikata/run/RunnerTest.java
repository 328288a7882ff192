package optikata.run;

import static optikata.support.Matrices.col;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import optikata.objective.D2lQuadratic;
import optikata.objective.Rosenbrock;
import optikata.objective.Square;
import optikata.optim.RmsProp;
import optikata.optim.RmsPropConfig;
import optikata.optim.RmsPropPreset;
import optikata.optim.Sgd;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunnerTest {

    @Test
    @DisplayName("d2l §7.6.1: RMSProp (η 0.4, γ 0.9, ε 1e-6) from (−5, −2) ends near (−0.010599, 0) after 20 steps")
    void d2lExample() {
        RmsProp rms = new RmsProp(
                RmsPropPreset.D2L.config().toBuilder().learningRate(0.4).build());
        Trajectory t = Runner.run(rms, new D2lQuadratic(), col(-5, -2), 20);
        assertThat(t.steps()).isEqualTo(20);
        assertThat(t.diverged()).isFalse();
        assertThat(t.last().theta()[0]).isCloseTo(-0.010599, within(5e-7));
        assertThat(t.last().theta()[1]).isCloseTo(0.0, within(5e-7));
    }

    @Test
    @DisplayName("rows hold θ_t after step t and the gradient g_t = ∇f(θ_{t−1}) that step used")
    void rowConvention() {
        Trajectory t = Runner.run(new Sgd(0.25), new Square(), col(1.0), 2);
        assertThat(t.points()).hasSize(3);
        assertThat(t.at(0).gradient()).isNull();
        assertThat(t.at(0).loss()).isEqualTo(1.0);
        assertThat(t.at(1).gradient()).containsExactly(2.0);
        assertThat(t.at(1).theta()).containsExactly(0.5);
        assertThat(t.at(2).gradient()).containsExactly(1.0);
        assertThat(t.at(2).loss()).isEqualTo(0.0625);
    }

    @Test
    @DisplayName("a run that diverges stops cleanly and reports the step")
    void divergence() {
        Trajectory t = Runner.run(new Sgd(0.1), new Rosenbrock(), col(-1.5, 2), 1000);
        assertThat(t.diverged()).isTrue();
        assertThat(t.divergedAt().getAsInt()).isBetween(1, 20);
        assertThat(t.stopReason()).contains("diverged");
        assertThat(t.steps()).isLessThanOrEqualTo(t.divergedAt().getAsInt());
    }

    @Test
    @DisplayName("replaying recorded gradients gives the same parameters as the live run")
    void replay(@TempDir Path dir) throws Exception {
        Trajectory live = Runner.run(new RmsProp(), new D2lQuadratic(), col(-5, -2), 5);
        StringBuilder csv = new StringBuilder("g1,g2\n");
        for (int k = 1; k <= 5; k++) {
            csv.append(live.at(k).gradient()[0])
                    .append(',')
                    .append(live.at(k).gradient()[1])
                    .append('\n');
        }
        Path file = dir.resolve("g.csv");
        Files.writeString(file, csv);
        Trajectory replayed = Runner.replay(
                new RmsProp(),
                col(-5, -2),
                TrajectoryFormat.readGradients(file, 2).gradients(),
                null);
        assertThat(replayed.last().theta()).containsExactly(live.last().theta());
        assertThat(replayed.last().loss()).isNaN();
    }

    @Test
    @DisplayName("bad gradient files are reported with the file and line")
    void badCsv(@TempDir Path dir) throws Exception {
        Path wrongColumns = dir.resolve("a.csv");
        Files.writeString(wrongColumns, "1,2\n3\n");
        assertThatThrownBy(() -> TrajectoryFormat.readGradients(wrongColumns, 2))
                .hasMessageContaining("a.csv:2: 1 column but 2 expected");
        Path notNumber = dir.resolve("b.csv");
        Files.writeString(notNumber, "1,2\n3,x\n");
        assertThatThrownBy(() -> TrajectoryFormat.readGradients(notNumber, 2))
                .hasMessageContaining("b.csv:2: column 2 is not a number: 'x'");
        Path empty = dir.resolve("c.csv");
        Files.writeString(empty, "");
        assertThatThrownBy(() -> TrajectoryFormat.readGradients(empty, 2)).hasMessageContaining("no gradient rows");
        assertThatThrownBy(() -> TrajectoryFormat.readGradients(dir.resolve("missing.csv"), 2))
                .hasMessageContaining("No such file");
        assertThatThrownBy(() -> Runner.replay(new RmsProp(), col(0, 0), List.of(new double[] {1}), null))
                .hasMessageContaining("Invalid gradient row 1: 1 values, expected 2 (θ is 2x1)");
    }

    @Test
    @DisplayName("the trajectory records the state and the effective rate of each step")
    void recordsStateAndRate() {
        Trajectory t = Runner.run(new RmsProp(RmsPropConfig.defaults()), new Square(), col(1.0), 1);
        assertThat(t.at(0).state().buffer(RmsProp.SQUARED_GRADIENT_AVERAGE)).isNull();
        assertThat(t.at(0).effectiveRate()).containsExactly(0.01);
        assertThat(t.at(1).state().buffer(RmsProp.SQUARED_GRADIENT_AVERAGE).get(0))
                .isCloseTo(0.4, within(1e-15));
        assertThat(t.at(1).effectiveRate()[0]).isCloseTo(0.01 / Math.sqrt(0.4 + 1e-8), within(1e-15));
    }
}
