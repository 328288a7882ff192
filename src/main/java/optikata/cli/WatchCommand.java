package optikata.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import optikata.kata.KataLayout;
import optikata.kata.Progress;
import optikata.kata.Stubs;
import optikata.kata.Watcher;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
        name = "watch",
        mixinStandardHelpOptions = true,
        header = "Re-check an exercise every time you save it, and move on when it passes.",
        description = {
            "Watch an exercise's files; on every save, compile it and run its specs again (in this",
            "process, so it is quick) and redraw: the first failing spec's message on top, a progress",
            "line below. When the exercise passes, say so and move to the next unfinished one.",
            "Keys: q quits, h shows the next hint, l lists the exercises.",
            "When the output is not a terminal, results are appended as plain lines instead.",
            "",
            "Examples:",
            "  ./optikata watch        the first unfinished exercise",
            "  ./optikata watch 03     exercise 03 (also: 03-vectors, vectors)"
        })
public final class WatchCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(
            arity = "0..1",
            paramLabel = "EXERCISE",
            description = "the exercise to start with (default: the first unfinished)")
    String wanted;

    @Option(
            names = "--timeout",
            defaultValue = "10",
            paramLabel = "SECONDS",
            description = "time limit per spec (default: ${DEFAULT-VALUE})")
    int timeout;

    @Option(
            names = "--plain",
            description = "append plain lines even in a terminal (no screen redraws, no single-key input)")
    boolean plain;

    @Override
    public Integer call() throws Exception {
        KataLayout layout = KataLayout.fromHome();
        String start = wanted == null ? null : layout.resolve(wanted);
        if (start != null) {
            String problem = Stubs.problem(layout, start);
            if (problem == null) {
                problem = Stubs.notWritable(layout, start);
            }
            if (problem != null) {
                throw new IllegalArgumentException(problem);
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        boolean ansi = !plain && Terminal.isTerminal(1);
        Watcher w = new Watcher(layout, new Progress(layout), out, ansi, timeout);
        Terminal terminal = ansi ? Terminal.cbreak() : new Terminal();
        try (terminal) {
            w.readKeys(System.in);
            return w.run(start);
        }
    }
}
