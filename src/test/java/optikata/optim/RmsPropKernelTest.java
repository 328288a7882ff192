package optikata.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * RMSProp's kernels: one per order of operations and precision, chosen once; centering and
 * momentum follow the configuration, not the arrays passed; and the step divides by the
 * denominator the effective rate reports.
 */
class RmsPropKernelTest {
    private static final int N = 23;

    @Test
    @DisplayName(
            "each order of operations and precision has a kernel of its own, and the optimizer keeps the one it chose")
    void oneKernelPerOrderAndPrecision() {
        Set<Class<?>> kernels = new HashSet<>();
        for (OperationOrder order : OperationOrder.values()) {
            for (ArithmeticPrecision precision : ArithmeticPrecision.values()) {
                RmsPropConfig c = RmsPropConfig.builder()
                        .operationOrder(order)
                        .arithmetic(precision)
                        .build();
                RmsProp rms = new RmsProp(c);
                assertThat(rms.kernel()).isSameAs(rms.kernel());
                assertThat(rms.kernel().getClass())
                        .isEqualTo(RmsPropKernel.of(c).getClass());
                kernels.add(rms.kernel().getClass());
            }
        }
        assertThat(kernels).hasSize(OperationOrder.values().length * ArithmeticPrecision.values().length);
    }

    @Test
    @DisplayName("centering follows the configuration: a kernel that is not centered leaves a gradient average alone")
    void centeringFollowsTheConfiguration() {
        for (OperationOrder order : OperationOrder.values()) {
            for (ArithmeticPrecision precision : ArithmeticPrecision.values()) {
                RmsPropConfig c = RmsPropConfig.builder()
                        .operationOrder(order)
                        .arithmetic(precision)
                        .build();
                double[] avg = {0.25, -0.5, 1.0};
                double[] buf = {0.125, 0.5, -1.0};
                RmsPropKernel plain = RmsPropKernel.of(c);
                plain.step(new double[3], new double[] {1, 2, 3}, new double[3], avg, buf, 0, 3);
                assertThat(avg).as("%s %s", order, precision).containsExactly(0.25, -0.5, 1.0);
                assertThat(buf).as("%s %s", order, precision).containsExactly(0.125, 0.5, -1.0);
                RmsPropKernel centered =
                        RmsPropKernel.of(c.toBuilder().centered(true).build());
                assertThat(centered.centered()).isTrue();
                assertThatThrownBy(() -> centered.step(
                                new double[3],
                                new double[] {1, 2, 3},
                                new double[3],
                                RmsPropKernel.NONE,
                                RmsPropKernel.NONE,
                                0,
                                3))
                        .isInstanceOf(ArrayIndexOutOfBoundsException.class);
            }
        }
    }

    @Test
    @DisplayName("every kernel's step is θ − (η·g)/d with the d its denominator reports, and the effective rate is η/d")
    void stepAndEffectiveRateShareTheDenominator() {
        Random random = new Random(20261208L);
        for (OperationOrder order : OperationOrder.values()) {
            for (ArithmeticPrecision precision : ArithmeticPrecision.values()) {
                for (EpsilonPlacement placement : EpsilonPlacement.values()) {
                    for (boolean centered : new boolean[] {false, true}) {
                        RmsPropConfig c = RmsPropConfig.builder()
                                .learningRate(0.03)
                                .epsilon(1e-3)
                                .epsilonPlacement(placement)
                                .centered(centered)
                                .operationOrder(order)
                                .arithmetic(precision)
                                .build();
                        RmsProp rms = new RmsProp(c);
                        RmsPropKernel kernel = rms.kernel();
                        DMatrixRMaj theta = new DMatrixRMaj(N, 1);
                        DMatrixRMaj g = new DMatrixRMaj(N, 1);
                        for (int step = 0; step < 3; step++) {
                            for (int i = 0; i < N; i++) {
                                theta.data[i] = random.nextGaussian();
                                g.data[i] = random.nextGaussian() * Math.pow(10, random.nextInt(5) - 2);
                            }
                            double[] before = theta.data.clone();
                            rms.step(theta, g);
                            double[] s = rms.state().buffer(RmsProp.SQUARED_GRADIENT_AVERAGE).data;
                            double[] avg =
                                    centered ? rms.state().buffer(RmsProp.GRADIENT_AVERAGE).data : RmsPropKernel.NONE;
                            DMatrixRMaj rate = new DMatrixRMaj(N, 1);
                            rms.effectiveLearningRate(rate);
                            for (int i = 0; i < N; i++) {
                                double d = kernel.denominator(s, avg, i);
                                double expected = precision == ArithmeticPrecision.FLOAT32
                                        ? (float) before[i]
                                                - (float) kernel.learningRate() * (float) g.data[i] / (float) d
                                        : before[i] - kernel.learningRate() * g.data[i] / d;
                                assertThat(theta.data[i])
                                        .as("%s, element %d", c, i)
                                        .isEqualTo(expected);
                                assertThat(rate.data[i])
                                        .as("%s, element %d", c, i)
                                        .isEqualTo(kernel.learningRate() / d);
                                if (precision == ArithmeticPrecision.FLOAT32) {
                                    assertThat((double) (float) d).isEqualTo(d);
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}
