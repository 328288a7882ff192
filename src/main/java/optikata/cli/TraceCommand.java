package optikata.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import optikata.objective.Objective;
import optikata.objective.Objectives;
import optikata.optim.Optimizer;
import optikata.run.CsvGradients;
import optikata.run.Runner;
import optikata.run.Trajectory;
import optikata.run.TrajectoryFormat;
import org.ejml.data.DMatrixRMaj;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "trace", mixinStandardHelpOptions = true,
        header = "Run an optimizer step by step and print (or plot) every step.",
        description = {
            "Run an optimizer on an objective (or on recorded gradients) and print every step:",
            "parameters, loss, gradient, state buffers and the effective learning rate η/denominator.",
            "",
            "Example (seed 004 §7.6.1, ends at x1 ≈ -0.010599, x2 ≈ 0.000000):",
            "  ./optikata trace --optimizer rmsprop --preset d2l --lr 0.4 --decay 0.9 --eps 1e-6 \\",
            "      --objective d2l-quadratic --start -5,-2 --steps 20"
        })
public final class TraceCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    OptimizerOptions optimizerOptions;

    @Option(names = "--objective", defaultValue = "square", paramLabel = "NAME",
            description = "square (θ², seed 000), d2l-quadratic (0.1x₁²+2x₂²), rosenbrock, least-squares (seed 001 data), logistic (default: ${DEFAULT-VALUE})")
    String objective;

    @Option(names = "--start", split = ",", paramLabel = "X",
            description = "start point, comma-separated (default: the objective's, e.g. 1 for square, -5,-2 for d2l-quadratic)")
    double[] start;

    @Option(names = "--steps", defaultValue = "20", paramLabel = "N", description = "number of steps (default: ${DEFAULT-VALUE})")
    int steps;

    @Option(names = "--replay", paramLabel = "FILE",
            description = "feed recorded gradients from a CSV (one row per step, one column per parameter) instead of an objective's; needs --start")
    Path replay;

    @Option(names = "--format", defaultValue = "csv", paramLabel = "FMT", description = "csv or json (default: ${DEFAULT-VALUE})")
    TrajectoryFormat format;

    @Option(names = "--plot", paramLabel = "FILE.png",
            description = "also draw the run: the trajectory on the contour (2-D objectives) or the loss, and FILE-rate.png with the effective rates")
    Path plot;

    @Option(names = "--compare", split = ",", paramLabel = "NAME",
            description = "run these optimizers too (same overrides where they apply) and draw them together, e.g. rmsprop,adagrad")
    java.util.List<String> compare;

    @Option(names = "--exercise", paramLabel = "NN",
            description = "run your own optimizer from exercises/NN-name/src (03 to 07) with --lr, --decay, --eps, --momentum, --beta1, --beta2; with --plot it is drawn beside the library's")
    String exercise;

    @Override
    public Integer call() throws IOException {
        if (steps < 0) {
            throw new IllegalArgumentException("Invalid --steps: " + steps + " (must be >= 0)");
        }
        ExerciseTrace mine = exercise == null ? null : new ExerciseTrace(exercise, optimizerOptions);
        Optimizer optimizer = mine == null ? optimizerOptions.spec().build() : mine.learner();
        Trajectory trajectory;
        if (replay != null) {
            if (start == null) {
                throw new IllegalArgumentException("Invalid --replay: needs --start (the parameters before the first recorded gradient)");
            }
            List<double[]> gradients = CsvGradients.read(replay, start.length);
            trajectory = Runner.replay(optimizer, Objective.column(start.clone()), gradients, null);
        } else {
            Objective f = Objectives.byName(objective);
            DMatrixRMaj x0 = start == null ? f.defaultStart() : Objective.column(start.clone());
            if (x0.getNumElements() != f.dimension()) {
                throw new IllegalArgumentException("Invalid --start: " + x0.getNumElements() + " values but "
                        + f.name() + " takes " + f.dimension());
            }
            trajectory = Runner.run(optimizer, f, x0, steps);
            if (plot != null) {
                java.util.List<Trajectory> runs = new java.util.ArrayList<>(java.util.List.of(trajectory));
                if (mine != null && mine.library() != null) {
                    runs.add(Runner.run(mine.library(), f, x0, steps));
                    spec.commandLine().getErr().println("optikata trace: " + mine.compare(trajectory, runs.get(1)));
                }
                for (String other : compare == null ? java.util.List.<String>of() : compare) {
                    if (other.equalsIgnoreCase(optimizer.name())) {
                        continue;
                    }
                    optikata.optim.OptimizerSpec s = new optikata.optim.OptimizerSpec(other, null, optimizerOptions.learningRate,
                            null, null, null, null, null, null, null, null);
                    runs.add(Runner.run(s.build(), f, x0, steps));
                }
                for (Path p : optikata.report.TracePlots.write(runs, f, plot)) {
                    spec.commandLine().getErr().println("optikata trace: wrote " + p);
                }
            }
        }
        if (plot == null && compare != null) {
            throw new IllegalArgumentException("Invalid --compare: " + compare + " (draws only with --plot FILE.png)");
        }
        PrintWriter out = spec.commandLine().getOut();
        TrajectoryFormat.write(format, trajectory, optimizer, out);
        out.flush();
        if (trajectory.diverged()) {
            spec.commandLine().getErr().println("optikata trace: stopped at step " + trajectory.divergedAt().getAsInt()
                    + ": " + trajectory.stopReason());
            return 1;
        }
        return 0;
    }
}
