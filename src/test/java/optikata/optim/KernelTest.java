package optikata.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Each optimizer's static kernel is its step: the kernel over bare arrays and the stateful object
 * give the same bits, step after step; and the base class holds the hyperparameter record.
 */
class KernelTest {
    private static final int N = 37;
    private static final int STEPS = 4;

    /** One step of a kernel over bare arrays; {@code state} holds the buffers in constructor order. */
    interface Kernel {
        void step(double[] theta, double[] g, double[][] state, long t);
    }

    /** Steps {@code optimizer} and {@code kernel} side by side on the same gradients; returns nothing, asserts bits. */
    private static void sameBits(AbstractOptimizer<?> optimizer, double[] initialState, Kernel kernel) {
        Random random = new Random(20261128L);
        DMatrixRMaj theta = new DMatrixRMaj(N, 1);
        for (int i = 0; i < N; i++) {
            theta.data[i] = random.nextGaussian();
        }
        double[] bare = theta.data.clone();
        double[][] state = new double[initialState.length][N];
        for (int k = 0; k < state.length; k++) {
            Arrays.fill(state[k], initialState[k]);
        }
        for (long t = 1; t <= STEPS; t++) {
            DMatrixRMaj g = new DMatrixRMaj(N, 1);
            for (int i = 0; i < N; i++) {
                g.data[i] = random.nextGaussian() * Math.pow(10, random.nextInt(7) - 4);
            }
            optimizer.step(theta, g);
            kernel.step(bare, g.data.clone(), state, t);
            assertThat(bare).as("%s, step %d", optimizer, t).containsExactly(theta.data);
        }
        int k = 0;
        for (DMatrixRMaj buffer : optimizer.state().buffers().values()) {
            assertThat(state[k++]).as("%s state", optimizer).containsExactly(buffer.data);
        }
    }

    @Test
    @DisplayName(
            "RMSProp's kernel is its step, for the plain forms, centered, momentum, weight decay in both forms and float32")
    void rmsprop() {
        RmsPropConfig plain = RmsPropConfig.defaults();
        for (RmsPropConfig c : new RmsPropConfig[] {
            plain,
            plain.toBuilder().epsilonPlacement(EpsilonPlacement.OUTSIDE_ROOT).build(),
            plain.toBuilder().centered(true).momentum(0.9).build(),
            plain.toBuilder().weightDecay(0.01).initialAccumulator(0.1).build(),
            RmsPropPreset.PYTORCH.config().toBuilder()
                    .centered(true)
                    .momentum(0.5)
                    .build(),
            RmsPropPreset.KERAS.config().toBuilder().momentum(0.9).build(),
            plain.toBuilder()
                    .arithmetic(ArithmeticPrecision.FLOAT32)
                    .centered(true)
                    .build(),
            RmsPropPreset.KERAS.config().toBuilder()
                    .weightDecay(0.05)
                    .momentum(0.9)
                    .build(),
            RmsPropPreset.PYTORCH.config().toBuilder()
                    .weightDecay(0.05)
                    .weightDecayForm(WeightDecayForm.DECOUPLED)
                    .build(),
            RmsPropPreset.KERAS.config().toBuilder()
                    .weightDecay(0.05)
                    .arithmetic(ArithmeticPrecision.FLOAT32)
                    .build(),
            RmsPropPreset.PYTORCH.config().toBuilder()
                    .weightDecay(0.05)
                    .weightDecayForm(WeightDecayForm.DECOUPLED)
                    .arithmetic(ArithmeticPrecision.FLOAT32)
                    .build()
        }) {
            int centered = c.centered() ? 1 : -1;
            int momentum = c.momentum() > 0 ? (c.centered() ? 2 : 1) : -1;
            double[] initial = new double[1 + (centered > 0 ? 1 : 0) + (momentum > 0 ? 1 : 0)];
            initial[0] = c.usedInitialAccumulator();
            RmsPropKernel kernel = RmsPropKernel.of(c);
            sameBits(
                    new RmsProp(c),
                    initial,
                    (theta, g, s, t) -> kernel.step(
                            theta,
                            g,
                            s[0],
                            centered > 0 ? s[centered] : RmsPropKernel.NONE,
                            momentum > 0 ? s[momentum] : RmsPropKernel.NONE,
                            0,
                            N));
        }
    }

