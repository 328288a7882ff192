package optikata.grade;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import optikata.kata.KataLayout;
import optikata.support.Slow;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * End-to-end grades of real submissions built from the solutions: perfect, untouched stubs, one
 * compile error, and every hostile behaviour at once (one per exercise).
 */
@Slow
class GraderTest {
    static final KataLayout LAYOUT = new KataLayout(Path.of(System.getProperty("user.dir")));

    /** Every exercise's points: what a perfect submission gets (80 with eight exercises of 10). */
    static double allPoints() {
        return LAYOUT.names().size() * GradeOptions.DEFAULT_POINTS;
    }
    /**
     * {@code -Doptikata.test.fallback=true} grades every test submission in the uid fallback, as
     * where no namespace can be made (.ci/run runs the grading tests once more so).
     */
    static final boolean FALLBACK = Boolean.getBoolean("optikata.test.fallback");
    /** Short timeouts keep the hostile grade quick: 3 s per spec, a hard kill after 11 s. */
    static final GradeOptions OPTIONS =
            new GradeOptions(3, 240, 256, 4096, Map.of(), "after_published", false, !FALLBACK);

    static {
        PrivateCheckout.ensure(LAYOUT.root());
    }

    static Grader.Result grade(Path submission, Path out) throws IOException {
        Grader.Result r = new Grader(LAYOUT, OPTIONS).grade(submission);
        Reports.write(out, r, OPTIONS);
        return r;
    }

    static Map<String, Double> perExercise(Grader.Result r) {
        Map<String, Double> m = new TreeMap<>();
        r.outcomes().forEach(o -> m.merge(o.exercise(), o.score(), Double::sum));
        // as the grade's total is: seven cases of 10/7 points add up to 9.999999999999998
        m.replaceAll((exercise, points) -> Scoring.round(points));
        return m;
    }

    /** results.json has Gradescope's fields, and its scores add up. */
    static JsonNode validResults(Path out) throws IOException {
        JsonNode json = new ObjectMapper().readTree(out.resolve("results.json").toFile());
        for (String field : new String[] {"score", "max_score", "execution_time", "output", "tests"}) {
            assertThat(json.has(field)).as(field).isTrue();
        }
        double sum = 0;
        for (JsonNode t : json.get("tests")) {
            for (String field :
                    new String[] {"name", "number", "score", "max_score", "status", "output", "visibility"}) {
                assertThat(t.has(field)).as(field).isTrue();
            }
            assertThat(t.get("status").asText()).isIn("passed", "failed");
            sum += t.get("score").asDouble();
        }
        assertThat(json.get("score").asDouble()).isCloseTo(sum, Assertions.within(1e-6));
        assertThat(out.resolve("feedback.md")).isRegularFile();
        assertThat(Files.readString(out.resolve("junit.xml")))
                .startsWith("<?xml")
                .contains("<testsuites");
        return json;
    }

    @Test
    @DisplayName("a perfect submission gets every point, twice the same")
    void perfect(@TempDir Path dir) throws IOException {
        Path sub = Submissions.copy(LAYOUT.solutions(), dir.resolve("perfect"));
        Grader.Result r = grade(sub, dir.resolve("out"));
        assertThat(r.fatal()).isNull();
        assertThat(r.score()).isEqualTo(r.maxScore()).isEqualTo(allPoints());
        validResults(dir.resolve("out"));
        String feedback = Files.readString(dir.resolve("out/feedback.md"));
        Grader.Result again = grade(sub, dir.resolve("out2"));
        assertThat(again.score()).isEqualTo(r.score());
        // The sandbox slot (and so the uid in the isolation line) is whichever is free: another grader on
        // the machine may hold the first one.
        assertThat(withoutUid(Files.readString(dir.resolve("out2/feedback.md"))))
                .isEqualTo(withoutUid(feedback));
    }

    private static String withoutUid(String feedback) {
        return feedback.replaceAll("uid \\d+", "uid N");
    }

