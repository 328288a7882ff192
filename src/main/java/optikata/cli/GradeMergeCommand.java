package optikata.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import optikata.grade.CohortManifest;
import optikata.grade.Merge;
import optikata.report.ScoreCharts;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
        name = "merge",
        mixinStandardHelpOptions = true,
        header = "Merge the shards of a cohort graded on several machines into one gradebook.",
        description = {
            "Put together the output folders of `grade --cohort DIR --shard i/N` (every i from 1 to N) and of",
            "`grade --cohort DIR --only NAME...` (regrades, which replace those learners' grades): writes the",
            "gradebook.csv, summary.md, histogram.png, hidden-details.md, manifest.json and every learner's",
            "reports that one run over the whole cohort writes. Refuses, naming the culprit and writing",
            "nothing, shards graded by another build, other specs or other options, a missing shard, a",
            "learner graded twice or not at all. Merging again after re-running a shard is safe.",
            "Exit code 0 when merged, 2 when refused."
        })
public final class GradeMergeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "SHARD_DIR", description = "the output folders of the shards and regrades")
    List<Path> shards;

    @Option(
            names = "--out",
            required = true,
            paramLabel = "OUTDIR",
            description = "where to write the whole cohort's results")
    Path out;

    @Override
    public Integer call() throws Exception {
        CohortManifest merged;
        try {
            merged = Merge.merge(shards, out, ScoreCharts::histogram);
        } catch (Merge.Refused e) {
            spec.commandLine().getErr().println("optikata grade merge: " + e.getMessage());
            return 2;
        }
        PrintWriter o = spec.commandLine().getOut();
        o.printf(
                "Merged %s: %s, %s%n",
                Words.count(shards.size(), "folder"),
                Words.count(merged.learners().size(), "learner"),
                out.resolve("gradebook.csv"));
        o.flush();
        return 0;
    }
}
