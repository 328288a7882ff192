package optikata.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import optikata.kata.Contract;
import optikata.optim.Optimizer;
import optikata.optim.OptimizerState;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The replay engine's contract: free and teacher-forced runs, the stop rules, bad rows, the observer's stop. */
class ReplayTest {

    /**
     * θ ← θ − η g, written here so the expected values are plain arithmetic; it remembers every
     * gradient matrix it was handed and the θ each step started from.
     */
    static final class Descent implements Optimizer {
        final double eta;
        final List<DMatrixRMaj> handed = new ArrayList<>();
        final List<double[]> startedFrom = new ArrayList<>();
        long steps;

        Descent(double eta) {
            this.eta = eta;
        }

        @Override
        public String name() {
            return "descent";
        }

        @Override
        public void step(DMatrixRMaj params, DMatrixRMaj gradient) {
            handed.add(gradient);
            startedFrom.add(params.data.clone());
            for (int i = 0; i < params.getNumElements(); i++) {
                params.data[i] -= eta * gradient.data[i];
            }
            steps++;
        }

        @Override
        public OptimizerState state() {
            return new OptimizerState(steps, Map.of());
        }

        @Override
        public void effectiveLearningRate(DMatrixRMaj out) {
            out.fill(eta);
        }

        @Override
        public void reset() {
            steps = 0;
        }

        @Override
        public Record hyperparameters() {
            return null;
        }
    }

    private static DMatrixRMaj col(double... v) {
        return new DMatrixRMaj(v.length, 1, true, v);
    }

    @Test
    @DisplayName("a free replay steps from where the previous step left θ and shows each step to the observer")
    void freeRun() {
        Descent o = new Descent(0.5);
        List<String> seen = new ArrayList<>();
        Replay.Result r = Replay.of(o, col(1, 2))
                .run(
                        List.of(new double[] {2, 0}, new double[] {0, 4}, new double[] {-2, -2}),
                        (t, theta, g) -> seen.add(
                                t + ":" + theta.get(0) + "," + theta.get(1) + " g " + g.get(0) + "," + g.get(1)));
        assertThat(seen).containsExactly("1:0.0,2.0 g 2.0,0.0", "2:0.0,0.0 g 0.0,4.0", "3:1.0,1.0 g -2.0,-2.0");
        assertThat(r.end()).isEqualTo(Replay.End.COMPLETED);
        assertThat(r.completed()).isTrue();
        assertThat(r.steps()).isEqualTo(3);
        assertThat(r.stoppedAt()).isZero();
        assertThat(r.theta().data).containsExactly(1.0, 1.0);
        assertThat(o.steps).isEqualTo(3);
    }

    @Test
    @DisplayName("from the recorded parameters, step t starts from the recorded θ_{t−1}, not from where step t−1 went")
    void teacherForcing() {
        Descent o = new Descent(1);
        List<double[]> recorded = List.of(new double[] {10}, new double[] {20}, new double[] {30});
        List<Double> after = new ArrayList<>();
        Replay.of(o, col(0))
                .fromRecorded(recorded)
                .run(
                        List.of(new double[] {1}, new double[] {1}, new double[] {1}),
                        (t, theta, g) -> after.add(theta.get(0)));
        assertThat(o.startedFrom).extracting(a -> a[0]).containsExactly(0.0, 10.0, 20.0);
        assertThat(after).containsExactly(-1.0, 9.0, 19.0);
        assertThatThrownBy(() -> Replay.of(new Descent(1), col(0))
                        .fromRecorded(List.of())
                        .run(List.of(new double[] {1}, new double[] {1})))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("0 rows for 2 gradients");
    }

    @Test
    @DisplayName(
            "by default a non-finite gradient row stops the run before its step, a non-finite θ after the observer saw it")
    void stopRules() {
        Descent o = new Descent(1);
        Replay.Result nanRow =
                Replay.of(o, col(0)).run(List.of(new double[] {1}, new double[] {Double.NaN}, new double[] {1}));
        assertThat(nanRow.end()).isEqualTo(Replay.End.NON_FINITE_GRADIENT);
        assertThat(nanRow.stoppedAt()).isEqualTo(2);
        assertThat(nanRow.steps()).isEqualTo(1);
        assertThat(o.steps).as("the row's step is not taken").isEqualTo(1);

        Descent big = new Descent(Double.MAX_VALUE);
        List<Integer> observed = new ArrayList<>();
        Replay.Result overflow = Replay.of(big, col(0))
                .run(
                        List.of(new double[] {-1}, new double[] {-10}, new double[] {1}),
                        (t, theta, g) -> observed.add(t));
        assertThat(overflow.end()).isEqualTo(Replay.End.NON_FINITE_PARAMETERS);
        assertThat(overflow.stoppedAt()).isEqualTo(2);
        assertThat(observed).containsExactly(1, 2);
        assertThat(overflow.theta().get(0)).isInfinite();
    }

