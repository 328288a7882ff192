package optikata.optim;

import static optikata.support.Matrices.col;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import optikata.support.DMatrixAssert;
import optikata.support.Matrices;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The bad-input table: every case names its input and the message fragment it must produce. Step
 * cases run on every optimizer of the family after one good step, and check that the rejected
 * step left parameters and state exactly as they were.
 */
class BadInputTest {

    static Stream<Arguments> badHyperparameters() {
        RmsPropConfig d = RmsPropConfig.defaults();
        return Stream.of(
                bad(
                        "learning rate NaN",
                        () -> d.toBuilder().learningRate(Double.NaN).build(),
                        "Invalid learning rate: NaN"),
                bad(
                        "learning rate −0.1",
                        () -> d.toBuilder().learningRate(-0.1).build(),
                        "Invalid learning rate: -0.1 (must be finite and >= 0)"),
                bad(
                        "learning rate +∞",
                        () -> d.toBuilder()
                                .learningRate(Double.POSITIVE_INFINITY)
                                .build(),
                        "Invalid learning rate: Infinity"),
                bad("decay 1.5", () -> d.toBuilder().decay(1.5).build(), "Invalid decay rate: 1.5 (must be in [0, 1))"),
                bad("decay 1.0", () -> d.toBuilder().decay(1.0).build(), "Invalid decay rate: 1.0"),
                bad("decay −0.1", () -> d.toBuilder().decay(-0.1).build(), "Invalid decay rate: -0.1"),
                bad("decay NaN", () -> d.toBuilder().decay(Double.NaN).build(), "Invalid decay rate: NaN"),
                bad(
                        "epsilon 0",
                        () -> d.toBuilder().epsilon(0.0).build(),
                        "Invalid epsilon: 0.0 (must be finite and > 0)"),
                bad("epsilon −1e-8", () -> d.toBuilder().epsilon(-1e-8).build(), "Invalid epsilon: -1.0E-8"),
                bad("epsilon NaN", () -> d.toBuilder().epsilon(Double.NaN).build(), "Invalid epsilon: NaN"),
                bad(
                        "epsilon +∞",
                        () -> d.toBuilder().epsilon(Double.POSITIVE_INFINITY).build(),
                        "Invalid epsilon: Infinity"),
                bad(
                        "momentum 1.0",
                        () -> d.toBuilder().momentum(1.0).build(),
                        "Invalid momentum: 1.0 (must be in [0, 1))"),
                bad("momentum −0.5", () -> d.toBuilder().momentum(-0.5).build(), "Invalid momentum: -0.5"),
                bad(
                        "initial accumulator −1",
                        () -> d.toBuilder().initialAccumulator(-1).build(),
                        "Invalid initial accumulator: -1.0"),
                bad(
                        "weight decay NaN",
                        () -> d.toBuilder().weightDecay(Double.NaN).build(),
                        "Invalid weight decay: NaN"),
                bad(
                        "epsilon placement null",
                        () -> d.toBuilder().epsilonPlacement(null).build(),
                        "Invalid epsilon placement: null"),
                bad(
                        "non-finite policy null",
                        () -> d.toBuilder().nonFinitePolicy(null).build(),
                        "Invalid non-finite policy: null"),
                bad(
                        "Adam β₁ 1.0",
                        () -> new Adam.Config(0.001, 1.0, 0.999, 1e-8, true, NonFinitePolicy.REJECT),
                        "Invalid beta1: 1.0"),
                bad(
                        "Adam β₂ −0.1",
                        () -> new Adam.Config(0.001, 0.9, -0.1, 1e-8, true, NonFinitePolicy.REJECT),
                        "Invalid beta2: -0.1"),
                bad(
                        "Adam ε NaN",
                        () -> new Adam.Config(0.001, 0.9, 0.999, Double.NaN, true, NonFinitePolicy.REJECT),
                        "Invalid epsilon: NaN"),
                bad(
                        "AdaDelta decay 1",
                        () -> new AdaDelta.Config(1.0, 1.0, 1e-6, NonFinitePolicy.REJECT),
                        "Invalid decay rate: 1.0"),
                bad("Momentum μ NaN", () -> new Momentum.Config(0.1, Double.NaN), "Invalid momentum: NaN"),
                bad("Nesterov η −1", () -> new Momentum.Config(-1, 0.9, true), "Invalid learning rate: -1.0"),
                bad("SGD η NaN", () -> new Sgd.Config(Double.NaN), "Invalid learning rate: NaN"),
                bad(
                        "AdaGrad ε 0",
                        () -> new AdaGrad.Config(0.1, 0, EpsilonPlacement.OUTSIDE_ROOT, 0, NonFinitePolicy.REJECT),
                        "Invalid epsilon: 0.0"),
                bad(
                        "AdaGrad s₀ NaN",
                        () -> new AdaGrad.Config(
                                0.1, 1e-10, EpsilonPlacement.OUTSIDE_ROOT, Double.NaN, NonFinitePolicy.REJECT),
                        "Invalid initial accumulator: NaN"),
                bad(
                        "weight decay −0.01 (RMSProp)",
                        () -> d.toBuilder().weightDecay(-0.01).build(),
                        "Invalid weight decay: -0.01 (must be finite and >= 0)"),
                bad(
                        "weight decay form null (RMSProp)",
                        () -> d.toBuilder().weightDecayForm(null).build(),
                        "Invalid weight decay form: null (must be given)"),
                bad(
                        "SGD weight decay −1",
                        () -> new Sgd.Config(0.1, -1, WeightDecayForm.DECOUPLED, NonFinitePolicy.REJECT),
                        "Invalid weight decay: -1.0 (must be finite and >= 0)"),
                bad(
                        "Momentum weight decay +∞",
                        () -> new Momentum.Config(
                                0.1,
                                0.9,
                                false,
                                Double.POSITIVE_INFINITY,
                                WeightDecayForm.COUPLED,
                                NonFinitePolicy.REJECT),
                        "Invalid weight decay: Infinity"),
                bad(
                        "AdaGrad weight decay form null",
                        () -> new AdaGrad.Config(
                                0.1, 1e-10, EpsilonPlacement.OUTSIDE_ROOT, 0, 0.1, null, NonFinitePolicy.REJECT),
                        "Invalid weight decay form: null"),
                bad(
                        "AdaDelta weight decay NaN",
                        () -> new AdaDelta.Config(
                                1.0, 0.9, 1e-6, Double.NaN, WeightDecayForm.COUPLED, NonFinitePolicy.REJECT),
                        "Invalid weight decay: NaN"),
                bad("Adam weight decay −0.5", () -> Adam.Config.defaults().withWeightDecay(-0.5), "weight decay: -0.5"),
                bad(
                        "AdamW weight decay NaN",
                        () -> AdamW.Config.defaults().withWeightDecay(Double.NaN),
                        "Invalid weight decay: NaN"),
                bad(
                        "AdamW with the coupled form",
                        () -> OptimizerRegistry.FAMILY.build(OptimizerSpec.of("adamw")
                                .with(OptimizerSpec.WEIGHT_DECAY_FORM, WeightDecayForm.COUPLED)),
                        "Invalid weight decay form: coupled for adamw"),
                bad(
                        "weight decay as text",
                        () -> OptimizerRegistry.FAMILY.build(
                                OptimizerSpec.of("adam").with(OptimizerSpec.WEIGHT_DECAY, "lots")),
                        "Invalid weight decay: lots (must be a number)"),
                bad("RmsProp config null", () -> new RmsProp((RmsPropConfig) null), "Invalid config: null"),
                bad(
                        "unknown optimizer",
                        () -> OptimizerRegistry.FAMILY.build(OptimizerSpec.of("rmsporp")),
                        "Unknown optimizer: rmsporp"),
                bad(
                        "unknown preset",
                        () -> OptimizerRegistry.FAMILY.build(
                                OptimizerSpec.of("rmsprop").withPreset("torch")),
                        "Unknown preset: torch"),
                bad(
                        "preset on adam",
                        () -> OptimizerRegistry.FAMILY.build(
                                OptimizerSpec.of("adam").withPreset("keras")),
                        "presets are for rmsprop, not adam"),
                bad(
                        "momentum option on sgd",
                        () -> OptimizerRegistry.FAMILY.build(
                                OptimizerSpec.of("sgd").with(OptimizerSpec.MOMENTUM, 0.9)),
                        "Invalid option for sgd: momentum = 0.9"),
                bad(
                        "unknown state buffer",
                        () -> new RmsProp().state().buffer("cache"),
                        "Unknown state buffer: cache"));
    }

