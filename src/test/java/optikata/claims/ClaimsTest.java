package optikata.claims;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Locale;
import optikata.objective.LeastSquares;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Each claim's computed figures against values derived here independently (by hand, from the
 * formula, or by a loop written out as the text's code), and its verdict against what those
 * figures imply.
 */
class ClaimsTest {
    private static final ClaimContext NO_PLOTS = ClaimContext.library();

    private static ClaimResult check(Claim c) throws Exception {
        return c.check(NO_PLOTS);
    }

    @Test
    @DisplayName("C01: the formula and the library agree to rounding, so the definition holds")
    void c01() throws Exception {
        ClaimResult r = check(new C01Definition());
        assertThat(r.measured().get("maxDifferenceInUnitsOfEta")).isLessThan(1e-9);
        assertThat(r.verdict()).isEqualTo(Verdict.HOLDS);
    }

    @Test
    @DisplayName("C02: E[g²] = 0.1·2² = 0.4 and θ₁ = 1 − 0.01·2/√(0.4+1e-8) ≈ 0.96838, which rounds to 0.968: holds")
    void c02() throws Exception {
        ClaimResult r = check(new C02ThetaSquared());
        assertThat(r.measured().get("squaredGradientAverage")).isCloseTo(0.1 * 4, within(1e-15));
        assertThat(r.measured().get("theta1")).isCloseTo(1 - 0.02 / Math.sqrt(0.4 + 1e-8), within(1e-15));
        assertThat(r.verdict()).isEqualTo(Verdict.HOLDS);
    }

    @Test
    @DisplayName("C03: AdaGrad's rate never rises, RMSProp's rises after a drop in |g|: holds")
    void c03() throws Exception {
        ClaimResult r = check(new C03RateMonotonicity());
        assertThat(r.measured().get("adagradRateIncreases")).isZero();
        assertThat(r.measured().get("rmspropRateIncreases")).isPositive();
        // after 10 steps of g = 1 and 30 of g = 0.01: s = 0.9^30·(1 − 0.9^10) + (1 − 0.9^30)·1e-4
        double s10 = 1 - Math.pow(0.9, 10);
        double s40 = Math.pow(0.9, 30) * s10 + (1 - Math.pow(0.9, 30)) * 1e-4;
        assertThat(r.measured().get("rmspropRateRiseAfterScaleDrop"))
                .isCloseTo(Math.sqrt((s10 + 1e-8) / (s40 + 1e-8)), within(1e-9));
        assertThat(r.verdict()).isEqualTo(Verdict.HOLDS);
    }

    @Test
    @DisplayName(
            "C04: the last 1/(1−γ) terms carry 1 − γ^{1/(1−γ)} of the weight (65% for γ = 0.9), short of 90%: qualified")
    void c04() throws Exception {
        ClaimResult r = check(new C04Window());
        assertThat(r.measured().get("weightShareLast10(gamma=0.9)")).isCloseTo(1 - Math.pow(0.9, 10), within(1e-9));
        assertThat(r.measured().get("weightShareLast2(gamma=0.5)")).isCloseTo(0.75, within(1e-9));
        assertThat(r.measured().get("weightShareLast100(gamma=0.99)")).isCloseTo(1 - Math.pow(0.99, 100), within(1e-4));
        // 1 − 0.9^k ≥ 0.9 first at k = 22
        assertThat(r.measured().get("stepsFor90Percent(gamma=0.9)")).isEqualTo(22.0);
        assertThat(r.measured().get("weightSumAfter5Steps(gamma=0.9)")).isCloseTo(1 - Math.pow(0.9, 5), within(1e-12));
        assertThat(r.verdict()).isEqualTo(Verdict.QUALIFIED);
        assertThat(r.correction()).contains("65.1%").contains("the last 22 carry 90%");
    }

    /** d2l's rmsprop_2d and adagrad_2d, written out as the Python is. */
    private static double[] d2l(boolean rmsprop) {
        double x1 = -5;
        double x2 = -2;
        double s1 = 0;
        double s2 = 0;
        double eta = 0.4;
        double gamma = 0.9;
        for (int i = 0; i < 20; i++) {
            double g1 = 0.2 * x1;
            double g2 = 4 * x2;
            double eps = 1e-6;
            if (rmsprop) {
                s1 = gamma * s1 + (1 - gamma) * g1 * g1;
                s2 = gamma * s2 + (1 - gamma) * g2 * g2;
            } else {
                s1 += g1 * g1;
                s2 += g2 * g2;
            }
            x1 -= eta / Math.sqrt(s1 + eps) * g1;
            x2 -= eta / Math.sqrt(s2 + eps) * g2;
        }
        return new double[] {x1, x2};
    }

