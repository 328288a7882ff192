package optikata.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import optikata.kata.Completion;
import optikata.kata.KataLayout;
import optikata.kata.Progress;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(
        name = "next",
        mixinStandardHelpOptions = true,
        header = "Say which exercise to do next.",
        description = {
            "The first exercise that is not done (checked again when its files changed since the",
            "last check), with its title and how to start; at the end of the kata, what you learned",
            "and where to go from here."
        })
public final class NextCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        KataLayout layout = KataLayout.fromHome();
        Progress progress = new Progress(layout);
        PrintWriter out = spec.commandLine().getOut();
        List<String> names = layout.names();
        for (String n : names) {
            Progress.Entry e = progress.evaluate(n, false, 10);
            if (e.state != Progress.State.DONE) {
                progress.save();
                out.println("Next: " + n + " — " + Completion.title(layout, n)
                        + (e.state == Progress.State.FAILING
                                ? " (" + e.passed + " of " + e.total + " specs pass)"
                                : ""));
                out.println("  read exercises/" + n + "/README.md, then: ./optikata watch " + n.substring(0, 2)
                        + "   (stuck? ./optikata hint " + n.substring(0, 2) + ")");
                out.flush();
                return 0;
            }
        }
        progress.save();
        out.print(Completion.kataDone());
        out.flush();
        return 0;
    }
}