    private static Arguments bad(String input, Runnable action, String fragment) {
        return Arguments.of(input, action, fragment);
    }

    @ParameterizedTest(name = "{0} → \"{2}\"")
    @MethodSource("badHyperparameters")
    @DisplayName("invalid hyperparameters are rejected with a message naming the parameter and the value")
    void rejectsHyperparameter(String input, Runnable action, String fragment) {
        assertThatThrownBy(action::run)
                .as(input)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(fragment);
    }

    /** A bad step: what to pass, given the optimizer's parameters (2×1) after one good step. */
    interface BadStep {
        void apply(Optimizer optimizer, DMatrixRMaj params);
    }

    static Stream<Arguments> badSteps() {
        List<Object[]> steps = List.of(
                new Object[] {
                    "gradient 3x1 for params 2x1",
                    (BadStep) (o, p) -> o.step(p, col(1, 2, 3)),
                    "Must be same shape. params 2x1 vs gradient 3x1"
                },
                new Object[] {
                    "gradient 1x2 for params 2x1",
                    (BadStep) (o, p) -> o.step(p, new DMatrixRMaj(1, 2)),
                    "Must be same shape. params 2x1 vs gradient 1x2"
                },
                new Object[] {
                    "params passed as gradient",
                    (BadStep) (o, p) -> o.step(p, p),
                    "params and gradient are the same matrix (2x1)"
                },
                new Object[] {
                    "gradient wrapping the params' array",
                    (BadStep) (o, p) -> o.step(p, DMatrixRMaj.wrap(2, 1, p.data)),
                    "share one data array"
                },
                new Object[] {
                    "NaN in the gradient",
                    (BadStep) (o, p) -> o.step(p, col(0.5, Double.NaN)),
                    "Invalid gradient: NaN at index 1 of 2x1"
                },
                new Object[] {
                    "+∞ in the gradient",
                    (BadStep) (o, p) -> o.step(p, col(Double.POSITIVE_INFINITY, 1)),
                    "Invalid gradient: Infinity at index 0"
                },
                new Object[] {
                    "−∞ in the gradient",
                    (BadStep) (o, p) -> o.step(p, col(1, Double.NEGATIVE_INFINITY)),
                    "Invalid gradient: -Infinity at index 1"
                },
                new Object[] {"null params", (BadStep) (o, p) -> o.step(null, col(1, 1)), "params is null"},
                new Object[] {"null gradient", (BadStep) (o, p) -> o.step(p, null), "gradient is null"},
                new Object[] {
                    "params of another shape than the state",
                    (BadStep) (o, p) -> o.step(col(1, 2, 3), col(1, 2, 3)),
                    "state was allocated for 2x1 but params are 3x1"
                });
        List<Arguments> all = new ArrayList<>();
        for (Matrices.Named named : Matrices.family()) {
            for (Object[] s : steps) {
                all.add(Arguments.of(named, s[0], s[1], s[2]));
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0}: {1} → \"{3}\"")
    @MethodSource("badSteps")
    @DisplayName("a rejected step names the problem and changes neither parameters nor state")
    void rejectedStepChangesNothing(Matrices.Named named, String input, BadStep bad, String fragment) {
        Optimizer o = named.create();
        DMatrixRMaj params = col(0.7, -1.3);
        o.step(params, col(0.4, -2.0));
        DMatrixRMaj paramsBefore = params.copy();
        OptimizerState stateBefore = o.state();
        DMatrixRMaj rateBefore = new DMatrixRMaj(2, 1);
        o.effectiveLearningRate(rateBefore);

        assertThatThrownBy(() -> bad.apply(o, params))
                .as(input)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(fragment);

        DMatrixAssert.assertThat(params).isIdenticalTo(paramsBefore);
        OptimizerState stateAfter = o.state();
        assertThat(stateAfter.step()).isEqualTo(stateBefore.step());
        for (Map.Entry<String, DMatrixRMaj> e : stateBefore.buffers().entrySet()) {
            DMatrixAssert.assertThat(stateAfter.buffer(e.getKey()))
                    .as(e.getKey())
                    .isIdenticalTo(e.getValue());
        }
        DMatrixRMaj rateAfter = new DMatrixRMaj(2, 1);
        o.effectiveLearningRate(rateAfter);
        DMatrixAssert.assertThat(rateAfter).isIdenticalTo(rateBefore);
    }

    @org.junit.jupiter.api.Test
    @DisplayName("with the PROPAGATE policy a NaN gradient goes through, as in PyTorch")
    void propagatePolicy() {
        RmsProp rms = new RmsProp(RmsPropConfig.builder()
                .nonFinitePolicy(NonFinitePolicy.PROPAGATE)
                .build());
        DMatrixRMaj p = col(1.0, 1.0);
        rms.step(p, col(Double.NaN, 1.0));
        assertThat(p.get(0)).isNaN();
        assertThat(p.get(1)).isFinite();
    }
}
