package optikata.objective;

import static optikata.support.Matrices.col;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;

import java.util.Arrays;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ObjectiveTest {

    @Test
    @DisplayName("every built-in objective's gradient agrees with central differences at generated points")
    void analyticGradientsMatchNumericOnes() {
        // every objective but the one that ships the NumPy tutorial's flipped derivative on purpose
        List<Objective> all = Objectives.NAMES.stream()
                .filter(n -> !n.contains("text-derivative"))
                .map(Objectives::byName)
                .toList();
        qt().withFixedSeed(7L)
                .withExamples(200)
                .forAll(
                        integers().between(0, all.size() - 1),
                        doubles().between(-3, 3),
                        doubles().between(-3, 3),
                        doubles().between(-3, 3))
                .checkAssert((k, a, b, c) -> {
                    Objective f = all.get(k);
                    double[] v = {a, b, c};
                    DMatrixRMaj theta = new DMatrixRMaj(f.dimension(), 1);
                    for (int i = 0; i < f.dimension(); i++) {
                        theta.data[i] = v[i];
                    }
                    NumericGradient.Result r = NumericGradient.check(f, theta, 1e-5);
                    assertThat(r.maxRelativeError())
                            .as("%s at %s", f.name(), Arrays.toString(theta.data))
                            .isLessThan(1e-5);
                });
    }

    @Test
    @DisplayName(
            "the objective with the NumPy tutorial's §4 derivative fails the check with relative error 1 (a flipped sign)")
    void textDerivativeIsCaught() {
        Objective f = Objectives.byName("least-squares-text-derivative");
        NumericGradient.Result r = NumericGradient.check(f, col(0.3, -0.2), 1e-5);
        assertThat(r.maxRelativeError()).isCloseTo(1.0, within(1e-6));
        assertThat(r.analytic()[0]).isCloseTo(5.5, within(1e-9)); // (1/n) Σ (y − θᵀx)·1 at (0.3, −0.2)
    }

    @Test
    @DisplayName("the checker catches a gradient with the wrong sign (the NumPy tutorial's §4 derivative)")
    void checkerCatchesSignError() {
        LeastSquares ls = LeastSquares.tutorial();
        Objective flipped = new Objective() {
            @Override
            public String name() {
                return "flipped";
            }

            @Override
            public int dimension() {
                return 2;
            }

            @Override
            public double value(DMatrixRMaj t) {
                return ls.value(t);
            }

            @Override
            public void gradient(DMatrixRMaj t, DMatrixRMaj out) {
                ls.gradient(t, out);
                CommonOps_DDRM.scale(-1, out);
            }

            @Override
            public DMatrixRMaj defaultStart() {
                return col(0, 0);
            }
        };
        assertThat(NumericGradient.check(flipped, col(0.0, 0.0), 1e-5).maxRelativeError())
                .isCloseTo(1.0, within(1e-6));
    }

    @Test
    @DisplayName("the NumPy tutorial's least-squares minimiser solves the normal equations XᵀXθ = Xᵀy")
    void leastSquaresMinimizer() {
        LeastSquares ls = LeastSquares.tutorial();
        DMatrixRMaj theta = ls.minimizer();
        // x = 1..10, y = (1,2,1,4,3,6,5,8,7,10): Σx = 55, Σx² = 385, Σy = 47, Σxy = 337
        double slope = (10 * 337.0 - 55 * 47.0) / (10 * 385.0 - 55 * 55.0);
        double intercept = (47.0 - slope * 55) / 10;
        assertThat(theta.data).containsExactly(new double[] {intercept, slope}, within(1e-12));
        DMatrixRMaj g = new DMatrixRMaj(2, 1);
        ls.gradient(theta, g);
        assertThat(Math.abs(g.get(0)) + Math.abs(g.get(1))).isLessThan(1e-12);
    }

    @Test
    @DisplayName("the d2l quadratic and θ² have their documented values and gradients")
    void values() {
        D2lQuadratic q = new D2lQuadratic();
        assertThat(q.value(col(-5, -2))).isCloseTo(0.1 * 25 + 2 * 4, within(1e-15));
        DMatrixRMaj g = new DMatrixRMaj(2, 1);
        q.gradient(col(-5, -2), g);
        assertThat(g.data).containsExactly(-1.0, -8.0);
        Square s = new Square();
        s.gradient(col(1.0), g);
        assertThat(g.get(0)).isEqualTo(2.0);
        assertThat(new Rosenbrock().value(col(1, 1))).isZero();
    }

    @Test
    @DisplayName("objectives reject points of the wrong dimension, naming both shapes")
    void wrongDimension() {
        assertThatThrownBy(() -> new D2lQuadratic().value(col(1, 2, 3)))
                .hasMessageContaining("d2l-quadratic takes 2x1 but theta is 3x1");
        assertThatThrownBy(() -> Objectives.byName("himmelblau")).hasMessageContaining("Unknown objective: himmelblau");
        assertThatThrownBy(() -> new LogisticRegression(new DMatrixRMaj(2, 2), new double[] {0, 2}))
                .hasMessageContaining("Invalid label: 2.0 at row 1");
        assertThatThrownBy(() -> new LeastSquares(new DMatrixRMaj(3, 2), new DMatrixRMaj(2, 1)))
                .hasMessageContaining("X 3x2 vs y 2x1");
    }
}
