package optikata.kata;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The progressive hints of an exercise, kept in {@code exercises/NN-name/hints.md}: one section per
 * hint, headed {@code ## Hint 1}, {@code ## Hint 2}, ... (an optional title may follow after a dash
 * or colon: {@code ## Hint 2 — the formula}), in order from the idea to the formula to the line to
 * look at. Text before the first heading is ignored. The format is documented in exercises/README.md.
 */
public final class Hints {
    private Hints() {}

    /** One hint: its number, its title (may be empty) and its text. */
    public record Hint(int number, String title, String text) {}

    private static final Pattern HEADING = Pattern.compile("^##\\s+Hint\\s+(\\d+)\\s*(?:[—:–-]\\s*(.*))?$");

    public static Path file(KataLayout layout, String exercise) {
        return layout.exercises().resolve(exercise).resolve("hints.md");
    }

    /** The exercise's hints in order; an empty list when it has no hints file. */
    public static List<Hint> read(KataLayout layout, String exercise) throws IOException {
        Path f = file(layout, exercise);
        if (!Files.isRegularFile(f)) {
            return List.of();
        }
        return parse(Files.readString(f, StandardCharsets.UTF_8), f.toString());
    }

    static List<Hint> parse(String markdown, String where) {
        List<Hint> out = new ArrayList<>();
        Integer number = null;
        String title = null;
        StringBuilder text = new StringBuilder();
        for (String line : markdown.split("\n", -1)) {
            Matcher m = HEADING.matcher(line.stripTrailing());
            if (m.matches()) {
                if (number != null) {
                    out.add(new Hint(number, title, trimBlankLines(text.toString())));
                }
                number = Integer.parseInt(m.group(1));
                if (number != out.size() + 1) {
                    throw new IllegalArgumentException("Invalid hints file " + where + ": heading '" + line.strip()
                            + "' should be Hint " + (out.size() + 1));
                }
                title = m.group(2) == null ? "" : m.group(2).strip();
                text.setLength(0);
            } else if (number != null) {
                text.append(line).append('\n');
            }
        }
        if (number != null) {
            out.add(new Hint(number, title, trimBlankLines(text.toString())));
        }
        return out;
    }

    /** Drops blank lines at the start and the end, keeping the first line's indentation (code blocks). */
    static String trimBlankLines(String s) {
        return s.replaceFirst("^(?:[ \\t]*\\n)+", "").stripTrailing();
    }

    /**
     * Shows one more hint of {@code exercise} and remembers it in the progress file. Returns the text
     * to print: the hints shown so far (the newest last), or a line saying all were shown.
     */
    public static String next(KataLayout layout, Progress progress, String exercise, boolean all) throws IOException {
        List<Hint> hints = read(layout, exercise);
        if (hints.isEmpty()) {
            return "No hints for " + exercise + " (no " + layout.root().relativize(file(layout, exercise))
                    + "); read its README.md.\n";
        }
        Progress.Entry e = progress.entry(exercise);
        boolean allShown = e.hintsShown >= hints.size();
        e.hintsShown = Math.min(hints.size(), e.hintsShown + 1);
        progress.save();
        // the saved count adds what another command (a watch beside this) showed meanwhile
        int shown = Math.min(hints.size(), e.hintsShown);
        StringBuilder sb = new StringBuilder();
        int first = all ? 0 : shown - 1;
        if (!all && shown > 1) {
            sb.append("(seen before: ");
            for (int i = 0; i < shown - 1; i++) {
                sb.append(i == 0 ? "" : ", ").append(heading(hints.get(i), hints.size()));
            }
            sb.append("; --all shows them again)\n");
        }
        for (int i = first; i < shown; i++) {
            sb.append(heading(hints.get(i), hints.size())).append(":\n");
            for (String line : hints.get(i).text().split("\n")) {
                sb.append("  ").append(line).append('\n');
            }
        }
        if (allShown) {
            sb.append("That was the last hint. The README and the failing spec's message say more.\n");
        } else if (shown < hints.size()) {
            sb.append("(").append(hints.size() - shown).append(" more: ask again.)\n");
        }
        return sb.toString();
    }

    private static String heading(Hint h, int of) {
        return "Hint " + h.number() + " of " + of + (h.title().isEmpty() ? "" : " — " + h.title());
    }
}
