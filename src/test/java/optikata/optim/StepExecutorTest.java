package optikata.optim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The split: every element runs exactly once, a failed check runs nothing, concurrent steps stay correct. */
class StepExecutorTest {
    private static final int N = StepExecutor.threshold() * 3 + 13;

    private static final class Recording implements StepExecutor.CheckedJob {
        final AtomicIntegerArray runs = new AtomicIntegerArray(N);
        final AtomicIntegerArray checks = new AtomicIntegerArray(N);
        final AtomicInteger runCalls = new AtomicInteger();
        final int bad;

        Recording(int bad) {
            this.bad = bad;
        }

        @Override
        public boolean check(int from, int to) {
            for (int i = from; i < to; i++) {
                checks.incrementAndGet(i);
            }
            return bad < from || bad >= to;
        }

        @Override
        public void run(int from, int to) {
            runCalls.incrementAndGet();
            for (int i = from; i < to; i++) {
                runs.incrementAndGet(i);
            }
        }
    }

    @Test
    @DisplayName("a checked split checks and runs every element exactly once when every check passes")
    void everyElementOnce() {
        for (int round = 0; round < 50; round++) {
            Recording job = new Recording(-1);
            assertThat(StepExecutor.runChecked(job, N)).isTrue();
            for (int i = 0; i < N; i++) {
                assertThat(job.checks.get(i)).as("checks of %d", i).isEqualTo(1);
                assertThat(job.runs.get(i)).as("runs of %d", i).isEqualTo(1);
            }
        }
    }

    @Test
    @DisplayName("a failed check anywhere, first chunk to last element, runs no chunk at all")
    void failedCheckRunsNothing() {
        for (int bad : new int[] {0, 1, N / 2, N / 3 + 5, N - 8, N - 1}) {
            for (int round = 0; round < 20; round++) {
                Recording job = new Recording(bad);
                assertThat(StepExecutor.runChecked(job, N)).as("bad at %d", bad).isFalse();
                assertThat(job.runCalls.get())
                        .as("chunks run with a bad entry at %d", bad)
                        .isZero();
            }
        }
    }

    @Test
    @DisplayName("an unchecked split runs every element exactly once")
    void uncheckedOnce() {
        Recording job = new Recording(-1);
        StepExecutor.run(job, N);
        for (int i = 0; i < N; i++) {
            assertThat(job.runs.get(i)).isEqualTo(1);
        }
        assertThat(job.checks.get(0)).isZero();
    }

    @Test
    @DisplayName("two threads stepping two optimizers at once get what each gets alone")
    void concurrentStepsStayCorrect() throws InterruptedException {
        int n = StepExecutor.threshold() + 101;
        DMatrixRMaj g = new DMatrixRMaj(n, 1);
        for (int i = 0; i < n; i++) {
            g.data[i] = Math.sin(i * 0.01);
        }
        DMatrixRMaj alone = new DMatrixRMaj(n, 1);
        Optimizer reference = new RmsProp();
        for (int s = 0; s < 30; s++) {
            reference.step(alone, g);
        }
        DMatrixRMaj[] thetas = {new DMatrixRMaj(n, 1), new DMatrixRMaj(n, 1)};
        Thread[] threads = new Thread[2];
        for (int k = 0; k < 2; k++) {
            DMatrixRMaj theta = thetas[k];
            threads[k] = new Thread(() -> {
                Optimizer o = new RmsProp();
                for (int s = 0; s < 30; s++) {
                    o.step(theta, g);
                }
            });
            threads[k].start();
        }
        for (Thread t : threads) {
            t.join();
        }
        for (DMatrixRMaj theta : thetas) {
            for (int i = 0; i < n; i++) {
                assertThat(theta.data[i]).isEqualTo(alone.data[i]);
            }
        }
    }
}
