package optikata.kata;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import optikata.support.Slow;
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
@Slow
class KataBuildTest {
    static final KataLayout LAYOUT = new KataLayout(Path.of(System.getProperty("user.dir")));
    /** The debugging exercise ships buggy code that runs, not a stub that throws. */
    static final String DEBUGGING = "08-debugging";

    static List<String> exercises() {
        return LAYOUT.names();
    }

    @Test
    @DisplayName("the kata has exercises, each with instructions, a stub, public specs, hidden specs and a solution")
    void layout() {
        assertThat(LAYOUT.names()).isNotEmpty();
        for (String name : LAYOUT.names()) {
            Exercise ex = LAYOUT.exercise(name);
            assertThat(LAYOUT.exercises().resolve(name).resolve("README.md"))
                    .as(name)
                    .isRegularFile();
            assertThat(ex.sources()).as(name + " stubs").isNotEmpty();
            assertThat(ex.publicSpecs()).as(name + " public specs").isNotEmpty();
            assertThat(ex.hiddenSpecs()).as(name + " hidden specs").isNotEmpty();
            // solutions/ mirrors exercises/ file for file, and no stub is its solution
            assertThat(KataLayout.javaFiles(KataLayout.sourceDir(LAYOUT.solutions(), name)))
                    .as(name)
                    .isEqualTo(ex.sources());
            for (Path rel : ex.sources()) {
                assertThat(KataLayout.sourceDir(LAYOUT.exercises(), name).resolve(rel))
                        .as(name + "/" + rel + " differs from its solution")
                        .content()
                        .isNotEqualTo(contentOf(
                                KataLayout.sourceDir(LAYOUT.solutions(), name).resolve(rel)));
            }
        }
        // hidden specs never appear among the learner's files
        try (Stream<Path> s = Files.walk(LAYOUT.exercises())) {
            assertThat(s.map(p -> p.getFileName().toString())).noneMatch(n -> n.contains("Hidden"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String contentOf(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
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
            assertThat(s.message())
                    .as(s.name())
                    .doesNotContain("NullPointerException")
                    .doesNotContain("ClassCastException");
            if (name.equals(DEBUGGING)) {
                assertThat(s.message()).as(s.name()).containsAnyOf("likely mistake", "what it means", "in the numbers");
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
        KataRun.Report r = KataRun.runInProcess(LAYOUT, LAYOUT.solutions(), name, true, 30);
        assertThat(r.compileErrors()).isEmpty();
        assertThat(r.results())
                .isNotEmpty()
                .allSatisfy(s ->
                        assertThat(s.status()).as(s.name() + ": " + s.message()).isEqualTo(SpecResult.Status.PASSED));
        assertThat(r.results().stream().map(SpecResult::spec)).anyMatch(spec -> spec.contains("Hidden"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("exercises")
    @DisplayName("exercise check --mutants holds: README bullets have cases, and every generated mutant that is not"
            + " likely equivalent is killed")
    void exerciseCheckHolds(String name) {
        ExerciseCheck.Report r = ExerciseCheck.check(LAYOUT, name, true);
        assertThat(r.ok()).as(String.join("\n", ExerciseCheck.lines(r))).isTrue();
    }

    /** A named mistake of the catalogue: the solution with the change applied. */
    record Mutant(String exercise, Catalogue.Mistake mistake) {
        @Override
        public String toString() {
            return exercise + " → " + mistake.id();
        }
    }

    static Stream<Arguments> mutants() {
        return LAYOUT.names().stream()
                .flatMap(ex -> Catalogue.of(LAYOUT, ex).stream().map(m -> Arguments.of(new Mutant(ex, m))));
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
            if (rel.toString().replace('\\', '/').equals(mutant.mistake().file())) {
                text = mutant.mistake().apply(text);
            }
            Files.writeString(target.resolve(rel), text);
        }
        KataRun.Report r = KataRun.runInProcess(LAYOUT, tree, mutant.exercise(), true, 30);
        assertThat(r.compileErrors()).isEmpty();
        List<SpecResult> failed = r.results().stream()
                .filter(s -> s.status() != SpecResult.Status.PASSED)
                .toList();
        assertThat(failed).as("specs that catch the mutant").isNotEmpty();
        assertThat(failed)
                .as("a failure names [" + mutant.mistake().id() + "]")
                .anyMatch(s -> s.message().contains("[" + mutant.mistake().id() + "]"));
    }
}
