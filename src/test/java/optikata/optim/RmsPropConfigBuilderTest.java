package optikata.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** RMSProp's configuration builder: it starts from the defaults or a configuration, and validates in build(). */
class RmsPropConfigBuilderTest {

    @Test
    @DisplayName(
            "builder() starts from the texts' defaults, toBuilder() from the configuration, and each sets every component")
    void startsWhereItSays() {
        assertThat(RmsPropConfig.builder().build()).isEqualTo(RmsPropConfig.defaults());
        for (RmsPropPreset preset : RmsPropPreset.values()) {
            assertThat(preset.config().toBuilder().build()).isEqualTo(preset.config());
        }
        RmsPropConfig c = RmsPropConfig.builder()
                .learningRate(0.2)
                .decay(0.5)
                .epsilon(1e-3)
                .epsilonPlacement(EpsilonPlacement.OUTSIDE_ROOT)
                .centered(true)
                .momentum(0.7)
                .momentumForm(MomentumForm.SCALED_UPDATE)
                .initialAccumulator(0.1)
                .weightDecay(0.01)
                .weightDecayForm(WeightDecayForm.DECOUPLED)
                .nonFinitePolicy(NonFinitePolicy.PROPAGATE)
                .hyperparameterPrecision(HyperparameterPrecision.FLOAT32)
                .arithmetic(ArithmeticPrecision.FLOAT32)
                .operationOrder(OperationOrder.ND4J)
                .negativeVariance(NegativeVariance.NAN)
                .build();
        assertThat(c)
                .isEqualTo(new RmsPropConfig(
                        0.2,
                        0.5,
                        1e-3,
                        EpsilonPlacement.OUTSIDE_ROOT,
                        true,
                        0.7,
                        MomentumForm.SCALED_UPDATE,
                        0.1,
                        0.01,
                        WeightDecayForm.DECOUPLED,
                        NonFinitePolicy.PROPAGATE,
                        HyperparameterPrecision.FLOAT32,
                        ArithmeticPrecision.FLOAT32,
                        OperationOrder.ND4J,
                        NegativeVariance.NAN));
        assertThat(RmsPropConfig.builder().numeric(c.numeric()).build().numeric())
                .isEqualTo(c.numeric());
    }

    @Test
    @DisplayName("build() validates with the typed errors; a builder that never builds checks nothing")
    void validatesInBuild() {
        RmsPropConfig.Builder b = RmsPropConfig.builder().decay(1.0);
        assertThatThrownBy(b::build).isInstanceOf(InvalidArgument.class).hasMessageContaining("decay rate");
        assertThat(b.decay(0.5).build().decay()).isEqualTo(0.5);
        assertThatThrownBy(() -> RmsPropConfig.builder().epsilonPlacement(null).build())
                .isInstanceOf(InvalidArgument.class)
                .hasMessageContaining("epsilon placement");
        assertThatThrownBy(() -> RmsPropConfig.builder().numeric(null)).isInstanceOf(InvalidArgument.class);
        // Judged on the final configuration: an ε float32 would round to 0, replaced before build().
        RmsPropConfig c = RmsPropConfig.builder()
                .epsilon(1e-50)
                .arithmetic(ArithmeticPrecision.FLOAT32)
                .epsilon(1e-7)
                .build();
        assertThat(c.usedEpsilon()).isEqualTo((float) 1e-7);
        assertThatThrownBy(() -> RmsPropConfig.builder()
                        .epsilon(1e-50)
                        .arithmetic(ArithmeticPrecision.FLOAT32)
                        .build())
                .isInstanceOf(InvalidArgument.class)
                .hasMessageContaining("after rounding");
    }
}
