package optikata.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import optikata.diagnose.Diagnoser;
import optikata.kata.KataLayout;
import optikata.kata.KataRun;
import optikata.mistakes.RmsPropMistake;
import optikata.run.Trace;
import optikata.run.TrajectoryFormat;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "diagnose",
        mixinStandardHelpOptions = true,
        header = "Find which RMSProp form or known mistake reproduces a run.",
        description = {
            "Find which RMSProp form or classic mistake reproduces a recorded run (--trace), or your",
            "exercise's code, case by case, with check's words (--exercise).",
            "The trace is what `optikata trace` writes (CSV or JSON, see docs/FORMATS.md), or any CSV with",
            "a header naming step, theta_1..theta_d and grad_1..grad_d; row 0 is the start.",
            "Every known form (ε inside/outside, each framework's defaults) and mistake (sign flipped,",
            "(1−β) missing, decay swapped, square root missing, ε in the accumulator, state reset,",
            "gradient average instead of squared) is fitted (η from the first step, β and ε from",
            "the values frameworks use) and replayed; the best match, its residual, the first step",
            "that leaves the correct update, and what to change are printed.",
            "Exit code 0 when a form matches, 1 when none does."
        })
public final class DiagnoseCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    static final class Input {
        @Option(names = "--trace", paramLabel = "FILE", description = "the recorded run (CSV or JSON)")
        Path trace;

        @Option(
                names = "--exercise",
                paramLabel = "NAME",
                description =
                        "diagnose your code for an exercise: every case of its specs, which quantities are wrong, and the likely mistake (the same words as check)")
        String exercise;
    }

    @CommandLine.ArgGroup(exclusive = true, multiplicity = "1")
    Input input;

    @Option(
            names = "--source",
            paramLabel = "DIR",
            description = "with --exercise: a tree laid out like exercises/ (default: exercises/)")
    Path source;

    /** With a match: replay the matched form under these precisions and say whether it reproduces the trace bit for bit. */
    @CommandLine.Mixin
    PrecisionOptions precision;

    @Override
    public Integer call() throws Exception {
        if (source != null && !Files.isDirectory(source)) {
            throw new OptionException(
                    "--source", "no such folder: " + source + " (give a tree laid out like exercises/)");
        }
        if (input.exercise != null) {
            // one engine: the same cases, judgements and words as check and the grader
            KataLayout layout = KataLayout.fromHome();
            String name = layout.resolve(input.exercise);
            KataRun.Report r = KataRun.run(layout, source == null ? layout.exercises() : source, name, false, 10);
            PrintWriter out = spec.commandLine().getOut();
            CheckCommand.print(out, layout, r);
            if (r.allPassed()) {
                out.println("No mistake: every case of " + name + " behaves like the reference.");
            }
            out.flush();
            return r.allPassed() ? 0 : 1;
        }
        Trace t = TrajectoryFormat.read(input.trace);
        Diagnoser.Diagnosis d = Diagnoser.diagnose(t);
        PrintWriter out = spec.commandLine().getOut();
        out.printf(
                "%s of %s%s%n",
                Words.count(d.stepsUsed(), "step"),
                Words.count(t.start().length, "parameter"),
                t.skippedRows() > 0
                        ? " (" + Words.count(t.skippedRows(), "row") + " after a gap in the step numbers or a value"
                                + " that is not finite " + (t.skippedRows() == 1 ? "was" : "were") + " not used)"
                        : "");
        if (!d.matched()) {
            out.printf(
                    "No known form reproduces this trace. Closest: %s, residual %.3g (a match is below %.0e).%n",
                    d.closest() == null ? "none" : d.closest().describe(),
                    d.closest() == null ? Double.NaN : d.closest().residual(),
                    Diagnoser.NO_MATCH);
            out.flush();
            return 1;
        }
        Diagnoser.Fit b = d.best();
        out.printf("Best match: %s%n", b.describe());
        out.printf(
                "Residual:   %.3g (parameter error relative to each coordinate's travel, root mean square)%n",
                b.residual());
        if (b.mistake() == RmsPropMistake.NONE) {
            out.println("Diagnosis:  no mistake: the trace follows RMSProp"
                    + (d.presets().isEmpty() ? "" : ", with the defaults of " + String.join(", ", d.presets())));
        } else {
            out.printf("Diagnosis:  %s%n", b.mistake().description());
            out.printf("Fix:        %s%n", b.mistake().fix());
            out.printf("Leaves the correct update at step %d.%n", d.firstDeviation());
        }
        if (precision.given()) {
            out.println(PrecisionCheck.describe(t, b, precision));
        }
        if (!d.alternatives().isEmpty()) {
            out.println(
                    "This trace cannot tell the match apart from (more varied gradients, or gradients near √ε, would):");
            for (Diagnoser.Fit f : d.alternatives()) {
                out.printf("  - %s%n", f.describe());
            }
        }
        out.flush();
        return 0;
    }
}
