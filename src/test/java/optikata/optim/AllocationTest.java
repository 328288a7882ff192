package optikata.optim;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.util.List;
import optikata.support.Matrices;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Steps allocate nothing once the first step has allocated the state. Counted in bytes by the
 * JVM's per-thread allocation counter, not timed; a benchmark (-prof gc) reports the same figure.
 */
class AllocationTest {

    static List<Matrices.Named> family() {
        return Matrices.family();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("family")
    void stepsAfterTheFirstAllocateNothing(Matrices.Named named) {
        java.lang.management.ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        Assumptions.assumeTrue(
                bean instanceof com.sun.management.ThreadMXBean, "per-thread allocation counter not available");
        com.sun.management.ThreadMXBean counter = (com.sun.management.ThreadMXBean) bean;
        long id = Thread.currentThread().getId();
        Optimizer o = named.create();
        DMatrixRMaj theta = new DMatrixRMaj(1000, 1);
        DMatrixRMaj g = new DMatrixRMaj(1000, 1);
        for (int i = 0; i < 1000; i++) {
            g.data[i] = Math.sin(i) * 1e-2;
        }
        for (int i = 0; i < 200; i++) { // first step allocates; the rest warm up
            o.step(theta, g);
        }
        long overhead = counter.getThreadAllocatedBytes(id);
        overhead = counter.getThreadAllocatedBytes(id) - overhead; // what reading the counter itself costs
        // The least of three rounds: a step that allocates does so in every round, while one-off
        // work of the JVM (class loading, deoptimisation) shows up in one round at most.
        long allocated = Long.MAX_VALUE;
        for (int round = 0; round < 3; round++) {
            long before = counter.getThreadAllocatedBytes(id);
            for (int i = 0; i < 1000; i++) {
                o.step(theta, g);
            }
            allocated = Math.min(allocated, counter.getThreadAllocatedBytes(id) - before - overhead);
        }
        assertThat(allocated).as("bytes allocated by 1000 steps of %s", named).isLessThanOrEqualTo(0L);

        // The counter sees an allocation of the size a per-step buffer would have.
        long probeBefore = counter.getThreadAllocatedBytes(id);
        sink = new double[1000];
        assertThat(counter.getThreadAllocatedBytes(id) - probeBefore).isGreaterThanOrEqualTo(8000L);
    }

    static double[] sink;
}