    @Test
    @DisplayName("C05: the d2l loop ends at x₁ ≈ −0.010599, x₂ ≈ 0: holds")
    void c05() throws Exception {
        ClaimResult r = check(new C05D2lRmsProp());
        double[] expected = d2l(true);
        assertThat(r.measured().get("x1")).isCloseTo(expected[0], within(1e-12));
        assertThat(r.measured().get("x2")).isCloseTo(expected[1], within(1e-12));
        assertThat(expected[0]).isCloseTo(-0.010599, within(5e-7));
        assertThat(r.verdict()).isEqualTo(Verdict.HOLDS);
    }

    @Test
    @DisplayName("C06: d2l's AdaGrad loop ends at (−2.382563, −0.158591), farther than RMSProp: holds")
    void c06() throws Exception {
        ClaimResult r = check(new C06D2lAdaGrad());
        double[] expected = d2l(false);
        assertThat(r.measured().get("x1")).isCloseTo(expected[0], within(1e-12));
        assertThat(r.measured().get("x2")).isCloseTo(expected[1], within(1e-12));
        assertThat(r.measured().get("adagradDistanceToOptimum"))
                .isGreaterThan(r.measured().get("rmspropDistanceToOptimum"));
        assertThat(r.verdict()).isEqualTo(Verdict.HOLDS);
    }

    @Test
    @DisplayName(
            "C07: at g² = ε the outside step is √2·√ε/(√ε+ε) times the inside one; far below ε about √ε/|g|: qualified")
    void c07() throws Exception {
        ClaimResult r = check(new C07EpsilonOutside());
        double eps = 1e-8;
        double g = Math.sqrt(eps);
        double inside = g / Math.sqrt(g * g + eps);
        double outside = g / (g + eps);
        assertThat(r.measured().get("stepRatioAtGsqEqualEps")).isCloseTo(outside / inside, within(1e-12));
        double gSmall = Math.sqrt(eps / 1e4);
        assertThat(r.measured().get("stepRatioAtGsqEpsOver1e4"))
                .isCloseTo((gSmall / (gSmall + eps)) / (gSmall / Math.sqrt(gSmall * gSmall + eps)), within(1e-9));
        assertThat(r.verdict()).isEqualTo(Verdict.QUALIFIED);
    }

    @Test
    @DisplayName(
            "C08: the steady step is η|g|/√(g²+ε): 1/√2 of η for g = 1e-4 with ε = 1e-8, so the claim is qualified")
    void c08() throws Exception {
        ClaimResult r = check(new C08ScaleAdaptation());
        assertThat(r.measured().get("stepOverEta(g=1.0E-4)")).isCloseTo(1e-4 / Math.sqrt(1e-8 + 1e-8), within(1e-6));
        assertThat(r.measured().get("stepOverEta(g=100.0)")).isCloseTo(1.0, within(1e-6));
        assertThat(r.measured().get("effectiveRate(g=1.0)")).isCloseTo(0.01 / Math.sqrt(1 + 1e-8), within(1e-9));
        assertThat(r.verdict()).isEqualTo(Verdict.QUALIFIED);
    }

    @Test
    @DisplayName("C09: no step exceeds η/√(1−β), and a spike after quiet steps reaches it: holds")
    void c09() throws Exception {
        ClaimResult r = check(new C09BoundedStep());
        assertThat(r.measured().get("maxStepOverEta(beta=0.9)"))
                .isLessThanOrEqualTo(1 / Math.sqrt(0.1) * (1 + 1e-9))
                .isGreaterThan(0.99 / Math.sqrt(0.1));
        assertThat(r.verdict()).isEqualTo(Verdict.HOLDS);
    }

    @Test
    @DisplayName("C10: Adam(β₁ = 0, no bias correction) and RMSProp (ε outside) give identical parameters: holds")
    void c10() throws Exception {
        ClaimResult r = check(new C10AdamIsRmsPropPlusMomentum());
        assertThat(r.measured().get("maxParameterDifference")).isZero();
        assertThat(r.measured().get("maxDifferenceWithBiasCorrection")).isPositive();
        assertThat(r.verdict()).isEqualTo(Verdict.HOLDS);
    }

