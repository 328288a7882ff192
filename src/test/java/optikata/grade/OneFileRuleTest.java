package optikata.grade;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import optikata.kata.KataLayout;
import optikata.kata.ScratchKata;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The learner's {@code check} and the grader stage a submission the same way and refuse the same files
 * with the same words: a helper class in a file of its own, a stub replaced by a link, a second
 * top-level class in the stub's file.
 */
class OneFileRuleTest {
    @TempDir
    Path dir;

    @Test
    @DisplayName("check refuses a helper file, a link and an extra top-level class with the grader's own lines")
    void checkRefusesAsTheGraderDoes() throws Exception {
        KataLayout kata = ScratchKata.create(dir.resolve("kata"));
        for (String ex : List.of("01-one-step", "02-ema")) {
            ScratchKata.solve(kata, ex);
        }
        Path src01 = KataLayout.sourceDir(kata.exercises(), "01-one-step").resolve("kata/onestep");
        Path src02 = KataLayout.sourceDir(kata.exercises(), "02-ema").resolve("kata/ema");
        Path src03 = KataLayout.sourceDir(kata.exercises(), "03-vectors").resolve("kata/vectors");
        // 01: a second top-level class in the stub's own file
        Files.writeString(
                src01.resolve("OneStep.java"),
                Files.readString(src01.resolve("OneStep.java")) + "\nfinal class Extra {}\n");
        // 02: the solution with its formula moved into a helper class in a file of its own
        Files.writeString(
                src02.resolve("Ema.java"),
                Files.readString(src02.resolve("Ema.java"))
                        .replace(
                                "return decay * average + (1 - decay) * value;",
                                "return Mix.of(average, value, decay);"));
        Files.writeString(src02.resolve("Mix.java"), """
                package kata.ema;

                final class Mix {
                    private Mix() {}

                    static double of(double average, double value, double decay) {
                        return decay * average + (1 - decay) * value;
                    }
                }
                """);
        // 03: the stub replaced by a link to the reference solution
        Path stub03 = src03.resolve("VectorRmsProp.java");
        Files.delete(stub03);
        Files.createSymbolicLink(
                stub03,
                KataLayout.sourceDir(kata.solutions(), "03-vectors").resolve("kata/vectors/VectorRmsProp.java"));

        GradeOptions options = new GradeOptions(3, 240, 256, 4096, Map.of(), "after_published", false, true);
        // the instructor's checkout grades the learner's clone
        Grader.Result graded = new Grader(GraderTest.LAYOUT, options).grade(kata.root());
        for (String ex : List.of("01-one-step", "02-ema", "03-vectors")) {
            List<String> graderLines = graded.compileErrors().get(ex);
            assertThat(graderLines).as("the grader refuses %s", ex).isNotEmpty();
            ScratchKata.Run check = ScratchKata.cli(kata, "check", ex.substring(0, 2));
            assertThat(check.code()).as(check.out()).isEqualTo(1);
            assertThat(check.out()).as(ex).contains("✘ " + ex + ": does not compile");
            for (String line : graderLines) {
                assertThat(check.out())
                        .as("check %s says what the grader says", ex)
                        .contains("    " + line + "\n");
            }
        }
        assertThat(graded.compileErrors().get("02-ema"))
                .containsExactly("exercises/02-ema/src/kata/ema/Mix.java: a file the stub does not have is neither"
                        + " compiled nor graded (only Ema.java is). Keep only the stub's files; put helpers inside its"
                        + " class as nested classes.");
        assertThat(graded.compileErrors().get("03-vectors").get(0)).contains("is a symbolic link");
        assertThat(graded.compileErrors().get("01-one-step").get(0)).contains("kata.onestep.Extra");
        graded.outcomes().stream()
                .filter(o -> List.of("01-one-step", "02-ema", "03-vectors").contains(o.exercise()))
                .forEach(o -> assertThat(o.score()).as(o.exercise()).isZero());

        // without the helper file and with the formula back, the same exercise passes both
        Files.delete(src02.resolve("Mix.java"));
        ScratchKata.solve(kata, "02-ema");
        assertThat(ScratchKata.cli(kata, "check", "02").code()).isZero();
    }
}
