package optikata.objective;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The linear-regression data set: standardization, the model's loss and gradient, least squares. */
class DatasetTest {
    /** y = 2x − 1 + (±0.5): rows (x, y). */
    private static final List<double[]> TABLE =
            List.of(new double[] {0, -0.5}, new double[] {1, 1.5}, new double[] {2, 2.5}, new double[] {3, 5.5});

    @Test
    @DisplayName("standardized columns have mean 0 and population standard deviation 1")
    void standardized() {
        Dataset s = Dataset.of(TABLE).standardized();
        for (int j = 0; j < 2; j++) {
            double mean = 0;
            double square = 0;
            for (int i = 0; i < s.size(); i++) {
                mean += s.row(i)[j] / s.size();
                square += s.row(i)[j] * s.row(i)[j] / s.size();
            }
            assertThat(mean).isCloseTo(0, within(1e-15));
            assertThat(square).isCloseTo(1, within(1e-15));
        }
        // x = 0..3: mean 1.5, population sd √1.25
        assertThat(s.row(0)[0]).isCloseTo(-1.5 / Math.sqrt(1.25), within(1e-15));
        assertThat(s.head(2).size()).isEqualTo(2);
        assertThat(s.head(10).size()).isEqualTo(4);
    }

    @Test
    @DisplayName("loss, gradient and least squares of the linear model ŷ = w·x + b")
    void linearModel() {
        Dataset d = Dataset.of(TABLE);
        DMatrixRMaj params = new DMatrixRMaj(2, 1, true, 2, -1);
        assertThat(d.predict(params, 3)).isEqualTo(5.0);
        assertThat(d.residual(params, 3)).isEqualTo(-0.5);
        assertThat(d.loss(params)).isCloseTo(0.125, within(1e-15)); // every residual is ±0.5
        DMatrixRMaj g = new DMatrixRMaj(2, 1);
        for (int i = 0; i < d.size(); i++) {
            d.addGradient(params, i, d.size(), g);
        }
        // ŷ − y = (−0.5, −0.5, 0.5, −0.5) at x = (0, 1, 2, 3): the mean of (ŷ − y)·x and of ŷ − y
        assertThat(g.get(0)).isCloseTo((-0.5 * 0 - 0.5 * 1 + 0.5 * 2 - 0.5 * 3) / 4, within(1e-15));
        assertThat(g.get(1)).isCloseTo((-0.5 - 0.5 + 0.5 - 0.5) / 4, within(1e-15));
        DMatrixRMaj best = d.leastSquares();
        DMatrixRMaj atBest = new DMatrixRMaj(2, 1);
        for (int i = 0; i < d.size(); i++) {
            d.addGradient(best, i, d.size(), atBest);
        }
        assertThat(atBest.get(0)).isCloseTo(0, within(1e-12));
        assertThat(atBest.get(1)).isCloseTo(0, within(1e-12));
        assertThat(d.loss(best)).isLessThan(d.loss(params));
    }

    @Test
    @DisplayName("bad tables and parameters are rejected with what is wrong")
    void badInput() {
        assertThatThrownBy(() -> Dataset.of(List.of())).hasMessage("Invalid data set: no rows");
        assertThatThrownBy(() -> Dataset.of(List.of(new double[] {1, 2}, new double[] {1})))
                .hasMessage("Invalid data set: row 2 has 1 columns, row 1 has 2");
        assertThatThrownBy(() -> Dataset.of(List.of(new double[] {1, 2}, new double[] {1, 3}))
                        .standardized())
                .hasMessage("Invalid data set: column 1 is constant, so it cannot be standardized");
        assertThatThrownBy(() -> Dataset.of(TABLE).loss(new DMatrixRMaj(3, 1)))
                .hasMessageContaining("parameters 3x1 vs 2x1");
        assertThatThrownBy(() -> Dataset.of(TABLE).predict(new DMatrixRMaj(1, 1), 0))
                .hasMessageContaining("parameters 1x1 vs 2x1");
        assertThatThrownBy(() -> Dataset.of(TABLE).predict(new DMatrixRMaj(2, 1), TABLE.size()))
                .hasMessage("Invalid row: " + TABLE.size() + " (the data set has " + TABLE.size() + " rows)");
        assertThatThrownBy(() -> Dataset.of(TABLE).addGradient(new DMatrixRMaj(2, 1), 0, 0, new DMatrixRMaj(2, 1)))
                .hasMessage("Invalid batch: 0 (must be >= 1)");
    }
}
