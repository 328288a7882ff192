package optikata.grade;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Writes a grade as Gradescope's results.json, a feedback.md for the learner, and JUnit XML. */
public final class Reports {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    static final String HIDDEN_MESSAGE = "A hidden check failed: its details are shown after grades are published.";

    /** The first words of a result made where learner code could not be isolated. */
    static final String FEEDBACK_ONLY =
            "Feedback only, no marks: learner code ran without isolation (--feedback-only), so this result is untrusted.";

    private Reports() {}

    /**
     * What a learner reads of a case: a failing hidden case reads the same whatever happened (wrong
     * numbers, a crash, a timeout, a duplicate report, never run), since the learner's code chooses
     * how it fails; its reason goes only to the instructor ({@link #hiddenDetails}) unless the
     * details are published ({@code --show-hidden-details}).
     */
    static String visibleMessage(Outcome o, GradeOptions options) {
        return o.hidden() && !options.showHiddenDetails() && !o.passed() ? HIDDEN_MESSAGE : o.message();
    }

    /**
     * The instructor's view of the hidden cases that failed, per submission, with the reasons the
     * learners do not see: Markdown, learner text fenced.
     */
    public static String hiddenDetails(List<Grader.Result> results) {
        StringBuilder sb = new StringBuilder("# Hidden cases that failed, with their reasons (instructor only)\n\n");
        int n = 0;
        for (Grader.Result r : results) {
            List<Outcome> failed =
                    r.outcomes().stream().filter(o -> o.hidden() && !o.passed()).toList();
            if (failed.isEmpty()) {
                continue;
            }
            sb.append("## ").append(inline(r.submission())).append("\n\n");
            for (Outcome o : failed) {
                n++;
                sb.append("- ").append(inline(o.exercise() + " › " + o.name())).append("\n\n");
                fenced(sb, o.message(), "  ");
                sb.append('\n');
            }
        }
        if (n == 0) {
            sb.append("No hidden case failed.\n");
        }
        return sb.toString();
    }

    static String cap(String s, int cap) {
        if (s == null) {
            return "";
        }
        return s.length() <= cap ? s : s.substring(0, cap) + "\n[... output cut at " + cap + " characters]";
    }

    public static ObjectNode gradescope(Grader.Result r, GradeOptions options) {
        ObjectNode root = MAPPER.createObjectNode();
        boolean trusted = r.trust() == Grader.Trust.TRUSTED;
        root.put("score", r.marks());
        root.put("max_score", r.maxScore());
        root.put("execution_time", (int) Math.ceil(r.seconds()));
        root.put(
                "output",
                r.fatal() != null
                        ? "Could not grade: " + r.fatal()
                        : (trusted ? "" : FEEDBACK_ONLY + " ")
                                + String.format(
                                        Locale.ROOT,
                                        "%s of %s points. %d of %d checks passed. See feedback.md for what to fix.",
                                        fmt(r.score()),
                                        fmt(r.maxScore()),
                                        r.outcomes().stream()
                                                .filter(Outcome::passed)
                                                .count(),
                                        r.outcomes().size()));
        root.put("visibility", "visible");
        root.put("stdout_visibility", "hidden");
        // learner text is shown as plain text, never rendered as Markdown or HTML
        root.put("output_format", "text");
        root.put("test_output_format", "text");
        root.put("test_name_format", "text");
        ObjectNode extra = root.putObject("extra_data");
        extra.put("isolation", r.sandbox() == null ? "" : r.sandbox());
        extra.put("trusted", trusted);
        ArrayNode tests = root.putArray("tests");
        Map<String, Integer> numbers = new LinkedHashMap<>();
        for (Outcome o : r.outcomes()) {
            int k = numbers.merge(o.exercise(), 1, Integer::sum);
            ObjectNode t = tests.addObject();
            t.put("name", o.exercise() + " › " + o.name());
            t.put("number", Integer.parseInt(o.exercise().substring(0, 2)) + "." + k);
            t.put("score", trusted ? o.score() : 0);
            t.put("max_score", o.maxScore());
            t.put("status", o.passed() ? "passed" : "failed");
            String out = visibleMessage(o, options);
            if (!o.hidden() && o.output() != null && !o.output().isBlank()) {
                out += "\n--- your code printed ---\n" + cap(o.output(), options.outputCapBytes());
            }
            t.put("output", printable(out));
            t.put("visibility", o.hidden() ? options.hiddenVisibility() : "visible");
        }
        return root;
    }

