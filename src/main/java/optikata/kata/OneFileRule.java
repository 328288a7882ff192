package optikata.kata;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one-file rule, applied the same way by the grader and by the learner's own tools ({@code check},
 * {@code watch}, {@code diagnose --exercise}, the release's {@code mvn test}): of a learner's tree only the
 * stub's files are taken, each a regular file reached without following a link and within the size cap
 * ({@link SubmissionFiles}); a {@code .java} file the stub does not have is refused; a taken file that
 * declares a top-level type besides its own is refused ({@link Declared#refusal}). Each refusal is one
 * line, and an exercise with a refusal counts as one that does not compile.
 */
public final class OneFileRule {
    private OneFileRule() {}

    /**
     * What was staged.
     *
     * @param sources per exercise, the staged copies under the destination folder
     * @param errors  per exercise with a refusal, its lines (a mutable map: compilation adds its own)
     */
    public record Staged(Map<String, List<Path>> sources, Map<String, List<String>> errors) {}

    /**
     * Stages the exercises' sources of {@code tree} into {@code dest} (one folder per exercise).
     *
     * @param tree     a clone holding {@code exercises/}, or a tree laid out like {@code exercises/}
     * @param expected per exercise, the stub's source files relative to its {@code src/}
     * @param stubs    the shipped {@code exercises/} whose stubs stand in for a missing or refused file; null to
     *                 leave such a file out
     */
    public static Staged stage(Path tree, Map<String, List<Path>> expected, Path stubs, Path dest) throws IOException {
        Map<String, List<String>> errors = new LinkedHashMap<>();
        SubmissionFiles.Staged files =
                SubmissionFiles.stage(tree, expected, stubs, dest, SubmissionFiles.DEFAULT_CAP_BYTES);
        for (SubmissionFiles.Refusal r : files.refused()) {
            errors.computeIfAbsent(r.exercise(), k -> new ArrayList<>()).add(r.message());
        }
        for (SubmissionFiles.Unexpected u : files.unexpected()) {
            errors.computeIfAbsent(u.exercise(), k -> new ArrayList<>()).add(u.message());
        }
        for (Map.Entry<String, List<Path>> e : files.sources().entrySet()) {
            for (Path file : e.getValue()) {
                String why = Declared.refusal(file, Files.readString(file, StandardCharsets.UTF_8));
                if (why != null) {
                    String line = "exercises/" + e.getKey() + "/src/"
                            + dest.resolve(e.getKey())
                                    .relativize(file)
                                    .toString()
                                    .replace('\\', '/') + ": " + why;
                    List<String> list = errors.computeIfAbsent(e.getKey(), k -> new ArrayList<>());
                    if (!list.contains(line)) {
                        list.add(line);
                    }
                }
            }
        }
        return new Staged(files.sources(), errors);
    }
}
