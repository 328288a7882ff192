package optikata.mistakes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import optikata.optim.ArithmeticPrecision;
import optikata.optim.EpsilonPlacement;
import optikata.optim.HyperparameterPrecision;
import optikata.optim.OperationOrder;
import optikata.optim.RmsProp;
import optikata.optim.RmsPropConfig;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class MistakenRmsPropTest {

    @Test
    @DisplayName("no mistake is the library's RMSProp, bit for bit; a mistake is not")
    void noneIsTheLibrary() {
        for (EpsilonPlacement placement : EpsilonPlacement.values()) {
            RmsPropConfig c = RmsPropConfig.builder()
                    .epsilonPlacement(placement)
                    .initialAccumulator(0.5)
                    .build();
            DMatrixRMaj a = new DMatrixRMaj(9, 1);
            DMatrixRMaj b = new DMatrixRMaj(9, 1);
            DMatrixRMaj wrong = new DMatrixRMaj(9, 1);
            RmsProp library = new RmsProp(c);
            MistakenRmsProp none = new MistakenRmsProp(c, RmsPropMistake.NONE);
            MistakenRmsProp flipped = new MistakenRmsProp(c, RmsPropMistake.SIGN_FLIPPED);
            Random random = new Random(7);
            for (int t = 0; t < 5; t++) {
                DMatrixRMaj g = new DMatrixRMaj(9, 1);
                for (int i = 0; i < 9; i++) {
                    g.data[i] = random.nextGaussian();
                }
                library.step(a, g);
                none.step(b, g);
                flipped.step(wrong, g);
            }
            assertThat(b.data).as(placement.name()).containsExactly(a.data);
            assertThat(none.state().buffer(RmsProp.SQUARED_GRADIENT_AVERAGE).data)
                    .containsExactly(library.state().buffer(RmsProp.SQUARED_GRADIENT_AVERAGE).data);
            assertThat(wrong.data).isNotEqualTo(a.data);
        }
    }

    @Test
    @DisplayName("a framework's float32 or order of operations is refused: the mistakes' loops are plain float64")
    void frameworkArithmeticIsRefused() {
        for (RmsPropConfig c : new RmsPropConfig[] {
            RmsPropConfig.builder().arithmetic(ArithmeticPrecision.FLOAT32).build(),
            RmsPropConfig.builder()
                    .hyperparameterPrecision(HyperparameterPrecision.FLOAT32)
                    .build(),
            RmsPropConfig.builder().operationOrder(OperationOrder.PYTORCH).build()
        }) {
            assertThatThrownBy(() -> new MistakenRmsProp(c, RmsPropMistake.NONE))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("Invalid config for a mistaken RMSProp: ")
                    .hasMessageContaining("float64 arithmetic");
        }
    }
}