    @Test
    @DisplayName("C11: tracking RMS_t instead of s_t differs by rounding only: holds")
    void c11() throws Exception {
        ClaimResult r = check(new C11RmsFormulation());
        assertThat(r.measured().get("maxRelativeDifference")).isLessThan(1e-9);
        assertThat(r.verdict()).isEqualTo(Verdict.HOLDS);
    }

    @Test
    @DisplayName("C12: removing the tutorial's g_t line changes nothing, so it is not part of the update: erratum")
    void c12() throws Exception {
        ClaimResult r = check(new C12UnusedGradientAverage());
        assertThat(r.measured().get("maxEffectOfGradientHistoryOnTheta")).isZero();
        assertThat(r.verdict()).isEqualTo(Verdict.ERRATUM);
        assertThat(r.correction()).contains("centered");
    }

    @Test
    @DisplayName("C13: the text's derivative at (0.3, −0.2) is (1/n)Σ(y − θᵀx)x, the negative of the gradient: erratum")
    void c13() throws Exception {
        ClaimResult r = check(new C13DerivativeSign());
        // x = 1..10, y = (1,2,1,4,3,6,5,8,7,10): Σ(y − 0.3 + 0.2x) = 47 − 3 + 11 = 55; Σ(y − 0.3 + 0.2x)x = 337 − 16.5
        // + 77 = 397.5
        assertThat(r.documented().get("∂J/∂θ₀")).isCloseTo(5.5, within(1e-12));
        assertThat(r.documented().get("∂J/∂θ₁")).isCloseTo(39.75, within(1e-12));
        assertThat(r.measured().get("∂J/∂θ₀")).isCloseTo(-5.5, within(1e-6));
        assertThat(r.measured().get("∂J/∂θ₁")).isCloseTo(-39.75, within(1e-5));
        assertThat(r.verdict()).isEqualTo(Verdict.ERRATUM);
    }

    @Test
    @DisplayName("C14: the program as written adds a 2-vector to a 10-vector in its first iteration and stops: erratum")
    void c14() throws Exception {
        ClaimResult r = check(new C14TutorialProgram());
        assertThat(r.measured().get("stepsCompleted")).isZero();
        // measured from the program's arrays: the residual has one value per data point, θ one per parameter
        assertThat(r.measured().get("gradientsLength")).isEqualTo(10.0);
        assertThat(r.measured().get("thetaLength")).isEqualTo(2.0);
        assertThat(r.finding()).contains("shapes (2,) (10,)").contains("g = beta * g + (1 - beta) * gradients");
        assertThat(r.verdict()).isEqualTo(Verdict.ERRATUM);
    }

    @Test
    @DisplayName("C15: with the true gradient the program ends within 10η of the least-squares line (−0.5333, 0.9515)")
    void c15() throws Exception {
        ClaimResult r = check(new C15CorrectedProgram());
        LeastSquares ls = LeastSquares.tutorial();
        assertThat(r.measured().get("leastSquaresSlope")).isCloseTo(785.0 / 825.0, within(1e-12));
        double distance = Math.max(
                Math.abs(r.measured().get("intercept") - (47 - 55 * 785.0 / 825.0) / 10),
                Math.abs(r.measured().get("slope") - 785.0 / 825.0));
        assertThat(r.measured().get("maxAbsDistance")).isCloseTo(distance, within(1e-9));
        assertThat(distance).isLessThanOrEqualTo(0.1);
        assertThat(ls.value(ls.minimizer())).isLessThan(ls.value(new DMatrixRMaj(2, 1)));
        assertThat(r.verdict()).isEqualTo(Verdict.HOLDS);
    }

    @Test
    @DisplayName("C16: for g = ±1 the cache tends to 1 while the velocity alternates sign: erratum")
    void c16() throws Exception {
        ClaimResult r = check(new C16CacheIsNotMomentum());
        assertThat(r.measured().get("cacheMin")).isCloseTo(1.0, within(0.01));
        assertThat(r.measured().get("velocityMin")).isNegative();
        // v alternates around ±1/(1+μ) = ±0.526
        assertThat(r.measured().get("velocityMax")).isCloseTo(1 / 1.9, within(0.01));
        assertThat(r.verdict()).isEqualTo(Verdict.ERRATUM);
    }

