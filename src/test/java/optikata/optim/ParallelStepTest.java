package optikata.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import optikata.support.DMatrixAssert;
import optikata.support.Matrices;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Steps large enough to be split across threads give, element by element, bit for bit what the
 * same optimizer gives on that element alone (elements are independent), including at the
 * boundaries between the threads' shares.
 */
class ParallelStepTest {

    static List<Matrices.Named> family() {
        return Matrices.family();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("family")
    void splitStepEqualsElementwiseSteps(Matrices.Named named) {
        int n = StepExecutor.threshold() + 13;
        DMatrixRMaj theta = new DMatrixRMaj(n, 1);
        DMatrixRMaj g = new DMatrixRMaj(n, 1);
        Optimizer big = named.create();
        int[] probes = {0, 1, n / 2 - 9, n / 2 - 1, n / 2, n / 2 + 7, n / 2 + 8, n - 2, n - 1};
        Optimizer[] small = new Optimizer[probes.length];
        DMatrixRMaj[] smallTheta = new DMatrixRMaj[probes.length];
        for (int k = 0; k < probes.length; k++) {
            small[k] = named.create();
            smallTheta[k] = new DMatrixRMaj(1, 1);
        }
        for (int step = 1; step <= 3; step++) {
            for (int i = 0; i < n; i++) {
                g.data[i] = Math.sin(0.001 * i * step) + 0.1 * step;
            }
            big.step(theta, g);
            for (int k = 0; k < probes.length; k++) {
                small[k].step(smallTheta[k], new DMatrixRMaj(1, 1, true, g.data[probes[k]]));
            }
        }
        for (int k = 0; k < probes.length; k++) {
            assertThat(theta.data[probes[k]])
                    .as("element %d of %d", probes[k], n)
                    .isEqualTo(smallTheta[k].get(0));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("family")
    void splitScanRejectsANonFiniteGradientInAnyShare(Matrices.Named named) {
        int n = StepExecutor.threshold() + 13;
        Optimizer o = named.create();
        DMatrixRMaj theta = new DMatrixRMaj(n, 1);
        DMatrixRMaj g = new DMatrixRMaj(n, 1);
        Arrays.fill(g.data, 0.5);
        o.step(theta, g);
        DMatrixRMaj before = theta.copy();
        for (int where : new int[] {n - 1, n / 2 + 8, 3}) {
            g.data[where] = Double.NaN;
            assertThatThrownBy(() -> o.step(theta, g)).hasMessageContaining("Invalid gradient: NaN at index " + where);
            g.data[where] = 0.5;
            DMatrixAssert.assertThat(theta).isIdenticalTo(before);
            assertThat(o.state().step()).isEqualTo(1);
        }
    }
}
