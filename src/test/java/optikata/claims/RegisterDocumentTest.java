package optikata.claims;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * docs/CLAIMS.md is the register as the code has it: every claim's id, source, statement and
 * quotation. Run with {@code -Doptikata.regenerate=true} to rewrite it after changing a claim.
 */
class RegisterDocumentTest {
    static final Path CLAIMS = Path.of("docs", "CLAIMS.md");
    static final Path REFERENCES = Path.of("docs", "REFERENCES.md");
    static final String[] TEXTS = {
        "the debugging guide", "the NumPy tutorial", "the principles article", "the image-recognition article", "d2l"
    };

    static final Map<String, String> KIND = Map.ofEntries(
            Map.entry("C01", "definition"),
            Map.entry("C02", "numeric"),
            Map.entry("C03", "property"),
            Map.entry("C04", "property"),
            Map.entry("C05", "numeric"),
            Map.entry("C06", "numeric"),
            Map.entry("C07", "property"),
            Map.entry("C08", "property"),
            Map.entry("C09", "property"),
            Map.entry("C10", "property"),
            Map.entry("C11", "property"),
            Map.entry("C12", "check"),
            Map.entry("C13", "check"),
            Map.entry("C14", "check"),
            Map.entry("C15", "numeric"),
            Map.entry("C16", "check"),
            Map.entry("C17", "check"),
            Map.entry("C18", "property"),
            Map.entry("C19", "property"),
            Map.entry("C20", "definition"),
            Map.entry("C21", "property"),
            Map.entry("C22", "numeric"),
            Map.entry("C23", "check"),
            Map.entry("C24", "data"),
            Map.entry("C25", "check"));

    static String render() {
        StringBuilder sb = new StringBuilder("# Claims register\n\n");
        sb.append(
                "Every statement C01 to C25 below comes from one of the five reference texts listed in [REFERENCES.md](REFERENCES.md), "
                        + "cited by short name and section; L01 to L07 come from the documentation (Javadoc or source comments) of a named "
                        + "release of a Java library, judged against that library's recorded runs. `./optikata claims` gives each a verdict computed by the project's own code, "
                        + "never typed in:\n\n"
                        + "- HOLDS: the computation agrees with the text, within the tolerance the report shows.\n"
                        + "- QUALIFIED: true only under a condition the text leaves out; the report gives the condition.\n"
                        + "- ERRATUM: the computation contradicts the text; the report shows the text's figure or code beside what happens, "
                        + "and the corrected statement.\n"
                        + "- NOT_CHECKABLE: needs data the project does not ship, or the computation broke down; the report says what is "
                        + "missing and how to supply it.\n\n"
                        + "A claim id is stable once used; new claims get new ids. The English statement paraphrases the text; the "
                        + "quotation below it is the text's own sentence. Numbers here are what the texts say, not what is true.\n\n"
                        + "This file is generated from the claims' code (optikata.claims.Register): run the RegisterDocumentTest with "
                        + "-Doptikata.regenerate=true after changing a claim.\n");
        for (Claim c : Register.all()) {
            sb.append("\n## ")
                    .append(c.id())
                    .append(" (")
                    .append(KIND.getOrDefault(c.id(), "check"))
                    .append(")\n\n");
            sb.append("Source: ").append(c.source()).append("\n\n");
            sb.append(c.statement()).append("\n");
            if (!c.quote().isEmpty()) {
                sb.append("\n> ").append(c.quote()).append("\n");
            }
        }
        return sb.toString();
    }

    @Test
    @DisplayName("docs/CLAIMS.md lists every registered claim with its source, statement and quotation")
    void claimsDocumentMatchesTheRegister() throws Exception {
        String expected = render();
        if (Boolean.getBoolean("optikata.regenerate")) {
            Files.writeString(CLAIMS, expected, StandardCharsets.UTF_8);
        }
        assertThat(Files.readString(CLAIMS, StandardCharsets.UTF_8))
                .as("docs/CLAIMS.md is stale: rerun this test with -Doptikata.regenerate=true")
                .isEqualTo(expected);
    }

    @Test
    @DisplayName("every claim cites the texts by short name (listed in docs/REFERENCES.md) and quotes its sentence")
    void sourcesUseTheTextsNames() throws Exception {
        String references = Files.readString(REFERENCES, StandardCharsets.UTF_8);
        for (String t : TEXTS) {
            assertThat(references).contains("| " + t + " |");
        }
        for (Claim c : Register.all()) {
            if (c instanceof LibraryClaim l) {
                // a library's documentation: named by library, version and documented element; the statement quotes it
                assertThat(c.source())
                        .as(c.id() + " source")
                        .startsWith(l.library() + ", ")
                        .endsWith("(library documentation)")
                        .containsPattern("\\d+\\.\\d+");
                assertThat(c.statement())
                        .as(c.id() + " statement quotes the documentation")
                        .containsPattern("\"[^\"]{8,}\"");
                continue;
            }
            String rest = c.source();
            for (String t : TEXTS) {
                rest = rest.replace(t, "");
            }
            rest = rest.replace("introduction", "").replace("against", "").replace("summary", "");
            assertThat(rest).as(c.id() + " source " + c.source()).doesNotContainPattern("\\b00[0-4]\\b|[A-Za-z]{4,}");
            assertThat(c.quote()).as(c.id() + " quotation").isNotBlank();
        }
    }
}
