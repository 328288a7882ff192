package optikata.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import optikata.grade.Part;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
        name = "shard-of",
        mixinStandardHelpOptions = true,
        header = "Print the shard each learner is graded in, for a CI job that fetches only its shard's learners.",
        description = {
            "For each learner (a folder name of the cohort) print \"NAME i\": the shard, from 1 to N, that",
            "`grade --cohort DIR --shard i/N` grades it in. A CI job can then clone only its own learners",
            "(and make an empty folder for the others, so that every shard sees the same cohort)."
        })
public final class GradeShardOfCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--shards", required = true, paramLabel = "N", description = "the number of shards")
    int shards;

    @Parameters(arity = "1..*", paramLabel = "NAME", description = "learners' folder names")
    List<String> learners;

    @Override
    public Integer call() {
        if (shards < 1) {
            throw new OptionException("--shards", "invalid number of shards: " + shards + " (must be >= 1)");
        }
        PrintWriter o = spec.commandLine().getOut();
        for (String learner : learners) {
            o.println(learner + " " + Part.shardOf(learner, shards));
        }
        o.flush();
        return 0;
    }
}
