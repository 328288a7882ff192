package optikata.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import optikata.claims.ClaimResult;
import optikata.claims.Plot;
import optikata.claims.Verdict;

/** Writes the claims report: JSON, Markdown and HTML, and the console table. */
public final class ClaimsReport {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ClaimsReport() {
    }

    /** A claim whose check threw: the id and the message. */
    public record Failure(String id, String message) {
    }

    public static ObjectNode json(List<ClaimResult> results, List<Failure> failures) {
        ObjectNode root = MAPPER.createObjectNode();
        ArrayNode claims = root.putArray("claims");
        for (ClaimResult r : results) {
            ObjectNode o = claims.addObject();
            o.put("id", r.id());
            o.put("source", r.source());
            o.put("statement", r.statement());
            o.put("verdict", r.verdict().name());
            numbers(o.putObject("documented"), r.documented());
            numbers(o.putObject("measured"), r.measured());
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
            for (Plot p : r.plots()) {
                plots.addObject().put("file", p.file()).put("caption", p.caption());
            }
        }
        ArrayNode errors = root.putArray("errors");
        for (Failure f : failures) {
            errors.addObject().put("id", f.id()).put("message", f.message());
        }
        return root;
    }

    private static void numbers(ObjectNode node, Map<String, Double> values) {
        values.forEach((k, v) -> {
            if (v == null || !Double.isFinite(v)) {
                node.putNull(k);
            } else {
                node.put(k, v);
            }
        });
    }

