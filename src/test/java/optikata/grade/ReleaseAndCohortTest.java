package optikata.grade;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipFile;
import optikata.kata.KataLayout;
import optikata.report.ScoreCharts;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReleaseAndCohortTest {
    static final KataLayout LAYOUT = GraderTest.LAYOUT;

    /** A stand-in for the tool's jar: the compiled library (tests run before the jar is packaged). */
    static Path jar(Path dir) throws Exception {
        Path jar = dir.resolve("optikata.jar");
        Jars.write(LAYOUT.root().resolve("target").resolve("classes"), jar);
        return jar;
    }

    @Test
    @DisplayName("the student release holds the stubs and public specs, and no solution or hidden spec")
    void studentRelease(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("release");
        Release.student(LAYOUT, jar(dir), out);
        assertThat(out.resolve("README.md")).content().contains("./optikata check 01");
        assertThat(out.resolve("optikata")).isExecutable();
        assertThat(out.resolve("solutions")).doesNotExist();
        List<Path> files;
        try (Stream<Path> s = Files.walk(out)) {
            files = s.filter(Files::isRegularFile).toList();
        }
        assertThat(files).noneMatch(p -> p.getFileName().toString().contains("Hidden"));
        for (String ex : LAYOUT.names()) {
            for (Path rel : LAYOUT.exercise(ex).sources()) {
                String shipped = Files.readString(
                        KataLayout.sourceDir(out.resolve("exercises"), ex).resolve(rel));
                assertThat(shipped)
                        .as(ex + "/" + rel + " is the stub")
                        .isEqualTo(Files.readString(
                                KataLayout.sourceDir(LAYOUT.exercises(), ex).resolve(rel)));
                assertThat(shipped)
                        .isNotEqualTo(Files.readString(
                                KataLayout.sourceDir(LAYOUT.solutions(), ex).resolve(rel)));
            }
        }
        try (ZipFile z = new ZipFile(out.resolve("lib/optikata.jar").toFile())) {
            assertThat(z.stream().map(e -> e.getName())).noneMatch(n -> n.startsWith("kata/") || n.contains("Hidden"));
        }
        assertThatThrownBy(() -> Release.student(LAYOUT, jar(dir), out)).hasMessageContaining("not empty");
    }

    @Test
    @DisplayName("the Gradescope bundle has setup.sh, run_autograder, the jar, the exercises and the hidden specs")
    void gradescopeBundle(@TempDir Path dir) throws Exception {
        Path zip = dir.resolve("autograder.zip");
        Release.gradescope(LAYOUT, jar(dir), zip);
        try (ZipFile z = new ZipFile(zip.toFile())) {
            List<String> names = z.stream().map(e -> e.getName()).toList();
            assertThat(names).contains("setup.sh", "run_autograder", "lib/optikata.jar");
            assertThat(names).anyMatch(n -> n.startsWith("src/kata/hidden/") && n.endsWith("HiddenSpec.java"));
            assertThat(names).anyMatch(n -> n.startsWith("exercises/01-one-step/spec/"));
            assertThat(names).noneMatch(n -> n.startsWith("solutions/"));
            String run =
                    new String(z.getInputStream(z.getEntry("run_autograder")).readAllBytes(), StandardCharsets.UTF_8);
            assertThat(run)
                    .contains("grade --submission /autograder/submission")
                    .contains("/autograder/results/results.json");
        }
    }

    @Test
    @DisplayName("a cohort gets a gradebook row per learner, a histogram and the mistakes to re-teach")
    void cohort(@TempDir Path dir) throws Exception {
        Path cohort = dir.resolve("cohort");
        Submissions.copy(LAYOUT.solutions(), cohort.resolve("ada"));
        Path bob = Submissions.copy(LAYOUT.solutions(), cohort.resolve("bob"));
        Submissions.edit(
                bob, "01-one-step", "kata/onestep/OneStep.java", "Math.sqrt(s + epsilon)", "(Math.sqrt(s) + epsilon)");
        ByteArrayOutputStream progress = new ByteArrayOutputStream();
        List<Grader.Result> results = Cohort.grade(
                LAYOUT,
                GraderTest.OPTIONS,
                cohort,
                dir.resolve("out"),
                2,
                new PrintStream(progress, true, StandardCharsets.UTF_8),
                Part.all(),
                ScoreCharts::histogram);
        assertThat(results).hasSize(2);
        List<String> gradebook = Files.readAllLines(dir.resolve("out/gradebook.csv"));
        assertThat(gradebook.get(0)).startsWith("student,01-one-step,02-ema").endsWith(",total,max,note");
        String full = "," + (int) GraderTest.allPoints() + "," + (int) GraderTest.allPoints() + ",";
        assertThat(gradebook).anyMatch(l -> l.startsWith("ada,10,10,") && l.contains(full));
        assertThat(gradebook).anyMatch(l -> l.startsWith("bob,") && !l.startsWith("bob,10,"));
        assertThat(dir.resolve("out/histogram.png")).isRegularFile();
        assertThat(dir.resolve("out/ada/results.json")).isRegularFile();
        assertThat(Files.readString(dir.resolve("out/summary.md"))).contains("epsilon-misplaced (1)");
        assertThat(progress.toString(StandardCharsets.UTF_8)).contains("2/2");
    }
}
