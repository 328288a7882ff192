package optikata.cli;

import java.util.Locale;
import optikata.optim.ArithmeticPrecision;
import optikata.optim.HyperparameterPrecision;
import optikata.optim.NegativeVariance;
import optikata.optim.OperationOrder;
import optikata.optim.Optimizer;
import optikata.optim.RmsProp;
import optikata.optim.RmsPropConfig;
import picocli.CommandLine.Option;

/**
 * The options that say what a framework does to the numbers (a picocli mixin): float32
 * hyperparameters, float32 arithmetic, the order of operations, and centered RMSProp's negative
 * variance. They apply to RMSProp only; unset options keep the preset's choice.
 */
public final class PrecisionOptions {
    @Option(
            names = "--hyperparameter-precision",
            paramLabel = "P",
            description =
                    "float64, learning_rate_float32 (Keras: η is a float32 variable) or float32 (TF1: η, ρ, μ, ε are float32 "
                            + "tensors); rounds the values once before use (default: the preset's, see `optikata optimizers`)")
    HyperparameterPrecision hyperparameterPrecision;

    @Option(
            names = "--precision",
            paramLabel = "P",
            description =
                    "arithmetic precision: float64, or float32 (state and every operation rounded to float32, in the "
                            + "preset's order of operations, as with float32 tensors) (default: float64)")
    ArithmeticPrecision arithmetic;

    @Option(
            names = "--operation-order",
            paramLabel = "ORDER",
            description =
                    "standard, pytorch, incremental (TF1's kernel, Optax) or nd4j: whose kernel's order of operations fixes "
                            + "the last bits (default: the preset's)")
    OperationOrder operationOrder;

    @Option(
            names = "--negative-variance",
            paramLabel = "WHAT",
            description =
                    "centered RMSProp when s − ḡ² rounds below 0: clamp (at 0) or nan (PyTorch's sqrt of a negative) "
                            + "(default: clamp)")
    NegativeVariance negativeVariance;

    /** Whether any option was given. */
    boolean given() {
        return hyperparameterPrecision != null
                || arithmetic != null
                || operationOrder != null
                || negativeVariance != null;
    }

    /**
     * The optimizer with these options applied.
     *
     * @throws IllegalArgumentException naming the option when the optimizer is not RMSProp
     */
    Optimizer apply(Optimizer optimizer) {
        if (!given()) {
            return optimizer;
        }
        if (!(optimizer instanceof RmsProp rms)) {
            String option = hyperparameterPrecision != null
                    ? "--hyperparameter-precision " + hyperparameterPrecision
                    : arithmetic != null
                            ? "--precision " + arithmetic
                            : operationOrder != null
                                    ? "--operation-order " + operationOrder
                                    : "--negative-variance " + negativeVariance;
            throw new IllegalArgumentException("Invalid option for " + optimizer.name() + ": "
                    + option.toLowerCase(Locale.ROOT) + " (precision modes are for rmsprop)");
        }
        RmsPropConfig.Builder c = rms.config().toBuilder();
        if (hyperparameterPrecision != null) {
            c.hyperparameterPrecision(hyperparameterPrecision);
        }
        if (arithmetic != null) {
            c.arithmetic(arithmetic);
        }
        if (operationOrder != null) {
            c.operationOrder(operationOrder);
        }
        if (negativeVariance != null) {
            c.negativeVariance(negativeVariance);
        }
        return new RmsProp(c.build());
    }
}
