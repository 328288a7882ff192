package optikata.optim;

import static optikata.support.Matrices.col;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;

import java.util.Arrays;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Weight decay in its two forms: the numbers the frameworks' own tests and formulas give, where
 * the forms agree (plain SGD) and where they part (everything that rescales the gradient), and
 * AdamW.
 */
class WeightDecayTest {
    private static final long SEED = 20261130L;

    /**
     * Keras 3's {@code rmsprop_test.py}, {@code test_weight_decay}: a variable of 2.0 with a zero
     * gradient, decayed by three {@code RMSprop(learning_rate=1.0, weight_decay=0.004)} steps, is
     * {@code assertAlmostEqual(var1, 1.9760959, decimal=6)}, that is within 5e-7.
     */
    private static final double KERAS_VALUE = 1.9760959;

    private static final double KERAS_TOLERANCE = 5e-7;

    private static RmsPropConfig kerasDecay() {
        return RmsPropPreset.KERAS.config().toBuilder()
                .learningRate(1.0)
                .weightDecay(0.004)
                .build();
    }

    private static double threeZeroGradientSteps(Optimizer o) {
        DMatrixRMaj theta = col(2.0);
        for (int i = 0; i < 3; i++) {
            o.step(theta, col(0.0));
        }
        return theta.get(0);
    }

    @Test
    @DisplayName(
            "Keras' RMSprop test: 2.0 with a zero gradient, η = 1, λ = 0.004, three steps → 1.9760959 (keras preset)")
    void kerasRmsPropValue() {
        assertThat(kerasDecay().weightDecayForm()).isEqualTo(WeightDecayForm.DECOUPLED);
        double theta = threeZeroGradientSteps(new RmsProp(kerasDecay()));
        assertThat(theta).isCloseTo(KERAS_VALUE, within(KERAS_TOLERANCE));
        // The formula θ ← θ − θ·λ·η, three times: the same bits.
        double expected = 2.0;
        for (int i = 0; i < 3; i++) {
            expected = expected - expected * 0.004 * 1.0;
        }
        assertThat(theta).isEqualTo(expected);

        // Keras' test itself: three fresh optimizers, one step each (s stays 0 under a zero gradient).
        DMatrixRMaj var1 = col(2.0);
        for (int i = 0; i < 3; i++) {
            new RmsProp(kerasDecay()).step(var1, col(0.0));
        }
        assertThat(var1.get(0)).isEqualTo(theta);

        // Through the options the command line gives: the preset brings the decoupled form.
        Optimizer byName = OptimizerRegistry.FAMILY.build(OptimizerSpec.of("rmsprop")
                .withPreset("keras")
                .withLearningRate(1.0)
                .with(OptimizerSpec.WEIGHT_DECAY, 0.004));
        assertThat(threeZeroGradientSteps(byName)).isEqualTo(theta);
    }

    @Test
    @DisplayName("the Keras value in float32 arithmetic, as Keras computes it on a float32 variable")
    void kerasRmsPropValueFloat32() {
        double theta = threeZeroGradientSteps(new RmsProp(
                kerasDecay().toBuilder().arithmetic(ArithmeticPrecision.FLOAT32).build()));
        assertThat(theta).isCloseTo(KERAS_VALUE, within(KERAS_TOLERANCE));
        float expected = 2f;
        for (int i = 0; i < 3; i++) {
            expected = expected - expected * 0.004f * 1f;
        }
        assertThat(theta).isEqualTo((double) expected);
    }

    @Test
    @DisplayName(
            "coupled, the same λ is divided by RMSProp's denominator: a zero gradient moves 2.0 by ~η/√(1−ρ) at once")
    void rmsPropCoupledIsNotKeras() {
        double coupled = threeZeroGradientSteps(new RmsProp(kerasDecay().toBuilder()
                .weightDecayForm(WeightDecayForm.COUPLED)
                .build()));
        // First step: g = λθ = 0.008, s = 0.1 g², step = η g / √(s + ε) ≈ 1/√0.1 = 3.16.
        assertThat(Math.abs(coupled - KERAS_VALUE)).isGreaterThan(1.0);
    }

