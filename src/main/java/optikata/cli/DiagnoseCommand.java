package optikata.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import optikata.diagnose.Diagnoser;
import optikata.diagnose.Trace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "diagnose", mixinStandardHelpOptions = true,
        header = "Find which RMSProp form or known mistake reproduces a run.",
        description = {
            "Find which RMSProp form or classic mistake reproduces a recorded run (--trace), or your",
            "exercise's RMSProp driven on a probe (--exercise).",
            "The trace is a CSV with a header naming step, theta_1..theta_d and grad_1..grad_d",
            "(the CSV of `optikata trace` works as it is); row 0 is the start.",
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
        @Option(names = "--trace", paramLabel = "FILE", description = "the recorded run (CSV)")
        Path trace;

        @Option(names = "--exercise", paramLabel = "NAME",
                description = "drive your RMSProp from an exercise (03-vectors, 04-epsilon-outside) on a probe and diagnose it")
        String exercise;
    }

    @picocli.CommandLine.ArgGroup(exclusive = true, multiplicity = "1")
    Input input;

    @Option(names = "--source", paramLabel = "DIR", description = "with --exercise: a tree laid out like exercises/ (default: exercises/)")
    Path source;

    /** With a match: replay the matched form under these precisions and say whether it reproduces the trace bit for bit. */
    @picocli.CommandLine.Mixin
    PrecisionOptions precision;

    @Override
    public Integer call() throws Exception {
        Trace t;
        if (input.exercise != null) {
            optikata.kata.KataLayout layout = optikata.kata.KataLayout.fromHome();
            String name = layout.resolve(input.exercise);
            t = optikata.diagnose.ExerciseProbe.record(layout, source == null ? layout.exercises() : source, name);
            spec.commandLine().getOut().printf("Probe of %s: η = 0.01, β = 0.9, ε = 1e-8, gradients of sizes 1, 0.1 and 1e-4%n", name);
        } else {
            t = Trace.read(input.trace);
        }
        Diagnoser.Diagnosis d = Diagnoser.diagnose(t);
        PrintWriter out = spec.commandLine().getOut();
        out.printf("%d steps of %d parameter(s)%s%n", d.stepsUsed(), t.start().length,
                t.skippedRows() > 0 ? " (" + t.skippedRows() + " rows after a gap in the step numbers were not used)" : "");
        if (!d.matched()) {
            out.printf("No known form reproduces this trace. Closest: %s, residual %.3g (a match is below %.0e).%n",
                    d.closest() == null ? "none" : d.closest().describe(), d.closest() == null ? Double.NaN : d.closest().residual(),
                    Diagnoser.NO_MATCH);
            out.flush();
            return 1;
        }
        Diagnoser.Fit b = d.best();
        out.printf("Best match: %s%n", b.describe());
        out.printf("Residual:   %.3g (parameter error relative to each coordinate's travel, root mean square)%n", b.residual());
        if (b.mistake() == optikata.mistakes.RmsPropMistake.NONE) {
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
            out.println("This trace cannot tell the match apart from (more varied gradients, or gradients near √ε, would):");
            for (Diagnoser.Fit f : d.alternatives()) {
                out.printf("  - %s%n", f.describe());
            }
        }
        out.flush();
        return 0;
    }
}
