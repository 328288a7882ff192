package optikata.claims;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import optikata.optim.AdaGrad;
import optikata.optim.EpsilonPlacement;
import optikata.optim.RmsProp;
import optikata.optim.RmsPropConfig;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The general claims as properties over generated inputs (QuickTheories, fixed seed). */
class ClaimPropertiesTest {
    private static final long SEED = 425L;

    @Test
    @DisplayName(
            "C04: the last k = ⌈1/(1−γ)⌉ squared gradients carry 1 − γ^k of the weight: at least 1 − 1/e, at most 7/8 (γ ≥ 0.5)")
    void windowCarriesAboutTwoThirdsOfTheWeight() {
        qt().withFixedSeed(SEED)
                .withExamples(25)
                .forAll(doubles().between(0.5, 0.97))
                .checkAssert(gamma -> {
                    int k = (int) Math.ceil(1 / (1 - gamma) - 1e-9);
                    int total = 25 * k;
                    double share = C04Window.shareOfLast(Optimizers.LIBRARY, gamma, k, total);
                    assertThat(share).isCloseTo(1 - Math.pow(gamma, k), within(1e-9));
                    // γ^{1/(1−γ)} ≤ 1/e, and rounding k up adds at most one more factor γ ≥ 1/2
                    assertThat(share).isBetween(1 - Math.exp(-1) - 1e-9, 0.875 + 1e-9);
                });
    }

    @Test
    @DisplayName("C03: AdaGrad's effective rate never increases, for any gradient sequence")
    void adagradRateNeverIncreases() {
        qt().withFixedSeed(SEED)
                .withExamples(300)
                .forAll(lists().of(doubles().between(-1e3, 1e3)).ofSizeBetween(2, 60))
                .checkAssert(gs -> {
                    AdaGrad ada = new AdaGrad();
                    DMatrixRMaj theta = new DMatrixRMaj(1, 1);
                    DMatrixRMaj rate = new DMatrixRMaj(1, 1);
                    double previous = Double.POSITIVE_INFINITY;
                    for (double g : gs) {
                        ada.step(theta, new DMatrixRMaj(1, 1, true, g));
                        ada.effectiveLearningRate(rate);
                        assertThat(rate.get(0)).isLessThanOrEqualTo(previous);
                        previous = rate.get(0);
                    }
                });
    }

    @Test
    @DisplayName("C03: RMSProp's effective rate rises after any drop in gradient scale")
    void rmspropRateRisesAfterADrop() {
        qt().withFixedSeed(SEED)
                .withExamples(200)
                .forAll(
                        doubles().between(0.5, 0.99),
                        doubles().between(1.5, 1e3),
                        doubles().between(1e-3, 1e3))
                .checkAssert((beta, drop, scale) -> {
                    RmsProp rms = new RmsProp(
                            RmsPropConfig.builder().decay(beta).epsilon(1e-300).build());
                    DMatrixRMaj theta = new DMatrixRMaj(1, 1);
                    DMatrixRMaj rate = new DMatrixRMaj(1, 1);
                    for (int t = 0; t < 50; t++) {
                        rms.step(theta, new DMatrixRMaj(1, 1, true, scale));
                    }
                    rms.effectiveLearningRate(rate);
                    double before = rate.get(0);
                    rms.step(theta, new DMatrixRMaj(1, 1, true, scale / drop));
                    rms.effectiveLearningRate(rate);
                    assertThat(rate.get(0)).isGreaterThan(before);
                });
    }

    @Test
    @DisplayName("C19: as ε grows, RMSProp's rate tends to η/√ε (inside) or η/ε (outside)")
    void largeEpsilonIsSgd() {
        qt().withFixedSeed(SEED)
                .withExamples(200)
                .forAll(
                        doubles().between(-10, 10),
                        doubles().between(6, 12),
                        integers().between(0, 1))
                .checkAssert((g, log10Eps, outside) -> {
                    double eps = Math.pow(10, log10Eps);
                    EpsilonPlacement p = outside == 1 ? EpsilonPlacement.OUTSIDE_ROOT : EpsilonPlacement.INSIDE_ROOT;
                    RmsProp rms = new RmsProp(RmsPropConfig.builder()
                            .epsilon(eps)
                            .epsilonPlacement(p)
                            .build());
                    DMatrixRMaj theta = new DMatrixRMaj(1, 1);
                    rms.step(theta, new DMatrixRMaj(1, 1, true, g));
                    double sgd = p == EpsilonPlacement.INSIDE_ROOT ? 0.01 / Math.sqrt(eps) : 0.01 / eps;
                    assertThat(-theta.get(0)).isCloseTo(sgd * g, within(Math.abs(sgd * g) * 1e-2 + 1e-300));
                });
    }

    @Test
    @DisplayName("C21: after a drop by r, RMSProp's step is back to η/2 after about ln(3/(r²−1))/ln β steps")
    void recoveryTimeFollowsTheDecay() {
        qt().withFixedSeed(SEED)
                .withExamples(60)
                .forAll(doubles().between(0.8, 0.98), doubles().between(3, 300))
                .checkAssert((beta, r) -> {
                    RmsProp rms = new RmsProp(
                            RmsPropConfig.builder().decay(beta).epsilon(1e-300).build());
                    DMatrixRMaj theta = new DMatrixRMaj(1, 1);
                    for (int t = 0; t < 2000; t++) {
                        rms.step(theta, new DMatrixRMaj(1, 1, true, 1.0));
                    }
                    int k = 0;
                    double step;
                    do {
                        double before = theta.get(0);
                        rms.step(theta, new DMatrixRMaj(1, 1, true, 1 / r));
                        step = Math.abs(theta.get(0) - before) / 0.01;
                        k++;
                    } while (step < 0.5 && k < 100000);
                    double predicted = Math.log(3 / (r * r - 1)) / Math.log(beta);
                    assertThat((double) k).isCloseTo(Math.ceil(predicted), within(1.0));
                });
    }
}