    @Test
    @DisplayName("each preset's form is its framework's: keras decoupled, the rest coupled")
    void presetForms() {
        for (RmsPropPreset p : RmsPropPreset.values()) {
            assertThat(p.config().weightDecay()).as(p.id()).isZero();
            assertThat(p.config().weightDecayForm())
                    .as(p.id())
                    .isEqualTo(p == RmsPropPreset.KERAS ? WeightDecayForm.DECOUPLED : WeightDecayForm.COUPLED);
        }
        RmsProp overridden = (RmsProp) OptimizerRegistry.FAMILY.build(OptimizerSpec.of("rmsprop")
                .withPreset("keras")
                .with(OptimizerSpec.WEIGHT_DECAY, 0.1)
                .with(OptimizerSpec.WEIGHT_DECAY_FORM, WeightDecayForm.COUPLED));
        assertThat(overridden.config().weightDecayForm()).isEqualTo(WeightDecayForm.COUPLED);
        assertThat(overridden.config().weightDecay()).isEqualTo(0.1);
        for (String name : OptimizerRegistry.FAMILY.names()) {
            Object h = OptimizerRegistry.FAMILY.build(OptimizerSpec.of(name)).hyperparameters();
            assertThat(OptimizerRegistry.FAMILY.kind(name).options())
                    .as("%s takes a weight decay and its form", name)
                    .contains(OptimizerSpec.WEIGHT_DECAY, OptimizerSpec.WEIGHT_DECAY_FORM);
            assertThat(h.toString()).as(name).contains("weightDecay=" + (name.equals("adamw") ? "0.01" : "0.0"));
        }
    }

    /**
     * PyTorch's {@code _single_tensor_adamw}, transcribed over doubles for one coordinate: the
     * reference the library's AdamW is checked against, written apart from it.
     */
    private static final class TorchAdamW {
        final double lr;
        final double beta1;
        final double beta2;
        final double eps;
        final double weightDecay;
        double param;
        double expAvg;
        double expAvgSq;
        int step;

        TorchAdamW(double param, double lr, double beta1, double beta2, double eps, double weightDecay) {
            this.param = param;
            this.lr = lr;
            this.beta1 = beta1;
            this.beta2 = beta2;
            this.eps = eps;
            this.weightDecay = weightDecay;
        }

        void step(double grad) {
            step += 1;
            param = param * (1 - lr * weightDecay); // param.mul_(1 - lr * weight_decay)
            expAvg = expAvg + (1 - beta1) * (grad - expAvg); // exp_avg.lerp_(grad, 1 - beta1)
            expAvgSq = expAvgSq * beta2 + (1 - beta2) * grad * grad; // mul_(beta2).addcmul_(grad, grad, 1 - beta2)
            double biasCorrection1 = 1 - Math.pow(beta1, step);
            double biasCorrection2 = 1 - Math.pow(beta2, step);
            double stepSize = lr / biasCorrection1;
            double denom = Math.sqrt(expAvgSq) / Math.sqrt(biasCorrection2) + eps;
            param = param + -stepSize * expAvg / denom; // param.addcdiv_(exp_avg, denom, value=-step_size)
        }
    }

    @Test
    @DisplayName("AdamW's first steps are PyTorch's AdamW, transcribed independently (λ = 0.01 default, η = 0.1)")
    void adamWAgainstTorchFormula() {
        AdamW.Config d = AdamW.Config.defaults();
        assertThat(d).isEqualTo(new AdamW.Config(0.001, 0.9, 0.999, 1e-8, 0.01, NonFinitePolicy.REJECT));
        AdamW.Config c = d.withLearningRate(0.1);
        double[] start = {1.5, -0.25, 3.0, 0.0, -2.0};
        double[][] grads = {
            {0.5, -1e-3, 20.0, 1.0, 0.0},
            {-0.2, 2e-3, 18.0, -1.0, 0.0},
            {0.1, 5e-4, -30.0, 1.0, 0.0},
            {0.0, 0.0, 25.0, -1.0, 0.0},
            {0.3, -1e-4, 0.5, 1.0, 0.0}
        };
        AdamW adamW = new AdamW(c);
        DMatrixRMaj theta = col(start.clone());
        TorchAdamW[] torch = new TorchAdamW[start.length];
        for (int k = 0; k < start.length; k++) {
            torch[k] = new TorchAdamW(start[k], 0.1, 0.9, 0.999, 1e-8, 0.01);
        }
        for (int t = 0; t < grads.length; t++) {
            adamW.step(theta, col(grads[t].clone()));
            for (int k = 0; k < start.length; k++) {
                torch[k].step(grads[t][k]);
                assertThat(theta.get(k))
                        .as("step %d, coordinate %d", t + 1, k)
                        .isCloseTo(torch[k].param, within(1e-14 * Math.max(1, Math.abs(torch[k].param))));
            }
        }
        // The decay is there: coordinate 4 (g = 0 throughout, so m = 0) shrank by (1 − ηλ)⁵ = 0.999⁵ alone.
        assertThat(theta.get(4)).isCloseTo(-2.0 * Math.pow(0.999, 5), within(1e-15));
        // And the moments are Adam's own, on the gradient alone.
        assertThat(adamW.state().buffer(Adam.FIRST_MOMENT).get(3)).isCloseTo(torch[3].expAvg, within(1e-15));
    }