    @Test
    @DisplayName(
            "C17: one vector for momentum and one for RMSProp, so as many values streamed per step: not more efficient")
    void c17() throws Exception {
        ClaimResult r = check(new C17StateCount());
        assertThat(r.measured().get("momentum")).isEqualTo(1.0);
        assertThat(r.measured().get("rmsprop")).isEqualTo(1.0);
        assertThat(r.measured().get("adam")).isEqualTo(2.0);
        double ratio = r.measured().get("rmspropTimeOverMomentumTime");
        assertThat(ratio)
                .isCloseTo(
                        r.measured().get("rmspropNanosPerElementStep")
                                / r.measured().get("momentumNanosPerElementStep"),
                        within(1e-12));
        // the verdict is the counted work: as much state, so as many values streamed per step; the timing decides
        // nothing
        assertThat(r.measured().get("valuesStreamedPerParameterStep(rmsprop)"))
                .isEqualTo(r.measured().get("valuesStreamedPerParameterStep(momentum)"))
                .isEqualTo(5.0);
        assertThat(r.verdict()).isEqualTo(Verdict.ERRATUM);
        assertThat(r.correction()).contains("as much state").contains("1 vector per parameter against 1");
    }

    @Test
    @DisplayName("C18: from s₀ = 0 the first step is η/√(1−β) = 3.162η; from s₀ = 1 it is η/√(0.9 + 0.1): holds")
    void c18() throws Exception {
        ClaimResult r = check(new C18InitialAccumulator());
        assertThat(r.measured().get("firstStepOverEta(s0=0.0)")).isCloseTo(1 / Math.sqrt(0.1 + 1e-8), within(1e-9));
        assertThat(r.measured().get("firstStepOverEta(s0=1.0)"))
                .isCloseTo(1 / Math.sqrt(0.9 + 0.1 + 1e-8), within(1e-9));
        assertThat(r.measured().get("firstStepOverEta(s0=1,g=0.01)"))
                .isCloseTo(0.01 / Math.sqrt(0.9 + 0.1e-4 + 1e-8), within(1e-9));
        assertThat(r.verdict()).isEqualTo(Verdict.HOLDS);
    }

    @Test
    @DisplayName("C19: with ε = 1e4 the effective rate is η/√ε (inside) or η/ε (outside) to within 0.01%: holds")
    void c19() throws Exception {
        ClaimResult r = check(new C19LargeEpsilon());
        assertThat(r.measured().get("rateOverPredicted(inside,eps=10000.0)")).isCloseTo(1, within(1e-3));
        assertThat(r.measured().get("rateOverPredicted(outside,eps=10000.0)")).isCloseTo(1, within(1e-3));
        assertThat(r.verdict()).isEqualTo(Verdict.HOLDS);
    }

    @Test
    @DisplayName("C20: no framework has ρ 0.9, η 0.001 and ε 1e-8 together; Keras and Optax match two: qualified")
    void c20() throws Exception {
        ClaimResult r = check(new C20Defaults());
        assertThat(r.measured().get("matches(keras)")).isEqualTo(2.0);
        assertThat(r.measured().get("matches(optax)")).isEqualTo(2.0);
        assertThat(r.measured().get("matches(pytorch)")).isEqualTo(1.0);
        assertThat(r.verdict()).isEqualTo(Verdict.QUALIFIED);
        // Keras's RMSprop defaults to epsilon 1e-7; optax.rmsprop has no default learning rate; PyTorch adds ε after
        // the root
        assertThat(r.correction())
                .contains("keras (ε 1e-7)")
                .contains("optax (no default η)")
                .contains("outside: pytorch");
    }

    @Test
    @DisplayName(
            "C21: after a drop by r the step needs k ≥ ln(3/(r²−1))/ln β steps to reach η/2 (34 for r = 10): qualified")
    void c21() throws Exception {
        ClaimResult r = check(new C21NonStationary());
        for (double drop : new double[] {10, 100}) {
            // s before the drop ≈ 1 (100 steps of g = 1); after k more: β^k s + (1 − β^k)/r²; |Δθ|/η = (1/r)/√s ≥ 1/2
            double s = 1 - Math.pow(0.9, 100);
            int k = 0;
            double step;
            do {
                k++;
                s = 0.9 * s + 0.1 / (drop * drop);
                step = (1 / drop) / Math.sqrt(s + 1e-12);
            } while (step < 0.5);
            assertThat(r.measured().get("rmspropRecoverySteps(r=" + drop + ")")).isEqualTo((double) k);
            // the closed form the correction quotes rounds up to the same step
            double closed = Math.log((drop * drop - 1) / 3) / Math.log(1 / 0.9);
            assertThat(Math.ceil(closed)).isEqualTo(k);
            assertThat(r.correction()).contains(String.format(Locale.ROOT, "%.1f", closed / 10));
        }
        assertThat(r.measured().get("adagradRecoverySteps(r=10)")).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(r.verdict()).isEqualTo(Verdict.QUALIFIED);
    }

