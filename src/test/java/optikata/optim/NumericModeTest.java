package optikata.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The numeric mode apart from the math: what it holds, what it rounds, and that a trace's hyperparameters keep their names. */
class NumericModeTest {

    @Test
    @DisplayName("a configuration's numeric mode is its last four components, and replacing it keeps the math")
    void modeApartFromTheMath() {
        for (RmsPropPreset preset : RmsPropPreset.values()) {
            RmsPropConfig c = preset.config();
            NumericMode mode = c.numeric();
            assertThat(mode.hyperparameterPrecision()).isEqualTo(c.hyperparameterPrecision());
            assertThat(mode.arithmetic()).isEqualTo(c.arithmetic());
            assertThat(mode.operationOrder()).isEqualTo(c.operationOrder());
            assertThat(mode.negativeVariance()).isEqualTo(c.negativeVariance());
            assertThat(c.toBuilder().numeric(mode).build()).isEqualTo(c);
            RmsPropConfig plain = c.toBuilder().numeric(NumericMode.FLOAT64).build();
            assertThat(plain.numeric()).isEqualTo(NumericMode.FLOAT64);
            assertThat(plain.learningRate()).isEqualTo(c.learningRate());
            assertThat(plain.decay()).isEqualTo(c.decay());
            assertThat(plain.epsilonPlacement()).isEqualTo(c.epsilonPlacement());
            assertThat(plain.usedLearningRate()).isEqualTo(c.learningRate());
        }
        assertThat(RmsPropConfig.defaults().numeric()).isEqualTo(NumericMode.FLOAT64);
    }

    @Test
    @DisplayName("the mode rounds η, β, ε, μ and s₀ as the configuration uses them")
    void rounding() {
        NumericMode keras = RmsPropPreset.KERAS.config().numeric();
        assertThat(keras.learningRate(0.001)).isEqualTo(0.0010000000474974513);
        assertThat(keras.other(0.9)).isEqualTo(0.9);
        NumericMode float32 = new NumericMode(
                HyperparameterPrecision.FLOAT64,
                ArithmeticPrecision.FLOAT32,
                OperationOrder.PYTORCH,
                NegativeVariance.NAN);
        assertThat(float32.other(0.9)).isEqualTo((float) 0.9);
        assertThat(float32.initialAccumulator(0.1)).isEqualTo((float) 0.1);
        assertThat(NumericMode.FLOAT64.initialAccumulator(0.1)).isEqualTo(0.1);
    }

    @Test
    @DisplayName("a null mode, or a null part of one, is a typed error")
    void nullMode() {
        assertThatThrownBy(() -> RmsPropConfig.builder().numeric(null).build()).isInstanceOf(InvalidArgument.class);
        assertThatThrownBy(() -> new NumericMode(
                        HyperparameterPrecision.FLOAT64, null, OperationOrder.STANDARD, NegativeVariance.CLAMP))
                .isInstanceOf(InvalidArgument.class);
    }

    @Test
    @DisplayName("the hyperparameters a trace writes stay flat: the mode's four names at the top, no nested object")
    void flatJson() {
        RmsPropConfig c = RmsPropPreset.PYTORCH.config().toBuilder()
                .negativeVariance(NegativeVariance.NAN)
                .build();
        JsonNode json = new ObjectMapper().valueToTree(c);
        assertThat(json.has("numeric")).isFalse();
        assertThat(json.get("operationOrder").asText()).isEqualTo("PYTORCH");
        assertThat(json.get("negativeVariance").asText()).isEqualTo("NAN");
        assertThat(json.get("learningRate").asDouble()).isEqualTo(0.01);
    }
}
