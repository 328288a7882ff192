package optikata.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.withinPercentage;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.List;
import optikata.support.DMatrixAssert;
import optikata.support.Matrices;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * Properties that hold for every optimizer of the family, over generated inputs (QuickTheories,
 * fixed seed so a failure reproduces). Gradients span twelve orders of magnitude but stay far from
 * overflow when squared.
 */
class OptimizerPropertiesTest {
    private static final long SEED = 20261125L;
    private static final List<Matrices.Named> FAMILY = Matrices.family();

    /** sign · 10^u with u in [−6, 6]. */
    private static Gen<Double> magnitudes() {
        return doubles()
                .between(-6, 6)
                .zip(integers().between(0, 1), (u, sign) -> (sign == 0 ? -1 : 1) * Math.pow(10, u));
    }

    private static Gen<Matrices.Named> optimizers() {
        return integers().between(0, FAMILY.size() - 1).map(FAMILY::get);
    }

    @Test
    @DisplayName("a step never changes the parameters' shape")
    void stepNeverChangesTheShape() {
        qt().withFixedSeed(SEED)
                .withExamples(300)
                .forAll(optimizers(), integers().between(1, 4), integers().between(1, 4), magnitudes())
                .checkAssert((named, rows, cols, scale) -> {
                    Optimizer o = named.create();
                    DMatrixRMaj theta = new DMatrixRMaj(rows, cols);
                    DMatrixRMaj g = new DMatrixRMaj(rows, cols);
                    for (int i = 0; i < g.getNumElements(); i++) {
                        g.data[i] = scale * (i + 1);
                    }
                    o.step(theta, g);
                    o.step(theta, g);
                    DMatrixAssert.assertThat(theta).hasShape(rows, cols);
                    DMatrixRMaj rate = new DMatrixRMaj(1, 1);
                    o.effectiveLearningRate(rate);
                    DMatrixAssert.assertThat(rate).hasShape(rows, cols);
                });
    }

    @Test
    @DisplayName("from a fresh state, a zero gradient leaves the parameters unchanged")
    void zeroGradientLeavesParametersUnchanged() {
        qt().withFixedSeed(SEED)
                .withExamples(300)
                .forAll(optimizers(), lists().of(doubles().between(-1e3, 1e3)).ofSizeBetween(1, 6))
                // λθ makes the gradient non-zero, or shrinks θ itself (decoupled; AdamW's default λ is 0.01)
                .assuming((named, values) ->
                        !named.name().contains("weight-decay") && !named.name().equals("adamw"))
                .checkAssert((named, values) -> {
                    Optimizer o = named.create();
                    DMatrixRMaj theta = new DMatrixRMaj(
                            values.size(),
                            1,
                            true,
                            values.stream().mapToDouble(Double::doubleValue).toArray());
                    DMatrixRMaj before = theta.copy();
                    o.step(theta, new DMatrixRMaj(values.size(), 1));
                    DMatrixAssert.assertThat(theta).isIdenticalTo(before);
                });
    }

    @Test
    @DisplayName("a step rejected for a non-finite gradient changes neither parameters nor state")
    void rejectedStepChangesNothing() {
        double[] bad = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
        qt().withFixedSeed(SEED)
                .withExamples(300)
                .forAll(
                        optimizers(),
                        lists().of(magnitudes()).ofSizeBetween(1, 8),
                        integers().between(0, 1000),
                        integers().between(0, 2))
                .checkAssert((named, values, where, kind) -> {
                    Optimizer o = named.create();
                    int n = values.size();
                    double[] g =
                            values.stream().mapToDouble(Double::doubleValue).toArray();
                    DMatrixRMaj theta = new DMatrixRMaj(n, 1);
                    o.step(theta, new DMatrixRMaj(n, 1, true, g.clone()));
                    DMatrixRMaj thetaBefore = theta.copy();
                    OptimizerState before = o.state();
                    g[where % n] = bad[kind];
                    assertThatThrownBy(() -> o.step(theta, new DMatrixRMaj(n, 1, true, g)))
                            .hasMessageContaining("Invalid gradient: " + bad[kind] + " at index " + (where % n));
                    DMatrixAssert.assertThat(theta).isIdenticalTo(thetaBefore);
                    assertThat(o.state().step()).isEqualTo(before.step());
                    before.buffers()
                            .forEach((name, m) -> DMatrixAssert.assertThat(
                                            o.state().buffer(name))
                                    .isIdenticalTo(m));
                });
    }

    @Test
    @DisplayName("RMSProp's per-coordinate step never exceeds η/√(1−β) (ε → 0, s₀ = 0, no momentum)")
    void stepNeverExceedsLearningRateOverSqrtOneMinusDecay() {
        qt().withFixedSeed(SEED)
                .withExamples(400)
                .forAll(
                        doubles().between(1e-4, 1.0),
                        doubles().between(0.0, 0.999),
                        integers().between(0, 1),
                        lists().of(magnitudes()).ofSizeBetween(1, 40))
                .checkAssert((lr, beta, outside, gradients) -> {
                    RmsProp rms = new RmsProp(RmsPropConfig.builder()
                            .learningRate(lr)
                            .decay(beta)
                            .epsilon(1e-300)
                            .epsilonPlacement(
                                    outside == 1 ? EpsilonPlacement.OUTSIDE_ROOT : EpsilonPlacement.INSIDE_ROOT)
                            .build());
                    double bound = lr / Math.sqrt(1 - beta);
                    DMatrixRMaj theta = new DMatrixRMaj(1, 1);
                    for (double g : gradients) {
                        double before = theta.get(0);
                        rms.step(theta, new DMatrixRMaj(1, 1, true, g));
                        double step = Math.abs(theta.get(0) - before);
                        assertThat(step)
                                .as("step for g = %s with η = %s, β = %s", g, lr, beta)
                                .isLessThanOrEqualTo(bound * (1 + 1e-12) + Math.ulp(before) * 4);
                    }
                });
    }

    @Test
    @DisplayName("the first RMSProp step from s₀ = 0 reaches the bound: |Δθ| = η/√(1−β) as ε → 0")
    void firstStepReachesTheBound() {
        qt().withFixedSeed(SEED)
                .withExamples(200)
                .forAll(doubles().between(1e-4, 1.0), doubles().between(0.0, 0.999), magnitudes())
                .checkAssert((lr, beta, g) -> {
                    RmsProp rms = new RmsProp(RmsPropConfig.builder()
                            .learningRate(lr)
                            .decay(beta)
                            .epsilon(1e-300)
                            .epsilonPlacement(EpsilonPlacement.OUTSIDE_ROOT)
                            .build());
                    DMatrixRMaj theta = new DMatrixRMaj(1, 1);
                    rms.step(theta, new DMatrixRMaj(1, 1, true, g));
                    assertThat(Math.abs(theta.get(0))).isCloseTo(lr / Math.sqrt(1 - beta), withinPercentage(1e-9));
                });
    }
}
