package optikata.optim;

import static optikata.support.Matrices.col;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import optikata.support.DMatrixAssert;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** RMSProp's first steps computed by hand from the formulas, for every variant. */
class RmsPropTest {

    private static RmsPropConfig base(double lr, double beta, double eps, EpsilonPlacement placement) {
        return RmsPropConfig.builder()
                .learningRate(lr)
                .decay(beta)
                .epsilon(eps)
                .epsilonPlacement(placement)
                .build();
    }

    @Test
    @DisplayName("the debugging guide §4.2: on θ² from θ₀ = 1, E[g²] is 0.4 and θ₁ = 1 − 0.02/√(0.4 + 1e-8)")
    void debuggingGuideWorkedExample() {
        RmsProp rms = new RmsProp(base(0.01, 0.9, 1e-8, EpsilonPlacement.INSIDE_ROOT));
        DMatrixRMaj theta = col(1.0);
        rms.step(theta, col(2.0));
        assertThat(rms.state().buffer(RmsProp.SQUARED_GRADIENT_AVERAGE).get(0)).isCloseTo(0.4, within(1e-15));
        // 0.02 / 0.632455532... = 0.0316227766...
        assertThat(theta.get(0)).isCloseTo(0.968377223398, within(1e-9));
        assertThat(rms.state().step()).isEqualTo(1);
    }

    @Test
    @DisplayName("two steps with ε inside the root keep s between steps")
    void twoStepsInside() {
        RmsProp rms = new RmsProp(base(0.1, 0.5, 1e-2, EpsilonPlacement.INSIDE_ROOT));
        DMatrixRMaj theta = col(1.0, -2.0);
        rms.step(theta, col(1.0, 4.0));
        // s = 0.5 g² = (0.5, 8); θ = θ − 0.1 g / √(s + 0.01)
        double t1a = 1.0 - 0.1 * 1.0 / Math.sqrt(0.51);
        double t1b = -2.0 - 0.1 * 4.0 / Math.sqrt(8.01);
        DMatrixAssert.assertThat(theta).isElementwiseCloseTo(new double[] {t1a, t1b}, 1e-15);
        rms.step(theta, col(-3.0, 0.0));
        // s = 0.5 s + 0.5 g² = (0.25 + 4.5, 4 + 0)
        double t2a = t1a + 0.1 * 3.0 / Math.sqrt(4.75 + 0.01);
        DMatrixAssert.assertThat(theta).isElementwiseCloseTo(new double[] {t2a, t1b}, 1e-15);
        DMatrixAssert.assertThat(rms.state().buffer(RmsProp.SQUARED_GRADIENT_AVERAGE))
                .isElementwiseCloseTo(new double[] {4.75, 4.0}, 1e-15);
    }

    @Test
    @DisplayName("ε outside the root divides by √s + ε")
    void outside() {
        RmsProp rms = new RmsProp(base(0.1, 0.5, 0.25, EpsilonPlacement.OUTSIDE_ROOT));
        DMatrixRMaj theta = col(0.0);
        rms.step(theta, col(2.0));
        // s = 2; d = √2 + 0.25
        assertThat(theta.get(0)).isCloseTo(-0.2 / (Math.sqrt(2) + 0.25), within(1e-15));
    }

    @Test
    @DisplayName("the initial accumulator enters the first average (TF1 starts s at 1)")
    void initialAccumulator() {
        RmsProp rms = new RmsProp(base(0.01, 0.9, 1e-10, EpsilonPlacement.INSIDE_ROOT).toBuilder()
                .initialAccumulator(1.0)
                .build());
        DMatrixRMaj theta = col(1.0);
        rms.step(theta, col(2.0));
        // s = 0.9·1 + 0.1·4 = 1.3
        assertThat(rms.state().buffer(RmsProp.SQUARED_GRADIENT_AVERAGE).get(0)).isCloseTo(1.3, within(1e-15));
        assertThat(theta.get(0)).isCloseTo(1.0 - 0.02 / Math.sqrt(1.3 + 1e-10), within(1e-15));
    }

    @Test
    @DisplayName("centered RMSProp divides by √(s − ḡ² + ε)")
    void centered() {
        RmsProp rms = new RmsProp(base(0.1, 0.9, 1e-8, EpsilonPlacement.INSIDE_ROOT).toBuilder()
                .centered(true)
                .build());
        DMatrixRMaj theta = col(0.0);
        rms.step(theta, col(2.0));
        // s = 0.4, ḡ = 0.2, s − ḡ² = 0.36
        assertThat(theta.get(0)).isCloseTo(-0.2 / Math.sqrt(0.36 + 1e-8), within(1e-12));
        assertThat(rms.state().buffer(RmsProp.GRADIENT_AVERAGE).get(0)).isCloseTo(0.2, within(1e-15));
        rms.step(theta, col(-1.0));
        // s = 0.36 + 0.1 = 0.46, ḡ = 0.18 − 0.1 = 0.08, v = 0.46 − 0.0064 = 0.4536
        assertThat(theta.get(0))
                .isCloseTo(-0.2 / Math.sqrt(0.36 + 1e-8) + 0.1 / Math.sqrt(0.4536 + 1e-8), within(1e-12));
    }

