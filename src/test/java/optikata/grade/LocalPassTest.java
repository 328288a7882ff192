package optikata.grade;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Collectors;
import optikata.kata.GraderCases;
import optikata.kata.KataLayout;
import optikata.kata.KataRun;
import optikata.kata.ScratchKata;
import optikata.kata.Shipped;
import optikata.kata.SpecResult;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A local pass is a pass: in a student release, every exercise that {@code check} passes gets full marks
 * from the grader. The exercises are solved, and 03, 04 and 06 with the slips that used to pass every
 * public case and lose hidden ones (a shape compared by its element count, state allocated before the
 * shape check, a loop over every element instead of its range, the centered variance not clamped at 0):
 * {@code check} now names each of them.
 */
class LocalPassTest {
    static {
        // as root the grade may take the uid fallback, which refuses while the tool's classes in this checkout are
        // readable by the sandbox's uid: made private as the other grading tests make it
        PrivateCheckout.ensure(GraderTest.LAYOUT.root());
    }

    @TempDir
    Path dir;

    /** The slips that passed every public case before: exercise → (text in the solution → its replacement). */
    static final Map<String, List<String[]>> SLIPS = Map.of(
            "03-vectors",
            List.of(
                    new String[] {
                        "params.numRows != gradient.numRows || params.numCols != gradient.numCols",
                        "params.getNumElements() != gradient.getNumElements()"
                    },
                    new String[] {
                        "        if (squaredGradientAverage == null) {\n"
                                + "            squaredGradientAverage = new DMatrixRMaj(params.numRows, params.numCols);\n"
                                + "        }\n",
                        ""
                    },
                    new String[] {
                        "    public void step(DMatrixRMaj params, DMatrixRMaj gradient) {\n",
                        "    public void step(DMatrixRMaj params, DMatrixRMaj gradient) {\n"
                                + "        if (squaredGradientAverage == null) {\n"
                                + "            squaredGradientAverage = new DMatrixRMaj(params.numRows, params.numCols);\n"
                                + "        }\n"
                    }),
            "04-epsilon-outside",
            List.<String[]>of(new String[] {"for (int i = from; i < to; i++) {", "for (int i = 0; i < to; i++) {"}),
            "06-centered-momentum",
            List.<String[]>of(
                    new String[] {"Math.sqrt(Math.max(s[i] - avg[i] * avg[i], 0))", "Math.sqrt(s[i] - avg[i] * avg[i])"
                    }));

    @Test
    @DisplayName("every exercise check passes gets full marks; the slips of 03, 04 and 06 fail check")
    void checkPassImpliesFullMarks() throws Exception {
        KataLayout instructor = ScratchKata.create(dir.resolve("checkout"));
        Path out = dir.resolve("release");
        Release.student(instructor, toolJar(dir), out);
        KataLayout release = new KataLayout(out);
        for (String ex : release.names()) {
            Shipped.copyTree(
                    KataLayout.sourceDir(instructor.solutions(), ex), KataLayout.sourceDir(release.exercises(), ex));
        }
        for (Map.Entry<String, List<String[]>> slip : SLIPS.entrySet()) {
            Path file = KataLayout.sourceDir(release.exercises(), slip.getKey());
            try (var files = Files.walk(file)) {
                file = files.filter(p -> p.toString().endsWith(".java"))
                        .findFirst()
                        .orElseThrow();
            }
            String text = Files.readString(file);
            for (String[] edit : slip.getValue()) {
                assertThat(text)
                        .as("the solution of %s holds %s", slip.getKey(), edit[0])
                        .contains(edit[0]);
                text = text.replace(edit[0], edit[1]);
            }
            Files.writeString(file, text);
        }

        Map<String, KataRun.Report> checked = new LinkedHashMap<>();
        for (String ex : release.names()) {
            checked.put(ex, KataRun.run(release, release.exercises(), ex, false, 10));
        }
        GradeOptions options = new GradeOptions(5, 300, 256, 4096, Map.of(), "after_published", false, true);
        Grader.Result graded = new Grader(instructor, options).grade(out);
        Map<String, double[]> marks = new LinkedHashMap<>();
        graded.outcomes().forEach(o -> {
            double[] m = marks.computeIfAbsent(o.exercise(), k -> new double[2]);
            m[0] += o.score();
            m[1] += o.maxScore();
        });

        List<String> lost = new ArrayList<>();
        for (String ex : release.names()) {
            KataRun.Report r = checked.get(ex);
            double[] m = marks.get(ex);
            assertThat(m).as("marks for %s", ex).isNotNull();
            boolean full = Math.abs(m[0] - m[1]) < 1e-9;
            if (r.allPassed()) {
                assertThat(full)
                        .as("%s passes check, so it gets full marks (%s of %s): %s", ex, m[0], m[1], graded.outcomes())
                        .isTrue();
            } else {
                lost.add(ex);
            }
            if (SLIPS.containsKey(ex)) {
                assertThat(r.allPassed()).as("check names the slip of %s", ex).isFalse();
            }
        }
        assertThat(lost).containsExactlyInAnyOrderElementsOf(SLIPS.keySet());
        // the new public cases are what names them
        assertThat(failing(checked.get("03-vectors")))
                .anyMatch(t -> t.contains("1x3 or 3x3"))
                .anyMatch(t -> t.contains("very first step"));
        assertThat(failing(checked.get("04-epsilon-outside"))).anyMatch(t -> t.contains("2²⁰ elements"));
        assertThat(failing(checked.get("06-centered-momentum"))).anyMatch(t -> t.contains("80 steps"));

        // and a passing exercise's check names the grader's other cases, from the release alone
        ScratchKata.Run check = ScratchKata.cli(release, "check", "05");
        assertThat(check.code()).isZero();
        List<String> hidden = GraderCases.titles(instructor, "05-adagrad");
        assertThat(hidden).isNotEmpty();
        assertThat(GraderCases.titles(release, "05-adagrad")).isEqualTo(hidden);
        for (String title : hidden) {
            assertThat(check.out()).contains("· " + title);
        }
    }

    static List<String> failing(KataRun.Report r) {
        return r.results().stream()
                .filter(s -> s.status() != SpecResult.Status.PASSED)
                .map(SpecResult::name)
                .toList();
    }

    /** An empty jar whose manifest's Class-Path is this JVM's class path: the tool, as a class loader sees it. */
    static Path toolJar(Path dir) throws IOException {
        Files.createDirectories(dir);
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes()
                .put(
                        Attributes.Name.CLASS_PATH,
                        Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                                .map(entry ->
                                        Path.of(entry).toAbsolutePath().toUri().toString())
                                .collect(Collectors.joining(" ")));
        Path jar = dir.resolve("optikata.jar");
        new JarOutputStream(Files.newOutputStream(jar), manifest).close();
        return jar;
    }
}
