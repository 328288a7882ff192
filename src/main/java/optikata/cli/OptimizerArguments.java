package optikata.cli;

import java.util.List;
import optikata.optim.Optimizer;
import optikata.optim.OptimizerRegistry;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * Builds an optimizer from the same options {@code optikata trace} takes (optimizer, preset,
 * overrides, precision modes), for the conformance manifests' {@code optikata} arguments.
 */
public final class OptimizerArguments {
    @Command(name = "arguments")
    static final class Holder {
        @Mixin
        OptimizerOptions optimizer;

        @Mixin
        PrecisionOptions precision;
    }

    private OptimizerArguments() {}

    /**
     * Builds the optimizer that {@code arguments} (an optimizer's name and its options) describe.
     *
     * @throws IllegalArgumentException for an unknown option, a value of the wrong kind or an
     *                                  invalid hyperparameter, naming it
     */
    public static Optimizer build(List<String> arguments) {
        Holder h = new Holder();
        CommandLine cl = new CommandLine(h);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        try {
            cl.parseArgs(arguments.toArray(String[]::new));
        } catch (CommandLine.ParameterException e) {
            throw new IllegalArgumentException("Invalid arguments " + arguments + ": " + e.getMessage(), e);
        }
        return h.precision.apply(OptimizerRegistry.FAMILY.build(h.optimizer.spec()));
    }
}