    @Test
    @DisplayName("both momentum forms give the same parameters at constant η, but their buffers hold different things")
    void momentumForms() {
        RmsPropConfig c = base(0.1, 0.9, 1e-8, EpsilonPlacement.OUTSIDE_ROOT).toBuilder()
                .momentum(0.5)
                .build();
        RmsProp torch = new RmsProp(
                c.toBuilder().momentumForm(MomentumForm.NORMALIZED_GRADIENT).build());
        RmsProp keras = new RmsProp(
                c.toBuilder().momentumForm(MomentumForm.SCALED_UPDATE).build());
        DMatrixRMaj a = col(1.0);
        DMatrixRMaj b = col(1.0);
        double[] gs = {2.0, 1.0, -4.0};
        double s = 0;
        double buf = 0;
        double expected = 1.0;
        for (double g : gs) {
            torch.step(a, col(g));
            keras.step(b, col(g));
            s = 0.9 * s + 0.1 * g * g;
            buf = 0.5 * buf + g / (Math.sqrt(s) + 1e-8);
            expected -= 0.1 * buf;
        }
        assertThat(a.get(0)).isCloseTo(expected, within(1e-14));
        assertThat(b.get(0)).isCloseTo(expected, within(1e-14));
        assertThat(torch.state().buffer(RmsProp.MOMENTUM_BUFFER).get(0)).isCloseTo(buf, within(1e-14));
        assertThat(keras.state().buffer(RmsProp.MOMENTUM_BUFFER).get(0)).isCloseTo(0.1 * buf, within(1e-14));
    }

    @Test
    @DisplayName("weight decay adds λθ to the gradient before everything else (PyTorch)")
    void weightDecay() {
        RmsProp rms = new RmsProp(base(0.1, 0.9, 1e-8, EpsilonPlacement.OUTSIDE_ROOT).toBuilder()
                .weightDecay(0.5)
                .build());
        DMatrixRMaj theta = col(2.0);
        rms.step(theta, col(1.0));
        // g' = 1 + 0.5·2 = 2; s = 0.4
        assertThat(theta.get(0)).isCloseTo(2.0 - 0.2 / (Math.sqrt(0.4) + 1e-8), within(1e-14));
    }

    @Test
    @DisplayName("the effective rate is η / denominator of the current state")
    void effectiveRate() {
        RmsProp rms = new RmsProp(base(0.01, 0.9, 1e-8, EpsilonPlacement.INSIDE_ROOT));
        DMatrixRMaj rate = new DMatrixRMaj(2, 1);
        rms.effectiveLearningRate(rate);
        DMatrixAssert.assertThat(rate).isElementwiseCloseTo(new double[] {0.01, 0.01}, 0);
        DMatrixRMaj theta = col(1.0, 1.0);
        rms.step(theta, col(2.0, 0.0));
        rms.effectiveLearningRate(rate);
        DMatrixAssert.assertThat(rate)
                .isElementwiseCloseTo(new double[] {0.01 / Math.sqrt(0.4 + 1e-8), 0.01 / Math.sqrt(1e-8)}, 1e-12);
    }

    @Test
    @DisplayName("reset forgets the state: the next step equals a first step")
    void reset() {
        RmsProp rms = new RmsProp();
        DMatrixRMaj a = col(1.0);
        rms.step(a, col(2.0));
        rms.step(a, col(2.0));
        rms.reset();
        assertThat(rms.state().step()).isZero();
        assertThat(rms.state().buffer(RmsProp.SQUARED_GRADIENT_AVERAGE)).isNull();
        DMatrixRMaj b = col(1.0);
        rms.step(b, col(2.0));
        DMatrixRMaj c = col(1.0);
        new RmsProp().step(c, col(2.0));
        DMatrixAssert.assertThat(b).isIdenticalTo(c);
    }

    @Test
    @DisplayName("matrices of any shape are updated element by element")
    void matrixShape() {
        RmsProp rms = new RmsProp(base(0.1, 0.0, 1e-8, EpsilonPlacement.OUTSIDE_ROOT));
        DMatrixRMaj theta = new DMatrixRMaj(2, 3);
        DMatrixRMaj g = new DMatrixRMaj(2, 3, true, 1, -2, 3, -4, 5, -6);
        rms.step(theta, g);
        DMatrixAssert.assertThat(theta).hasShape(2, 3);
        // β = 0: s = g², step = η·sign(g) (up to ε)
        DMatrixAssert.assertThat(theta).isElementwiseCloseTo(new double[] {-0.1, 0.1, -0.1, 0.1, -0.1, 0.1}, 1e-8);
    }

    @Test
    @DisplayName("the state snapshot is a copy: changing it does not change the optimizer")
    void snapshotIsCopy() {
        RmsProp rms = new RmsProp();
        rms.step(col(1.0), col(2.0));
        rms.state().buffer(RmsProp.SQUARED_GRADIENT_AVERAGE).set(0, 999);
        assertThat(rms.state().buffer(RmsProp.SQUARED_GRADIENT_AVERAGE).get(0)).isCloseTo(0.4, within(1e-15));
        assertThat(rms.state().names()).containsExactly(RmsProp.SQUARED_GRADIENT_AVERAGE);
        assertThat(new RmsProp(RmsPropConfig.builder()
                                .centered(true)
                                .momentum(0.9)
                                .build())
                        .state()
                        .names())
                .containsExactly(RmsProp.SQUARED_GRADIENT_AVERAGE, RmsProp.GRADIENT_AVERAGE, RmsProp.MOMENTUM_BUFFER);
    }
}