    public static String feedback(Grader.Result r, GradeOptions options) {
        StringBuilder sb = new StringBuilder("# Feedback for ")
                .append(inline(r.submission()))
                .append("\n\n");
        if (r.fatal() != null) {
            sb.append("Could not grade:\n\n");
            fenced(sb, r.fatal(), "");
            return isolationLine(sb, r).toString();
        }
        if (r.trust() != Grader.Trust.TRUSTED) {
            sb.append("**").append(FEEDBACK_ONLY).append("**\n\n");
            sb.append(String.format(
                    Locale.ROOT,
                    "Checks passed would give %s / %s; this result gives no marks.%n%n",
                    fmt(r.score()),
                    fmt(r.maxScore())));
        } else {
            sb.append(String.format(Locale.ROOT, "**Score: %s / %s**%n%n", fmt(r.score()), fmt(r.maxScore())));
        }
        Map<String, List<Outcome>> byExercise = new LinkedHashMap<>();
        r.outcomes()
                .forEach(o -> byExercise
                        .computeIfAbsent(o.exercise(), k -> new ArrayList<>())
                        .add(o));
        sb.append("| exercise | score | checks passed |\n|---|---|---|\n");
        byExercise.forEach((ex, list) -> sb.append(String.format(
                Locale.ROOT,
                "| %s | %s / %s | %d of %d |%n",
                ex,
                fmt(list.stream().mapToDouble(Outcome::score).sum()),
                fmt(list.stream().mapToDouble(Outcome::maxScore).sum()),
                list.stream().filter(Outcome::passed).count(),
                list.size())));
        byExercise.forEach((ex, list) -> {
            sb.append("\n## ").append(ex).append("\n\n");
            if (list.stream().allMatch(Outcome::passed)) {
                sb.append("All checks pass.\n");
                return;
            }
            // hidden cases count as not started when they did not pass: how one failed is not the learner's to read
            if (list.stream().anyMatch(o -> !o.hidden())
                    && list.stream()
                            .allMatch(o -> o.hidden() ? !o.passed() : o.status().equals("not started"))) {
                sb.append("Not started: the stub still throws. Read `exercises/")
                        .append(ex)
                        .append("/README.md`.\n");
                return;
            }
            for (Outcome o : list) {
                if (o.passed()) {
                    continue;
                }
                sb.append("- ✘ ")
                        .append(o.hidden() ? "(hidden) " : "")
                        .append(inline(o.name()))
                        .append("\n\n");
                String message = visibleMessage(o, options);
                fenced(sb, message, "  ");
                String m = o.hidden() && !options.showHiddenDetails() ? null : o.mistake();
                if (m != null) {
                    sb.append("  Diagnosed mistake: **").append(m).append("**\n");
                }
                sb.append('\n');
            }
        });
        return isolationLine(sb, r).toString();
    }

    private static StringBuilder isolationLine(StringBuilder sb, Grader.Result r) {
        if (r.sandbox() != null && !r.sandbox().isBlank()) {
            sb.append("\n---\n\nIsolation: ").append(inline(r.sandbox())).append('\n');
        }
        return sb;
    }

    /**
     * Appends {@code text} as a fenced code block whose fence is a longer run of backticks than any
     * in the text, so no line of it can close the block (CommonMark: a closing fence must be at
     * least as long as the opening one). Inside, Markdown and HTML are shown literally.
     */
    static void fenced(StringBuilder sb, String text, String indent) {
        text = printable(text);
        int longest = 0;
        int run = 0;
        for (int i = 0; i < text.length(); i++) {
            run = text.charAt(i) == '`' ? run + 1 : 0;
            longest = Math.max(longest, run);
        }
        String fence = "`".repeat(Math.max(3, longest + 1));
        sb.append(indent).append(fence).append("text\n");
        for (String line : text.split("\n", -1)) {
            sb.append(indent).append(line).append('\n');
        }
        sb.append(indent).append(fence).append('\n');
    }

