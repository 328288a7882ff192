package optikata.claims.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nu.validator.client.EmbeddedValidator;
import optikata.claims.ClaimContext;
import optikata.claims.ClaimResult;
import optikata.claims.Figure;
import optikata.claims.Verdict;
import optikata.cli.Main;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A claims file with a claim of every quantity and every form of expectation: each gets the verdict its
 * numbers call for (worked out beside each claim) and a figure, and the claims command reports them after
 * the texts' claims.
 */
class ClaimsFileTest {
    /** Every quantity and every expectation, with the verdict each must get and why. */
    static final String EVERY_KIND = """
            series: every kind of claim
            claims:
              # θ₁ = 1 − 0.01·2/√(0.4 + 1e-8) = 0.968377
              - id: K-theta-approx
                source: test
                quote: θ₁ ≈ 0.968
                setup: &square
                  objective: square
                  start: [1]
                  optimizer: rmsprop
                  hyperparameters: {learning-rate: 0.01, decay: 0.9, epsilon: 1.0e-8}
                  steps: 10
                measure: {quantity: theta, step: 1}
                expect: {approx: 0.968, tolerance: 5.0e-4}
              # s₁ = 0.1·2² = 0.4, not 0.5
              - id: K-s-approx
                source: test
                quote: s₁ ≈ 0.5
                setup: *square
                measure: {quantity: s, step: 1}
                expect: {approx: 0.5, tolerance: 0.01}
              # η/√(1 − 0.9^t) falls from 0.0316 towards 0.01: below 0.04 at every step
              - id: K-rate-at-most
                source: test
                quote: the effective rate stays below 0.04
                setup: &constant
                  gradients: [{repeat: [1], times: 16}]
                  optimizer: rmsprop
                  hyperparameters: {learning-rate: 0.01, decay: 0.9, epsilon: 1.0e-8}
                measure: {quantity: rate}
                expect: {at-most: 0.04}
              # 1/√(1 − 0.9^t) ≥ 1.5 only while 0.9^t ≥ 5/9, that is up to step 5 of 16
              - id: K-step-at-least
                source: test
                quote: every step moves at least 1.5η
                setup: *constant
                measure: {quantity: step-over-eta}
                expect: {at-least: 1.5}
              # d2l §7.6.1's run: the loss falls at each of the first 20 steps
              - id: K-loss-monotone
                source: test
                quote: the loss goes down at every step
                setup: &d2l
                  objective: d2l-quadratic
                  start: [-5, -2]
                  optimizer: rmsprop
                  preset: d2l
                  hyperparameters: {learning-rate: 0.4, decay: 0.9}
                  steps: 20
                measure: {quantity: loss}
                expect: {monotone: decreasing}
              # a negative gradient: θ rises at every step
              - id: K-theta-monotone
                source: test
                quote: θ rises
                setup:
                  gradients: [-1, -2, -0.5, -3]
                  optimizer: sgd
                  hyperparameters: {learning-rate: 0.1}
                measure: {quantity: theta, coordinate: 1}
                expect: {monotone: increasing}
              # RMSProp gets below 1e-3 at step 15; AdaGrad at the same rate not within 100 steps
              - id: K-steps-faster
                source: test
                quote: RMSProp is faster than AdaGrad
                setup:
                  <<: *d2l
                  steps: 100
                measure: {quantity: steps-to, below: 0.001}
                expect:
                  faster-than: {optimizer: adagrad, hyperparameters: {learning-rate: 0.4, epsilon: 1.0e-6}}
              - id: K-steps-slower
                source: test
                quote: AdaGrad is faster than RMSProp
                setup:
                  objective: d2l-quadratic
                  start: [-5, -2]
                  optimizer: adagrad
                  hyperparameters: {learning-rate: 0.4, epsilon: 1.0e-6}
                  steps: 100
                measure: {quantity: steps-to, below: 0.001}
                expect:
                  faster-than: {optimizer: rmsprop, preset: d2l, hyperparameters: {learning-rate: 0.4, decay: 0.9}}
              # in 5 steps neither gets there: nothing to compare
              - id: K-steps-neither
                source: test
                quote: RMSProp is faster than AdaGrad within 5 steps
                setup:
                  <<: *d2l
                  steps: 5
                measure: {quantity: steps-to, below: 0.001}
                expect:
                  faster-than: {optimizer: adagrad, hyperparameters: {learning-rate: 0.4, epsilon: 1.0e-6}}
              - id: K-steps-at-most
                source: test
                quote: RMSProp needs at most 20 steps
                setup: *d2l
                measure: {quantity: steps-to, below: 0.001}
                expect: {at-most: 20}
              # (1 − 0.9)·0.9^10 = 0.0348678
              - id: K-weight-approx
                source: test
                quote: ten steps back weighs 0.0349
                setup: &weights
                  optimizer: rmsprop
                  hyperparameters: {decay: 0.9}
                  steps: 200
                measure: {quantity: weight, lag: 10}
                expect: {approx: 0.0349, tolerance: 5.0e-5}
              # 1 − 0.9^10 = 0.651, not 90%
              - id: K-share-at-least
                source: test
                quote: the last 10 carry 90% of the weight
                setup: *weights
                measure: {quantity: share, last: 10, step: 200}
                expect: {at-least: 0.9}
              # 1 − 0.9^t ≥ 0.9 from step 22 on
              - id: K-weight-sum
                source: test
                quote: s is an average
                setup: *weights
                measure: {quantity: weight-sum}
                expect: {at-least: 1, tolerance: 0.1}
              # AdaGrad's loss after 20 steps over RMSProp's: about 5.5e4
              - id: K-ratio
                source: test
                quote: AdaGrad's loss is over a thousand times RMSProp's
                setup:
                  objective: d2l-quadratic
                  start: [-5, -2]
                  optimizer: adagrad
                  hyperparameters: {learning-rate: 0.4, epsilon: 1.0e-6}
                  steps: 20
                measure:
                  quantity: ratio
                  of: loss
                  step: 20
                  over: {optimizer: rmsprop, preset: d2l, hyperparameters: {learning-rate: 0.4, decay: 0.9}}
                expect: {at-least: 1000}
              # plain gradient descent with a rate too large leaves Rosenbrock's valley for infinity
              - id: K-diverged
                source: test
                quote: gradient descent ends near the minimum
                setup:
                  objective: rosenbrock
                  optimizer: sgd
                  hyperparameters: {learning-rate: 0.1}
                  steps: 100
                measure: {quantity: theta, step: 100}
                expect: {approx: 1, tolerance: 0.1}
              # two checks: one holds, one does not
              - id: K-two-checks
                source: test
                quote: s₁ = 0.4 and θ₁ = 0.9
                setup: *square
                checks:
                  - measure: {quantity: s, step: 1}
                    expect: {approx: 0.4, tolerance: 1.0e-9}
                  - measure: {quantity: theta, step: 1}
                    expect: {approx: 0.9, tolerance: 1.0e-3}
            """;

