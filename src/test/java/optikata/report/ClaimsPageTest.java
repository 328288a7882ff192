package optikata.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nu.validator.client.EmbeddedValidator;
import optikata.claims.Claim;
import optikata.claims.ClaimContext;
import optikata.claims.ClaimResult;
import optikata.claims.Figure;
import optikata.claims.Register;
import optikata.claims.Verdict;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The generated claims page: valid HTML (the Nu Html Checker, in-process and offline) and readable. */
class ClaimsPageTest {
    @TempDir
    static Path dir;

    static List<ClaimResult> results = new ArrayList<>();
    static String html;

    @BeforeAll
    static void writeTheReport() throws Exception {
        for (Claim c : Register.all()) {
            results.add(c.check(ClaimContext.library()));
        }
        ClaimsReport.write(
                dir,
                results,
                List.of(new ClaimsReport.Failure(
                        "C99", "check crashed: java.lang.IllegalStateException: <an example>")));
        html = Files.readString(dir.resolve("index.html"), StandardCharsets.UTF_8);
    }

    @Test
    @DisplayName("the Nu Html Checker finds no error and no warning in index.html")
    void validHtml() throws Exception {
        EmbeddedValidator validator = new EmbeddedValidator();
        validator.setOutputFormat(EmbeddedValidator.OutputFormat.GNU);
        validator.setLoadEntities(false);
        String messages = validator.validate(dir.resolve("index.html"));
        assertThat(messages).as("validator messages").isBlank();
    }

    @Test
    @DisplayName("the validator does report a broken page, so the check above can fail")
    void validatorCatchesABrokenPage() throws Exception {
        Path broken = dir.resolve("broken.html");
        Files.writeString(
                broken, html.replace("<table>", "<table><p>").replace("<title>", "<title><b>"), StandardCharsets.UTF_8);
        EmbeddedValidator validator = new EmbeddedValidator();
        validator.setOutputFormat(EmbeddedValidator.OutputFormat.GNU);
        assertThat(validator.validate(broken)).contains("error");
    }

    @Test
    @DisplayName("the page explains the verdicts and the tolerance, and says when and by which version it was made")
    void explainsItself() {
        for (Verdict v : Verdict.values()) {
            assertThat(html).contains("<dt class=\"v " + v + "\">" + v + "</dt>");
        }
        assertThat(html)
                .contains("Tolerance: how far a measured figure")
                .contains("Generated 20")
                .contains("by optikata ");
    }

    @Test
    @DisplayName("the summary table shows each claim's statement and its correction (or finding)")
    void summaryShowsStatementAndCorrection() {
        String table = html.substring(html.indexOf("<h2 id=\"summary\">"), html.indexOf("</table>"));
        for (ClaimResult r : results) {
            assertThat(table)
                    .contains(escape(r.statement()))
                    .contains(escape(r.correction() == null ? r.finding() : r.correction()));
        }
    }

    @Test
    @DisplayName("no backticks, no camelCase keys, no −1 for 'never', counts without decimals")
    void readable() {
        String text = html.replaceAll("(?s)<style>.*?</style>", "").replaceAll("<[^>]+>", " ");
        assertThat(text).doesNotContain("`");
        Matcher camel = Pattern.compile("\\b[a-z]+[A-Z][A-Za-z]*\\b").matcher(text);
        List<String> found = new ArrayList<>();
        while (camel.find()) {
            found.add(camel.group());
        }
        assertThat(found).as("camelCase words on the page").isEmpty();
        assertThat(text)
                .doesNotContainPattern("= [−-]1(?![\\d.])")
                .doesNotContain("= Infinity")
                .doesNotContain("NaN");
        assertThat(text).contains("Steps completed = 0").contains("θ length = 2");
        assertThat(text)
                .containsPattern(
                        "Adagrad recovery steps \\(r = 10\\) = never|AdaGrad recovery steps \\(r = 10\\) = never");
    }

    @Test
    @DisplayName("every erratum has a picture, and every picture named on the page was drawn")
    void erratumPictures() {
        for (ClaimResult r : results) {
            if (r.verdict() == Verdict.ERRATUM) {
                assertThat(r.figures()).as(r.id()).isNotEmpty();
            }
            for (Figure f : r.figures()) {
                assertThat(dir.resolve(f.name() + ".png")).isRegularFile();
                assertThat(html).contains("src=\"" + f.name() + ".png\"");
            }
        }
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
