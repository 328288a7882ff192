package optikata.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import optikata.claims.ClaimResult;
import optikata.claims.Figure;
import optikata.claims.Verdict;
import optikata.run.BuildInfo;

/** Writes the claims report: JSON, Markdown and HTML with the claims' figures drawn as PNGs, and the console table. */
public final class ClaimsReport {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ClaimsReport() {}

    /** A claim whose check threw: the id and the message. */
    public record Failure(String id, String message) {}

    /**
     * An instructor's own claims, from a claims file ({@code optikata claims --file}): listed after the
     * texts' claims, under their own heading.
     *
     * @param series  the series' title, as the file gives it
     * @param file    the file's name
     * @param results the claims' results, in file order
     */
    public record InstructorSeries(String series, String file, List<ClaimResult> results) {
        public InstructorSeries {
            results = List.copyOf(results);
        }
    }

    /** What the four verdicts mean, for the page. */
    static final Map<Verdict, String> MEANING = Map.of(
            Verdict.HOLDS, "the computation agrees with the text, within the tolerance shown for the claim",
            Verdict.QUALIFIED, "true only under a condition the text leaves out; the condition is given",
            Verdict.ERRATUM, "the computation contradicts the text; the corrected statement is given",
            Verdict.NOT_CHECKABLE,
                    "no verdict can be computed: data the project does not ship is needed, or the computation broke down; "
                            + "what is missing is given");

    static final String TOLERANCE =
            "Tolerance: how far a measured figure may lie from the text's (in the figure's own unit) and still "
                    + "agree, or the threshold the verdict compares against; it is chosen per claim, from the precision the text prints "
                    + "(half a unit of its last digit) or from the claim's wording, and shown with each claim.";

    public static ObjectNode json(List<ClaimResult> results, List<Failure> failures) {
        return json(results, null, failures);
    }

