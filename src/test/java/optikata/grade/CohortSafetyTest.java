package optikata.grade;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import optikata.report.ScoreCharts;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A cohort's folder and output as a hostile learner could prepare them. */
class CohortSafetyTest {
    @Test
    @DisplayName(
            "a linked folder in the cohort is not graded; links planted in --out are replaced, their targets untouched")
    void linksInCohortAndOut(@TempDir Path dir) throws Exception {
        Path cohort = dir.resolve("cohort");
        Submissions.copy(GraderTest.LAYOUT.exercises(), cohort.resolve("ada"));
        Files.createSymbolicLink(cohort.resolve("linked"), GraderTest.LAYOUT.solutions());
        Path out = Files.createDirectories(dir.resolve("out"));
        Path victim = Files.writeString(dir.resolve("victim.txt"), "precious");
        Files.createSymbolicLink(out.resolve("gradebook.csv"), victim);
        Files.createSymbolicLink(out.resolve("summary.md"), victim);
        Files.createSymbolicLink(out.resolve("histogram.png"), victim);

        List<Grader.Result> results = Cohort.grade(
                GraderTest.LAYOUT,
                GraderTest.OPTIONS,
                cohort,
                out,
                1,
                new PrintStream(new ByteArrayOutputStream(), true),
                Part.all(),
                ScoreCharts::histogram);

        assertThat(results).extracting(Grader.Result::submission).containsExactly("ada");
        assertThat(victim).hasContent("precious");
        for (String name : List.of("gradebook.csv", "summary.md", "histogram.png")) {
            assertThat(Files.isSymbolicLink(out.resolve(name))).as(name).isFalse();
            assertThat(out.resolve(name)).isRegularFile();
        }
        assertThat(Files.readAllLines(out.resolve("gradebook.csv")))
                .hasSize(2)
                .last()
                .asString()
                .startsWith("ada,0,");
        assertThat(out.resolve("linked")).doesNotExist();
    }

    @Test
    @DisplayName("a gradebook cell that starts like a spreadsheet formula is quoted as text")
    void csvFormula() {
        assertThat(Cohort.csv("=HYPERLINK(\"http://x\")")).isEqualTo("\"'=HYPERLINK(\"\"http://x\"\")\"");
        assertThat(Cohort.csv("+1")).isEqualTo("'+1");
        assertThat(Cohort.csv("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(Cohort.csv("ada")).isEqualTo("ada");
    }
}
