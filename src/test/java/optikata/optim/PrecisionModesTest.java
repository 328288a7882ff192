package optikata.optim;

import static optikata.support.Matrices.col;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.PrintWriter;
import java.io.StringWriter;
import optikata.cli.Main;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Float32 hyperparameters, float32 arithmetic, operation orders and the centered negative variance. */
class PrecisionModesTest {

    private static double[] steps(RmsPropConfig c, double[] start, double[]... gradients) {
        RmsProp rms = new RmsProp(c);
        DMatrixRMaj theta = col(start.clone());
        for (double[] g : gradients) {
            rms.step(theta, col(g.clone()));
        }
        return theta.data.clone();
    }

    @Test
    @DisplayName("keras rounds only η to float32 by default, tf1 rounds η, ρ, μ and ε; float64 is one call away")
    void presetDefaults() {
        RmsPropConfig keras = RmsPropPreset.KERAS.config();
        assertThat(keras.hyperparameterPrecision()).isEqualTo(HyperparameterPrecision.LEARNING_RATE_FLOAT32);
        assertThat(keras.usedLearningRate()).isEqualTo(0.0010000000474974513);
        assertThat(keras.usedDecay()).isEqualTo(0.9);
        assertThat(keras.usedEpsilon()).isEqualTo(1e-7);
        RmsPropConfig tf1 = RmsPropPreset.TF1.config().toBuilder().momentum(0.9).build();
        assertThat(tf1.usedLearningRate()).isEqualTo(0.0010000000474974513);
        assertThat(tf1.usedDecay()).isEqualTo(0.8999999761581421);
        assertThat(tf1.usedMomentum()).isEqualTo(0.8999999761581421);
        assertThat(tf1.usedEpsilon()).isEqualTo(1.000000013351432e-10);
        RmsPropConfig exact = tf1.toBuilder()
                .hyperparameterPrecision(HyperparameterPrecision.FLOAT64)
                .build();
        assertThat(exact.usedLearningRate()).isEqualTo(0.001);
        assertThat(exact.usedDecay()).isEqualTo(0.9);
        for (RmsPropPreset p :
                new RmsPropPreset[] {RmsPropPreset.PYTORCH, RmsPropPreset.OPTAX, RmsPropPreset.CS231N, RmsPropPreset.D2L
                }) {
            assertThat(p.config().hyperparameterPrecision()).as(p.id()).isEqualTo(HyperparameterPrecision.FLOAT64);
        }
        assertThat(RmsPropPreset.values())
                .allSatisfy(p -> assertThat(p.config().arithmetic()).isEqualTo(ArithmeticPrecision.FLOAT64));
    }

    @Test
    @DisplayName("float32 hyperparameters move the first Keras step by the rounding of η, 4.7e-8 relative")
    void kerasFirstStep() {
        double[] g = {2.0, -0.5};
        double[] asShipped = steps(RmsPropPreset.KERAS.config(), new double[] {0, 0}, g);
        double[] float64 = steps(
                RmsPropPreset.KERAS.config().toBuilder()
                        .hyperparameterPrecision(HyperparameterPrecision.FLOAT64)
                        .build(),
                new double[] {0, 0},
                g);
        double rounding = ((float) 0.001 - 0.001) / 0.001;
        for (int i = 0; i < 2; i++) {
            assertThat((asShipped[i] - float64[i]) / float64[i]).isCloseTo(rounding, within(1e-15));
        }
        assertThat(Math.abs(rounding)).isBetween(4e-8, 5e-8);
    }

    @Test
    @DisplayName("float32 arithmetic leaves float32 values in the parameters and the state, different from float64")
    void float32Arithmetic() {
        RmsPropConfig c = RmsPropPreset.PYTORCH.config().toBuilder()
                .centered(true)
                .momentum(0.9)
                .build();
        RmsProp rms = new RmsProp(
                c.toBuilder().arithmetic(ArithmeticPrecision.FLOAT32).build());
        DMatrixRMaj theta = col(0.1, -0.3);
        for (int t = 0; t < 5; t++) {
            rms.step(theta, col(0.123456789, -9.87654321));
        }
        for (double x : theta.data) {
            assertThat((double) (float) x).isEqualTo(x);
        }
        rms.state().buffers().values().forEach(b -> {
            for (int i = 0; i < b.getNumElements(); i++) {
                assertThat((double) (float) b.data[i]).isEqualTo(b.data[i]);
            }
        });
        double[] f64 = steps(c, new double[] {0.1, -0.3}, new double[] {0.123456789, -9.87654321}, new double[] {
            0.123456789, -9.87654321
        });
        double[] f32 = steps(
                c.toBuilder().arithmetic(ArithmeticPrecision.FLOAT32).build(),
                new double[] {0.1, -0.3},
                new double[] {0.123456789, -9.87654321},
                new double[] {0.123456789, -9.87654321});
        assertThat(f32).isNotEqualTo(f64);
        assertThat(Math.abs(f32[0] - f64[0]) / Math.abs(f64[0])).isLessThan(1e-6);
    }

