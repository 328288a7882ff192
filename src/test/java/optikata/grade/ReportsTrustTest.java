package optikata.grade;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** What a learner reads of a grade that gives no marks, and of hidden cases however they failed. */
class ReportsTrustTest {
    static final GradeOptions OPTIONS = GradeOptions.defaults();

    static Outcome hidden(String message, String status) {
        return new Outcome("01-one-step", "OneStepHiddenSpec", "a hidden case", status, message, "", true, 0, 5);
    }

    static Outcome publicPass() {
        return new Outcome("01-one-step", "OneStepSpec", "a public case", "passed", "", "", false, 5, 5);
    }

    static Grader.Result result(List<Outcome> outcomes, Grader.Trust trust) {
        double score = outcomes.stream().mapToDouble(Outcome::score).sum();
        return new Grader.Result("ada", outcomes, Map.of(), score, 10, 1, null, "some isolation", trust);
    }

    @Test
    @DisplayName("feedback only: score 0 and trusted false in results.json, every test at 0, and feedback.md says why")
    void feedbackOnlyGivesNoMarks() throws Exception {
        Grader.Result r = result(List.of(publicPass(), hidden("wrong", "failed")), Grader.Trust.FEEDBACK_ONLY);
        JsonNode json =
                new ObjectMapper().readTree(Reports.gradescope(r, OPTIONS).toString());
        assertThat(json.get("score").asDouble()).isZero();
        assertThat(json.get("extra_data").get("trusted").asBoolean()).isFalse();
        assertThat(json.get("output").asText()).startsWith("Feedback only, no marks");
        for (JsonNode t : json.get("tests")) {
            assertThat(t.get("score").asDouble()).isZero();
        }
        String md = Reports.feedback(r, OPTIONS);
        assertThat(md)
                .contains("Feedback only, no marks")
                .contains("would give 5 / 10")
                .doesNotContain("**Score:");
        Grader.Result trusted = result(List.of(publicPass()), Grader.Trust.TRUSTED);
        JsonNode ok =
                new ObjectMapper().readTree(Reports.gradescope(trusted, OPTIONS).toString());
        assertThat(ok.get("score").asDouble()).isEqualTo(5.0);
        assertThat(ok.get("extra_data").get("trusted").asBoolean()).isTrue();
    }

    @Test
    @DisplayName("a failing hidden case reads the same whatever the learner's code chose: wrong, crash, timeout, twice")
    void hiddenFailuresReadTheSame() {
        List<String> reasons = List.of(
                "θ after step 1 is wrong",
                "0 points: the code ended the JVM with System.exit.",
                "0 points: the code did not finish within 11 s.",
                "0 points: two different reports came back for this case.",
                "not run: the grading deadline of 300 s was reached");
        for (String reason : reasons) {
            Grader.Result r = result(List.of(publicPass(), hidden(reason, "failed")), Grader.Trust.TRUSTED);
            String seen = Reports.gradescope(r, OPTIONS).toString()
                    + Reports.feedback(r, OPTIONS)
                    + Reports.junitXml(r, OPTIONS);
            assertThat(seen).as(reason).contains(Reports.HIDDEN_MESSAGE).doesNotContain(reason);
            assertThat(Reports.hiddenDetails(List.of(r)))
                    .as("the instructor's view")
                    .contains(reason);
        }
        GradeOptions published = new GradeOptions(10, 300, 256, 8192, Map.of(), "after_published", true, true);
        Grader.Result r = result(List.of(hidden(reasons.get(1), "failed")), Grader.Trust.TRUSTED);
        assertThat(Reports.feedback(r, published))
                .as("with the details published")
                .contains(reasons.get(1));
    }

    @Test
    @DisplayName("a hidden case that threw 'not started' reads like any other failing hidden case")
    void hiddenNotStartedReadsTheSame() {
        Outcome notStarted =
                new Outcome("01-one-step", "OneStepSpec", "a public case", "not started", "stub", "", false, 0, 5);
        String a = Reports.feedback(
                result(List.of(notStarted, hidden("x", "not started")), Grader.Trust.TRUSTED), OPTIONS);
        String b = Reports.feedback(result(List.of(notStarted, hidden("y", "failed")), Grader.Trust.TRUSTED), OPTIONS);
        assertThat(a).isEqualTo(b);
    }
}
