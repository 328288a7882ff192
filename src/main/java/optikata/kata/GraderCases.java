package optikata.kata;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import optikata.kata.spec.Case;

/**
 * The titles of the cases the grader runs besides the public ones (hidden cases: the same behaviours on
 * other inputs), so that {@code check} and {@code watch} can name them before they say an exercise
 * passes. Only titles: never a hidden case's inputs or numbers. A checkout reads them from its hidden
 * specs; a release from {@code .kata/oracle/NN/hidden-titles.txt}, written when it was built.
 */
public final class GraderCases {
    static final String FILE = "hidden-titles.txt";

    private GraderCases() {}

    /** The hidden cases' titles of {@code exercise}, in order; empty when there are none or none are known. */
    public static List<String> titles(KataLayout layout, String exercise) {
        try {
            Path shipped = Oracle.shipped(layout, exercise).resolve(FILE);
            if (!Files.isDirectory(layout.solutions()) || !Files.isDirectory(layout.hiddenSpecDir(exercise))) {
                return Files.isRegularFile(shipped)
                        ? Files.readAllLines(shipped, StandardCharsets.UTF_8).stream()
                                .filter(l -> !l.isBlank())
                                .toList()
                        : List.of();
            }
            List<String> out = new ArrayList<>();
            for (Oracle.BookInfo book : Oracle.of(layout, exercise).books()) {
                if (book.hidden()) {
                    book.cases().values().stream().map(Case::title).forEach(out::add);
                }
            }
            return out;
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }

    /** Writes the titles of {@code layout}'s hidden cases of {@code exercise} into a release's oracle folder. */
    public static void export(KataLayout layout, String exercise, Path oracleDir) throws IOException {
        List<String> titles = titles(layout, exercise);
        Files.createDirectories(oracleDir);
        Files.writeString(
                oracleDir.resolve(FILE),
                titles.stream().map(t -> t.replace('\n', ' ') + "\n").reduce("", String::concat),
                StandardCharsets.UTF_8);
    }

    /** What {@code check} and {@code watch} print under a passing exercise: the grader's other cases, by title. */
    public static String note(KataLayout layout, String exercise, String indent) {
        List<String> titles = titles(layout, exercise);
        if (titles.isEmpty()) {
            return "";
        }
        StringBuilder sb = new StringBuilder(indent)
                .append("The grader also runs ")
                .append(titles.size() == 1 ? "one hidden case" : titles.size() + " hidden cases")
                .append(" (other inputs, the behaviours the README lists):\n");
        titles.forEach(t -> sb.append(indent).append("  · ").append(t).append('\n'));
        return sb.toString();
    }
}
