package optikata.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import optikata.cli.OptimizerArguments;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Replays every committed framework recording through the library with its manifest's
 * {@code optikata} arguments (parsed as {@code optikata trace} parses them) and checks the
 * manifest's expectation: bitwise, within a tolerance, or (for runs no configuration
 * reproduces) different by at least a tolerance.
 */
class FrameworkRecordingsTest {
    static final Path FOLDER = Path.of("src/test/resources/conformance");
    /** PyTorch's centered runs on a constant gradient, up to the step where s − ḡ² rounds negative. */
    static final Path CONSTANT = Path.of("src/test/resources/conformance-constant");

    static RecordingSet set;
    static RecordingSet constant;

    @BeforeAll
    static void load() throws Exception {
        set = RecordingSet.load(FOLDER);
        constant = RecordingSet.load(CONSTANT);
    }

    @TestFactory
    @DisplayName("every recording is reproduced by its manifest's arguments as its manifest expects")
    List<DynamicTest> everyRecording() {
        return Stream.of(set, constant)
                .flatMap(rs -> rs.recordings().stream()
                        .map(r -> DynamicTest.dynamicTest(r.id() + " " + r.arguments(), () -> {
                            Agreement a = rs.agreement(OptimizerArguments.build(r.arguments()), r);
                            assertThat(r.expectation().isMetBy(a))
                                    .as(
                                            "%s with %s: max relative difference %s, first differing step %d; expected %s (%s)",
                                            r.id(),
                                            r.arguments(),
                                            a.describe(),
                                            a.firstDifferingStep(),
                                            r.expectation(),
                                            r.expectation().why())
                                    .isTrue();
                        })))
                .toList();
    }

    @Test
    @DisplayName(
            "PyTorch's centered run on a constant gradient 0.1 turns NaN at step 3226; the preset reproduces it with "
                    + "--negative-variance nan and stays finite by default")
    void centeredNaN() {
        Recording r = constant.byId("torch-rmsprop-centered-constant3226");
        int d = r.trajectory().length - 1;
        assertThat(r.trajectory()[d][0]).isNaN();
        assertThat(r.trajectory()[d - 1][0]).isFinite();
        double[][] faithful = constant.replay(OptimizerArguments.build(r.arguments()), r.steps());
        assertThat(faithful[d][0]).isNaN();
        for (int t = 0; t <= d; t++) {
            assertThat(Double.doubleToLongBits(faithful[t][0]))
                    .as("step %d", t)
                    .isEqualTo(Double.doubleToLongBits(r.trajectory()[t][0]));
        }
        double[][] c = constant.replay(OptimizerArguments.build(r.alternatives().get("clamp")), r.steps());
        assertThat(Agreement.of(c, faithful).firstDifferingStep())
                .as("the clamp changes nothing before PyTorch's NaN")
                .isEqualTo(d);
        assertThat(Arrays.stream(c[d]).allMatch(Double::isFinite)).isTrue();
    }

    @Test
    @DisplayName("the folder holds every framework the recordings were made with, 30 steps each")
    void coverage() {
        assertThat(set.recordings())
                .extracting(Recording::framework)
                .map(f -> f.split(" ")[0])
                .contains("torch", "keras", "tf1", "optax", "tribuo", "nd4j");
        assertThat(set.recordings()).allSatisfy(r -> assertThat(r.steps()).isEqualTo(30));
        assertThat(set.recordings()).hasSize(88);
    }

    @Test
    @DisplayName(
            "as-shipped Keras and TF1 runs differ from the float64 formula, and match once the hyperparameters are rounded")
    void float32HyperparametersMatter() {
        for (String id : List.of(
                "keras-rmsprop-default",
                "keras-rmsprop-default-jaxbackend",
                "keras-rmsprop-default-torchbackend",
                "tf1-rmsprop-default",
                "tf1-rmsprop-momentum")) {
            Recording r = set.byId(id);
            Agreement float64 =
                    set.agreement(OptimizerArguments.build(r.alternatives().get("float64-hyperparameters")), r);
            assertThat(float64.bitwise()).as(id).isFalse();
            assertThat(float64.maxRelativeDifference())
                    .as(id)
                    .isGreaterThan(1e-12)
                    .isLessThan(1e-6);
            assertThat(float64.firstDifferingStep()).as(id).isEqualTo(1);
        }
    }

    @Test
    @DisplayName("a float32 run is not reproduced by float64 arithmetic, nor ND4J's by PyTorch's float32 order")
    void float32ArithmeticOrderMatters() {
        Recording torch = set.byId("torch-rmsprop-default-float32");
        assertThat(set.agreement(OptimizerArguments.build(torch.alternatives().get("float64-arithmetic")), torch)
                        .bitwise())
                .isFalse();
        Recording nd4j = set.byId("nd4j-rmsprop-default-float32");
        Map<String, List<String>> alt = nd4j.alternatives();
        assertThat(set.agreement(OptimizerArguments.build(alt.get("float64-arithmetic")), nd4j)
                        .bitwise())
                .isFalse();
        assertThat(set.agreement(OptimizerArguments.build(alt.get("float32,pytorch-order")), nd4j)
                        .bitwise())
                .isFalse();
    }

    @Test
    @DisplayName(
            "the runs no configuration reproduces are as far off as documented: Tribuo's Adam 0.2 % of θ after one step, "
                    + "ND4J's Adam ~1e-5, Tribuo's RMSProp read as Keras' ~0.5 %")
    void mismatchesAreWhatTheyAre() {
        Recording tribuoAdam = set.byId("tribuo-adam-default");
        double[][] adam = set.replay(OptimizerArguments.build(tribuoAdam.arguments()), 1);
        assertThat(Math.abs(adam[1][0] - tribuoAdam.trajectory()[1][0])
                        / Math.abs(tribuoAdam.trajectory()[1][0]))
                .isBetween(0.0019, 0.0021);
        assertThat(set.agreement(OptimizerArguments.build(tribuoAdam.arguments()), tribuoAdam)
                        .maxRelativeDifference())
                .isBetween(0.05, 0.1);
        Recording nd4jAdam = set.byId("nd4j-adam-default");
        Agreement a = set.agreement(OptimizerArguments.build(nd4jAdam.arguments()), nd4jAdam);
        assertThat(a.maxRelativeDifference()).isBetween(1e-5, 1e-4);
        assertThat(a.firstDifferingStep()).isEqualTo(1);
        Recording tribuo = set.byId("tribuo-rmsprop-keras-defaults");
        Agreement claimed =
                set.agreement(OptimizerArguments.build(tribuo.alternatives().get("keras-preset(claimed)")), tribuo);
        assertThat(claimed.maxRelativeDifference()).isBetween(1e-3, 1e-2);
        assertThat(claimed.firstDifferingStep()).isEqualTo(1);
    }

    @Test
    @DisplayName("prints the agreement of every recording (the table of docs/CONFORMANCE.md)")
    void printTable() {
        StringBuilder sb = new StringBuilder();
        for (RecordingSet rs : List.of(set, constant))
            for (Recording r : rs.recordings()) {
                Agreement a = rs.agreement(OptimizerArguments.build(r.arguments()), r);
                sb.append(String.format(
                        "%-48s %-14s first-diff %3d  %s%n",
                        r.id(), a.describe(), a.firstDifferingStep(), String.join(" ", r.arguments())));
                r.alternatives().forEach((name, args) -> {
                    Agreement b = rs.agreement(OptimizerArguments.build(args), r);
                    sb.append(String.format("    alt %-40s %-14s%n", name, b.describe()));
                });
            }
        System.out.println(sb);
        assertThat(sb).isNotEmpty();
    }
}