    /** The report as JSON; the instructor's series, when given, under {@code instructor}. */
    public static ObjectNode json(List<ClaimResult> results, InstructorSeries instructor, List<Failure> failures) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("version", version());
        jsonClaims(root.putArray("claims"), results);
        if (instructor != null) {
            ObjectNode i = root.putObject("instructor");
            i.put("series", instructor.series());
            i.put("file", instructor.file());
            jsonClaims(i.putArray("claims"), instructor.results());
        }
        ArrayNode errors = root.putArray("errors");
        for (Failure f : failures) {
            errors.addObject().put("id", f.id()).put("message", f.message());
        }
        return root;
    }

    private static void jsonClaims(ArrayNode claims, List<ClaimResult> results) {
        for (ClaimResult r : results) {
            ObjectNode o = claims.addObject();
            o.put("id", r.id());
            o.put("source", r.source());
            o.put("statement", r.statement());
            o.put("quote", r.quote());
            o.put("verdict", r.verdict().name());
            numbers(o.putObject("documented"), r.documented());
            numbers(o.putObject("measured"), r.measured());
            numbers(o.putObject("settings"), r.settings());
            if (r.tolerance() == null) {
                o.putNull("tolerance");
            } else {
                o.put("tolerance", r.tolerance());
            }
            o.put("finding", r.finding());
            if (r.correction() == null) {
                o.putNull("correction");
            } else {
                o.put("correction", r.correction());
            }
            ArrayNode plots = o.putArray("plots");
            for (Figure f : r.figures()) {
                plots.addObject().put("file", file(f)).put("caption", f.caption());
            }
        }
    }

    /** Non-finite values are written as null; "never" (+∞) as the string "never". */
    private static void numbers(ObjectNode node, Map<String, Double> values) {
        values.forEach((k, v) -> {
            if (v != null && v == Double.POSITIVE_INFINITY) {
                node.put(k, "never");
            } else if (v == null || !Double.isFinite(v)) {
                node.putNull(k);
            } else {
                node.put(k, v);
            }
        });
    }

    static String file(Figure f) {
        return f.name() + ".png";
    }

    public static String table(List<ClaimResult> results, List<Failure> failures) {
        return table(results, null, failures);
    }

    /** The console table: the texts' claims, then the instructor's series under its own heading. */
    public static String table(List<ClaimResult> results, InstructorSeries instructor, List<Failure> failures) {
        int width = 4;
        for (ClaimResult r : all(results, instructor)) {
            width = Math.max(width, r.id().length());
        }
        for (Failure f : failures) {
            width = Math.max(width, f.id().length());
        }
        String row = "%-" + width + "s %-13s %s%n";
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(row, "id", "verdict", "finding"));
        for (ClaimResult r : results) {
            sb.append(String.format(row, r.id(), r.verdict(), r.finding()));
        }
        if (instructor != null) {
            sb.append(String.format("%n%s%n", instructorHeading(instructor)));
            for (ClaimResult r : instructor.results()) {
                sb.append(String.format(row, r.id(), r.verdict(), r.finding()));
            }
        }
        for (Failure f : failures) {
            sb.append(String.format(row, f.id(), "CRASHED", f.message()));
        }
        sb.append(String.format("%n"));
        if (instructor == null || !results.isEmpty() || !failures.isEmpty()) {
            sb.append(String.format("%s%n", summary(results, failures)));
        }
        if (instructor != null) {
            sb.append(String.format("%s%n", instructorSummary(instructor)));
        }
        return sb.toString();
    }

    private static List<ClaimResult> all(List<ClaimResult> results, InstructorSeries instructor) {
        if (instructor == null) {
            return results;
        }
        List<ClaimResult> both = new ArrayList<>(results);
        both.addAll(instructor.results());
        return both;
    }

    /** "The instructor's claims: TITLE (from FILE)". */
    static String instructorHeading(InstructorSeries instructor) {
        return "The instructor's claims: " + instructor.series() + " (from " + instructor.file() + ")";
    }

    /** "the instructor's N claims: ..." (a crashed check is counted with the texts'). */
    static String instructorSummary(InstructorSeries instructor) {
        return "the instructor's " + summary(instructor.results(), List.of());
    }

    static String summary(List<ClaimResult> results, List<Failure> failures) {
        Map<Verdict, Integer> counts = counts(results);
        return String.format(
                Locale.ROOT,
                "%d claims: %d HOLDS, %d QUALIFIED, %d ERRATUM, %d NOT_CHECKABLE%s",
                results.size(),
                counts.get(Verdict.HOLDS),
                counts.get(Verdict.QUALIFIED),
                counts.get(Verdict.ERRATUM),
                counts.get(Verdict.NOT_CHECKABLE),
                failures.isEmpty() ? "" : ", " + failures.size() + " crashed");
    }

    static Map<Verdict, Integer> counts(List<ClaimResult> results) {
        Map<Verdict, Integer> counts = new EnumMap<>(Verdict.class);
        for (Verdict v : Verdict.values()) {
            counts.put(v, 0);
        }
        results.forEach(r -> counts.merge(r.verdict(), 1, Integer::sum));
        return counts;
    }

    /** The version of the build ({@link BuildInfo}), or "development build" when the build could not tell. */
    public static String version() {
        String v = BuildInfo.current().version();
        return v.equals(BuildInfo.UNKNOWN) ? "development build" : v;
    }

    static String generated() {
        return ZonedDateTime.now(ZoneOffset.UTC)
                .format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT));
    }

    public static String markdown(List<ClaimResult> results, List<Failure> failures) {
        return markdown(results, null, failures);
    }

    /** claims.md: the texts' claims, then the instructor's series under its own heading. */
    public static String markdown(List<ClaimResult> results, InstructorSeries instructor, List<Failure> failures) {
        StringBuilder sb = new StringBuilder("# optikata: the claims of the reference texts\n\n");
        sb.append("Generated ")
                .append(generated())
                .append(" by optikata ")
                .append(version())
                .append(". ")
                .append(summary(results, failures))
                .append(".\n\n");
        sb.append(
                "Every verdict below was computed by the project's own optimizers; figures under *documented* are the texts', "
                        + "under *measured* the code's, under *settings* the inputs the check chose. The texts are listed in "
                        + "docs/REFERENCES.md, the claims in docs/CLAIMS.md.\n\n");
        for (Verdict v : Verdict.values()) {
            sb.append("- **").append(v).append("**: ").append(MEANING.get(v)).append(".\n");
        }
        sb.append("\n").append(TOLERANCE).append("\n\n");
        markdownTable(sb, results, "");
        for (Failure f : failures) {
            sb.append("| ")
                    .append(f.id())
                    .append(" | **CRASHED** | | ")
                    .append(cell(f.message()))
                    .append(" |\n");
        }
        markdownSections(sb, results, "## ");
        if (instructor != null) {
            sb.append("\n# ")
                    .append(instructorHeading(instructor))
                    .append("\n\n")
                    .append(INSTRUCTOR_NOTE)
                    .append(" ")
                    .append(capitalFirst(instructorSummary(instructor)))
                    .append(".\n\n");
            markdownTable(sb, instructor.results(), "");
            markdownSections(sb, instructor.results(), "## ");
        }
        return sb.toString();
    }

    /** What sets the instructor's series apart, for the pages. */
    static final String INSTRUCTOR_NOTE =
            "These claims come from the instructor's claims file, not from the five texts; their verdicts are computed "
                    + "the same way, by the project's own optimizers, from the setup, quantity and expectation the file "
                    + "states (docs/CLAIMS-FILE.md).";

    private static String capitalFirst(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static void markdownTable(StringBuilder sb, List<ClaimResult> results, String anchorPrefix) {
        sb.append("| id | verdict | the text says | what the code shows |\n|---|---|---|---|\n");
        for (ClaimResult r : results) {
            sb.append("| [")
                    .append(r.id())
                    .append("](#")
                    .append(anchorPrefix)
                    .append(r.id().toLowerCase(Locale.ROOT))
                    .append(") | **")
                    .append(r.verdict())
                    .append("** | ")
                    .append(cell(r.statement()))
                    .append(" | ")
                    .append(cell(r.correction() == null ? r.finding() : r.correction()))
                    .append(" |\n");
        }
    }

    private static void markdownSections(StringBuilder sb, List<ClaimResult> results, String heading) {
        for (ClaimResult r : results) {
            sb.append("\n")
                    .append(heading)
                    .append(r.id())
                    .append("\n\n**")
                    .append(r.verdict())
                    .append("** · *")
                    .append(r.source())
                    .append("*: ")
                    .append(r.statement())
                    .append("\n\n");
            if (!r.quote().isEmpty() && !r.quote().equals(r.statement())) {
                sb.append("> ").append(r.quote()).append("\n\n");
            }
            sb.append("Finding: ").append(r.finding()).append("\n\n");
            if (r.correction() != null) {
                sb.append(label(r.verdict()))
                        .append(": ")
                        .append(r.correction())
                        .append("\n\n");
            }
            if (!r.documented().isEmpty()) {
                sb.append("Documented: ").append(figures(r.documented())).append("  \n");
            }
            sb.append("Measured: ")
                    .append(r.measured().isEmpty() ? "nothing: the check could not run" : figures(r.measured()));
            if (!r.settings().isEmpty()) {
                sb.append("  \nSettings: ").append(figures(r.settings()));
            }
            if (r.tolerance() != null) {
                sb.append("  \nTolerance: ").append(number(r.tolerance()));
            }
            sb.append("\n");
            for (Figure f : r.figures()) {
                sb.append("\n![")
                        .append(f.caption())
                        .append("](")
                        .append(file(f))
                        .append(")\n");
            }
        }
    }

    private static String cell(String s) {
        return s.replace("|", "\\|").replace("\n", " ");
    }

    static String label(Verdict v) {
        return switch (v) {
            case ERRATUM -> "Corrected statement";
            case QUALIFIED -> "Condition the text leaves out";
            case NOT_CHECKABLE -> "What is missing";
            default -> "Note";
        };
    }

    static String figures(Map<String, Double> values) {
        StringBuilder sb = new StringBuilder();
        values.forEach((k, v) -> sb.append(sb.length() == 0 ? "" : "; ")
                .append(name(k))
                .append(" = ")
                .append(number(v)));
        return sb.toString();
    }

    /** Integers as integers, +∞ as "never", NaN as "n/a", else 6 significant digits without trailing zeros. */
    static String number(Double v) {
        if (v == null || Double.isNaN(v)) {
            return "n/a";
        }
        if (v == Double.POSITIVE_INFINITY) {
            return "never";
        }
        if (Double.isInfinite(v)) {
            return "−∞";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return String.valueOf((long) (double) v).replace('-', '−');
        }
        double a = Math.abs(v);
        String s = a >= 1e-4 && a < 1e7
                ? new BigDecimal(v)
                        .round(new MathContext(6))
                        .stripTrailingZeros()
                        .toPlainString()
                : Charts.scientific(Double.parseDouble(String.format(Locale.ROOT, "%.5e", v)));
        return s.replace('-', '−');
    }

    private static final Map<String, String> WORDS = Map.ofEntries(
            Map.entry("gamma", "γ"),
            Map.entry("beta", "β"),
            Map.entry("eps", "ε"),
            Map.entry("eta", "η"),
            Map.entry("theta", "θ"),
            Map.entry("rmsprop", "RMSProp"),
            Map.entry("adagrad", "AdaGrad"),
            Map.entry("adadelta", "AdaDelta"),
            Map.entry("adam", "Adam"),
            Map.entry("sgd", "SGD"),
            Map.entry("gd", "gradient descent"),
            Map.entry("gsq", "g²"),
            Map.entry("s0", "s₀"),
            Map.entry("w0", "w₀"),
            Map.entry("sqrt3", "√3"),
            Map.entry("-sqrt3", "−√3"),
            Map.entry("d2l", "d2l"),
            Map.entry("x1", "x₁"),
            Map.entry("x2", "x₂"),
            Map.entry("theta1", "θ₁"),
            Map.entry("pytorch", "PyTorch"),
            Map.entry("keras", "Keras"),
            Map.entry("tf1", "TF1"),
            Map.entry("optax", "Optax"),
            Map.entry("cs231n", "cs231n"),
            Map.entry("mse", "MSE"),
            Map.entry("ns", "ns"));

    /** A figure's key as words: camelCase split, Greek names as letters, "(gamma=0.9)" as "(γ = 0.9)". */
    static String name(String key) {
        if (key.contains(" ") || !key.chars().allMatch(c -> c < 128)) {
            // already words: only a Latin initial is capitalised
            return latinCapital(key);
        }
        int open = key.indexOf('(');
        String head = open < 0 ? key : key.substring(0, open);
        StringBuilder out = new StringBuilder();
        for (String token : head.split("(?<=[a-z0-9])(?=[A-Z])")) {
            String t = token.toLowerCase(Locale.ROOT);
            String mapped = WORDS.get(t);
            if (mapped == null) {
                Matcher m = Pattern.compile("([a-z]+)([0-9]+)").matcher(t);
                mapped = m.matches() && !t.contains("/")
                        ? WORDS.getOrDefault(m.group(1), m.group(1)) + " " + m.group(2)
                        : t;
            }
            out.append(out.length() == 0 ? "" : " ").append(mapped);
        }
        if (open >= 0) {
            StringBuilder params = new StringBuilder();
            for (String part : key.substring(open + 1, key.lastIndexOf(')') < 0 ? key.length() : key.lastIndexOf(')'))
                    .split(",")) {
                String[] kv = part.split("=", 2);
                params.append(params.length() == 0 ? "" : ", ")
                        .append(WORDS.getOrDefault(kv[0].toLowerCase(Locale.ROOT), kv[0]));
                if (kv.length == 2) {
                    String value = kv[1];
                    try {
                        value = number(Double.parseDouble(value));
                    } catch (NumberFormatException e) {
                        value = WORDS.getOrDefault(value.toLowerCase(Locale.ROOT), value);
                    }
                    params.append(" = ").append(value);
                }
            }
            out.append(" (").append(params).append(')');
        }
        String s = out.toString();
        return s.isEmpty() ? key : latinCapital(s);
    }

    /** Capitalises a first word of three or more Latin letters; a symbol (θ₁, x₁, s₀) keeps its case. */
    static String latinCapital(String s) {
        int n = 0;
        while (n < s.length() && Character.isLetter(s.charAt(n)) && s.charAt(n) < 128) {
            n++;
        }
        return n >= 3 && Character.isLowerCase(s.charAt(0)) ? Character.toUpperCase(s.charAt(0)) + s.substring(1) : s;
    }

    public static String html(List<ClaimResult> results, List<Failure> failures) {
        return html(results, null, failures);
    }

    /** index.html: the texts' claims, then the instructor's series in a part of its own. */
    public static String html(List<ClaimResult> results, InstructorSeries instructor, List<Failure> failures) {
        Map<Verdict, Integer> counts = counts(results);
        StringBuilder sb = new StringBuilder();
        sb.append(
                        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>optikata: claims report</title>\n<style>\n")
                .append(
                        "body{font-family:system-ui,sans-serif;max-width:1100px;margin:2em auto;padding:0 1em;color:#222;line-height:1.45}\n")
                .append(
                        "table{border-collapse:collapse;width:100%}td,th{border:1px solid #ddd;padding:.4em .6em;vertical-align:top;text-align:left}\n")
                .append(
                        "th{background:#f4f4f4}.v{font-weight:bold;white-space:nowrap}.HOLDS{color:#1a7f37}.QUALIFIED{color:#9a6700}")
                .append(".ERRATUM{color:#cf222e}.NOT_CHECKABLE{color:#57606a}.CRASHED{color:#cf222e}\n")
                .append(
                        "section{border-top:1px solid #ddd;margin-top:1.5em}img{max-width:100%;height:auto;border:1px solid #eee}")
                .append("blockquote{margin:.5em 0;padding:.3em .8em;border-left:4px solid #ccc;background:#fafafa}")
                .append(
                        "dl.figs{display:grid;grid-template-columns:max-content 1fr;gap:.1em 1em;font-size:.92em}dl.figs dt{color:#555}")
                .append("dl.figs dd{margin:0}td.q{font-size:.9em}.meta{color:#555}")
                .append(
                        ":lang(zh){font-family:\"Noto Sans CJK SC\",\"Source Han Sans SC\",\"PingFang SC\",\"Microsoft YaHei\",\"WenQuanYi Zen Hei\",sans-serif}\n")
                .append("</style>\n</head>\n<body>\n");
        sb.append("<h1>optikata: the claims of the reference texts</h1>\n");
        sb.append("<p class=\"meta\">Generated ")
                .append(generated())
                .append(" by optikata ")
                .append(esc(version()))
                .append(
                        ". The five texts are listed in docs/REFERENCES.md, the claims in docs/CLAIMS.md; every figure is also in claims.json. ")
                .append(
                        "Claims C01 to C25 come from the texts; L01 to L07 from the documentation of the Java libraries Tribuo and ND4J, ")
                .append("judged against those libraries' recorded runs.</p>\n");
        sb.append("<p>")
                .append(results.size())
                .append(" claims: ")
                .append(counts.get(Verdict.HOLDS))
                .append(" hold, ")
                .append(counts.get(Verdict.QUALIFIED))
                .append(" qualified, ")
                .append(counts.get(Verdict.ERRATUM))
                .append(" errata, ")
                .append(counts.get(Verdict.NOT_CHECKABLE))
                .append(" not checkable")
                .append(failures.isEmpty() ? "" : ", " + failures.size() + " crashed")
                .append(". Every verdict was computed by the project's own optimizers, never typed in.</p>\n");
        sb.append("<h2 id=\"verdicts\">What the verdicts mean</h2>\n<dl>\n");
        for (Verdict v : Verdict.values()) {
            sb.append("<dt class=\"v ")
                    .append(v)
                    .append("\">")
                    .append(v)
                    .append("</dt><dd>")
                    .append(esc(MEANING.get(v)))
                    .append(".</dd>\n");
        }
        sb.append("</dl>\n<p>").append(esc(TOLERANCE)).append("</p>\n");
        sb.append(
                "<h2 id=\"summary\">Summary</h2>\n<table>\n<tr><th>id</th><th>verdict</th><th>the text says</th><th>what the code shows</th></tr>\n");
        htmlRows(sb, results, "", "zh");
        for (Failure f : failures) {
            sb.append("<tr><td>")
                    .append(esc(f.id()))
                    .append("</td><td class=\"v CRASHED\">CRASHED</td><td></td><td>")
                    .append(esc(f.message()))
                    .append("</td></tr>\n");
        }
        sb.append("</table>\n");
        htmlSections(sb, results, "", "zh");
        if (instructor != null) {
            Map<Verdict, Integer> own = counts(instructor.results());
            sb.append("<h2 id=\"instructor\">")
                    .append(esc(instructorHeading(instructor)))
                    .append("</h2>\n<p>")
                    .append(esc(INSTRUCTOR_NOTE))
                    .append(" ")
                    .append(instructor.results().size())
                    .append(" claims: ")
                    .append(own.get(Verdict.HOLDS))
                    .append(" hold, ")
                    .append(own.get(Verdict.QUALIFIED))
                    .append(" qualified, ")
                    .append(own.get(Verdict.ERRATUM))
                    .append(" errata, ")
                    .append(own.get(Verdict.NOT_CHECKABLE))
                    .append(" not checkable.</p>\n<table>\n<tr><th>id</th><th>verdict</th><th>the instructor says</th>")
                    .append("<th>what the code shows</th></tr>\n");
            htmlRows(sb, instructor.results(), "instructor-", null);
            sb.append("</table>\n");
            htmlSections(sb, instructor.results(), "instructor-", null);
        }
        sb.append("</body>\n</html>\n");
        return sb.toString();
    }

    /** The summary table's rows; {@code lang} is the quotations' language (null: found from each quotation). */
    private static void htmlRows(StringBuilder sb, List<ClaimResult> results, String anchorPrefix, String lang) {
        for (ClaimResult r : results) {
            sb.append("<tr><td><a href=\"#")
                    .append(anchorPrefix)
                    .append(r.id())
                    .append("\">")
                    .append(r.id())
                    .append("</a></td><td class=\"v ")
                    .append(r.verdict())
                    .append("\">")
                    .append(r.verdict())
                    .append("</td><td class=\"q\">")
                    .append(esc(r.statement()));
            if (!r.quote().isEmpty() && !r.quote().equals(r.statement())) {
                sb.append("<br><span").append(langAttribute(lang, r.quote())).append(">“");
                sb.append(esc(r.quote())).append("”</span>");
            }
            sb.append("<br><em>")
                    .append(esc(r.source()))
                    .append("</em></td><td>")
                    .append(esc(r.correction() == null ? r.finding() : r.correction()))
                    .append("</td></tr>\n");
        }
    }

    /** One section per claim, with its figures; {@code lang} as for {@link #htmlRows}. */
    private static void htmlSections(StringBuilder sb, List<ClaimResult> results, String anchorPrefix, String lang) {
        for (ClaimResult r : results) {
            sb.append("<section id=\"")
                    .append(anchorPrefix)
                    .append(r.id())
                    .append("\">\n<h2>")
                    .append(r.id())
                    .append(" <span class=\"v ")
                    .append(r.verdict())
                    .append("\">")
                    .append(r.verdict())
                    .append("</span></h2>\n<p><em>")
                    .append(esc(r.source()))
                    .append("</em>: ")
                    .append(esc(r.statement()))
                    .append("</p>\n");
            if (!r.quote().isEmpty() && !r.quote().equals(r.statement())) {
                sb.append("<blockquote")
                        .append(langAttribute(lang, r.quote()))
                        .append(">")
                        .append(esc(r.quote()))
                        .append("</blockquote>\n");
            }
            sb.append("<p><strong>Finding:</strong> ").append(esc(r.finding())).append("</p>\n");
            if (r.correction() != null) {
                sb.append("<p><strong>")
                        .append(label(r.verdict()))
                        .append(":</strong> ")
                        .append(esc(r.correction()))
                        .append("</p>\n");
            }
            sb.append("<dl class=\"figs\">\n");
            if (!r.documented().isEmpty()) {
                sb.append("<dt>documented</dt><dd>")
                        .append(esc(figures(r.documented())))
                        .append("</dd>\n");
            }
            sb.append("<dt>measured</dt><dd>")
                    .append(r.measured().isEmpty() ? "nothing: the check could not run" : esc(figures(r.measured())))
                    .append("</dd>\n");
            if (!r.settings().isEmpty()) {
                sb.append("<dt>settings</dt><dd>")
                        .append(esc(figures(r.settings())))
                        .append("</dd>\n");
            }
            if (r.tolerance() != null) {
                sb.append("<dt>tolerance</dt><dd>")
                        .append(number(r.tolerance()))
                        .append("</dd>\n");
            }
            sb.append("</dl>\n");
            for (Figure f : r.figures()) {
                sb.append("<figure><img src=\"")
                        .append(esc(file(f)))
                        .append("\" alt=\"")
                        .append(esc(f.title()))
                        .append("\" width=\"900\" height=\"600\">")
                        .append("<figcaption>")
                        .append(esc(f.caption()))
                        .append("</figcaption></figure>\n");
            }
            sb.append("</section>\n");
        }
    }

    /** {@code lang}, or for the instructor's quotations (null) "zh" when they are written in Chinese characters. */
    private static String langAttribute(String lang, String quote) {
        String l = lang != null
                ? lang
                : quote.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)
                        ? "zh"
                        : null;
        return l == null ? "" : " lang=\"" + l + "\"";
    }

    private static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    /** Draws every figure into {@code dir} and writes claims.json, claims.md and index.html beside them. */
    public static void write(Path dir, List<ClaimResult> results, List<Failure> failures) throws IOException {
        write(dir, results, null, failures);
    }

    /** As {@link #write(Path, List, List)}, with the instructor's series after the texts' claims. */
    public static void write(Path dir, List<ClaimResult> results, InstructorSeries instructor, List<Failure> failures)
            throws IOException {
        Files.createDirectories(dir);
        for (ClaimResult r : all(results, instructor)) {
            for (Figure f : r.figures()) {
                Charts.save(f, dir.resolve(file(f)));
            }
        }
        Files.writeString(
                dir.resolve("claims.json"),
                json(results, instructor, failures).toPrettyString() + "\n",
                StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("claims.md"), markdown(results, instructor, failures), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("index.html"), html(results, instructor, failures), StandardCharsets.UTF_8);
    }
}
