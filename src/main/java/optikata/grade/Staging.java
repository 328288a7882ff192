package optikata.grade;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import optikata.kata.Declared;
import optikata.kata.KataLayout;

/**
 * Brings a submission into the grader's scratch folder: only regular files of the stub's names,
 * copied without following links and within a size cap ({@link SubmissionFiles}); then every staged
 * source declaring a top-level type the stub does not have is refused ({@link Declared#refusal}),
 * which costs its exercise as a compile error would; then the staged tree is opened for reading by
 * the sandbox's user. It trusts the kata's layout (the stubs' names); nothing of the submission is
 * trusted: its files are read as text, never run here.
 */
final class Staging {
    private Staging() {}

    /**
     * The staged sources per exercise, and the refusals per exercise as compile errors (a mutable
     * map: compilation adds its own).
     */
    record Staged(Map<String, List<Path>> sources, Map<String, List<String>> errors) {}

    /** Stages {@code submission} into {@code src} (one folder per exercise) and refuses what must not compile. */
    static Staged stage(KataLayout layout, Path submission, Path src) throws IOException {
        Map<String, List<String>> compileErrors = new LinkedHashMap<>();
        Map<String, List<Path>> expectedSources = new LinkedHashMap<>();
        layout.names().forEach(ex -> expectedSources.put(ex, layout.exercise(ex).sources()));
        SubmissionFiles.Staged stagedFiles = SubmissionFiles.stage(
                submission, expectedSources, layout.exercises(), src, SubmissionFiles.DEFAULT_CAP_BYTES);
        for (SubmissionFiles.Refusal r : stagedFiles.refused()) {
            compileErrors.computeIfAbsent(r.exercise(), k -> new ArrayList<>()).add(r.message());
        }
        Map<String, List<Path>> staged = stagedFiles.sources();
        for (Map.Entry<String, List<Path>> e : staged.entrySet()) {
            for (Path file : e.getValue()) {
                String why = Declared.refusal(file, Files.readString(file, StandardCharsets.UTF_8));
                if (why != null) {
                    String line = "exercises/" + e.getKey() + "/src/"
                            + src.resolve(e.getKey())
                                    .relativize(file)
                                    .toString()
                                    .replace('\\', '/') + ": " + why;
                    List<String> list = compileErrors.computeIfAbsent(e.getKey(), k -> new ArrayList<>());
                    if (!list.contains(line)) {
                        list.add(line);
                    }
                }
            }
        }
        ChildSetup.openTree(src);
        return new Staged(staged, compileErrors);
    }
}