    /** Text for a Markdown line: characters with a meaning in Markdown or HTML are escaped with a backslash; line breaks become spaces. */
    static String inline(String text) {
        StringBuilder sb = new StringBuilder();
        for (char c : printable(text == null ? "" : text).toCharArray()) {
            if (c == '\n' || c == '\r') {
                sb.append(' ');
            } else if ("\\`*_[]<>#|!~&".indexOf(c) >= 0) {
                sb.append('\\').append(c);
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    public static String junitXml(Grader.Result r, GradeOptions options) {
        Map<String, List<Outcome>> byExercise = new LinkedHashMap<>();
        r.outcomes()
                .forEach(o -> byExercise
                        .computeIfAbsent(o.exercise(), k -> new ArrayList<>())
                        .add(o));
        StringBuilder sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        long failures = r.outcomes().stream().filter(o -> !o.passed()).count();
        sb.append(String.format(
                Locale.ROOT,
                "<testsuites name=\"%s\" tests=\"%d\" failures=\"%d\" time=\"%.2f\">%n",
                xml(r.submission()),
                r.outcomes().size() + (r.fatal() == null ? 0 : 1),
                failures + (r.fatal() == null ? 0 : 1),
                r.seconds()));
        if (r.fatal() != null) {
            sb.append(
                            "  <testsuite name=\"grading\" tests=\"1\" failures=\"1\">\n    <testcase classname=\"grading\" name=\"grade\">")
                    .append("<failure message=\"")
                    .append(xml(r.fatal()))
                    .append("\"/></testcase>\n  </testsuite>\n");
        }
        byExercise.forEach((ex, list) -> {
            sb.append(String.format(
                    Locale.ROOT,
                    "  <testsuite name=\"%s\" tests=\"%d\" failures=\"%d\">%n",
                    xml(ex),
                    list.size(),
                    list.stream().filter(o -> !o.passed()).count()));
            for (Outcome o : list) {
                sb.append("    <testcase classname=\"")
                        .append(xml(ex + "." + o.spec()))
                        .append("\" name=\"")
                        .append(xml(o.name()))
                        .append("\"");
                if (o.passed()) {
                    sb.append("/>\n");
                } else {
                    String message = visibleMessage(o, options);
                    sb.append("><failure message=\"")
                            .append(xml(message.lines().findFirst().orElse("")))
                            .append("\">")
                            .append(xml(message))
                            .append("</failure></testcase>\n");
                }
            }
            sb.append("  </testsuite>\n");
        });
        return sb.append("</testsuites>\n").toString();
    }

    static String xml(String s) {
        StringBuilder sb = new StringBuilder();
        String text = printable(s);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    /**
     * Learner text made safe to show anywhere: line ends kept ({@code \r\n} becomes {@code \n}, a lone
     * {@code \r} goes), tabs kept, and every other control character (C0, DEL, C1: terminal escapes, NUL, a
     * bell), the non-characters U+FFFE and U+FFFF and unpaired surrogates written as {@code \}{@code uXXXX}
     * text, so that no report holds a character XML 1.0 forbids and none rewrites the terminal it is printed in.
     */
    static String printable(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (cp == '\r') {
                continue;
            }
            boolean control = (cp < 0x20 && cp != '\n' && cp != '\t') || (cp >= 0x7f && cp <= 0x9f);
            boolean forbidden = cp == 0xfffe || cp == 0xffff || (cp >= 0xd800 && cp <= 0xdfff);
            if (control || forbidden) {
                sb.append(String.format(Locale.ROOT, "\\u%04x", cp));
            } else {
                sb.appendCodePoint(cp);
            }
        }
        return sb.toString();
    }

    public static String fmt(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.format(Locale.ROOT, "%.2f", v);
    }

    /**
     * Writes results.json, feedback.md and junit.xml into {@code out} ({@link SafeFiles#prepareOut}:
     * created if missing, refused if a link or someone else's), each to a temporary file renamed
     * into place, never through a link.
     */
    public static void write(Path out, Grader.Result r, GradeOptions options) throws IOException {
        Path dir = SafeFiles.prepareOut(out);
        SafeFiles.write(dir, "results.json", gradescope(r, options).toPrettyString() + "\n");
        SafeFiles.write(dir, "feedback.md", feedback(r, options));
        SafeFiles.write(dir, "junit.xml", junitXml(r, options));
    }
}
