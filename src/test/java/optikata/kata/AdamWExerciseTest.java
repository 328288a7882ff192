package optikata.kata;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import optikata.optim.AdamW;
import optikata.optim.Optimizer;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Exercise 09's reference solution against an independent computation: the library's {@link AdamW} (PyTorch's
 * {@code torch.optim.AdamW}, itself checked in {@code WeightDecayTest} against a line-by-line port of
 * {@code _single_tensor_adamw}). The specs take their expected values from the solution, so this is what ties
 * them to AdamW. The solution is also run on trajectories recorded from PyTorch itself ({@code
 * conformance/record_adamw09.py}: torch 2.13.0+cpu, installed from the machine's local wheel store since PyPI
 * cannot be reached from it), {@code src/test/resources/kata/09-adamw-torch.json}.
 *
 * <p>m and v are the same formulas in the same order, so they agree bit for bit; θ's step is written
 * η·(m/(1−β₁ᵗ))/(√(v/(1−β₂ᵗ)) + ε) in the solution (07's form) and (η/(1−β₁ᵗ))·m/(√v/√(1−β₂ᵗ) + ε) in the
 * library (PyTorch's), which round differently in the last bits: from the same θ, one step of each agrees within
 * {@link #RELATIVE} relative (θ is set to the library's before each step, so that rounding does not compound).
 */
class AdamWExerciseTest {
    static final KataLayout LAYOUT = new KataLayout(Path.of(System.getProperty("user.dir")));
    static final String EXERCISE = "09-adamw";
    /** The largest relative difference of θ allowed, after every step of every run (measured: 4.7e-16). */
    static final double RELATIVE = 1e-15;

    static LearnerOptimizer solution;

    @BeforeAll
    static void compileSolution() throws Exception {
        solution = LearnerOptimizer.load(LAYOUT, LAYOUT.solutions(), EXERCISE);
    }

    static Optimizer mine(double lr, double b1, double b2, double eps, double wd) {
        return solution.build(Map.of("learningRate", lr, "beta1", b1, "beta2", b2, "epsilon", eps, "weightDecay", wd));
    }

    static AdamW library(double lr, double b1, double b2, double eps, double wd) {
        return new AdamW(new AdamW.Config(lr, b1, b2, eps, wd, optikata.optim.NonFinitePolicy.REJECT));
    }

    /**
     * The largest relative difference of θ after one step of each from the same θ, m, v and gradient, over {@code
     * steps} steps from the same θ₀ and gradients.
     */
    static double run(double lr, double b1, double b2, double eps, double wd, int n, int steps, long seed) {
        Random random = new Random(seed);
        Optimizer a = mine(lr, b1, b2, eps, wd);
        Optimizer b = library(lr, b1, b2, eps, wd);
        DMatrixRMaj ta = new DMatrixRMaj(n, 1);
        for (int i = 0; i < n; i++) {
            ta.data[i] = random.nextGaussian() * 3;
        }
        DMatrixRMaj tb = ta.copy();
        double worst = 0;
        for (int k = 1; k <= steps; k++) {
            DMatrixRMaj g = new DMatrixRMaj(n, 1);
            for (int i = 0; i < n; i++) {
                // some exact zeros, where only the decay and the momentum move θ
                g.data[i] = random.nextInt(5) == 0 ? 0 : random.nextGaussian() * Math.pow(10, random.nextInt(5) - 3);
            }
            // θ synchronised before each step (m and v agree bit for bit anyway): the difference is one step's rounding
            double[] before = tb.data.clone();
            System.arraycopy(tb.data, 0, ta.data, 0, n);
            a.step(ta, g.copy());
            b.step(tb, g.copy());
            assertThat(a.state().buffer("firstMoment").data)
                    .as("m after step %d (seed %d)", k, seed)
                    .containsExactly(b.state().buffer("firstMoment").data);
            assertThat(a.state().buffer("secondMoment").data)
                    .as("v after step %d (seed %d)", k, seed)
                    .containsExactly(b.state().buffer("secondMoment").data);
            for (int i = 0; i < n; i++) {
                double d = Math.abs(ta.data[i] - tb.data[i]);
                // relative to θ before and after the step (θ may cross 0 within the step)
                double scale = Math.max(Math.max(Math.abs(tb.data[i]), Math.abs(before[i])), Double.MIN_NORMAL);
                worst = Math.max(worst, d / scale);
            }
            DMatrixRMaj ra = new DMatrixRMaj(n, 1);
            DMatrixRMaj rb = new DMatrixRMaj(n, 1);
            a.effectiveLearningRate(ra);
            b.effectiveLearningRate(rb);
            for (int i = 0; i < n; i++) {
                assertThat(ra.data[i])
                        .as("effective rate %d after step %d (seed %d)", i, k, seed)
                        .isCloseTo(rb.data[i], org.assertj.core.api.Assertions.within(1e-15 * Math.abs(rb.data[i])));
            }
        }
        return worst;
    }

    @Test
    @DisplayName("the solution's θ, m, v and effective rate follow the library's AdamW (PyTorch's form) step for step")
    void trajectoriesAgree() {
        double worst = 0;
        worst = Math.max(worst, run(0.001, 0.9, 0.999, 1e-8, 0.01, 7, 200, 1)); // PyTorch's defaults
        worst = Math.max(worst, run(0.1, 0.9, 0.999, 1e-8, 0.1, 5, 60, 2)); // the README's η and λ
        worst = Math.max(worst, run(0.05, 0.8, 0.99, 1e-6, 0.7, 4, 60, 3));
        worst = Math.max(worst, run(0.2, 0.9, 0.999, 1e-8, 1.5, 3, 40, 4)); // a strong decay
        worst = Math.max(worst, run(0.1, 0.9, 0.999, 1e-8, 0, 5, 60, 5)); // λ = 0: Adam
        System.out.println("09-adamw vs optikata.optim.AdamW: largest relative difference of θ " + worst);
        assertThat(worst).as("largest relative difference of θ").isLessThanOrEqualTo(RELATIVE);
    }

    @Test
    @DisplayName("the README's worked example: θ = 1, g = 0.5, η = 0.1, λ = 0.1 gives 0.890000002 after one step")
    void workedExample() {
        DMatrixRMaj a = new DMatrixRMaj(1, 1, true, 1.0);
        DMatrixRMaj b = a.copy();
        mine(0.1, 0.9, 0.999, 1e-8, 0.1).step(a, new DMatrixRMaj(1, 1, true, 0.5));
        library(0.1, 0.9, 0.999, 1e-8, 0.1).step(b, new DMatrixRMaj(1, 1, true, 0.5));
        double hand = 0.99 - 0.1 * 0.5 / (0.5 + 1e-8);
        assertThat(a.data[0]).isCloseTo(0.890000002, org.assertj.core.api.Assertions.within(1e-15));
        assertThat(a.data[0]).isCloseTo(hand, org.assertj.core.api.Assertions.within(1e-15));
        assertThat(b.data[0]).isCloseTo(a.data[0], org.assertj.core.api.Assertions.within(1e-15));
    }

    /** The largest relative difference allowed against PyTorch's recording, over whole runs (measured: 3.9e-13; PyTorch forms m with lerp_, which already differs in the last bit on the first step, and the runs are not resynchronised). */
    static final double TORCH_RELATIVE = 1e-12;

    @Test
    @DisplayName("the solution's θ, m and v follow torch.optim.AdamW's recorded trajectories (float64)")
    void followsPyTorch() throws Exception {
        JsonNode root = new ObjectMapper()
                .readTree(LAYOUT.root()
                        .resolve("src/test/resources/kata/09-adamw-torch.json")
                        .toFile());
        double worst = 0;
        for (JsonNode run : root.path("runs")) {
            int n = run.path("theta0").size();
            DMatrixRMaj theta = new DMatrixRMaj(n, 1);
            for (int i = 0; i < n; i++) {
                theta.data[i] = run.path("theta0").get(i).asDouble();
            }
            Optimizer o = mine(
                    run.path("lr").asDouble(),
                    run.path("beta1").asDouble(),
                    run.path("beta2").asDouble(),
                    run.path("eps").asDouble(),
                    run.path("weight_decay").asDouble());
            for (int k = 0; k < run.path("gradients").size(); k++) {
                DMatrixRMaj g = new DMatrixRMaj(n, 1);
                for (int i = 0; i < n; i++) {
                    g.data[i] = run.path("gradients").get(k).get(i).asDouble();
                }
                o.step(theta, g);
                for (int i = 0; i < n; i++) {
                    worst = Math.max(
                            worst,
                            relative(
                                    theta.data[i],
                                    run.path("theta").get(k).get(i).asDouble()));
                    worst = Math.max(
                            worst,
                            relative(
                                    o.state().buffer("firstMoment").data[i],
                                    run.path("m").get(k).get(i).asDouble()));
                    worst = Math.max(
                            worst,
                            relative(
                                    o.state().buffer("secondMoment").data[i],
                                    run.path("v").get(k).get(i).asDouble()));
                }
            }
        }
        System.out.println("09-adamw vs " + root.path("recorder").asText() + ": largest relative difference " + worst);
        assertThat(worst)
                .as("largest relative difference of θ, m, v from PyTorch's")
                .isLessThanOrEqualTo(TORCH_RELATIVE);
    }

    static double relative(double actual, double expected) {
        double d = Math.abs(actual - expected);
        return d == 0 ? 0 : d / Math.max(Math.abs(expected), Double.MIN_NORMAL);
    }
}
