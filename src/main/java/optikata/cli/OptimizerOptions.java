package optikata.cli;

import optikata.optim.EpsilonPlacement;
import optikata.optim.OptimizerSpec;
import optikata.optim.WeightDecayForm;
import picocli.CommandLine.Option;

/** The options that pick an optimizer and override its hyperparameters (a picocli mixin). */
public final class OptimizerOptions {
    @Option(
            names = "--optimizer",
            defaultValue = "rmsprop",
            paramLabel = "NAME",
            description =
                    "sgd, momentum, nesterov, adagrad, rmsprop, adadelta, adam, adamw (default: ${DEFAULT-VALUE})")
    String optimizer;

    @Option(
            names = "--preset",
            paramLabel = "NAME",
            description = "RMSProp preset: pytorch, keras, tf1, optax, cs231n, d2l (see `optikata optimizers`)")
    String preset;

    @Option(
            names = {"--lr", "--learning-rate"},
            paramLabel = "ETA",
            description = "learning rate η")
    Double learningRate;

    @Option(
            names = {"--decay", "--rho", "--gamma", "--alpha"},
            paramLabel = "BETA",
            description =
                    "decay rate β of the squared-gradient average, in [0, 1) (PyTorch's alpha, Keras' rho, d2l's gamma)")
    Double decay;

    @Option(
            names = {"--eps", "--epsilon"},
            paramLabel = "EPS",
            description = "ε > 0")
    Double epsilon;

    @Option(
            names = "--eps-placement",
            paramLabel = "WHERE",
            description = "inside_root (√(s+ε)) or outside_root (√s+ε)")
    EpsilonPlacement epsilonPlacement;

    @Option(names = "--centered", description = "centered RMSProp (divide by √(s − ḡ²))")
    Boolean centered;

    @Option(names = "--momentum", paramLabel = "MU", description = "momentum μ in [0, 1)")
    Double momentum;

    @Option(names = "--initial-accumulator", paramLabel = "S0", description = "starting value of s (RMSProp, AdaGrad)")
    Double initialAccumulator;

    @Option(names = "--beta1", paramLabel = "B1", description = "Adam's β₁")
    Double beta1;

    @Option(names = "--beta2", paramLabel = "B2", description = "Adam's β₂")
    Double beta2;

    @Option(
            names = "--weight-decay",
            paramLabel = "LAMBDA",
            description = "weight decay λ ≥ 0, every optimizer (default: 0; adamw 0.01)")
    Double weightDecay;

    @Option(
            names = "--weight-decay-form",
            paramLabel = "FORM",
            description = "coupled (g ← g + λθ: PyTorch's weight_decay, an L2 term) or decoupled (θ ← θ − ηλθ before "
                    + "the step: Keras 3's weight_decay, AdamW) (default: decoupled for --preset keras and adamw, "
                    + "coupled otherwise)")
    WeightDecayForm weightDecayForm;

    OptimizerSpec spec() {
        return OptimizerSpec.of(optimizer)
                .with(OptimizerSpec.PRESET, preset)
                .with(OptimizerSpec.LEARNING_RATE, learningRate)
                .with(OptimizerSpec.DECAY, decay)
                .with(OptimizerSpec.EPSILON, epsilon)
                .with(OptimizerSpec.EPSILON_PLACEMENT, epsilonPlacement)
                .with(OptimizerSpec.CENTERED, centered)
                .with(OptimizerSpec.MOMENTUM, momentum)
                .with(OptimizerSpec.INITIAL_ACCUMULATOR, initialAccumulator)
                .with(OptimizerSpec.BETA1, beta1)
                .with(OptimizerSpec.BETA2, beta2)
                .with(OptimizerSpec.WEIGHT_DECAY, weightDecay)
                .with(OptimizerSpec.WEIGHT_DECAY_FORM, weightDecayForm);
    }
}
