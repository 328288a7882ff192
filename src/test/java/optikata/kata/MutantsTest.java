package optikata.kata;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The generated mutants reach the oracle: every exercise's mutant schema compiles (a schema that does not is only
 * reported on stderr, and the exercise then has no generated mistakes to prove a cause with), and every mutant says
 * what it changed in the exercise's own symbols.
 */
class MutantsTest {
    static final KataLayout LAYOUT = new KataLayout(Path.of(System.getProperty("user.dir")));

    static List<String> exercises() {
        return LAYOUT.names();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("exercises")
    void everyExerciseHasGeneratedMistakes(String exercise) {
        List<Oracle.Named> generated = Oracle.of(LAYOUT, exercise).mistakes().stream()
                .filter(m -> m.id().startsWith("generated-"))
                .toList();
        assertThat(generated).as(exercise + ": generated mistakes kept").isNotEmpty();
        assertThat(generated)
                .extracting(Oracle.Named::description)
                .as(exercise + ": no code names in the descriptions")
                .noneMatch(d -> d.contains("config.") || d.contains("MutantSwitch"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("exercises")
    void theExercisesOwnSymbolsWin(String exercise) {
        if (exercise.startsWith("01")) {
            assertThat(Mutants.symbols(exercise)).containsEntry("learningRate", "α");
        } else if (exercise.startsWith("02")) {
            assertThat(Mutants.symbols(exercise)).containsEntry("decay", "γ");
        } else {
            assertThat(Mutants.symbols(exercise)).containsEntry("learningRate", "η");
        }
    }
}
