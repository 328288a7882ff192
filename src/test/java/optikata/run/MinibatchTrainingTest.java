package optikata.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import optikata.objective.Dataset;
import optikata.optim.RmsProp;
import optikata.optim.RmsPropConfig;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Mini-batch training of the linear model: deterministic given the seed, and it learns. */
class MinibatchTrainingTest {

    /** 95 rows of y = 3x₁ − 2x₂ + 1 + noise (a last batch of 5 when batches are 10). */
    private static Dataset data() {
        Random random = new Random(11);
        List<double[]> rows = new ArrayList<>();
        for (int i = 0; i < 95; i++) {
            double a = random.nextGaussian();
            double b = random.nextGaussian();
            rows.add(new double[] {a, b, 3 * a - 2 * b + 1 + 0.1 * random.nextGaussian()});
        }
        return Dataset.of(rows);
    }

    private static double[] train(long seed, int epochs) {
        DMatrixRMaj params = new DMatrixRMaj(3, 1);
        RmsProp rms = new RmsProp(
                RmsPropConfig.builder().learningRate(0.05).decay(0.9).build());
        int steps = MinibatchTraining.train(rms, data(), params, 10, epochs, new Random(seed));
        assertThat(steps).isEqualTo(10 * epochs);
        return params.data.clone();
    }

    @Test
    @DisplayName("the same seed gives the same parameters bit for bit; another seed shuffles differently")
    void deterministic() {
        assertThat(train(1, 3)).containsExactly(train(1, 3));
        assertThat(train(2, 3)).isNotEqualTo(train(1, 3));
    }

    @Test
    @DisplayName("training lowers the loss towards the least-squares floor")
    void learns() {
        Dataset d = data();
        DMatrixRMaj start = new DMatrixRMaj(3, 1);
        double before = d.loss(start);
        double after = d.loss(new DMatrixRMaj(3, 1, true, train(1, 60)));
        double floor = d.loss(d.leastSquares());
        assertThat(after).isLessThan(before / 100).isGreaterThanOrEqualTo(floor);
    }

    @Test
    @DisplayName("bad settings are rejected before any step")
    void badInput() {
        RmsProp rms = new RmsProp(RmsPropConfig.defaults());
        assertThatThrownBy(() -> MinibatchTraining.train(rms, data(), new DMatrixRMaj(3, 1), 0, 1, new Random(1)))
                .hasMessage("Invalid batch size: 0 (must be >= 1)");
        assertThatThrownBy(() -> MinibatchTraining.train(rms, data(), new DMatrixRMaj(3, 1), 10, -1, new Random(1)))
                .hasMessage("Invalid epochs: -1 (must be >= 0)");
        assertThatThrownBy(() -> MinibatchTraining.train(rms, data(), new DMatrixRMaj(2, 1), 10, 1, new Random(1)))
                .hasMessageContaining("parameters 2x1 vs 3x1");
        assertThat(rms.state().step()).isZero();
    }
}
