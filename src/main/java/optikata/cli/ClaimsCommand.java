package optikata.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import optikata.claims.Claim;
import optikata.claims.ClaimContext;
import optikata.claims.ClaimResult;
import optikata.claims.Register;
import optikata.report.ClaimsReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "claims",
        mixinStandardHelpOptions = true,
        header = "Check every claim of the reference texts and write the report (the main job).",
        description = {
            "Check every claim of the five reference texts (C01–C25 of docs/CLAIMS.md; the texts are listed in",
            "docs/REFERENCES.md), and the Java libraries' documentation (L01–L07), with the project's own",
            "optimizers, print a verdict per claim (HOLDS, QUALIFIED,",
            "ERRATUM, NOT_CHECKABLE) and write a report (index.html, claims.md, claims.json and PNG plots).",
            "With --claim the report of those claims goes to a subdirectory of --out (such as only-C05), so the",
            "full report is left as it was.",
            "Exit code 0 when every claim was evaluated (errata are findings, not failures); 1 when a check crashed."
        })
public final class ClaimsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(
            names = "--out",
            defaultValue = "target/optikata-report",
            paramLabel = "DIR",
            description = "report directory (default: ${DEFAULT-VALUE})")
    Path out;

    @Option(
            names = "--format",
            defaultValue = "table",
            paramLabel = "FMT",
            description =
                    "what to print: table, json or md (default: ${DEFAULT-VALUE}); the report files are written either way")
    String format;

    @Option(
            names = "--claim",
            paramLabel = "ID",
            split = ",",
            description = "check only these claims, e.g. C05 or C02,C05")
    List<String> only;

    @Option(
            names = "--data",
            paramLabel = "FILE",
            description = "the airfoil self-noise data (airfoil_self_noise.dat) for C24")
    Path data;

    @Option(names = "--no-report", description = "print only; write no report directory")
    boolean noReport;

    @Override
    public Integer call() throws Exception {
        if (!List.of("table", "json", "md").contains(format)) {
            throw new OptionException(
                    "--format", "Invalid output format: " + format + " (must be one of: table, json, md)");
        }
        if (data != null && !Files.isRegularFile(data)) {
            throw new OptionException(
                    "--data", (Files.isDirectory(data) ? "a folder, not a file: " : "no such file: ") + data);
        }
        List<Claim> claims = new ArrayList<>();
        if (only == null) {
            claims.addAll(Register.all());
        } else {
            for (String id : only) {
                claims.add(Register.byId(id.strip()));
            }
        }
        Path dir = only == null
                ? out
                : out.resolve("only-"
                        + String.join("-", claims.stream().map(Claim::id).toList()));
        ClaimContext context = ClaimContext.withData(data);
        List<ClaimResult> results = new ArrayList<>();
        List<ClaimsReport.Failure> failures = new ArrayList<>();
        for (Claim c : claims) {
            try {
                results.add(c.check(context));
            } catch (Exception | AssertionError e) {
                failures.add(new ClaimsReport.Failure(c.id(), "check crashed: " + e));
            }
        }
        PrintWriter o = spec.commandLine().getOut();
        switch (format) {
            case "json" -> o.println(ClaimsReport.json(results, failures).toPrettyString());
            case "md" -> o.print(ClaimsReport.markdown(results, failures));
            default -> o.print(ClaimsReport.table(results, failures));
        }
        if (!noReport) {
            ClaimsReport.write(dir, results, failures);
            if (format.equals("table")) {
                o.println("Report: " + dir.resolve("index.html"));
            }
        }
        o.flush();
        for (ClaimsReport.Failure f : failures) {
            spec.commandLine().getErr().println("optikata claims: " + f.id() + ": " + f.message());
        }
        return failures.isEmpty() ? 0 : 1;
    }
}
