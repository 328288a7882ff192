package optikata.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import optikata.objective.Square;
import optikata.optim.RmsProp;
import optikata.optim.RmsPropConfig;
import optikata.run.Runner;
import optikata.run.Trajectory;
import optikata.run.TrajectoryPoint;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "claims", mixinStandardHelpOptions = true,
        description = "Check the claims of the reference texts (for now: the θ² worked example of seed 000 §4.2).")
public final class ClaimsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        RmsPropConfig c = RmsPropConfig.defaults().withLearningRate(0.01).withDecay(0.9).withEpsilon(1e-8);
        Trajectory t = Runner.run(new RmsProp(c), new Square(), new Square().defaultStart(), 5);
        out.println("Seed 000 §4.2: L(θ) = θ², θ₀ = 1, α = 0.01, β = 0.9, ε = 1e-8 inside the root");
        out.printf("%4s %12s %12s %14s%n", "t", "g_t", "E[g²]_t", "θ_t");
        for (TrajectoryPoint p : t.points()) {
            out.printf("%4d %12s %12s %14.8f%n", p.step(), p.gradient() == null ? "" : String.format("%.6f", p.gradient()[0]),
                    p.state().buffer(RmsProp.SQUARED_GRADIENT_AVERAGE) == null ? ""
                            : String.format("%.6f", p.state().buffer(RmsProp.SQUARED_GRADIENT_AVERAGE).data[0]),
                    p.theta()[0]);
        }
        out.flush();
        return 0;
    }
}
