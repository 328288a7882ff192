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
import optikata.claims.file.ClaimsFile;
import optikata.claims.file.ClaimsFileException;
import optikata.claims.file.Problem;
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
            "With --file the instructor's own claims (a YAML or JSON claims file, docs/CLAIMS-FILE.md) are checked",
            "too and listed after the texts', as the instructor's series; the whole file is validated first, and a",
            "bad file gets one line per mistake (file:line:column: key: rule), exit code 2 and no report.",
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

    @Option(
            names = "--file",
            paramLabel = "FILE",
            description = "an instructor's claims file (YAML, or JSON by its .json name; see docs/CLAIMS-FILE.md)")
    Path file;

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
        // The whole file is validated before any claim runs or anything is written.
        ClaimsFile instructorFile = null;
        if (file != null) {
            if (Files.isDirectory(file)) {
                throw new OptionException("--file", "a folder, not a file: " + file);
            }
            try {
                instructorFile = ClaimsFile.read(file);
            } catch (ClaimsFileException e) {
                PrintWriter err = spec.commandLine().getErr();
                for (Problem p : e.problems()) {
                    err.println(spec.qualifiedName() + ": " + p);
                }
                err.flush();
                return Errors.USAGE;
            }
        }
        List<Claim> claims = new ArrayList<>();
        List<Claim> own = new ArrayList<>();
        if (only == null) {
            claims.addAll(Register.all());
            if (instructorFile != null) {
                own.addAll(instructorFile.claims());
            }
        } else {
            for (String id : only) {
                Claim fromFile = instructorFile == null ? null : byId(instructorFile, id.strip());
                if (fromFile != null) {
                    own.add(fromFile);
                } else if (instructorFile != null && !id.strip().matches("(?i)[CL][0-9]+")) {
                    throw new OptionException(
                            "--claim",
                            "Unknown claim: " + id.strip() + " (known: C01 to C25, L01 to "
                                    + "L07, and the file's "
                                    + String.join(
                                            ", ",
                                            instructorFile.claims().stream()
                                                    .map(Claim::id)
                                                    .toList()) + ")");
                } else {
                    claims.add(Register.byId(id.strip()));
                }
            }
        }
        List<Claim> chosen = new ArrayList<>(claims);
        chosen.addAll(own);
        Path dir = only == null
                ? out
                : out.resolve("only-"
                        + String.join("-", chosen.stream().map(Claim::id).toList()));
        ClaimContext context = ClaimContext.withData(data);
        List<ClaimsReport.Failure> failures = new ArrayList<>();
        List<ClaimResult> results = check(claims, context, failures);
        ClaimsReport.InstructorSeries instructor = instructorFile == null
                ? null
                : new ClaimsReport.InstructorSeries(
                        instructorFile.series(), instructorFile.file(), check(own, context, failures));
        PrintWriter o = spec.commandLine().getOut();
        switch (format) {
            case "json" ->
                o.println(ClaimsReport.json(results, instructor, failures).toPrettyString());
            case "md" -> o.print(ClaimsReport.markdown(results, instructor, failures));
            default -> o.print(ClaimsReport.table(results, instructor, failures));
        }
        if (!noReport) {
            ClaimsReport.write(dir, results, instructor, failures);
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

    private static List<ClaimResult> check(
            List<? extends Claim> claims, ClaimContext context, List<ClaimsReport.Failure> failures) {
        List<ClaimResult> results = new ArrayList<>();
        for (Claim c : claims) {
            try {
                results.add(c.check(context));
            } catch (Exception | AssertionError e) {
                failures.add(new ClaimsReport.Failure(c.id(), "check crashed: " + e));
            }
        }
        return results;
    }

    private static Claim byId(ClaimsFile file, String id) {
        for (Claim c : file.claims()) {
            if (c.id().equalsIgnoreCase(id)) {
                return c;
            }
        }
        return null;
    }
}
