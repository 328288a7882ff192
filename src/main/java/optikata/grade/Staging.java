package optikata.grade;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import optikata.kata.Declared;
import optikata.kata.KataLayout;
import optikata.kata.OneFileRule;
import optikata.kata.SubmissionFiles;

/**
 * Brings a submission into the grader's scratch folder by the kata's one-file rule ({@link OneFileRule}, which
 * the learner's {@code check} applies too): only regular files of the stub's names, copied without following
 * links and within a size cap ({@link SubmissionFiles}); a source file the stub does not have, and a staged
 * source declaring a top-level type the stub does not have ({@link Declared#refusal}), are refused, which
 * costs the exercise as a compile error would; then the staged tree is opened for reading by the sandbox's
 * user. It trusts the kata's layout (the stubs' names); nothing of the submission is
 * trusted: its files are read as text, never run here.
 */
final class Staging {
    private Staging() {}

    /**
     * The staged sources per exercise, and the refusals per exercise as compile errors (a mutable
     * map: compilation adds its own).
     */
    record Staged(Map<String, List<Path>> sources, Map<String, List<String>> errors) {}

    /** Per exercise, the stub's source files relative to its {@code src/}: what a submission may bring. */
    static Map<String, List<Path>> expected(KataLayout layout) {
        Map<String, List<Path>> expected = new LinkedHashMap<>();
        layout.names().forEach(ex -> expected.put(ex, layout.exercise(ex).sources()));
        return expected;
    }

    /** Stages {@code submission} into {@code src} (one folder per exercise) and refuses what must not compile. */
    static Staged stage(KataLayout layout, Path submission, Path src) throws IOException {
        OneFileRule.Staged staged = OneFileRule.stage(submission, expected(layout), layout.exercises(), src);
        ChildSetup.openTree(src);
        return new Staged(staged.sources(), staged.errors());
    }
}