    @Test
    @DisplayName("ND4J's float32 order forms 1−ρ in float32, PyTorch's in float64: they differ on ρ = 0.95")
    void nd4jOrder() {
        RmsPropConfig c = RmsPropPreset.PYTORCH.config().toBuilder()
                .learningRate(0.1)
                .decay(0.95)
                .arithmetic(ArithmeticPrecision.FLOAT32)
                .build();
        assertThat(1f - (float) 0.95).isNotEqualTo((float) (1 - 0.95));
        double[] g = {0.7, -1.3e-3};
        double[] torch = steps(c, new double[] {1, 1}, g, g, g);
        double[] nd4j = steps(c.toBuilder().operationOrder(OperationOrder.ND4J).build(), new double[] {1, 1}, g, g, g);
        assertThat(nd4j).isNotEqualTo(torch);
    }

    @Test
    @DisplayName(
            "centered on a constant gradient 0.1: s − ḡ² rounds negative at step 3226; clamp stays finite, nan gives PyTorch's NaN")
    void centeredNegativeVariance() {
        RmsPropConfig c =
                RmsPropPreset.PYTORCH.config().toBuilder().centered(true).build();
        RmsProp clamp = new RmsProp(c);
        RmsProp nan =
                new RmsProp(c.toBuilder().negativeVariance(NegativeVariance.NAN).build());
        DMatrixRMaj a = col(0.5);
        DMatrixRMaj b = col(0.5);
        int firstNaN = -1;
        int firstNegative = -1;
        for (int t = 1; t <= 3300; t++) {
            clamp.step(a, col(0.1));
            nan.step(b, col(0.1));
            double s = clamp.state().buffers().get(RmsProp.SQUARED_GRADIENT_AVERAGE).data[0];
            double mean = clamp.state().buffers().get(RmsProp.GRADIENT_AVERAGE).data[0];
            // PyTorch: square_avg.addcmul(grad_avg, grad_avg, value=-1), one fused multiply-add
            if (Math.fma(-mean, mean, s) < 0 && firstNegative < 0) {
                firstNegative = t;
            }
            if (Double.isNaN(b.data[0]) && firstNaN < 0) {
                firstNaN = t;
            }
            if (firstNaN < 0) {
                assertThat(b.data[0]).as("step %d", t).isEqualTo(a.data[0]);
            }
        }
        // In exact arithmetic s − ḡ² = 0.99ᵗ(1 − 0.99ᵗ)·0.01 > 0; the recorded torch 2.13 run turns NaN at 3226 too.
        assertThat(firstNegative).isEqualTo(3226);
        assertThat(firstNaN).isEqualTo(firstNegative);
        assertThat(a.data[0]).isFinite();
        assertThat(Math.pow(0.99, 3226) * (1 - Math.pow(0.99, 3226)) * 0.01).isPositive();
    }

    @Test
    @DisplayName("values that round out of range in float32 are rejected, naming the parameter and the value")
    void badInput() {
        RmsPropConfig c = RmsPropPreset.PYTORCH.config();
        assertThatThrownBy(() -> c.toBuilder()
                        .epsilon(1e-50)
                        .arithmetic(ArithmeticPrecision.FLOAT32)
                        .build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("epsilon")
                .hasMessageContaining("1.0E-50")
                .hasMessageContaining("float32");
        assertThatThrownBy(() ->
                        RmsPropPreset.TF1.config().toBuilder().decay(0.99999999).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("decay rate")
                .hasMessageContaining("0.99999999");
        assertThatThrownBy(() -> RmsPropPreset.KERAS.config().toBuilder()
                        .learningRate(1e39)
                        .build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("learning rate")
                .hasMessageContaining("1.0E39");
        assertThatThrownBy(() -> c.toBuilder().arithmetic(null).build()).hasMessageContaining("arithmetic precision");
        assertThatThrownBy(() -> c.toBuilder().operationOrder(null).build()).hasMessageContaining("operation order");
        assertThatThrownBy(() -> c.toBuilder().negativeVariance(null).build())
                .hasMessageContaining("negative variance");
        assertThatThrownBy(() -> c.toBuilder().hyperparameterPrecision(null).build())
                .hasMessageContaining("hyperparameter precision");
        assertThat(RmsPropPreset.KERAS.config().toBuilder()
                        .decay(0.99999999)
                        .build()
                        .usedDecay())
                .isEqualTo(0.99999999);
    }

    @Test
    @DisplayName("the command line rejects an unknown precision and a precision option on another optimizer")
    void commandLine() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(
                new String[] {"trace", "--preset", "keras", "--precision", "float16"},
                new PrintWriter(out),
                new PrintWriter(err));
        assertThat(code).isNotZero();
        assertThat(err.toString()).contains("--precision").contains("float16");
        err.getBuffer().setLength(0);
        code = Main.execute(
                new String[] {"trace", "--optimizer", "adam", "--hyperparameter-precision", "float32"},
                new PrintWriter(out),
                new PrintWriter(err));
        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("adam").contains("--hyperparameter-precision float32");
        err.getBuffer().setLength(0);
        code = Main.execute(
                new String[] {"trace", "--preset", "pytorch", "--precision", "float32", "--eps", "1e-50"},
                new PrintWriter(out),
                new PrintWriter(err));
        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("epsilon").contains("1.0E-50");
        out.getBuffer().setLength(0);
        code = Main.execute(
                new String[] {"trace", "--preset", "tf1", "--hyperparameter-precision", "float64", "--steps", "2"},
                new PrintWriter(out),
                new PrintWriter(err));
        assertThat(code).isZero();
        assertThat(out.toString()).contains("step");
    }
}
