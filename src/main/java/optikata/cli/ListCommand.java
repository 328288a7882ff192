package optikata.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import optikata.kata.KataLayout;
import optikata.kata.ListLine;
import optikata.kata.Progress;
import optikata.kata.Stubs;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "list",
        mixinStandardHelpOptions = true,
        header = "List the exercises with your progress.",
        description = {
            "Every exercise with its state: not started, does not compile, failing (k of n specs",
            "pass) or done, from the results check and watch record in .optikata/progress.json.",
            "Nothing is compiled: an exercise whose files changed since its last check is shown as",
            "such (still as shipped counts as not started). --verify checks them all again.",
            "",
            "Examples:",
            "  ./optikata list",
            "  ./optikata list --verify"
        })
public final class ListCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(
            names = "--verify",
            description = "compile and run every exercise's specs again instead of trusting the recorded results")
    boolean verify;

    @Option(
            names = "--timeout",
            defaultValue = "10",
            paramLabel = "SECONDS",
            description = "time limit per spec with --verify (default: ${DEFAULT-VALUE})")
    int timeout;

    @Override
    public Integer call() throws Exception {
        KataLayout layout = KataLayout.fromHome();
        Progress progress = new Progress(layout);
        PrintWriter out = spec.commandLine().getOut();
        List<String> names = layout.names();
        int done = 0;
        for (String n : names) {
            String problem = Stubs.problem(layout, n);
            if (problem != null) {
                out.printf("✘ %-22s %s%n", n, problem);
                continue;
            }
            if (verify) {
                progress.evaluate(n, true, timeout);
                progress.save();
            }
            Progress.Entry e = progress.fresh(n);
            if (e != null && e.state == Progress.State.DONE) {
                done++;
            }
            out.println(ListLine.of(layout, progress, n));
            out.flush();
        }
        out.printf(
                "%n%d of %d done.%s%n",
                done, names.size(), verify ? "" : " (recorded results; ./optikata list --verify checks again)");
        String next = progress.firstUnfinished(names);
        if (next != null) {
            out.println("Next: ./optikata watch " + next.substring(0, 2));
        }
        out.flush();
        return 0;
    }
}