    public static String table(List<ClaimResult> results, List<Failure> failures) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format("%-4s %-13s %s%n", "id", "verdict", "finding"));
        for (ClaimResult r : results) {
            sb.append(String.format("%-4s %-13s %s%n", r.id(), r.verdict(), r.finding()));
        }
        for (Failure f : failures) {
            sb.append(String.format("%-4s %-13s %s%n", f.id(), "CRASHED", f.message()));
        }
        Map<Verdict, Integer> counts = counts(results);
        sb.append(String.format("%n%d claims: %d HOLDS, %d QUALIFIED, %d ERRATUM, %d NOT_CHECKABLE%s%n", results.size(),
                counts.get(Verdict.HOLDS), counts.get(Verdict.QUALIFIED), counts.get(Verdict.ERRATUM), counts.get(Verdict.NOT_CHECKABLE),
                failures.isEmpty() ? "" : ", " + failures.size() + " crashed"));
        return sb.toString();
    }

    static Map<Verdict, Integer> counts(List<ClaimResult> results) {
        Map<Verdict, Integer> counts = new EnumMap<>(Verdict.class);
        for (Verdict v : Verdict.values()) {
            counts.put(v, 0);
        }
        results.forEach(r -> counts.merge(r.verdict(), 1, Integer::sum));
        return counts;
    }

    public static String markdown(List<ClaimResult> results, List<Failure> failures) {
        StringBuilder sb = new StringBuilder("# optikata: the claims of the reference texts\n\n");
        sb.append("Every verdict below was computed by `./optikata claims` with the project's own optimizers; ")
                .append("figures under *documented* are the texts', under *measured* the code's.\n\n");
        sb.append("| id | source | verdict | finding |\n|---|---|---|---|\n");
        for (ClaimResult r : results) {
            sb.append("| ").append(r.id()).append(" | ").append(r.source()).append(" | **").append(r.verdict()).append("** | ")
                    .append(r.finding().replace("|", "\\|")).append(" |\n");
        }
        for (Failure f : failures) {
            sb.append("| ").append(f.id()).append(" | | **CRASHED** | ").append(f.message().replace("|", "\\|")).append(" |\n");
        }
        for (ClaimResult r : results) {
            sb.append("\n## ").append(r.id()).append(" — ").append(r.verdict()).append("\n\n");
            sb.append("*").append(r.source()).append("*: ").append(r.statement()).append("\n\n");
            sb.append(r.finding()).append("\n\n");
            if (r.correction() != null) {
                sb.append(label(r.verdict())).append(": ").append(r.correction()).append("\n\n");
            }
            if (!r.documented().isEmpty()) {
                sb.append("Documented: ").append(figures(r.documented())).append("  \n");
            }
            sb.append("Measured: ").append(figures(r.measured()));
            if (r.tolerance() != null) {
                sb.append("  \nTolerance: ").append(String.format(java.util.Locale.ROOT, "%.6g", r.tolerance()));
            }
            sb.append("\n");
            for (Plot p : r.plots()) {
                sb.append("\n![").append(p.caption()).append("](").append(p.file()).append(")\n");
            }
        }
        return sb.toString();
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
        values.forEach((k, v) -> sb.append(sb.length() == 0 ? "" : ", ").append(k).append(" = ")
                .append(v == null || Double.isNaN(v) ? "n/a" : String.format(java.util.Locale.ROOT, "%.6g", v)));
        return sb.toString();
    }

    public static String html(List<ClaimResult> results, List<Failure> failures) {
        Map<Verdict, Integer> counts = counts(results);
        StringBuilder sb = new StringBuilder();
        sb.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>optikata: claims report</title>\n<style>\n")
                .append("body{font-family:system-ui,sans-serif;max-width:1100px;margin:2em auto;padding:0 1em;color:#222;line-height:1.45}\n")
                .append("table{border-collapse:collapse;width:100%}td,th{border:1px solid #ddd;padding:.4em .6em;vertical-align:top;text-align:left}\n")
                .append("th{background:#f4f4f4}.v{font-weight:bold;white-space:nowrap}.HOLDS{color:#1a7f37}.QUALIFIED{color:#9a6700}")
                .append(".ERRATUM{color:#cf222e}.NOT_CHECKABLE{color:#57606a}.CRASHED{color:#cf222e}\n")
                .append("section{border-top:1px solid #ddd;margin-top:1.5em}img{max-width:100%;border:1px solid #eee}")
                .append(".figs{font-family:ui-monospace,monospace;font-size:.9em;color:#444}\n</style></head><body>\n");
        sb.append("<h1>optikata: the claims of the reference texts</h1>\n<p>").append(results.size()).append(" claims: ")
                .append(counts.get(Verdict.HOLDS)).append(" hold, ").append(counts.get(Verdict.QUALIFIED)).append(" qualified, ")
                .append(counts.get(Verdict.ERRATUM)).append(" errata, ").append(counts.get(Verdict.NOT_CHECKABLE))
                .append(" not checkable. Every verdict was computed by the project's own optimizers; see claims.json for the figures.</p>\n");
        sb.append("<table><tr><th>id</th><th>source</th><th>verdict</th><th>finding</th></tr>\n");
        for (ClaimResult r : results) {
            sb.append("<tr><td><a href=\"#").append(r.id()).append("\">").append(r.id()).append("</a></td><td>").append(esc(r.source()))
                    .append("</td><td class=\"v ").append(r.verdict()).append("\">").append(r.verdict()).append("</td><td>")
                    .append(esc(r.finding())).append("</td></tr>\n");
        }
        for (Failure f : failures) {
            sb.append("<tr><td>").append(f.id()).append("</td><td></td><td class=\"v CRASHED\">CRASHED</td><td>").append(esc(f.message()))
                    .append("</td></tr>\n");
        }
        sb.append("</table>\n");
        for (ClaimResult r : results) {
            sb.append("<section id=\"").append(r.id()).append("\"><h2>").append(r.id()).append(" <span class=\"v ").append(r.verdict())
                    .append("\">").append(r.verdict()).append("</span></h2>\n<p><em>").append(esc(r.source())).append("</em>: ")
                    .append(esc(r.statement())).append("</p>\n<p>").append(esc(r.finding())).append("</p>\n");
            if (r.correction() != null) {
                sb.append("<p><strong>").append(label(r.verdict())).append(":</strong> ").append(esc(r.correction())).append("</p>\n");
            }
            sb.append("<p class=\"figs\">");
            if (!r.documented().isEmpty()) {
                sb.append("documented: ").append(esc(figures(r.documented()))).append("<br>");
            }
            sb.append("measured: ").append(esc(figures(r.measured())));
            if (r.tolerance() != null) {
                sb.append("<br>tolerance: ").append(String.format(java.util.Locale.ROOT, "%.6g", r.tolerance()));
            }
            sb.append("</p>\n");
            for (Plot p : r.plots()) {
                sb.append("<figure><img src=\"").append(esc(p.file())).append("\" alt=\"").append(esc(p.caption()))
                        .append("\"><figcaption>").append(esc(p.caption())).append("</figcaption></figure>\n");
            }
            sb.append("</section>\n");
        }
        sb.append("</body></html>\n");
        return sb.toString();
    }

    private static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    public static void write(Path dir, List<ClaimResult> results, List<Failure> failures) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("claims.json"), json(results, failures).toPrettyString() + "\n", StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("claims.md"), markdown(results, failures), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("index.html"), html(results, failures), StandardCharsets.UTF_8);
    }
}
