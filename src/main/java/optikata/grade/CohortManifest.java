package optikata.grade;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.util.List;
import optikata.run.BuildInfo;

/**
 * What one cohort run graded, written as {@value #FILE} beside its reports: enough to merge runs made on
 * several machines into the gradebook one run would have written ({@link Merge}), and to refuse runs that
 * do not belong together.
 *
 * @param format    the manifest's format ({@value #FORMAT})
 * @param tool      the build that graded
 * @param specs     {@link optikata.kata.Oracle#fingerprint}: the specs, solutions and probe runtime the grades
 *                  were judged by
 * @param options   how the run graded (points, timeouts, visibility...)
 * @param exercises the gradebook's columns
 * @param cohort    every learner folder of the cohort, sorted, whichever part this run graded
 * @param part      which of them this run graded
 * @param learners  the grades, in cohort order
 */
public record CohortManifest(
        int format,
        BuildInfo tool,
        String specs,
        GradeOptions options,
        List<String> exercises,
        List<String> cohort,
        Part part,
        List<Learner> learners) {
    public static final int FORMAT = 1;
    public static final String FILE = "manifest.json";

    /** Writes and reads {@value #FILE}. */
    static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            // a field this version does not know (an option of a later version, say) could change what a grade
            // means: refused, not ignored
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    public CohortManifest {
        exercises = List.copyOf(exercises);
        cohort = List.copyOf(cohort);
        learners = List.copyOf(learners);
    }

    /** The manifest as the JSON a run writes. */
    String json() throws IOException {
        return MAPPER.writeValueAsString(this) + "\n";
    }

    /**
     * One learner's grade.
     *
     * @param name   the learner's folder name
     * @param input  {@link optikata.kata.SubmissionFiles#fingerprint} of what was graded
     * @param result the grade
     */
    public record Learner(String name, String input, Grader.Result result) {}
}