    /** The Keras example written out: Dense(1), MSE, RMSprop(0.01, 0.9, 1e-8) as Keras updates. */
    private static double kerasLoss(double w0, int epochs) {
        double w = w0;
        double b = 0;
        double vw = 0;
        double vb = 0;
        for (int e = 0; e < epochs; e++) {
            double gw = 0;
            double gb = 0;
            for (int x = 1; x <= 4; x++) {
                double r = w * x + b - 2 * x;
                gw += 2 * r * x / 4;
                gb += 2 * r / 4;
            }
            vw = 0.9 * vw + 0.1 * gw * gw;
            vb = 0.9 * vb + 0.1 * gb * gb;
            // Keras holds the learning rate in a float32 variable.
            w -= (float) 0.01 * gw / Math.sqrt(vw + 1e-8);
            b -= (float) 0.01 * gb / Math.sqrt(vb + 1e-8);
        }
        double loss = 0;
        for (int x = 1; x <= 4; x++) {
            loss += (w * x + b - 2 * x) * (w * x + b - 2 * x) / 4;
        }
        return loss;
    }

    @Test
    @DisplayName("C22: only starts near w = 2 reach MSE < 0.01 in 100 epochs of RMSprop(0.01): qualified")
    void c22() throws Exception {
        ClaimResult r = check(new C22KerasExample());
        int fit = 0;
        for (int k = 0; k < 41; k++) {
            double w0 = -Math.sqrt(3) + 2 * Math.sqrt(3) * k / 40;
            if (kerasLoss(w0, 100) < 1e-2) {
                fit++;
            }
        }
        assertThat(r.measured().get("shareOfStartsThatFit")).isCloseTo(fit / 41.0, within(1e-12));
        assertThat(r.measured().get("finalLoss(w0=0)")).isCloseTo(kerasLoss(0, 100), within(1e-9));
        assertThat(fit).isBetween(1, 36);
        assertThat(r.verdict()).isEqualTo(Verdict.QUALIFIED);
    }

    @Test
    @DisplayName(
            "C23: on θ² gradient descent with η = 0.5 lands on the minimum in one step, so RMSProp is not always faster")
    void c23() throws Exception {
        ClaimResult r = check(new C23FasterThanGd());
        assertThat(r.measured().get("gdSteps(theta-squared)")).isEqualTo(1.0);
        assertThat(r.measured().get("rmspropSteps(d2l-quadratic)"))
                .isLessThan(r.measured().get("gdSteps(d2l-quadratic)"));
        assertThat(r.verdict()).isEqualTo(Verdict.QUALIFIED);
    }

    @Test
    @DisplayName("C24: without the airfoil data the claim says what to supply")
    void c24() throws Exception {
        ClaimResult r = check(new C24Airfoil());
        assertThat(r.verdict()).isEqualTo(Verdict.NOT_CHECKABLE);
        assertThat(r.correction()).contains("--data").contains("airfoil_self_noise.dat");
    }

    @Test
    @DisplayName("C25: d2l and PyTorch differ only by where ε goes and its size: qualified")
    void c25() throws Exception {
        ClaimResult r = check(new C25FrameworkEquivalence());
        assertThat(r.measured().get("maxParameterDifference")).isPositive();
        assertThat(r.measured().get("maxDifferenceWithEpsilonMatched")).isZero();
        assertThat(r.verdict()).isEqualTo(Verdict.QUALIFIED);
    }

    @Test
    @DisplayName("the register holds C01 to C25 in order, each with a source and a statement")
    void register() {
        var all = Register.all().stream().filter(c -> c.id().startsWith("C")).toList();
        assertThat(all).hasSize(25);
        for (int i = 0; i < 25; i++) {
            assertThat(all.get(i).id()).isEqualTo(String.format("C%02d", i + 1));
            assertThat(all.get(i).source()).isNotBlank();
            assertThat(all.get(i).statement()).isNotBlank();
        }
    }
}