    @Test
    @DisplayName("AdamW is Adam with the decay decoupled, bit for bit; with λ = 0 it is Adam")
    void adamWIsAdamDecoupled() {
        AdamW.Config c = AdamW.Config.defaults().withLearningRate(0.05).withWeightDecay(0.2);
        assertThat(c.asAdam().weightDecayForm()).isEqualTo(WeightDecayForm.DECOUPLED);
        assertThat(sameRun(new AdamW(c), new Adam(c.asAdam()))).isTrue();
        AdamW.Config none = c.withWeightDecay(0);
        assertThat(sameRun(
                        new AdamW(none),
                        new Adam(new Adam.Config(0.05, 0.9, 0.999, 1e-8, true, NonFinitePolicy.REJECT))))
                .isTrue();
        assertThat(sameRun(new AdamW(c), new Adam(c.asAdam().withWeightDecayForm(WeightDecayForm.COUPLED))))
                .isFalse();
        assertThat(OptimizerRegistry.FAMILY.build(OptimizerSpec.of("adamw"))).isInstanceOf(AdamW.class);
        assertThat(OptimizerRegistry.FAMILY.build(OptimizerSpec.of("adamw")).hyperparameters())
                .isEqualTo(AdamW.Config.defaults());
        assertThat(OptimizerRegistry.FAMILY.names()).endsWith("adam", "adamw");
    }

    /** Whether two optimizers give the same bits (θ and every buffer) over five steps. */
    private static boolean sameRun(Optimizer a, Optimizer b) {
        DMatrixRMaj ta = col(1.0, -2.0, 0.5);
        DMatrixRMaj tb = ta.copy();
        for (int t = 1; t <= 5; t++) {
            DMatrixRMaj g = col(Math.sin(t), 0.1 * t, -0.01);
            a.step(ta, g);
            b.step(tb, g);
        }
        boolean same = Arrays.equals(ta.data, tb.data);
        for (String name : a.state().buffers().keySet()) {
            same &= Arrays.equals(a.state().buffer(name).data, b.state().buffer(name).data);
        }
        return same;
    }

    @Test
    @DisplayName("property: for plain SGD the coupled and decoupled forms are one update, θ − ηg − ηλθ, to rounding")
    void sgdFormsCoincide() {
        qt().withFixedSeed(SEED)
                .withExamples(500)
                .forAll(
                        doubles().between(1e-4, 1.0),
                        doubles().between(0.0, 1.0),
                        doubles().between(-1e3, 1e3),
                        doubles().between(-1e3, 1e3))
                .checkAssert((lr, lambda, theta0, g) -> {
                    DMatrixRMaj coupled = col(theta0);
                    DMatrixRMaj decoupled = col(theta0);
                    new Sgd(new Sgd.Config(lr, lambda, WeightDecayForm.COUPLED, NonFinitePolicy.REJECT))
                            .step(coupled, col(g));
                    new Sgd(new Sgd.Config(lr, lambda, WeightDecayForm.DECOUPLED, NonFinitePolicy.REJECT))
                            .step(decoupled, col(g));
                    // Exact arithmetic gives one number; each form rounds about five times.
                    double scale = Math.abs(theta0) + Math.abs(lr * g) + Math.abs(lr * lambda * theta0);
                    assertThat(decoupled.get(0))
                            .as("η = %s, λ = %s, θ = %s, g = %s", lr, lambda, theta0, g)
                            .isCloseTo(coupled.get(0), within(2e-15 * scale));
                    assertThat(coupled.get(0)).isCloseTo(theta0 - lr * g - lr * lambda * theta0, within(2e-15 * scale));
                });
    }

