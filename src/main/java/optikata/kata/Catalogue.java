package optikata.kata;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The named mistakes of one exercise ({@code src/kata/catalogue/<exercise>.json}, see its README):
 * each a small change to the reference solution, with what is wrong and what to change in the
 * exercise's own symbols.
 */
public final class Catalogue {
    private Catalogue() {}

    /** One named mistake: replace each {@code from[k]} (first occurrence) by {@code to[k]} in {@code file}. */
    public record Mistake(String id, String file, List<String[]> replace, String description, String fix) {
        /** The solution's text with this mistake in it; throws when a text to replace is not in the solution. */
        public String apply(String solution) {
            String text = solution;
            for (String[] r : replace) {
                int at = text.indexOf(r[0]);
                if (at < 0) {
                    throw new IllegalStateException(
                            "Catalogue mistake " + id + ": the text to replace is not in " + file + ": " + r[0]);
                }
                text = text.substring(0, at) + r[1] + text.substring(at + r[0].length());
            }
            return text;
        }
    }

    public static Path file(KataLayout layout, String exercise) {
        return layout.root().resolve("src").resolve("kata").resolve("catalogue").resolve(exercise + ".json");
    }

    /** The exercise's mistakes; empty when it has no catalogue file. */
    public static List<Mistake> of(KataLayout layout, String exercise) {
        Path f = file(layout, exercise);
        if (!Files.isRegularFile(f)) {
            return List.of();
        }
        try {
            JsonNode root = new ObjectMapper().readTree(f.toFile());
            List<Mistake> out = new ArrayList<>();
            for (JsonNode m : root.path("mistakes")) {
                List<String[]> replace = new ArrayList<>();
                for (JsonNode r : m.path("replace")) {
                    replace.add(new String[] {r.get(0).asText(), r.get(1).asText()});
                }
                out.add(new Mistake(
                        m.path("id").asText(),
                        m.path("file").asText(),
                        replace,
                        m.path("description").asText(),
                        m.path("fix").asText()));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("Invalid catalogue " + f + ": " + e.getMessage(), e);
        }
    }
}