    @Test
    @DisplayName("a NaN-tolerant replay goes on through non-finite rows and parameters")
    void tolerant() {
        Descent o = new Descent(1);
        List<Double> after = new ArrayList<>();
        Replay.Result r = Replay.of(o, col(0))
                .tolerateNonFinite()
                .run(
                        List.of(new double[] {1}, new double[] {Double.NaN}, new double[] {1}),
                        (t, theta, g) -> after.add(theta.get(0)));
        assertThat(r.end()).isEqualTo(Replay.End.COMPLETED);
        assertThat(r.steps()).isEqualTo(3);
        assertThat(after.get(0)).isEqualTo(-1.0);
        assertThat(after.get(1)).isNaN();
        assertThat(after.get(2)).isNaN();
    }

    @Test
    @DisplayName("an observer that returns false stops the run after that step")
    void observerStops() {
        Descent o = new Descent(1);
        Replay.Result r = Replay.of(o, col(0))
                .run(List.of(new double[] {1}, new double[] {1}, new double[] {1}), (t, theta, g) -> t < 2);
        assertThat(r.end()).isEqualTo(Replay.End.STOPPED_BY_OBSERVER);
        assertThat(r.stoppedAt()).isEqualTo(2);
        assertThat(r.steps()).isEqualTo(2);
        assertThat(o.steps).isEqualTo(2);
        assertThat(r.theta().get(0)).isEqualTo(-2.0);
    }

    @Test
    @DisplayName(
            "a row of the wrong length is rejected before any step, naming the row, its length and the expected length")
    void wrongRowLength() {
        Descent o = new Descent(1);
        assertThatThrownBy(() -> Replay.of(o, col(0, 0))
                        .run(List.of(new double[] {1, 1}, new double[] {1, 1}, new double[] {1})))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Invalid gradient row 3: 1 values, expected 2 (θ is 2x1)");
        assertThat(o.steps).as("a rejected replay steps nothing").isZero();
        List<double[]> withNull = new ArrayList<>();
        withNull.add(null);
        assertThatThrownBy(() -> Replay.of(o, col(0)).run(withNull)).hasMessage("Invalid gradient row 1: null");
        assertThatThrownBy(() -> Replay.of(o, col(0, 0))
                        .fromRecorded(List.of(new double[] {1}))
                        .run(List.of(new double[] {1, 1}, new double[] {1, 1})))
                .hasMessage("Invalid recorded θ row 1: 1 values, expected 2 (θ is 2x1)");
        assertThatThrownBy(() -> Replay.of(null, col(0))).hasMessage("Invalid optimizer: null");
    }

    @Test
    @DisplayName(
            "one gradient buffer is refilled each step, or a fresh matrix is handed over when asked; the start is not modified")
    void buffers() {
        DMatrixRMaj start = col(1);
        Descent shared = new Descent(1);
        Replay.of(shared, start).run(List.of(new double[] {1}, new double[] {2}));
        assertThat(shared.handed.get(0)).isSameAs(shared.handed.get(1));
        Descent fresh = new Descent(1);
        Replay.of(fresh, start).freshGradients().run(List.of(new double[] {1}, new double[] {2}));
        assertThat(fresh.handed.get(0)).isNotSameAs(fresh.handed.get(1));
        assertThat(fresh.handed.get(0).get(0)).isEqualTo(1.0);
        assertThat(start.get(0)).isEqualTo(1.0);
    }

    @Test
    @DisplayName("an observer's checked exception ends the run and reaches the caller")
    void observerThrows() {
        Descent o = new Descent(1);
        assertThatThrownBy(() -> Replay.of(o, col(0))
                        .run(List.of(new double[] {1}, new double[] {1}), (t, theta, g) -> {
                            throw new IOException("full at step " + t);
                        }))
                .isInstanceOf(IOException.class)
                .hasMessage("full at step 1");
        assertThat(o.steps).isEqualTo(1);
    }

    @Test
    @DisplayName(
            "the engine joins the learner's class path alone: the spec runtime's closure takes nothing else from run")
    void smallEnoughForTheContract() throws Exception {
        Set<String> closure = Contract.child();
        assertThat(closure).contains("optikata.run.Replay");
        assertThat(closure)
                .filteredOn(c -> !c.startsWith("optikata.optim.") && !c.startsWith("optikata.kata.spec."))
                .allMatch(c -> c.equals("optikata.run.Replay") || c.startsWith("optikata.run.Replay$"));
    }
}
