package optikata.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import optikata.kata.Completion;
import optikata.kata.GraderCases;
import optikata.kata.KataLayout;
import optikata.kata.KataRun;
import optikata.kata.Progress;
import optikata.kata.SpecResult;
import optikata.kata.Stubs;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
        name = "check",
        mixinStandardHelpOptions = true,
        header = "Check your kata exercises against their specs.",
        description = {
            "Compile your exercises (exercises/NN-name/src) and run their public specs.",
            "Per exercise: passed; failed, with what was expected, what your code gave",
            "and the likely mistake; or not started (the stub still throws).",
            "Exit code 0 when every checked exercise passes.",
            "",
            "Examples:",
            "  ./optikata check        all exercises",
            "  ./optikata check 01     one exercise (also: 01-one-step, one-step)"
        })
public final class CheckCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(arity = "0..*", paramLabel = "EXERCISE", description = "exercises to check (default: all)")
    List<String> wanted;

    @Option(
            names = "--source",
            paramLabel = "DIR",
            description = "a tree laid out like exercises/ to check instead (default: exercises/)")
    Path source;

    @Option(
            names = "--timeout",
            defaultValue = "10",
            paramLabel = "SECONDS",
            description = "time limit per spec (default: ${DEFAULT-VALUE})")
    int timeout;

    @Override
    public Integer call() throws Exception {
        KataLayout layout = KataLayout.fromHome();
        List<String> names = wanted == null || wanted.isEmpty()
                ? layout.names()
                : wanted.stream().map(layout::resolve).toList();
        if (source != null && !Files.isDirectory(source)) {
            throw new OptionException(
                    "--source", "no such folder: " + source + " (give a tree laid out like exercises/)");
        }
        if (timeout < 1) {
            throw new OptionException("--timeout", "invalid time limit: " + timeout + " (must be >= 1 second)");
        }
        Path tree = source == null ? layout.exercises() : source;
        if (source != null) {
            for (String name : names) {
                if (!Files.isDirectory(KataLayout.sourceDir(tree, name))) {
                    throw new OptionException(
                            "--source",
                            source + " has no " + name + "/src folder (give a tree laid out like exercises/)");
                }
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        // The learner's own tree: results go to the progress file (list, watch, next read it).
        Progress progress = source == null ? new Progress(layout) : null;
        int passed = 0;
        for (String name : names) {
            if (source == null) {
                String problem = Stubs.problem(layout, name);
                if (problem != null) {
                    throw new IllegalArgumentException(problem);
                }
            }
            String hash = progress == null ? null : progress.hash(name);
            KataRun.Report r = KataRun.run(layout, tree, name, false, timeout);
            print(out, layout, r);
            if (r.allPassed()) {
                passed++;
            }
            if (progress != null) {
                progress.record(r, hash);
                progress.save();
            }
            out.flush();
        }
        out.printf(
                "%n%d of %s %s.%s%n",
                passed,
                Words.count(names.size(), "exercise"),
                passed == 1 ? "passes" : "pass",
                passed == names.size() ? "" : " Read the messages above, fix one thing, and run the check again.");
        if (progress != null) {
            printWhatNext(out, layout, progress, names);
        }
        out.flush();
        return passed == names.size() ? 0 : 1;
    }

    /** After a check of the learner's tree: the completion message of a finished exercise, or of the kata. */
    static void printWhatNext(PrintWriter out, KataLayout layout, Progress progress, List<String> checked)
            throws IOException {
        List<String> all = layout.names();
        String next = progress.firstUnfinished(all);
        if (next == null) {
            out.println();
            out.print(Completion.kataDone());
            return;
        }
        if (checked.size() == 1) {
            Progress.Entry e = progress.fresh(checked.get(0));
            if (e != null && e.state == Progress.State.DONE) {
                out.println();
                out.print(Completion.exerciseDone(layout, checked.get(0), next));
            } else {
                out.println(
                        "Stuck? ./optikata hint " + checked.get(0).substring(0, 2) + " shows one more hint each time.");
            }
        }
    }

    static void print(PrintWriter out, KataLayout layout, KataRun.Report r) {
        if (!r.compiled()) {
            out.printf("✘ %s: does not compile%n", r.exercise());
            r.compileErrors().forEach(e -> out.println("    " + e));
            return;
        }
        if (r.notStarted()) {
            out.printf(
                    "… %s: not started (%s)%n", r.exercise(), r.results().get(0).message());
            return;
        }
        out.printf(
                "%s %s: %d of %s %s%n",
                r.allPassed() ? "✔" : "✘",
                r.exercise(),
                r.passed(),
                Words.count(r.results().size(), "spec"),
                r.passed() == 1 ? "passes" : "pass");
        if (r.allPassed()) {
            out.print(GraderCases.note(layout, r.exercise(), "    "));
        }
        for (SpecResult s : r.results()) {
            if (s.status() == SpecResult.Status.PASSED) {
                continue;
            }
            out.println("  ✘ " + s.name());
            for (String line : s.message().split("\n")) {
                out.println("      " + line);
            }
        }
    }
}