    @Test
    @DisplayName("the forms part for Adam and RMSProp: a zero gradient on θ = 1 moves θ by ~η coupled, by ηλ decoupled")
    void formsDifferWhereTheGradientIsRescaled() {
        // Adam, η = 0.1, λ = 0.01: coupled, g = λθ = 0.01 and m̂/√v̂ = 1, so θ → 1 − η; decoupled θ → 1 − ηλ.
        Adam.Config adam = Adam.Config.defaults().withLearningRate(0.1).withWeightDecay(0.01);
        DMatrixRMaj coupled = col(1.0);
        DMatrixRMaj decoupled = col(1.0);
        new Adam(adam).step(coupled, col(0.0));
        new Adam(adam.withWeightDecayForm(WeightDecayForm.DECOUPLED)).step(decoupled, col(0.0));
        assertThat(coupled.get(0)).isCloseTo(0.9, within(1e-6));
        assertThat(decoupled.get(0)).isEqualTo(1 - 0.1 * 0.01);

        // RMSProp, PyTorch's preset (η = 0.01, α = 0.99): coupled, s = 0.01·λ², the step η·λ/(0.1·λ) = 0.1.
        RmsPropConfig rms =
                RmsPropPreset.PYTORCH.config().toBuilder().weightDecay(0.01).build();
        coupled = col(1.0);
        decoupled = col(1.0);
        new RmsProp(rms).step(coupled, col(0.0));
        new RmsProp(rms.toBuilder().weightDecayForm(WeightDecayForm.DECOUPLED).build()).step(decoupled, col(0.0));
        assertThat(coupled.get(0)).isCloseTo(0.9, within(1e-5));
        assertThat(decoupled.get(0)).isEqualTo(1 - 0.01 * 0.01);

        // Heavy ball: one step agrees (v = g + λθ), the second does not (λθ₀ stays in the velocity).
        Momentum.Config heavy =
                new Momentum.Config(0.1, 0.9, false, 0.5, WeightDecayForm.COUPLED, NonFinitePolicy.REJECT);
        Momentum a = new Momentum(heavy);
        Momentum b = new Momentum(
                new Momentum.Config(0.1, 0.9, false, 0.5, WeightDecayForm.DECOUPLED, NonFinitePolicy.REJECT));
        coupled = col(1.0);
        decoupled = col(1.0);
        a.step(coupled, col(0.2));
        b.step(decoupled, col(0.2));
        assertThat(decoupled.get(0)).isCloseTo(coupled.get(0), within(1e-15));
        a.step(coupled, col(0.2));
        b.step(decoupled, col(0.2));
        assertThat(Math.abs(decoupled.get(0) - coupled.get(0))).isGreaterThan(1e-3);
    }

    @Test
    @DisplayName("a step rejected for a NaN gradient decays nothing: θ and state unchanged bit for bit, small or split")
    void rejectedStepDecaysNothing() {
        Optimizer[] decaying = {
            new AdamW(),
            new RmsProp(kerasDecay().toBuilder().momentum(0.5).build()),
            new RmsProp(RmsPropPreset.PYTORCH.config().toBuilder()
                    .weightDecay(0.1)
                    .weightDecayForm(WeightDecayForm.DECOUPLED)
                    .build()),
            new Sgd(new Sgd.Config(0.1, 0.5, WeightDecayForm.DECOUPLED, NonFinitePolicy.REJECT))
        };
        for (int n : new int[] {3, StepExecutor.threshold() + 5}) {
            for (Optimizer o : decaying) {
                o.reset();
                DMatrixRMaj theta = new DMatrixRMaj(n, 1);
                DMatrixRMaj g = new DMatrixRMaj(n, 1);
                for (int i = 0; i < n; i++) {
                    theta.data[i] = 1 + i % 7;
                    g.data[i] = 0.1 * (i % 5) - 0.2;
                }
                o.step(theta, g);
                DMatrixRMaj before = theta.copy();
                OptimizerState state = o.state();
                g.data[n - 1] = Double.NaN;
                assertThatThrownBy(() -> o.step(theta, g))
                        .as("%s, n = %d", o.name(), n)
                        .hasMessageContaining("Invalid gradient: NaN at index " + (n - 1))
                        .hasMessageContaining("nothing changed");
                assertThat(theta.data).as("%s, n = %d", o.name(), n).containsExactly(before.data);
                assertThat(o.state().step()).isEqualTo(state.step());
                state.buffers()
                        .forEach((name, b) ->
                                assertThat(o.state().buffer(name).data).as(name).containsExactly(b.data));
            }
        }
    }

    @Test
    @DisplayName("property: a decoupled decay never moves θ past zero while ηλ ≤ 1 (SGD, zero gradient)")
    void decoupledDecayShrinksTowardZero() {
        qt().withFixedSeed(SEED)
                .withExamples(300)
                .forAll(
                        doubles().between(1e-4, 1.0),
                        doubles().between(0.0, 1.0),
                        integers().between(1, 20))
                .checkAssert((lr, lambda, steps) -> {
                    Sgd sgd = new Sgd(new Sgd.Config(lr, lambda, WeightDecayForm.DECOUPLED, NonFinitePolicy.REJECT));
                    DMatrixRMaj theta = col(3.0, -3.0);
                    for (int i = 0; i < steps; i++) {
                        sgd.step(theta, col(0.0, 0.0));
                    }
                    assertThat(theta.get(0)).isBetween(0.0, 3.0);
                    assertThat(theta.get(1)).isBetween(-3.0, 0.0);
                    assertThat(theta.get(0)).isEqualTo(-theta.get(1));
                });
    }
}