    @Test
    @DisplayName("the rest of the family: each kernel is its step")
    void family() {
        Sgd.Config sgd = new Sgd.Config(0.1);
        sameBits(new Sgd(sgd), new double[0], (theta, g, s, t) -> Sgd.kernel(theta, g, 0, N, sgd));
        for (boolean nesterov : new boolean[] {false, true}) {
            Momentum.Config m = new Momentum.Config(0.05, 0.9, nesterov);
            sameBits(new Momentum(m), new double[1], (theta, g, s, t) -> Momentum.kernel(theta, g, s[0], 0, N, m));
        }
        for (AdaGrad.Config a : new AdaGrad.Config[] {AdaGrad.Config.defaults(), AdaGrad.Config.d2l(0.1)}) {
            sameBits(
                    new AdaGrad(a),
                    new double[] {a.initialAccumulator()},
                    (theta, g, s, t) -> AdaGrad.kernel(theta, g, s[0], 0, N, a));
        }
        AdaDelta.Config d = AdaDelta.Config.defaults();
        sameBits(new AdaDelta(d), new double[2], (theta, g, s, t) -> AdaDelta.kernel(theta, g, s[0], s[1], 0, N, d));
        Adam.Config adam = Adam.Config.defaults().withLearningRate(0.01);
        sameBits(new Adam(adam), new double[2], (theta, g, s, t) -> Adam.kernel(theta, g, s[0], s[1], 0, N, t, adam));
    }

    @Test
    @DisplayName("with a weight decay in either form, each kernel is its step; AdamW's kernel is Adam's")
    void familyWithWeightDecay() {
        for (WeightDecayForm form : WeightDecayForm.values()) {
            Sgd.Config sgd = new Sgd.Config(0.1, 0.3, form, NonFinitePolicy.REJECT);
            sameBits(new Sgd(sgd), new double[0], (theta, g, s, t) -> Sgd.kernel(theta, g, 0, N, sgd));
            for (boolean nesterov : new boolean[] {false, true}) {
                Momentum.Config m = new Momentum.Config(0.05, 0.9, nesterov, 0.3, form, NonFinitePolicy.REJECT);
                sameBits(new Momentum(m), new double[1], (theta, g, s, t) -> Momentum.kernel(theta, g, s[0], 0, N, m));
            }
            for (EpsilonPlacement placement : EpsilonPlacement.values()) {
                AdaGrad.Config a = new AdaGrad.Config(0.1, 1e-10, placement, 0.1, 0.3, form, NonFinitePolicy.REJECT);
                sameBits(
                        new AdaGrad(a),
                        new double[] {0.1},
                        (theta, g, s, t) -> AdaGrad.kernel(theta, g, s[0], 0, N, a));
            }
            AdaDelta.Config d = new AdaDelta.Config(1.0, 0.9, 1e-6, 0.3, form, NonFinitePolicy.REJECT);
            sameBits(
                    new AdaDelta(d), new double[2], (theta, g, s, t) -> AdaDelta.kernel(theta, g, s[0], s[1], 0, N, d));
            Adam.Config adam = Adam.Config.defaults()
                    .withLearningRate(0.01)
                    .withWeightDecay(0.3)
                    .withWeightDecayForm(form);
            sameBits(
                    new Adam(adam),
                    new double[2],
                    (theta, g, s, t) -> Adam.kernel(theta, g, s[0], s[1], 0, N, t, adam));
        }
        AdamW.Config w = AdamW.Config.defaults().withLearningRate(0.01);
        sameBits(
                new AdamW(w),
                new double[2],
                (theta, g, s, t) -> Adam.kernel(theta, g, s[0], s[1], 0, N, t, w.asAdam()));
    }

    /** A record that gives only the learning rate: the non-finite policy is the interface's default. */
    record Lr(double learningRate) implements Hyperparameters {}

    /** The smallest member of the family: η g, through the base class's constructor. */
    static final class Plain extends AbstractOptimizer<Lr> {
        Plain(Lr config) {
            super("plain", config, new String[0], new double[0]);
        }

        @Override
        protected void update(double[] theta, double[] g, int from, int to, long t, DMatrixRMaj[] buffers) {
            for (int i = from; i < to; i++) {
                theta[i] -= config.learningRate() * g[i];
            }
        }

        @Override
        protected void effectiveRate(double[] out, int n, long t, DMatrixRMaj[] buffers) {
            Arrays.fill(out, 0, n, config.learningRate());
        }
    }

    @Test
    @DisplayName(
            "the base class keeps the record: hyperparameters(), the base rate before the first step, REJECT by default")
    void baseClassHoldsTheRecord() {
        Lr lr = new Lr(0.25);
        Plain plain = new Plain(lr);
        assertThat(plain.hyperparameters()).isSameAs(lr);
        DMatrixRMaj rate = new DMatrixRMaj(2, 1);
        plain.effectiveLearningRate(rate);
        assertThat(rate.data).containsExactly(0.25, 0.25);
        DMatrixRMaj theta = new DMatrixRMaj(2, 1);
        DMatrixRMaj bad = new DMatrixRMaj(2, 1, true, 1.0, Double.NaN);
        assertThatThrownBy(() -> plain.step(theta, bad))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Invalid gradient: NaN at index 1");
        assertThat(theta.data).containsExactly(0.0, 0.0);
        assertThatThrownBy(() -> new Plain(null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("config");
    }
}
