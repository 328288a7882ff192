package optikata.cli;

import java.util.concurrent.Callable;
import optikata.kata.Completion;
import optikata.kata.Hints;
import optikata.kata.KataLayout;
import optikata.kata.Progress;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
        name = "hint",
        mixinStandardHelpOptions = true,
        header = "Show one more hint for an exercise.",
        description = {
            "Each time you ask, one more hint: first the idea, then the formula, then the line to",
            "look at. The hints shown so far are remembered (in .optikata/progress.json) and shown",
            "again above the new one. They live in exercises/NN-name/hints.md.",
            "",
            "Examples:",
            "  ./optikata hint 01",
            "  ./optikata hint         the first unfinished exercise"
        })
public final class HintCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(arity = "0..1", paramLabel = "EXERCISE", description = "the exercise (default: the first unfinished)")
    String wanted;

    @CommandLine.Option(names = "--all", description = "show every hint seen so far in full, not only the newest")
    boolean all;

    @Override
    public Integer call() throws Exception {
        KataLayout layout = KataLayout.fromHome();
        Progress progress = new Progress(layout);
        String name = wanted != null ? layout.resolve(wanted) : progress.firstUnfinished(layout.names());
        if (name == null) {
            spec.commandLine().getOut().println("Every exercise is done: no hint needed.");
            spec.commandLine().getOut().flush();
            return 0;
        }
        spec.commandLine().getOut().println(name + " — " + Completion.title(layout, name));
        spec.commandLine().getOut().print(Hints.next(layout, progress, name, all));
        spec.commandLine().getOut().flush();
        return 0;
    }
}
