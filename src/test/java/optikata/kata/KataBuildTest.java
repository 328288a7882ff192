package optikata.kata;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The build proves the kata: every stub compiles and fails its specs with the friendly message,
 * every public and hidden spec passes against the solutions, and every diagnosed mistake, put into
 * the solution as a mutant, is caught by a spec that names it.
 */
class KataBuildTest {
    static final KataLayout LAYOUT = new KataLayout(Path.of(System.getProperty("user.dir")));
    /** The debugging exercise ships buggy code that runs, not a stub that throws. */
    static final String DEBUGGING = "08-debugging";

    static List<String> exercises() {
        return LAYOUT.names();
    }

    @Test
    @DisplayName("the kata has at least eight exercises, each with instructions, a stub, public specs, hidden specs and a solution")
    void layout() {
        assertThat(LAYOUT.names()).hasSizeGreaterThanOrEqualTo(8);
        for (String name : LAYOUT.names()) {
            Exercise ex = LAYOUT.exercise(name);
            assertThat(LAYOUT.exercises().resolve(name).resolve("README.md")).as(name).isRegularFile();
            assertThat(ex.sources()).as(name + " stubs").isNotEmpty();
            assertThat(ex.publicSpecs()).as(name + " public specs").isNotEmpty();
            assertThat(ex.hiddenSpecs()).as(name + " hidden specs").isNotEmpty();
            // solutions/ mirrors exercises/ file for file, and no stub is its solution
            assertThat(KataLayout.javaFiles(KataLayout.sourceDir(LAYOUT.solutions(), name))).as(name).isEqualTo(ex.sources());
            for (Path rel : ex.sources()) {
                assertThat(KataLayout.sourceDir(LAYOUT.exercises(), name).resolve(rel))
                        .as(name + "/" + rel + " differs from its solution")
                        .content().isNotEqualTo(contentOf(KataLayout.sourceDir(LAYOUT.solutions(), name).resolve(rel)));
            }
        }
        // hidden specs never appear among the learner's files
        try (Stream<Path> s = Files.walk(LAYOUT.exercises())) {
            assertThat(s.map(p -> p.getFileName().toString())).noneMatch(n -> n.contains("Hidden"));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String contentOf(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("exercises")
    @DisplayName("the untouched stub compiles and fails every public spec with a friendly message")
    void stubsFailFriendly(String name) throws IOException {
        KataRun.Report r = KataRun.run(LAYOUT, LAYOUT.exercises(), name, false, 10);
        assertThat(r.compileErrors()).as("stub compiles").isEmpty();
        assertThat(r.results()).isNotEmpty().allSatisfy(s -> {
            assertThat(s.status()).as(s.name()).isNotEqualTo(SpecResult.Status.PASSED);
            assertThat(s.message()).as(s.name()).doesNotContain("NullPointerException").doesNotContain("ClassCastException");
            if (name.equals(DEBUGGING)) {
                assertThat(s.message()).as(s.name()).containsAnyOf("likely mistake", "symptom");
            } else {
                assertThat(s.status()).as(s.name()).isEqualTo(SpecResult.Status.NOT_STARTED);
                assertThat(s.message()).as(s.name()).contains("is not started").contains("README.md");
            }
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("exercises")
    @DisplayName("the solution passes every public and hidden spec")
    void solutionsPass(String name) throws IOException {
        KataRun.Report r = KataRun.run(LAYOUT, LAYOUT.solutions(), name, true, 30);
        assertThat(r.compileErrors()).isEmpty();
        assertThat(r.results()).isNotEmpty().allSatisfy(s -> assertThat(s.status()).as(s.name() + ": " + s.message()).isEqualTo(SpecResult.Status.PASSED));
        assertThat(r.results().stream().map(SpecResult::spec)).anyMatch(spec -> spec.contains("Hidden"));
    }

    /** A mutant: the solution of {@code exercise} with each {@code from} replaced (first occurrence) by {@code to}. */
    record Mutant(String exercise, String file, String mistake, String[] from, String[] to) {
        @Override
        public String toString() {
            return exercise + " → " + mistake;
        }
    }

    static Mutant m(String exercise, String file, String mistake, String from, String to) {
        return new Mutant(exercise, file, mistake, new String[] {from}, new String[] {to});
    }

    static Stream<Arguments> mutants() {
        String one = "kata/onestep/OneStep.java";
        String vec = "kata/vectors/VectorRmsProp.java";
        String out = "kata/epsilon/OutsideRmsProp.java";
        String ada = "kata/adagrad/MyAdaGrad.java";
        String cm = "kata/centered/CenteredMomentumRmsProp.java";
        String adam = "kata/adam/MyAdam.java";
        String s1 = "decay * squaredGradientAverage + (1 - decay) * gradient * gradient";
        return Stream.of(
                m("01-one-step", one, "sign-flipped", "theta - learningRate", "theta + learningRate"),
                m("01-one-step", one, "epsilon-misplaced", "Math.sqrt(s + epsilon)", "(Math.sqrt(s) + epsilon)"),
                m("01-one-step", one, "sqrt-missing", "Math.sqrt(s + epsilon)", "(s + epsilon)"),
                m("01-one-step", one, "one-minus-beta-missing", s1, "decay * squaredGradientAverage + gradient * gradient"),
                m("01-one-step", one, "decay-swapped", s1, "(1 - decay) * squaredGradientAverage + decay * gradient * gradient"),
                m("01-one-step", one, "gradient-average-used", s1, "decay * squaredGradientAverage + (1 - decay) * gradient"),
                m("01-one-step", one, "state-reset", s1, "(1 - decay) * gradient * gradient"),
                m("02-ema", "kata/ema/Ema.java", "decay-swapped", "decay * average + (1 - decay) * value",
                        "(1 - decay) * average + decay * value"),
                m("02-ema", "kata/ema/Ema.java", "complement", "return 1 - Math.pow(decay, k);", "return Math.pow(decay, k);"),
                m("02-ema", "kata/ema/Ema.java", "one-over-gamma", "return 1 / (1 - decay);", "return 1 / decay;"),
                m("03-vectors", vec, "state-reset", "if (squaredGradientAverage == null) {", "if (true) {"),
                m("03-vectors", vec, "epsilon-misplaced", "g / Math.sqrt(s[i] + config.epsilon())", "g / (Math.sqrt(s[i]) + config.epsilon())"),
                m("03-vectors", vec, "sign-flipped", "params.data[i] -= ", "params.data[i] += "),
                m("04-epsilon-outside", out, "epsilon-misplaced", "g[i] / (Math.sqrt(s[i]) + config.epsilon())",
                        "g[i] / Math.sqrt(s[i] + config.epsilon())"),
                m("04-epsilon-outside", out, "one-minus-beta-missing", "(1 - config.decay()) * g[i] * g[i]", "g[i] * g[i]"),
                m("05-adagrad", ada, "moving-average", "s[i] += g[i] * g[i];", "s[i] = 0.9 * s[i] + 0.1 * g[i] * g[i];"),
                m("05-adagrad", ada, "state-reset", "s[i] += g[i] * g[i];", "s[i] = g[i] * g[i];"),
                m("05-adagrad", ada, "sqrt-missing", "g[i] / (Math.sqrt(s[i]) + config.epsilon())", "g[i] / (s[i] + config.epsilon())"),
                m("06-centered-momentum", cm, "not-centered", "double d = Math.sqrt(Math.max(s[i] - avg[i] * avg[i], 0))",
                        "double d = Math.sqrt(s[i])"),
                m("06-centered-momentum", cm, "no-momentum", "b[i] = config.momentum() * b[i] + g[i] / d;", "b[i] = g[i] / d;"),
                new Mutant("07-adam", adam, "no-bias-correction",
                        new String[] {"double c1 = 1 - Math.pow(config.beta1(), t);", "double c2 = 1 - Math.pow(config.beta2(), t);"},
                        new String[] {"double c1 = 1;", "double c2 = 1;"}),
                new Mutant("07-adam", adam, "bias-correction-off-by-one",
                        new String[] {"double c1 = 1 - Math.pow(config.beta1(), t);", "double c2 = 1 - Math.pow(config.beta2(), t);"},
                        new String[] {"double c1 = 1 - Math.pow(config.beta1(), t + 1);", "double c2 = 1 - Math.pow(config.beta2(), t + 1);"}),
                m("07-adam", adam, "one-minus-beta-missing", "(1 - config.beta1()) * g[i]", "g[i]"),
                m("07-adam", adam, "epsilon-misplaced", "(Math.sqrt(v[i] / c2) + config.epsilon())", "Math.sqrt(v[i] / c2 + config.epsilon())"),
                m("08-debugging", "kata/debugging/Seed001Regression.java", "sign-flipped",
                        "theta[0] * x[i][0] + theta[1] * x[i][1] - y[i]", "y[i] - (theta[0] * x[i][0] + theta[1] * x[i][1])"))
                .map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mutants")
    @DisplayName("a mutant with a known mistake is caught and the mistake is named")
    void mutantsAreCaughtAndNamed(Mutant mutant, @TempDir Path tree) throws IOException {
        Path src = KataLayout.sourceDir(LAYOUT.solutions(), mutant.exercise());
        Path target = KataLayout.sourceDir(tree, mutant.exercise());
        for (Path rel : KataLayout.javaFiles(src)) {
            Files.createDirectories(target.resolve(rel).getParent());
            String text = Files.readString(src.resolve(rel));
            if (rel.toString().replace('\\', '/').equals(mutant.file())) {
                for (int k = 0; k < mutant.from().length; k++) {
                    assertThat(text).as("mutation site in the solution").contains(mutant.from()[k]);
                    text = text.replaceFirst(java.util.regex.Pattern.quote(mutant.from()[k]),
                            java.util.regex.Matcher.quoteReplacement(mutant.to()[k]));
                }
            }
            Files.writeString(target.resolve(rel), text);
        }
        KataRun.Report r = KataRun.run(LAYOUT, tree, mutant.exercise(), true, 30);
        assertThat(r.compileErrors()).isEmpty();
        List<SpecResult> failed = r.results().stream().filter(s -> s.status() != SpecResult.Status.PASSED).toList();
        assertThat(failed).as("specs that catch the mutant").isNotEmpty();
        assertThat(failed).as("a failure names [" + mutant.mistake() + "]")
                .anyMatch(s -> s.message().contains("[" + mutant.mistake() + "]"));
    }
}
