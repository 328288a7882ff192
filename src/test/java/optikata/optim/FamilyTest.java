package optikata.optim;

import static optikata.support.Matrices.col;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** First steps of the rest of the family, computed by hand from each formula. */
class FamilyTest {

    @Test
    @DisplayName("SGD: θ ← θ − η g")
    void sgd() {
        DMatrixRMaj theta = col(1.0, -1.0);
        new Sgd(0.1).step(theta, col(2.0, 3.0));
        assertThat(theta.data).containsExactly(new double[] {0.8, -1.3}, within(1e-15));
    }

    @Test
    @DisplayName("heavy-ball momentum: v ← μv + g, θ ← θ − ηv, over two steps")
    void momentum() {
        Momentum m = new Momentum(0.1, 0.5);
        DMatrixRMaj theta = col(1.0);
        m.step(theta, col(2.0)); // v = 2, θ = 0.8
        m.step(theta, col(1.0)); // v = 2, θ = 0.6
        assertThat(theta.get(0)).isCloseTo(0.6, within(1e-15));
        assertThat(m.state().buffer(Momentum.VELOCITY).get(0)).isCloseTo(2.0, within(1e-15));
    }

    @Test
    @DisplayName("Nesterov: v ← μv + g, θ ← θ − η(g + μv)")
    void nesterov() {
        Momentum n = Momentum.nesterov(0.1, 0.5);
        DMatrixRMaj theta = col(1.0);
        n.step(theta, col(2.0)); // v = 2, θ = 1 − 0.1(2 + 1) = 0.7
        assertThat(theta.get(0)).isCloseTo(0.7, within(1e-15));
        n.step(theta, col(1.0)); // v = 2, θ = 0.7 − 0.1(1 + 1) = 0.5
        assertThat(theta.get(0)).isCloseTo(0.5, within(1e-15));
    }

    @Test
    @DisplayName("one momentum class: the flag picks the name the command line knows, and only the update differs")
    void oneMomentumClass() {
        assertThat(OptimizerRegistry.FAMILY.build(OptimizerSpec.of("momentum")))
                .isInstanceOf(Momentum.class)
                .extracting(Optimizer::name)
                .isEqualTo("momentum");
        assertThat(OptimizerRegistry.FAMILY.build(OptimizerSpec.of("nesterov")))
                .isInstanceOf(Momentum.class)
                .extracting(Optimizer::name)
                .isEqualTo("nesterov");
        assertThat(Momentum.nesterov().hyperparameters()).isEqualTo(new Momentum.Config(0.01, 0.9, true));
        assertThat(new Momentum().hyperparameters().nesterov()).isFalse();
        // Same velocity after a step; the parameters differ by η μ v (here 0.1 · 0.5 · 2 = 0.1).
        Momentum heavy = new Momentum(0.1, 0.5);
        Momentum look = Momentum.nesterov(0.1, 0.5);
        DMatrixRMaj a = col(1.0);
        DMatrixRMaj b = col(1.0);
        heavy.step(a, col(2.0));
        look.step(b, col(2.0));
        assertThat(look.state().buffer(Momentum.VELOCITY).get(0))
                .isEqualTo(heavy.state().buffer(Momentum.VELOCITY).get(0));
        assertThat(a.get(0) - b.get(0)).isCloseTo(0.1, within(1e-15));
    }

    @Test
    @DisplayName("AdaGrad sums squared gradients: s = 4 then 5, rates η/√s")
    void adagrad() {
        AdaGrad a =
                new AdaGrad(new AdaGrad.Config(0.1, 1e-10, EpsilonPlacement.OUTSIDE_ROOT, 0.0, NonFinitePolicy.REJECT));
        DMatrixRMaj theta = col(0.0);
        a.step(theta, col(2.0));
        a.step(theta, col(1.0));
        assertThat(a.state().buffer(AdaGrad.SQUARED_GRADIENT_SUM).get(0)).isCloseTo(5.0, within(1e-15));
        assertThat(theta.get(0)).isCloseTo(-0.2 / (2 + 1e-10) - 0.1 / (Math.sqrt(5) + 1e-10), within(1e-15));
    }

    @Test
    @DisplayName("AdaGrad in d2l's form puts ε inside the root")
    void adagradD2l() {
        AdaGrad a = new AdaGrad(AdaGrad.Config.d2l(0.4));
        DMatrixRMaj x = col(-5.0);
        a.step(x, col(-1.0));
        assertThat(x.get(0)).isCloseTo(-5.0 + 0.4 / Math.sqrt(1 + 1e-6), within(1e-15));
    }

