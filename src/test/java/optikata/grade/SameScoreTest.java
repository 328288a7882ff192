package optikata.grade;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import optikata.kata.KataLayout;
import optikata.kata.KataRun;
import optikata.support.Slow;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * One submission graded ten times gets one score and one feedback: the probes (two optimizers, zero gradients,
 * the split step run several times) and the judge's proven causes depend on the submission alone, not on the run.
 */
@Slow
class SameScoreTest {
    static final KataLayout LAYOUT = new KataLayout(Path.of(System.getProperty("user.dir")));
    static final int GRADES = 10;

    @Test
    @Timeout(value = 20, unit = TimeUnit.MINUTES)
    @DisplayName("a submission with mistakes graded 10 times gets one score and one feedback")
    void tenGradesOneScore(@TempDir Path dir) throws IOException {
        Path sub = Submissions.copy(LAYOUT.solutions(), dir.resolve("sub"));
        // only the exercises with a planted mistake are graded: the others are left out of the submission
        for (String ex : LAYOUT.names()) {
            if (!ex.equals("03-vectors") && !ex.equals("06-centered-momentum")) {
                KataRun.deleteTree(sub.resolve(ex));
            }
        }
        // 03: s kept in a static field, shared by every optimizer (only the two-optimizer probe sees it)
        Submissions.edit(
                sub,
                "03-vectors",
                "kata/vectors/VectorRmsProp.java",
                "private DMatrixRMaj squaredGradientAverage;",
                "private static DMatrixRMaj squaredGradientAverage;");
        // 06: a zero gradient skips the decay and the momentum (only the zero-gradient probe sees it)
        Submissions.edit(
                sub,
                "06-centered-momentum",
                "kata/centered/CenteredMomentumRmsProp.java",
                "for (int i = from; i < to; i++) {",
                "for (int i = from; i < to; i++) {\n            if (g[i] == 0) {\n                continue;\n            }");
        Set<Double> scores = new LinkedHashSet<>();
        Set<String> feedback = new LinkedHashSet<>();
        List<Double> all = new ArrayList<>();
        for (int k = 0; k < GRADES; k++) {
            Path out = dir.resolve("out-" + k);
            Grader.Result r = GraderTest.grade(sub, out);
            assertThat(r.fatal()).isNull();
            all.add(r.score());
            scores.add(r.score());
            feedback.add(Files.readString(out.resolve("feedback.md")).replaceAll("uid \\d+", "uid N"));
        }
        assertThat(scores).as("scores of %d grades: %s", GRADES, all).hasSize(1);
        double score = scores.iterator().next();
        assertThat(score)
                .as("the planted mistakes cost points")
                .isGreaterThan(0)
                .isLessThan(20);
        assertThat(feedback).as("feedback of %d grades", GRADES).hasSize(1);
        assertThat(feedback.iterator().next()).contains("s is shared between two optimizers");
    }
}