    static final Map<String, Verdict> EXPECTED = new LinkedHashMap<>();

    static {
        EXPECTED.put("K-theta-approx", Verdict.HOLDS);
        EXPECTED.put("K-s-approx", Verdict.ERRATUM);
        EXPECTED.put("K-rate-at-most", Verdict.HOLDS);
        EXPECTED.put("K-step-at-least", Verdict.QUALIFIED);
        EXPECTED.put("K-loss-monotone", Verdict.HOLDS);
        EXPECTED.put("K-theta-monotone", Verdict.HOLDS);
        EXPECTED.put("K-steps-faster", Verdict.HOLDS);
        EXPECTED.put("K-steps-slower", Verdict.ERRATUM);
        EXPECTED.put("K-steps-neither", Verdict.NOT_CHECKABLE);
        EXPECTED.put("K-steps-at-most", Verdict.HOLDS);
        EXPECTED.put("K-weight-approx", Verdict.HOLDS);
        EXPECTED.put("K-share-at-least", Verdict.ERRATUM);
        EXPECTED.put("K-weight-sum", Verdict.QUALIFIED);
        EXPECTED.put("K-ratio", Verdict.HOLDS);
        EXPECTED.put("K-diverged", Verdict.NOT_CHECKABLE);
        EXPECTED.put("K-two-checks", Verdict.ERRATUM);
    }

    static final Map<String, ClaimResult> RESULTS = new LinkedHashMap<>();
    static ClaimsFile file;

    @BeforeAll
    static void checkEveryKind() throws Exception {
        file = ClaimsFile.parse(EVERY_KIND, "every-kind.yaml", false);
        for (FileClaim c : file.claims()) {
            RESULTS.put(c.id(), c.check(ClaimContext.library()));
        }
        RESULTS.values()
                .forEach(r ->
                        System.out.printf("%-18s %-13s %s | %s%n", r.id(), r.verdict(), r.finding(), r.correction()));
    }

