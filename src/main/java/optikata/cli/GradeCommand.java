package optikata.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import optikata.grade.Cohort;
import optikata.grade.GradeOptions;
import optikata.grade.Grader;
import optikata.grade.Part;
import optikata.grade.Reports;
import optikata.grade.SafeFiles;
import optikata.kata.KataLayout;
import optikata.report.ScoreCharts;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "grade",
        mixinStandardHelpOptions = true,
        header = "Grade one submission or a cohort (Gradescope, JUnit and Markdown reports).",
        description = {
            "Grade a learner's exercises (one submission, or every submission folder of a cohort).",
            "Only the exercise sources are taken from a submission; the specs (public and hidden)",
            "come from this checkout. Specs run in child JVMs with a heap cap and timeouts, in a sandbox",
            "(bubblewrap, or a uid of its own when run as root: docs/GRADING.md, Isolation). Writes",
            "results.json (Gradescope), feedback.md and junit.xml; for a cohort also gradebook.csv,",
            "summary.md, histogram.png and manifest.json.",
            "A cohort too large for one machine is graded in shards (--shard i/N on N machines, each the",
            "same checkout and build) and put together with `grade merge`; --only regrades a few learners,",
            "to merge over their shard's grades. See docs/GRADING.md and the CI files in docs/ci/.",
            "Exit code 0 when it graded (whatever the score), 2 when it could not grade at all."
        },
        subcommands = {GradeMergeCommand.class, GradeShardOfCommand.class})
public final class GradeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    static final class Target {
        @Option(
                names = "--submission",
                paramLabel = "DIR",
                description = "a learner's copy of exercises/ (or a clone holding one)")
        Path submission;

