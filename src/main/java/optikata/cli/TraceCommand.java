package optikata.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import optikata.objective.Objective;
import optikata.objective.Objectives;
import optikata.optim.Optimizer;
import optikata.optim.OptimizerRegistry;
import optikata.optim.OptimizerSpec;
import optikata.report.TracePlots;
import optikata.run.Runner;
import optikata.run.Trace;
import optikata.run.Trajectory;
import optikata.run.TrajectoryFormat;
import org.ejml.data.DMatrixRMaj;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "trace",
        mixinStandardHelpOptions = true,
        header = "Run an optimizer step by step and print (or plot) every step.",
        description = {
            "Run an optimizer on an objective (or on recorded gradients) and print every step:",
            "parameters, loss, gradient, state buffers and the effective learning rate η/denominator.",
            "",
            "Example (Dive into Deep Learning §7.6.1, ends at x1 ≈ -0.010599, x2 ≈ 0.000000):",
            "  ./optikata trace --optimizer rmsprop --preset d2l --lr 0.4 --decay 0.9 --eps 1e-6 \\",
            "      --objective d2l-quadratic --start -5,-2 --steps 20"
        })
public final class TraceCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    OptimizerOptions optimizerOptions;

    @Mixin
    PrecisionOptions precisionOptions;

    @Option(
            names = "--objective",
            defaultValue = "square",
            paramLabel = "NAME",
            description = {
                "square (θ², the debugging guide's), d2l-quadratic (0.1x₁²+2x₂²), rosenbrock, least-squares",
                "(the linear-regression tutorial's data), logistic (default: ${DEFAULT-VALUE}); with --replay, for the loss"
            })
    String objective;

    @Option(
            names = "--start",
            split = ",",
            paramLabel = "X",
            description =
                    "start point, comma-separated (default: the objective's, e.g. 1 for square, -5,-2 for d2l-quadratic)")
    double[] start;

    @Option(
            names = "--steps",
            defaultValue = "20",
            paramLabel = "N",
            description =
                    "number of steps (default: ${DEFAULT-VALUE}; with --replay: the first N recorded steps, all when not given)")
    int steps;

    @Option(
            names = "--replay",
            paramLabel = "FILE",
            description = {
                "feed recorded gradients instead of an objective's: a trace this command wrote (CSV or JSON;",
                "its start point is used unless --start is given) or a CSV of gradients only (one row per step,",
                "one column per parameter; needs --start). See docs/FORMATS.md."
            })
    Path replay;

    @Option(
            names = "--format",
            defaultValue = "csv",
            paramLabel = "FMT",
            description = "csv or json (default: ${DEFAULT-VALUE}; json when --out ends in .json)")
    TrajectoryFormat format;

    @Option(
            names = "--out",
            paramLabel = "FILE",
            description = "write the trace to FILE (its folders are created) instead of printing it")
    Path out;

    @Option(
            names = "--plot",
            paramLabel = "FILE.png",
            arity = "0..1",
            fallbackValue = DEFAULT_PLOT,
            description = {
                "also draw the run: the trajectory on the contour (2-D objectives) or the loss, and",
                "FILE-rate.png with the effective rates (default FILE: " + DEFAULT_PLOT + "; a folder gets trace.png)"
            })
    Path plot;

    @Option(
            names = "--compare",
            split = ",",
            paramLabel = "NAME",
            description = {
                "run these optimizers too (same --lr and --weight-decay where given, each in its own",
                "weight decay form), write them after the main run and draw them together with --plot,",
                "e.g. rmsprop,adagrad; --optimizer adamw --weight-decay 0.1 --compare adam sets the",
                "decoupled decay beside the coupled one"
            })
    List<String> compare;

    /** Every step is kept in memory (and printed): a million is far more than a person reads. */
    static final int MAX_STEPS = 1_000_000;

    static final String DEFAULT_PLOT = "target/optikata-trace/trace.png";

    @Option(
            names = "--exercise",
            paramLabel = "NN",
            description =
                    "run your own optimizer from exercises/NN-name/src (03 to 07, 09) with --lr, --decay, --eps, --momentum, --beta1, --beta2, --weight-decay (09); with --plot it is drawn beside the library's")
    String exercise;

    @Override
    public Integer call() throws IOException {
        if (steps < 0 || steps > MAX_STEPS) {
            throw new OptionException(
                    "--steps", "invalid number of steps: " + steps + " (must be in [0, " + MAX_STEPS + "])");
        }
        ExerciseTrace mine = exercise == null ? null : new ExerciseTrace(exercise, optimizerOptions);
        Optimizer optimizer = mine == null
                ? precisionOptions.apply(OptimizerRegistry.FAMILY.build(optimizerOptions.spec()))
                : mine.learner();
        boolean objectiveGiven = spec.commandLine().getParseResult().hasMatchedOption("--objective");
        Objective f = replay == null || objectiveGiven ? Objectives.byName(objective) : null;
        List<double[]> gradients = null;
        DMatrixRMaj x0;
        if (replay != null) {
            Trace recorded = TrajectoryFormat.readGradients(replay, start == null ? -1 : start.length);
            double[] from = start != null ? start : recorded.start();
            if (from == null) {
                throw new OptionException(
                        "--replay",
                        replay + " holds gradients only, without the start point: give it with --start X[,X...]");
            }
            if (from.length != recorded.gradients().get(0).length) {
                throw new OptionException(
                        "--start",
                        "invalid start point: " + Words.count(from.length, "value") + " but the gradients in " + replay
                                + " have " + recorded.gradients().get(0).length);
            }
            gradients = recorded.gradients();
            if (spec.commandLine().getParseResult().hasMatchedOption("--steps") && steps < gradients.size()) {
                gradients = gradients.subList(0, steps);
            }
            x0 = Objective.column(from.clone());
        } else {
            x0 = start == null ? f.defaultStart() : Objective.column(start.clone());
        }
        if (f != null && x0.getNumElements() != f.dimension()) {
            throw new OptionException(
                    start != null ? "--start" : "--objective",
                    "invalid start point: " + Words.count(x0.getNumElements(), "value") + " but " + f.name() + " takes "
                            + f.dimension());
        }
        List<Trajectory> runs = new ArrayList<>();
        List<Optimizer> optimizers = new ArrayList<>();
        runs.add(run(optimizer, f, x0, gradients));
        optimizers.add(optimizer);
        if (mine != null && mine.library() != null) {
            // the learner's optimizer beside the library's, on the same start and gradients
            runs.add(run(mine.library(), f, x0, gradients));
            optimizers.add(mine.library());
            spec.commandLine().getErr().println("optikata trace: " + mine.compare(runs.get(0), runs.get(1)));
        }
        for (String other : compare == null ? List.<String>of() : compare) {
            if (other.strip().equalsIgnoreCase(optimizer.name())) {
                continue;
            }
            Optimizer o;
            try {
                o = OptimizerRegistry.FAMILY.build(OptimizerSpec.of(other.strip())
                        .withLearningRate(optimizerOptions.learningRate)
                        .with(OptimizerSpec.WEIGHT_DECAY, optimizerOptions.weightDecay));
            } catch (IllegalArgumentException e) {
                throw new OptionException("--compare", e.getMessage(), e);
            }
            runs.add(run(o, f, x0, gradients));
            optimizers.add(o);
        }
        if (plot != null) {
            if (f == null) {
                throw new OptionException(
                        "--plot", "a replayed run has no loss to draw without its objective: name it with --objective");
            }
            Path file = Files.isDirectory(plot) ? plot.resolve("trace.png") : plot;
            Files.createDirectories(file.toAbsolutePath().getParent());
            for (Path p : TracePlots.write(runs, f, file)) {
                spec.commandLine().getErr().println("optikata trace: wrote " + p);
            }
        }
        TrajectoryFormat fmt = format;
        if (out != null
                && !spec.commandLine().getParseResult().hasMatchedOption("--format")
                && out.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json")) {
            fmt = TrajectoryFormat.JSON;
        }
        if (out == null) {
            PrintWriter o = spec.commandLine().getOut();
            TrajectoryFormat.write(fmt, runs, optimizers, o);
            o.flush();
        } else {
            if (out.toAbsolutePath().getParent() != null) {
                Files.createDirectories(out.toAbsolutePath().getParent());
            }
            try (PrintWriter o = new PrintWriter(Files.newBufferedWriter(out, StandardCharsets.UTF_8))) {
                TrajectoryFormat.write(fmt, runs, optimizers, o);
            }
            spec.commandLine()
                    .getErr()
                    .println("optikata trace: wrote " + out + " ("
                            + Words.count(runs.get(0).steps(), "step")
                            + (runs.size() > 1 ? ", " + Words.count(runs.size() - 1, "compared run") : "") + ")");
        }
        Trajectory main = runs.get(0);
        if (main.diverged()) {
            spec.commandLine()
                    .getErr()
                    .println("optikata trace: stopped at step "
                            + main.divergedAt().getAsInt() + ": " + main.stopReason());
            return 1;
        }
        return 0;
    }

    private Trajectory run(Optimizer o, Objective f, DMatrixRMaj x0, List<double[]> gradients) {
        return gradients == null ? Runner.run(o, f, x0, steps) : Runner.replay(o, x0, gradients, f);
    }
}