    @Test
    @DisplayName("AdaDelta: Δ = √(u+ε)/√(s+ε)·g, then u averages Δ²")
    void adadelta() {
        AdaDelta a = new AdaDelta(new AdaDelta.Config(1.0, 0.9, 1e-6, NonFinitePolicy.REJECT));
        DMatrixRMaj theta = col(0.0);
        a.step(theta, col(2.0));
        double s = 0.4;
        double delta = Math.sqrt(1e-6) / Math.sqrt(s + 1e-6) * 2.0;
        assertThat(theta.get(0)).isCloseTo(-delta, within(1e-15));
        assertThat(a.state().buffer(AdaDelta.SQUARED_UPDATE_AVERAGE).get(0))
                .isCloseTo(0.1 * delta * delta, within(1e-20));
    }

    @Test
    @DisplayName("Adam's first bias-corrected step is η·g/(|g| + ε) whatever the betas")
    void adamFirstStep() {
        Adam a = new Adam(new Adam.Config(0.1, 0.9, 0.999, 1e-8, true, NonFinitePolicy.REJECT));
        DMatrixRMaj theta = col(0.0, 0.0);
        a.step(theta, col(3.0, -0.02));
        assertThat(theta.data)
                .containsExactly(new double[] {-0.1 * 3 / (3 + 1e-8), 0.1 * 0.02 / (0.02 + 1e-8)}, within(1e-12));
    }

    @Test
    @DisplayName("Adam's second step uses 1−β₁² and 1−β₂² corrections")
    void adamSecondStep() {
        Adam a = new Adam(new Adam.Config(0.1, 0.9, 0.999, 1e-8, true, NonFinitePolicy.REJECT));
        DMatrixRMaj theta = col(0.0);
        a.step(theta, col(1.0));
        double after1 = theta.get(0);
        a.step(theta, col(3.0));
        double m = 0.9 * 0.1 + 0.1 * 3.0;
        double v = 0.999 * 0.001 + 0.001 * 9.0;
        double mHat = m / (1 - 0.81);
        double vHat = v / (1 - 0.999 * 0.999);
        assertThat(theta.get(0)).isCloseTo(after1 - 0.1 * mHat / (Math.sqrt(vHat) + 1e-8), within(1e-12));
    }

    @Test
    @DisplayName("Adam with β₁ = 0 and no bias correction is RMSProp with ε outside the root")
    void adamWithoutMomentumIsRmsProp() {
        Adam adam = new Adam(new Adam.Config(0.05, 0.0, 0.9, 1e-8, false, NonFinitePolicy.REJECT));
        RmsProp rms = new RmsProp(RmsPropConfig.builder()
                .learningRate(0.05)
                .decay(0.9)
                .epsilon(1e-8)
                .epsilonPlacement(EpsilonPlacement.OUTSIDE_ROOT)
                .build());
        DMatrixRMaj a = col(1.0, -2.0);
        DMatrixRMaj b = col(1.0, -2.0);
        double[][] gs = {{1, 2}, {-3, 0.5}, {0.1, -7}};
        for (double[] g : gs) {
            adam.step(a, col(g.clone()));
            rms.step(b, col(g.clone()));
        }
        assertThat(a.data).containsExactly(b.data, within(1e-15));
    }

    @Test
    @DisplayName("state buffers are named in the texts' terms and counted per parameter")
    void stateNames() {
        assertThat(new Sgd().state().valuesPerParameter()).isZero();
        assertThat(new Momentum().state().names()).containsExactly(Momentum.VELOCITY);
        assertThat(new AdaGrad().state().names()).containsExactly(AdaGrad.SQUARED_GRADIENT_SUM);
        assertThat(new RmsProp().state().valuesPerParameter()).isEqualTo(1);
        assertThat(new AdaDelta().state().valuesPerParameter()).isEqualTo(2);
        assertThat(new Adam().state().names()).containsExactly(Adam.FIRST_MOMENT, Adam.SECOND_MOMENT);
    }

    @Test
    @DisplayName("OptimizerSpec builds every optimizer by name and applies overrides")
    void spec() {
        for (String name : OptimizerRegistry.FAMILY.names()) {
            assertThat(OptimizerRegistry.FAMILY.build(OptimizerSpec.of(name)).name())
                    .isEqualTo(name);
        }
        RmsProp r = (RmsProp) OptimizerRegistry.FAMILY.build(OptimizerSpec.of("rmsprop")
                .withPreset("pytorch")
                .withLearningRate(0.5)
                .with(OptimizerSpec.CENTERED, true)
                .with(OptimizerSpec.MOMENTUM, 0.9));
        assertThat(r.config().learningRate()).isEqualTo(0.5);
        assertThat(r.config().decay()).isEqualTo(0.99);
        assertThat(r.config().epsilonPlacement()).isEqualTo(EpsilonPlacement.OUTSIDE_ROOT);
        assertThat(r.config().centered()).isTrue();
        assertThat(r.config().momentum()).isEqualTo(0.9);
    }
}