        @Option(names = "--cohort", paramLabel = "DIR", description = "a folder of submission folders, one per learner")
        Path cohort;
    }

    // neither is required by picocli, so that `grade merge` runs without them; call() asks for them
    @ArgGroup(exclusive = true, multiplicity = "0..1")
    Target target;

    @Option(names = "--out", paramLabel = "OUTDIR", description = "where to write the results")
    Path out;

    @Option(
            names = "--shard",
            paramLabel = "i/N",
            description =
                    "with --cohort: grade only shard i of N (1 <= i <= N), e.g. 2/4; a learner's shard follows from its"
                            + " folder name alone, so N machines with the same cohort grade each learner once")
    String shard;

    @Option(
            names = "--only",
            split = ",",
            arity = "1..*",
            paramLabel = "NAME",
            description =
                    "with --cohort: regrade only these learners (folder names), to merge over their shard's grades")
    List<String> only;

    @Option(
            names = "--jobs",
            paramLabel = "N",
            description = "submissions graded at once (default: the number of cores)")
    Integer jobs;

    @Option(
            names = "--test-timeout",
            defaultValue = "10",
            paramLabel = "SECONDS",
            description = "per spec (default: ${DEFAULT-VALUE})")
    int testTimeout;

    @Option(
            names = "--deadline",
            defaultValue = "300",
            paramLabel = "SECONDS",
            description = "per submission (default: ${DEFAULT-VALUE})")
    int deadline;

    @Option(
            names = "--heap",
            defaultValue = "256",
            paramLabel = "MB",
            description = "heap cap of the test JVM (default: ${DEFAULT-VALUE})")
    int heap;

    @Option(
            names = "--output-cap",
            defaultValue = "8192",
            paramLabel = "BYTES",
            description = "output kept per spec (default: ${DEFAULT-VALUE})")
    int outputCap;

    @Option(
            names = "--points",
            split = ",",
            paramLabel = "EX=PTS",
            description = "points per exercise, e.g. 01-one-step=5,08-debugging=20 (default: 10 each)")
    Map<String, Double> points = new LinkedHashMap<>();

    @Option(
            names = "--hidden-visibility",
            defaultValue = "after_published",
            paramLabel = "WHEN",
            description =
                    "Gradescope visibility of hidden specs: hidden, after_due_date, after_published, visible (default: ${DEFAULT-VALUE})")
    String hiddenVisibility;

    @Option(names = "--show-hidden-details", description = "show hidden specs' failure messages to learners")
    boolean showHiddenDetails;

    @Option(
            names = "--no-sandbox",
            description =
                    "no namespace: isolate by a fresh uid per submission, limits and killing by uid only (as in a container that cannot make namespaces)")
    boolean noSandbox;

    @Option(
            names = "--feedback-only",
            description =
                    "where learner code cannot be isolated (not root, no bubblewrap), grade anyway for feedback: the results say they are untrusted and give no marks (without it, such a grade is refused with exit 2)")
    boolean feedbackOnly;

    /** Which learners of the cohort to grade, from --shard and --only. */
    private Part part() {
        boolean cohort = target.cohort != null;
        if (shard != null && only != null) {
            throw new OptionException("--only", "give --shard or --only, not both");
        }
        if (shard != null) {
            if (!cohort) {
                throw new OptionException("--shard", "a shard of what? --shard goes with --cohort");
            }
            try {
                return Part.parseShard(shard);
            } catch (IllegalArgumentException e) {
                throw new OptionException("--shard", e.getMessage());
            }
        }
        if (only != null) {
            if (!cohort) {
                throw new OptionException("--only", "--only goes with --cohort");
            }
            return Part.regrade(only.stream().distinct().toList());
        }
        return Part.all();
    }

    @Override
    public Integer call() throws Exception {
        if (target == null) {
            throw new OptionException(
                    null, "give --submission DIR or --cohort DIR (or merge shards with `optikata grade merge`)");
        }
        if (out == null) {
            throw new OptionException(null, "missing required option --out=OUTDIR (where to write the results)");
        }
        Part part = part();
        KataLayout layout = KataLayout.fromHome();
        GradeOptions options;
        try {
            List<String> names = layout.names();
            for (String ex : points.keySet()) {
                if (!names.contains(ex)) {
                    throw new OptionException(
                            "--points", "Unknown exercise: " + ex + " (known: " + String.join(", ", names) + ")");
                }
            }
            options = new GradeOptions(
                    testTimeout,
                    deadline,
                    heap,
                    outputCap,
                    points,
                    hiddenVisibility,
                    showHiddenDetails,
                    !noSandbox,
                    feedbackOnly);
        } catch (IllegalArgumentException e) {
            // Even a bad command line leaves a valid results file behind for CI to pick up.
            Reports.write(
                    out,
                    new Grader.Result("submission", List.of(), Map.of(), 0, 0, 0, e.getMessage(), "none"),
                    GradeOptions.defaults());
            throw e;
        }
        // --out exists, belongs to the grader and is no link before any learner code runs
        SafeFiles.prepareOut(out);
        PrintWriter o = spec.commandLine().getOut();
        if (target.cohort != null) {
            if (!Files.isDirectory(target.cohort)) {
                throw new OptionException("--cohort", "no such folder: " + target.cohort);
            }
            int n = jobs == null ? Runtime.getRuntime().availableProcessors() : jobs;
            if (n < 1) {
                throw new OptionException("--jobs", "invalid number of jobs: " + n + " (must be >= 1)");
            }
            long start = System.nanoTime();
            List<Grader.Result> results;
            try {
                results =
                        Cohort.grade(layout, options, target.cohort, out, n, System.err, part, ScoreCharts::histogram);
            } catch (IllegalArgumentException e) {
                throw new OptionException(part.regrade() ? "--only" : "--cohort", e.getMessage());
            }
            Grader.Result refused = results.stream()
                    .filter(r -> r.trust() == Grader.Trust.REFUSED)
                    .findFirst()
                    .orElse(null);
            if (refused != null) {
                spec.commandLine().getErr().println("optikata grade: " + refused.fatal());
                return 2;
            }
            results.stream()
                    .map(Grader.Result::sandbox)
                    .filter(line -> line != null && !line.isBlank())
                    .findFirst()
                    .ifPresent(line -> o.println("Isolation: " + line));
            o.printf(
                    "Graded %s%s in %.1f s: %s%n",
                    Words.count(results.size(), "submission"),
                    part.equals(Part.all()) ? "" : " (" + part.describe() + ")",
                    (System.nanoTime() - start) / 1e9,
                    out.resolve("gradebook.csv"));
            o.flush();
            return 0;
        }
        Grader.Result r = new Grader(layout, options).grade(target.submission);
        Reports.write(out, r, options);
        if (r.trust() == Grader.Trust.REFUSED) {
            spec.commandLine().getErr().println("optikata grade: " + r.fatal());
            return 2;
        }
        if (r.fatal() != null) {
            spec.commandLine().getErr().println("optikata grade: could not grade: " + r.fatal());
            return 2;
        }
        o.printf(
                "%s: %s / %s points in %.1f s%s. Wrote %s%nIsolation: %s%n",
                r.submission(),
                Reports.fmt(r.marks()),
                Reports.fmt(r.maxScore()),
                r.seconds(),
                r.trust() == Grader.Trust.TRUSTED
                        ? ""
                        : " (feedback only, no marks: checks passed would give " + Reports.fmt(r.score()) + ")",
                out.resolve("results.json"),
                r.sandbox());
        o.flush();
        return 0;
    }
}