    @Test
    @DisplayName("untouched stubs get 0 and 'not started', a compile error costs only its exercise")
    void stubsAndCompileError(@TempDir Path dir) throws IOException {
        Grader.Result stubs =
                grade(Submissions.copy(LAYOUT.exercises(), dir.resolve("stubs")), dir.resolve("out-stubs"));
        assertThat(stubs.score()).isZero();
        assertThat(Files.readString(dir.resolve("out-stubs/feedback.md"))).contains("Not started");
        validResults(dir.resolve("out-stubs"));

        Path broken = Submissions.copy(LAYOUT.solutions(), dir.resolve("broken"));
        Submissions.edit(broken, "02-ema", "kata/ema/Ema.java", "return 1 / (1 - decay);", "return 1 / (1 - decay)");
        Grader.Result r = grade(broken, dir.resolve("out-broken"));
        assertThat(perExercise(r))
                .containsEntry("02-ema", 0.0)
                .containsEntry("01-one-step", 10.0)
                .containsEntry("08-debugging", 10.0)
                .containsEntry("09-adamw", 10.0);
        // 10 points for every exercise but 02 (the points derive from the layout)
        assertThat(r.score()).isEqualTo(10.0 * (LAYOUT.names().size() - 1));
        assertThat(Files.readString(dir.resolve("out-broken/feedback.md")))
                .contains("exercises/02-ema/src/kata/ema/Ema.java:")
                .contains("';' expected");
        validResults(dir.resolve("out-broken"));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"killers", "others", "filesystem"})
    @DisplayName(
            "each hostile behaviour costs only the specs it breaks, with the reason; other exercises keep full points; no instructor file changes")
    void hostile(String group, @TempDir Path dir) throws Exception {
        // Only a grader running as root has an unprivileged user to run learners' code as; elsewhere the
        // file-system case would really rewrite this checkout, so it runs only as root (as CI does).
        Assumptions.assumeTrue(!group.equals("filesystem") || Grader.isRoot(), "needs root to drop privileges");
        Map<String, String> before = digest(LAYOUT.root());
        Path sub = Submissions.copy(LAYOUT.solutions(), dir.resolve("hostile-" + group));
        Map<String, String> reasons = Submissions.hostile(
                sub,
                LAYOUT.root(),
                switch (group) {
                    case "killers" -> Submissions.KILLERS;
                    case "others" -> Submissions.OTHERS;
                    default -> Submissions.FILESYSTEM;
                });
        long start = System.nanoTime();
        Grader.Result r = grade(sub, dir.resolve("out"));
        double seconds = (System.nanoTime() - start) / 1e9;
        assertThat(r.fatal()).isNull();
        validResults(dir.resolve("out"));
        Map<String, Double> scores = perExercise(r);
        for (String ex : LAYOUT.names()) {
            if (!reasons.containsKey(ex)) {
                assertThat(scores.get(ex)).as(ex + " keeps its points").isEqualTo(10.0);
                continue;
            }
            assertThat(scores.get(ex)).as(ex + " loses points").isLessThan(10.0);
            assertThat(r.outcomes())
                    .as(ex + " names the reason: " + reasons.get(ex))
                    .anyMatch(o -> o.exercise().equals(ex)
                            && !o.passed()
                            && o.message().contains(reasons.get(ex)));
        }
        assertThat(digest(LAYOUT.root())).as("instructor files after the grade").isEqualTo(before);
        assertThat(seconds).as("wall time of the hostile grade, s").isLessThan(120);
    }

    /** SHA-256 of every .java file under the checkout's exercises/, solutions/ and src/. */
    static Map<String, String> digest(Path root) throws Exception {
        Map<String, String> out = new TreeMap<>();
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        for (String top : new String[] {"exercises", "solutions", "src"}) {
            try (Stream<Path> s = Files.walk(root.resolve(top))) {
                for (Path p : s.filter(f -> f.toString().endsWith(".java")).toList()) {
                    out.put(root.relativize(p).toString(), HexFormat.of().formatHex(sha.digest(Files.readAllBytes(p))));
                }
            }
        }
        return out;
    }

    @Test
    @DisplayName("a missing submission still leaves a valid results file saying why")
    void missingSubmission(@TempDir Path dir) throws IOException {
        Grader.Result r = grade(dir.resolve("nobody-submitted"), dir.resolve("out"));
        assertThat(r.fatal()).contains("does not exist");
        JsonNode json = validResults(dir.resolve("out"));
        assertThat(json.get("output").asText()).contains("Could not grade");
        assertThat(json.get("max_score").asDouble()).isEqualTo(allPoints());
    }
}
