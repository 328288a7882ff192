package optikata.claims;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import optikata.optim.AdaGrad;
import optikata.optim.Adam;
import optikata.optim.Optimizer;
import optikata.optim.OptimizerState;
import optikata.optim.RmsPropConfig;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The claims run against the library, and against the library with a regression planted in
 * RMSProp's update ({@link BrokenRmsProp}): every claim that runs the update must change its
 * figures, and under both, every number a finding or correction prints must be one of the claim's
 * figures, so that no sentence contradicts them.
 */
class BrokenLibraryTest {
    /** The claims whose figures come from RMSProp's update. C14, C20 (presets) and C24 (no data) do not run it; C17's state count does not. L01, L02, L05 and L07 replay the recorded Tribuo and ND4J runs through it. */
    static final Set<String> RUN_THE_UPDATE = Set.of(
            "C01", "C02", "C03", "C04", "C05", "C06", "C07", "C08", "C09", "C10", "C11", "C12", "C13", "C15", "C16",
            "C18", "C19", "C21", "C22", "C23", "C25", "L01", "L02", "L05", "L07");

    static final Map<String, ClaimResult> LIBRARY = new LinkedHashMap<>();
    static final Map<String, ClaimResult> BROKEN = new LinkedHashMap<>();

    @BeforeAll
    static void runBoth() throws Exception {
        ClaimContext library = ClaimContext.library();
        ClaimContext broken = library.withOptimizers(BrokenRmsProp.FACTORY);
        for (Claim c : Register.all()) {
            LIBRARY.put(c.id(), c.check(library));
            BROKEN.put(c.id(), c.check(broken));
        }
        for (String id : LIBRARY.keySet()) {
            System.out.printf(
                    "%s %-13s -> %-13s %s%n",
                    id,
                    LIBRARY.get(id).verdict(),
                    BROKEN.get(id).verdict(),
                    BROKEN.get(id).finding());
        }
    }

    @Test
    @DisplayName("every claim that runs RMSProp's update changes its figures when the update is broken")
    void brokenUpdateChangesEveryDependentClaim() {
        List<String> unchanged = new ArrayList<>();
        for (String id : RUN_THE_UPDATE) {
            if (!changed(LIBRARY.get(id).measured(), BROKEN.get(id).measured())) {
                unchanged.add(id);
            }
        }
        assertThat(unchanged).as("claims whose figures did not move").isEmpty();
    }

    @Test
    @DisplayName("the broken update flips the verdicts of the claims that check its arithmetic")
    void brokenUpdateFlipsVerdicts() {
        for (String id : List.of("C01", "C02", "C04", "C05", "C08", "C10", "C11", "C18")) {
            assertThat(BROKEN.get(id).verdict())
                    .as(id)
                    .isNotEqualTo(LIBRARY.get(id).verdict());
        }
    }

    @Test
    @DisplayName(
            "with the library and with the broken update, every number in a finding or correction is one of the claim's figures")
    void findingsAreBuiltFromTheFigures() {
        List<String> problems = new ArrayList<>();
        for (Map<String, ClaimResult> run : List.of(LIBRARY, BROKEN)) {
            for (ClaimResult r : run.values()) {
                problems.addAll(FindingNumbers.unexplained(r));
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    @DisplayName("no result carries a non-finite figure except a declared 'never'")
    void noNonFiniteFigures() {
        for (Map<String, ClaimResult> run : List.of(LIBRARY, BROKEN)) {
            for (ClaimResult r : run.values()) {
                r.measured()
                        .forEach((k, v) -> assertThat(Double.isFinite(v) || v == Double.POSITIVE_INFINITY)
                                .as(r.id() + " " + k)
                                .isTrue());
            }
        }
    }

    @Test
    @DisplayName(
            "NaN is never a pass: an Adam whose bias correction yields NaN makes C10 NOT_CHECKABLE, naming the figure")
    void nanFigureIsNotAPass() throws Exception {
        Optimizers nanAdam = new Optimizers() {
            @Override
            public Optimizer rmsprop(RmsPropConfig config) {
                return Optimizers.LIBRARY.rmsprop(config);
            }

            @Override
            public Optimizer adagrad(AdaGrad.Config config) {
                return Optimizers.LIBRARY.adagrad(config);
            }

            @Override
            public Optimizer adam(Adam.Config config) {
                Optimizer adam = Optimizers.LIBRARY.adam(config);
                return new Optimizer() {
                    @Override
                    public String name() {
                        return adam.name();
                    }

                    @Override
                    public void step(DMatrixRMaj params, DMatrixRMaj gradient) {
                        adam.step(params, gradient);
                        if (config.biasCorrection()) {
                            Arrays.fill(params.data, Double.NaN); // a 0/0 in the correction
                        }
                    }

                    @Override
                    public OptimizerState state() {
                        return adam.state();
                    }

                    @Override
                    public void effectiveLearningRate(DMatrixRMaj out) {
                        adam.effectiveLearningRate(out);
                    }

                    @Override
                    public void reset() {
                        adam.reset();
                    }

                    @Override
                    public Record hyperparameters() {
                        return adam.hyperparameters();
                    }
                };
            }

            @Override
            public Optimizer momentum(double learningRate, double momentum) {
                return Optimizers.LIBRARY.momentum(learningRate, momentum);
            }
        };
        ClaimResult r =
                new C10AdamIsRmsPropPlusMomentum().check(ClaimContext.library().withOptimizers(nanAdam));
        assertThat(r.verdict()).isEqualTo(Verdict.NOT_CHECKABLE);
        assertThat(r.correction()).contains("maxDifferenceWithBiasCorrection = NaN");
    }

    private static boolean changed(Map<String, Double> a, Map<String, Double> b) {
        if (!a.keySet().equals(b.keySet())) {
            return true;
        }
        for (String k : a.keySet()) {
            double x = a.get(k);
            double y = b.get(k);
            if (!(Math.abs(x - y) <= 1e-12 * Math.max(1, Math.abs(x)))) {
                return true;
            }
        }
        return false;
    }
}
