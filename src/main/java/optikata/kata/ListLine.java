package optikata.kata;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Map;

/** One line of {@code list}: an exercise and its state from the progress file. */
public final class ListLine {
    private ListLine() {}

    /** From the recorded result, or "not checked yet" / "changed since the last check" when there is none for the current files. */
    public static String of(KataLayout layout, Progress progress, String exercise) throws IOException {
        Progress.Entry fresh = progress.fresh(exercise);
        Progress.Entry any = progress.data().exercises.get(exercise);
        String state;
        if (fresh == null && asShipped(layout, exercise)) {
            return String.format("%s %-22s %s", "…", exercise, "not started");
        }
        if (fresh != null) {
            state = describe(fresh);
        } else if (any != null && any.state != null) {
            state = "changed since the last check (was: " + describe(any) + ")";
        } else {
            state = "not checked yet";
        }
        String mark = fresh == null
                ? "?"
                : switch (fresh.state) {
                    case DONE -> "✔";
                    case NOT_STARTED -> "…";
                    default -> "✘";
                };
        return String.format("%s %-22s %s", mark, exercise, state);
    }

    /** True when the learner's files are byte for byte the shipped stub (so: not started, known without compiling). */
    public static boolean asShipped(KataLayout layout, String exercise) {
        try {
            Map<Path, byte[]> stubs = new Shipped(layout).stubs(exercise);
            Path dir = KataLayout.sourceDir(layout.exercises(), exercise);
            if (stubs.isEmpty() || !stubs.keySet().equals(new HashSet<>(KataLayout.javaFiles(dir)))) {
                return false;
            }
            for (Map.Entry<Path, byte[]> e : stubs.entrySet()) {
                if (!Arrays.equals(e.getValue(), Files.readAllBytes(dir.resolve(e.getKey())))) {
                    return false;
                }
            }
            return true;
        } catch (IOException | IllegalArgumentException e) {
            return false;
        }
    }

    public static String describe(Progress.Entry e) {
        return switch (e.state) {
            case DONE -> "done";
            case NOT_STARTED -> "not started";
            case DOES_NOT_COMPILE -> "does not compile";
            case FAILING -> "failing: " + e.passed + " of " + e.total;
        };
    }
}