    @Test
    @DisplayName("the file has every quantity and every form of expectation")
    void everyKindIsThere() {
        Set<Quantity> quantities = new HashSet<>();
        Set<Class<?>> forms = new HashSet<>();
        for (FileClaim c : file.claims()) {
            for (FileCheck k : c.checks()) {
                quantities.add(k.measure().quantity());
                forms.add(k.expect().getClass());
            }
        }
        assertThat(quantities).containsExactlyInAnyOrder(Quantity.values());
        assertThat(forms).hasSize(Expectation.class.getPermittedSubclasses().length);
        assertThat(RESULTS.keySet()).containsExactlyElementsOf(EXPECTED.keySet());
    }

    @Test
    @DisplayName("each claim gets the verdict its numbers call for")
    void verdicts() {
        Map<String, Verdict> got = new LinkedHashMap<>();
        RESULTS.forEach((id, r) -> got.put(id, r.verdict()));
        assertThat(got).containsExactlyEntriesOf(EXPECTED);
    }

    @Test
    @DisplayName("each claim draws a figure of its own, and every verdict but HOLDS says why")
    void figuresAndReasons() {
        Set<String> names = new HashSet<>();
        for (ClaimResult r : RESULTS.values()) {
            assertThat(r.figures()).as(r.id()).isNotEmpty();
            for (Figure f : r.figures()) {
                assertThat(names.add(f.name())).as("figure name " + f.name()).isTrue();
                assertThat(f.name()).startsWith("instructor-");
                assertThat(f.series()).as(f.name()).isNotEmpty();
            }
            assertThat(r.finding()).as(r.id()).isNotBlank();
            if (r.verdict() != Verdict.HOLDS) {
                assertThat(r.correction()).as(r.id()).isNotBlank();
            }
        }
    }

    @Test
    @DisplayName("the corrections are built from the computed figures")
    void correctionsFromFigures() {
        assertThat(RESULTS.get("K-s-approx").correction()).contains("0.4").contains("≈ 0.5");
        assertThat(RESULTS.get("K-step-at-least").correction()).contains("only up to step 5");
        assertThat(RESULTS.get("K-weight-sum").correction()).contains("only from step 22 on");
        assertThat(RESULTS.get("K-share-at-least").correction()).contains("0.651322");
        assertThat(RESULTS.get("K-diverged").correction()).contains("stopped at step");
        assertThat(RESULTS.get("K-steps-slower").correction())
                .contains("does not reach f(θ) ≤ 0.001 within 100 steps")
                .contains("at step 15");
        assertThat(RESULTS.get("K-weight-approx").measured()).containsEntry("weight(lag=10)", 0.1 * Math.pow(0.9, 10));
    }

    @Test
    @DisplayName("the weight read off RMSProp's state is (1 − β)β^lag")
    void weightIsTheExponentialAveragesWeight() {
        qt().withFixedSeed(20260101L)
                .withExamples(40)
                .forAll(doubles().between(0.5, 0.99), integers().between(0, 29))
                .checkAssert((beta, lag) -> {
                    String yaml = "claims:\n  - id: W\n    source: s\n    quote: q\n    setup: {optimizer: rmsprop, "
                            + "hyperparameters: {decay: " + beta
                            + "}, steps: 30}\n    measure: {quantity: weight, lag: "
                            + lag + "}\n    expect: {approx: 0, tolerance: 1}\n";
                    ClaimResult r;
                    try {
                        r = ClaimsFile.parse(yaml, "w.yaml", false)
                                .claims()
                                .get(0)
                                .check(ClaimContext.library());
                    } catch (ClaimsFileException e) {
                        throw new AssertionError(e.problems().toString(), e);
                    }
                    assertThat(r.measured().get("weight(lag=" + lag + ")"))
                            .isCloseTo((1 - beta) * Math.pow(beta, lag), offset(1e-15));
                });
    }

