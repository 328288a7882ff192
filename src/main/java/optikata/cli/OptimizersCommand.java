package optikata.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import optikata.optim.OptimizerSpec;
import optikata.optim.RmsPropConfig;
import optikata.optim.RmsPropPreset;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "optimizers", mixinStandardHelpOptions = true,
        header = "List the optimizer family, the RMSProp presets and their defaults.",
        description = "List the optimizer family, the RMSProp presets and their defaults.")
public final class OptimizersCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        out.println("Optimizers (defaults):");
        for (String name : OptimizerSpec.NAMES) {
            out.printf("  %-9s %s%n", name, OptimizerSpec.of(name).build().hyperparameters());
        }
        out.println();
        out.println("RMSProp presets:");
        out.printf("  %-7s %-7s %-6s %-7s %-13s %-5s %-20s %s%n", "preset", "lr", "decay", "eps", "eps placement", "s0",
                "momentum form", "follows");
        for (RmsPropPreset p : RmsPropPreset.values()) {
            RmsPropConfig c = p.config();
            out.printf("  %-7s %-7s %-6s %-7s %-13s %-5s %-20s %s%n", p.id(), c.learningRate(), c.decay(), c.epsilon(),
                    c.epsilonPlacement() == optikata.optim.EpsilonPlacement.INSIDE_ROOT ? "sqrt(s+eps)" : "sqrt(s)+eps",
                    c.initialAccumulator(), c.momentumForm(), p.source());
        }
        out.println();
        out.println("Numbers as each framework is usually called (--hyperparameter-precision, --operation-order; --precision float32 for float32 tensors):");
        for (RmsPropPreset p : RmsPropPreset.values()) {
            out.printf("  %-7s %s%n", p.id(), p.precisionNote());
        }
        out.flush();
        return 0;
    }
}
