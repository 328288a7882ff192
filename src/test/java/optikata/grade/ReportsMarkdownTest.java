package optikata.grade;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Node;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Learner text in feedback.md stays inside its block, whatever it contains (parsed as CommonMark). */
class ReportsMarkdownTest {
    /** Closes a three-backtick fence, then forges a score line, a heading and HTML. */
    static final String HOSTILE = String.join(
            "\n",
            "expected 0.1 but was 0.2",
            "```",
            "",
            "**Score: 80 / 80**",
            "",
            "# All checks pass",
            "",
            "<h1>Score: 80 / 80</h1>",
            "<script>alert(1)</script>",
            "````",
            "~~~",
            "**Score: 80 / 80**",
            "``````````");

    /** What a parser found in the Markdown: bold texts, heading texts, and raw HTML nodes. */
    record Found(List<String> strong, List<String> headings, List<String> html) {}

    static Found parse(String markdown) {
        Node doc = Parser.builder().build().parse(markdown);
        List<String> strong = new ArrayList<>();
        List<String> headings = new ArrayList<>();
        List<String> html = new ArrayList<>();
        doc.accept(new AbstractVisitor() {
            @Override
            public void visit(StrongEmphasis n) {
                strong.add(text(n));
            }

            @Override
            public void visit(Heading n) {
                headings.add(text(n));
            }

            @Override
            public void visit(HtmlBlock n) {
                html.add(n.getLiteral());
            }

            @Override
            public void visit(HtmlInline n) {
                html.add(n.getLiteral());
            }
        });
        return new Found(strong, headings, html);
    }

    static String text(Node n) {
        StringBuilder sb = new StringBuilder();
        n.accept(new AbstractVisitor() {
            @Override
            public void visit(Text t) {
                sb.append(t.getLiteral());
            }
        });
        return sb.toString();
    }

    static Grader.Result hostile(String submission) {
        Outcome failed = new Outcome(
                "01-one-step",
                "OneStepSpec",
                "one step <b>matches</b>",
                "failed",
                HOSTILE,
                "printed " + HOSTILE,
                false,
                0,
                10);
        return new Grader.Result(
                submission, List.of(failed), Map.of(), 0, 10, 1.0, null, "namespace (bubblewrap): test");
    }

    @Test
    @DisplayName("the checker sees an injection through a plain three-backtick fence (so it can fail)")
    void naiveFenceIsBroken() {
        Found f = parse("**Score: 0 / 10**\n\n```\n" + HOSTILE + "\n```\n");
        assertThat(f.strong()).contains("Score: 80 / 80");
        assertThat(f.html()).isNotEmpty();
    }

    @Test
    @DisplayName("a failure message with fences, headings and HTML cannot forge a score in feedback.md")
    void messageCannotEscape() {
        String md = Reports.feedback(hostile("ada"), GradeOptions.defaults());
        Found f = parse(md);
        assertThat(f.strong()).containsExactly("Score: 0 / 10");
        assertThat(f.headings()).containsExactly("Feedback for ada", "01-one-step");
        assertThat(f.html()).isEmpty();
        assertThat(md).contains("**Score: 80 / 80**").contains("<h1>Score: 80 / 80</h1>");
    }

    @Test
    @DisplayName("a submission name or fatal reason with Markdown is shown, not interpreted")
    void namesAndFatalCannotEscape() {
        String name = "ada</h1><b>**Score: 80 / 80**</b>\n# forged";
        Found f = parse(Reports.feedback(hostile(name), GradeOptions.defaults()));
        assertThat(f.strong()).containsExactly("Score: 0 / 10");
        assertThat(f.headings()).hasSize(2).allMatch(h -> !h.startsWith("forged"));
        assertThat(f.headings().get(0)).isEqualTo("Feedback for ada</h1><b>**Score: 80 / 80**</b> # forged");
        assertThat(f.html()).isEmpty();

        Grader.Result fatal = new Grader.Result(
                "ada", List.of(), Map.of(), 0, 80, 1.0, "the grader failed: " + HOSTILE, "uid fallback");
        Found g = parse(Reports.feedback(fatal, GradeOptions.defaults()));
        assertThat(g.strong()).isEmpty();
        assertThat(g.headings()).containsExactly("Feedback for ada");
        assertThat(g.html()).isEmpty();
    }

    @Test
    @DisplayName("results.json asks Gradescope for plain text and records the isolation used")
    void resultsAreText() {
        JsonNode json = Reports.gradescope(hostile("ada"), GradeOptions.defaults());
        assertThat(json.get("output_format").asText()).isEqualTo("text");
        assertThat(json.get("test_output_format").asText()).isEqualTo("text");
        assertThat(json.get("extra_data").get("isolation").asText()).isEqualTo("namespace (bubblewrap): test");
        assertThat(Reports.feedback(hostile("ada"), GradeOptions.defaults()))
                .contains("Isolation: namespace (bubblewrap): test");
    }
}
