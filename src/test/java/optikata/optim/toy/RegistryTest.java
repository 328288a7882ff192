package optikata.optim.toy;

import static optikata.support.Matrices.col;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import optikata.optim.Optimizer;
import optikata.optim.OptimizerRegistry;
import optikata.optim.OptimizerSpec;
import optikata.optim.Sgd;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Adding an optimizer is its own file plus one registration: a toy one, from outside the package. */
class RegistryTest {

    private static final OptimizerRegistry WITH_TOY = OptimizerRegistry.FAMILY.with(SignSgd.KIND);

    @Test
    @DisplayName("a registered toy optimizer is built by name with its options, and steps")
    void toyIsBuiltByName() {
        assertThat(WITH_TOY.names()).endsWith("signsgd").containsAll(OptimizerRegistry.FAMILY.names());
        Optimizer o = WITH_TOY.build(OptimizerSpec.of("SignSGD").withLearningRate(0.1));
        assertThat(o).isInstanceOf(SignSgd.class);
        assertThat(o.name()).isEqualTo("signsgd");
        DMatrixRMaj theta = col(1.0, 1.0, 1.0);
        o.step(theta, col(5.0, -0.01, 0.0));
        assertThat(theta.data).containsExactly(new double[] {0.9, 1.1, 1.0}, within(1e-15));
        assertThat(((SignSgd) WITH_TOY.build(OptimizerSpec.of("signsgd")))
                        .hyperparameters()
                        .learningRate())
                .isEqualTo(0.001);
    }

    @Test
    @DisplayName("the registry checks the toy's options as it does the family's, and the family does not know it")
    void toyOptionsAreChecked() {
        assertThatThrownBy(() -> WITH_TOY.build(OptimizerSpec.of("signsgd").with(OptimizerSpec.MOMENTUM, 0.9)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Invalid option for signsgd: momentum = 0.9 (signsgd takes: learning rate)");
        assertThatThrownBy(() -> WITH_TOY.build(OptimizerSpec.of("signsgd").withPreset("keras")))
                .hasMessage("Invalid preset: keras (presets are for rmsprop, not signsgd)");
        assertThatThrownBy(() -> OptimizerRegistry.FAMILY.build(OptimizerSpec.of("signsgd")))
                .hasMessageStartingWith(
                        "Unknown optimizer: signsgd (known: sgd, momentum, nesterov, adagrad, rmsprop, adadelta, adam, adamw)");
        assertThatThrownBy(() -> WITH_TOY.with(SignSgd.KIND))
                .hasMessage("Invalid optimizer kind: signsgd (already registered)");
        assertThatThrownBy(() -> OptimizerRegistry.FAMILY.with(Sgd.KIND))
                .hasMessageContaining("sgd (already registered)");
        assertThatThrownBy(() -> WITH_TOY.build(OptimizerSpec.of("signsgd").with(OptimizerSpec.LEARNING_RATE, "fast")))
                .hasMessage("Invalid learning rate: fast (must be a number)");
    }
}
