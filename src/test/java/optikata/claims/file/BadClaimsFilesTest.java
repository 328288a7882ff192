package optikata.claims.file;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import optikata.cli.Main;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad claims files: each mistake gets one line on stderr with the file, line, column, key and rule; the
 * command exits 2 and writes nothing (the whole file is validated before any claim runs).
 */
class BadClaimsFilesTest {
    /** A good file; each case below changes one thing. */
    static final String GOOD = """
            series: a course
            claims:
              - id: S1
                source: slides, p. 1
                quote: "From s₀ = 0 the first step is about 3.16η."
                setup:
                  gradients: [1, 1, 1]
                  optimizer: rmsprop
                  hyperparameters: {decay: 0.9, epsilon: 1.0e-8}
                measure: {quantity: step-over-eta, step: 1}
                expect: {approx: 3.1623, tolerance: 1.0e-3}
            """;

    private static String with(String from, String to) {
        if (!GOOD.contains(from)) {
            throw new IllegalArgumentException("not in the good file: " + from);
        }
        return GOOD.replace(from, to);
    }

    private static Arguments bad(String what, String text, String at, String... fragments) {
        return Arguments.of(what, "course.yaml", text, at, List.of(fragments));
    }

    static Stream<Arguments> badFiles() {
        String second = GOOD.substring(GOOD.indexOf("  - id: S1")).replace("S1", "S2");
        return Stream.of(
                bad("empty file", "", "1:1", "the file is empty"),
                bad("only a comment", "# nothing yet\n", "1:1", "the file is empty"),
                bad("not YAML", "claims: [unclosed\n", "2:1", "not YAML"),
                bad("tabs", "claims:\n\t- id: S1\n", "2:1", "not YAML"),
                bad("a list at the top", "- id: S1\n", "1:1", "the file must be a map with the key claims"),
                bad("two documents", GOOD + "---\nclaims: []\n", "13:1", "a second YAML document"),
                bad(
                        "unknown top-level key",
                        with("series: a course", "serie: a course"),
                        "1:1",
                        "serie",
                        "unknown key serie; the nearest valid key is series"),
                bad(
                        "unknown setup key",
                        with("      optimizer: rmsprop", "      optimiser: rmsprop"),
                        "8:7",
                        "claims[1].setup.optimiser",
                        "the nearest valid key is optimizer"),
                bad(
                        "wrong type",
                        with("step: 1}", "step: one}"),
                        "10:46",
                        "claims[1].measure.step",
                        "wrong type: expected a whole number, not the text 'one'"),
                bad(
                        "missing setup",
                        with(
                                "    setup:\n      gradients: [1, 1, 1]\n      optimizer: rmsprop\n"
                                        + "      hyperparameters: {decay: 0.9, epsilon: 1.0e-8}\n",
                                ""),
                        "3:5",
                        "claims[1].setup",
                        "missing setup"),
                bad(
                        "unknown optimizer",
                        with("optimizer: rmsprop", "optimizer: rmsprp"),
                        "8:18",
                        "claims[1].setup.optimizer",
                        "unknown optimizer: rmsprp",
                        "did you mean rmsprop?"),
                bad(
                        "unknown preset",
                        with("      optimizer: rmsprop\n", "      optimizer: rmsprop\n      preset: pytorh\n"),
                        "9:15",
                        "claims[1].setup.preset",
                        "unknown preset: pytorh",
                        "did you mean pytorch?"),
                bad(
                        "unknown quantity",
                        with("quantity: step-over-eta", "quantity: step-over-beta"),
                        "10:25",
                        "claims[1].measure.quantity",
                        "unknown quantity: step-over-beta",
                        "did you mean step-over-eta?"),
                bad(
                        "zero tolerance",
                        with("tolerance: 1.0e-3", "tolerance: 0"),
                        "11:41",
                        "claims[1].expect.tolerance",
                        "impossible tolerance: 0.0 (must be a finite number > 0)"),
                bad(
                        "NaN tolerance",
                        with("tolerance: 1.0e-3", "tolerance: .nan"),
                        "11:41",
                        "claims[1].expect.tolerance",
                        "impossible tolerance: NaN"),
                bad(
                        "step beyond the steps",
                        with("step: 1}", "step: 5}"),
                        "10:46",
                        "claims[1].measure.step",
                        "step 5 is beyond the run's 3 steps"),
                bad("duplicate id", GOOD + second.replace("S2", "s1"), "12:9", "claims[2].id", "duplicate id: s1"),
                bad(
                        "an id of the texts' series",
                        with("id: S1", "id: C05"),
                        "3:9",
                        "claims[1].id",
                        "id C05 is in the texts' series"),
                bad(
                        "missing quote",
                        with("    quote: \"From s₀ = 0 the first step is about 3.16η.\"\n", ""),
                        "3:5",
                        "claims[1].quote",
                        "missing key quote"),
                bad(
                        "duplicate key",
                        with("      optimizer: rmsprop\n", "      optimizer: rmsprop\n      optimizer: adam\n"),
                        "9:7",
                        "claims[1].setup.optimizer",
                        "duplicate key: optimizer is already given at line 8"),
                bad(
                        "a hyperparameter the optimizer does not take",
                        with("optimizer: rmsprop", "optimizer: adam"),
                        "9:25",
                        "claims[1].setup.hyperparameters.decay",
                        "adam does not take decay (adam takes: learning-rate, epsilon, beta1, beta2)"),
                bad(
                        "an invalid hyperparameter",
                        with("decay: 0.9", "decay: 1.5"),
                        "9:32",
                        "claims[1].setup.hyperparameters.decay",
                        "1.5"),
                bad(
                        "coordinate beyond the dimension",
                        with("step: 1}", "step: 1, coordinate: 2}"),
                        "10:61",
                        "claims[1].measure.coordinate",
                        "coordinate 2 is not one of the run's 1"),
                bad(
                        "both objective and gradients",
                        with("      optimizer: rmsprop\n", "      optimizer: rmsprop\n      objective: square\n"),
                        "7:7",
                        "claims[1].setup.gradients",
                        "give an objective or gradients, not both"),
                bad(
                        "loss of a gradient sequence",
                        with("{quantity: step-over-eta, step: 1}", "{quantity: loss, step: 1}"),
                        "7:7",
                        "claims[1].setup.gradients",
                        "quantity loss needs an objective"),
                bad(
                        "monotone at one step",
                        with("{approx: 3.1623, tolerance: 1.0e-3}", "{monotone: decreasing}"),
                        "11:24",
                        "claims[1].expect.monotone",
                        "monotone looks at every step: remove claims[1].measure.step"),
                bad(
                        "approx without tolerance",
                        with("{approx: 3.1623, tolerance: 1.0e-3}", "{approx: 3.1623}"),
                        "11:13",
                        "claims[1].expect.tolerance",
                        "missing key tolerance"),
                bad(
                        "unknown objective",
                        with("gradients: [1, 1, 1]", "objective: rosenbrok\n      steps: 3"),
                        "7:18",
                        "claims[1].setup.objective",
                        "unknown objective: rosenbrok",
                        "did you mean rosenbrock?"),
                bad(
                        "restates an unknown register claim",
                        with("    source:", "    restates: C26\n    source:"),
                        "4:15",
                        "claims[1].restates",
                        "unknown register claim: C26"),
                bad(
                        "gradients of different lengths",
                        with("[1, 1, 1]", "[[1, 2], [1, 2], [3]]"),
                        "7:35",
                        "claims[1].setup.gradients[3]",
                        "this gradient has 1 coordinate but the one at line 7 has 2"),
                bad(
                        "faster-than on a quantity that is not steps-to",
                        with("{approx: 3.1623, tolerance: 1.0e-3}", "{faster-than: {optimizer: adagrad}}"),
                        "11:27",
                        "claims[1].expect.faster-than",
                        "faster-than compares the steps to reach a loss"),
                bad(
                        "a start of the wrong dimension",
                        with("      optimizer: rmsprop\n", "      optimizer: rmsprop\n      start: [0, 0]\n"),
                        "9:14",
                        "claims[1].setup.start",
                        "start has 2 values but the gradients have 1 coordinate"),
                bad(
                        "s of an optimizer that keeps none",
                        with("optimizer: rmsprop", "optimizer: sgd")
                                .replace("{decay: 0.9, epsilon: 1.0e-8}", "{learning-rate: 0.1}")
                                .replace("quantity: step-over-eta", "quantity: s"),
                        "8:18",
                        "claims[1].setup.optimizer",
                        "quantity s reads s, the squared-gradient average, which sgd does not keep"),
                bad(
                        "a misspelt expectation",
                        with("{approx: 3.1623", "{aprox: 3.1623"),
                        "11:14",
                        "claims[1].expect.aprox",
                        "unknown key aprox; the nearest valid key is approx"),
                bad(
                        "a key the quantity does not use",
                        with("step: 1}", "step: 1, lag: 2}"),
                        "10:49",
                        "claims[1].measure.lag",
                        "lag is not used by quantity step-over-eta (it takes: step, coordinate)"),
                bad(
                        "an alias to no anchor",
                        with("setup:\n", "setup: *base\n")
                                .replace("      gradients: [1, 1, 1]\n", "")
                                .replace("      optimizer: rmsprop\n", "")
                                .replace("      hyperparameters: {decay: 0.9, epsilon: 1.0e-8}\n", ""),
                        "6:12",
                        "claims[1].setup",
                        "unknown alias *base"),
                Arguments.of(
                        "not JSON", "course.json", "{\"claims\": [{\"id\": \"S1\",}]}", "1:25", List.of("not JSON")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badFiles")
    @DisplayName("one mistake: one line with file:line:column, the key and the rule; exit 2; nothing written")
    void oneLinePerMistake(String what, String name, String text, String at, List<String> fragments, @TempDir Path dir)
            throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, text, StandardCharsets.UTF_8);
        Path out = dir.resolve("report");
        StringWriter stdout = new StringWriter();
        StringWriter stderr = new StringWriter();
        int code = Main.execute(
                new String[] {"claims", "--file", file.toString(), "--out", out.toString()},
                new PrintWriter(stdout),
                new PrintWriter(stderr));
        String err = stderr.toString();
        assertThat(code).as(err).isEqualTo(2);
        assertThat(err.lines().toList()).as(err).hasSize(1);
        assertThat(err).startsWith("optikata claims: " + file + ":" + at + ": ");
        for (String f : fragments) {
            assertThat(err).contains(f);
        }
        assertThat(err).doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(stdout.toString()).as("nothing printed on stdout").isEmpty();
        assertThat(out).as("no report written").doesNotExist();
    }

    @Test
    @DisplayName("the table covers at least 20 kinds of mistake")
    void enoughKinds() {
        assertThat(badFiles().count()).isGreaterThanOrEqualTo(20);
    }

    @Test
    @DisplayName("several mistakes: one line each, in file order, and still nothing written")
    void everyMistakeIsListed(@TempDir Path dir) throws Exception {
        String text = with("optimizer: rmsprop", "optimizer: rmsprp")
                .replace("tolerance: 1.0e-3", "tolerance: -1")
                .replace("series: a course", "series: a course\ncolour: blue");
        Path file = dir.resolve("course.yaml");
        Files.writeString(file, text, StandardCharsets.UTF_8);
        Path out = dir.resolve("report");
        StringWriter stderr = new StringWriter();
        int code = Main.execute(
                new String[] {"claims", "--file", file.toString(), "--out", out.toString()},
                new PrintWriter(new StringWriter()),
                new PrintWriter(stderr));
        assertThat(code).isEqualTo(2);
        List<String> lines = stderr.toString().lines().toList();
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).contains(":2:1: colour: unknown key colour");
        assertThat(lines.get(1)).contains(":9:18: claims[1].setup.optimizer: unknown optimizer");
        assertThat(lines.get(2)).contains(":12:41: claims[1].expect.tolerance: impossible tolerance");
        assertThat(out).doesNotExist();
    }

    @Test
    @DisplayName("a file that is not there is one line naming --file")
    void missingFile(@TempDir Path dir) {
        StringWriter stderr = new StringWriter();
        int code = Main.execute(
                new String[] {"claims", "--file", dir.resolve("nope.yaml").toString(), "--no-report"},
                new PrintWriter(new StringWriter()),
                new PrintWriter(stderr));
        assertThat(code).isEqualTo(2);
        assertThat(stderr.toString())
                .startsWith("optikata claims: --file: no such file: ")
                .hasLineCount(1);
    }
}