    @Test
    @DisplayName(
            "claims --file reports the instructor's series after the texts' claims, with a figure each and valid HTML")
    void reportListsTheInstructorsSeries(@TempDir Path dir) throws Exception {
        Path yaml = dir.resolve("every-kind.yaml");
        Files.writeString(yaml, EVERY_KIND, StandardCharsets.UTF_8);
        Path out = dir.resolve("report");
        List<String> ids = new ArrayList<>(List.of("C02"));
        ids.addAll(EXPECTED.keySet());
        StringWriter stdout = new StringWriter();
        StringWriter stderr = new StringWriter();
        int code = Main.execute(
                new String[] {
                    "claims", "--file", yaml.toString(), "--claim", String.join(",", ids), "--out", out.toString()
                },
                new PrintWriter(stdout),
                new PrintWriter(stderr));
        assertThat(code).as(stderr.toString()).isZero();
        String table = stdout.toString();
        assertThat(table.indexOf("C02 ")).isLessThan(table.indexOf("The instructor's claims: every kind of claim"));
        Map<Verdict, Long> counts = new LinkedHashMap<>();
        for (Verdict v : Verdict.values()) {
            counts.put(v, EXPECTED.values().stream().filter(v::equals).count());
        }
        assertThat(table)
                .contains("the instructor's " + EXPECTED.size() + " claims: " + counts.get(Verdict.HOLDS) + " HOLDS, "
                        + counts.get(Verdict.QUALIFIED) + " QUALIFIED, " + counts.get(Verdict.ERRATUM) + " ERRATUM, "
                        + counts.get(Verdict.NOT_CHECKABLE) + " NOT_CHECKABLE");
        Path report = out.resolve("only-" + String.join("-", ids));
        JsonNode json =
                new ObjectMapper().readTree(report.resolve("claims.json").toFile());
        assertThat(json.get("claims")).hasSize(1);
        assertThat(json.get("instructor").get("series").asText()).isEqualTo("every kind of claim");
        assertThat(json.get("instructor").get("file").asText()).isEqualTo("every-kind.yaml");
        assertThat(json.get("instructor").get("claims")).hasSize(EXPECTED.size());
        for (JsonNode c : json.get("instructor").get("claims")) {
            assertThat(c.get("verdict").asText())
                    .isEqualTo(EXPECTED.get(c.get("id").asText()).name());
            for (JsonNode plot : c.get("plots")) {
                assertThat(report.resolve(plot.get("file").asText())).isRegularFile();
            }
        }
        String html = Files.readString(report.resolve("index.html"), StandardCharsets.UTF_8);
        assertThat(html.indexOf("<section id=\"C02\">"))
                .isPositive()
                .isLessThan(html.indexOf("<h2 id=\"instructor\">The instructor's claims: every kind of claim"));
        assertThat(html).contains("<section id=\"instructor-K-ratio\">");
        assertThat(Files.readString(report.resolve("claims.md")))
                .contains("# The instructor's claims: every kind of claim");
        EmbeddedValidator validator = new EmbeddedValidator();
        validator.setOutputFormat(EmbeddedValidator.OutputFormat.GNU);
        validator.setLoadEntities(false);
        assertThat(validator.validate(report.resolve("index.html")))
                .as("validator messages")
                .isBlank();
    }

    @Test
    @DisplayName("the instructor's example file parses and gets every verdict but NOT_CHECKABLE")
    void courseExample() throws Exception {
        ClaimsFile course = ClaimsFile.read(Path.of("docs", "examples", "course-claims.yaml"));
        Set<Verdict> verdicts = new HashSet<>();
        for (FileClaim c : course.claims()) {
            ClaimResult r = c.check(ClaimContext.library());
            verdicts.add(r.verdict());
            assertThat(r.figures()).as(c.id()).isNotEmpty();
        }
        assertThat(verdicts).contains(Verdict.HOLDS, Verdict.QUALIFIED, Verdict.ERRATUM);
        assertThat(course.claims()).extracting(FileClaim::quote).anyMatch(q -> q.contains("window is about 100 steps"));
        assertThat(course.claims()).extracting(FileClaim::quote).anyMatch(q -> q.contains("Adam's first step"));
    }

    @Test
    @DisplayName("docs/CLAIMS-FILE.md names every key, quantity and expectation, and the README points to it")
    void documented() throws Exception {
        String doc = Files.readString(Path.of("docs", "CLAIMS-FILE.md"), StandardCharsets.UTF_8);
        for (String key : Schema.allKeys()) {
            assertThat(doc).as("key " + key).contains("`" + key + "`");
        }
        for (String q : Quantity.WORDS) {
            assertThat(doc).as("quantity " + q).contains("`" + q + "`");
        }
        for (String form : Schema.FORMS) {
            assertThat(doc).as("expectation " + form).contains("`" + form + "`");
        }
        for (Verdict v : Verdict.values()) {
            assertThat(doc).contains(v.name());
        }
        assertThat(Files.readString(Path.of("README.md"), StandardCharsets.UTF_8))
                .contains("docs/CLAIMS-FILE.md")
                .contains("--file");
    }
}
