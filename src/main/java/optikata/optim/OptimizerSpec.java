package optikata.optim;

import java.util.List;
import java.util.Locale;

/**
 * An optimizer described by name, optional RMSProp preset and optional overrides, as the
 * command line gives it; {@link #build()} validates and constructs it. A {@code null} field
 * means "the default of the optimizer or preset".
 */
public record OptimizerSpec(String name, String preset, Double learningRate, Double decay, Double epsilon,
                            EpsilonPlacement epsilonPlacement, Boolean centered, Double momentum,
                            Double initialAccumulator, Double beta1, Double beta2) {

    public static final List<String> NAMES = List.of("sgd", "momentum", "nesterov", "adagrad", "rmsprop", "adadelta", "adam");

    public static OptimizerSpec of(String name) {
        return new OptimizerSpec(name, null, null, null, null, null, null, null, null, null, null);
    }

    public OptimizerSpec withPreset(String value) {
        return new OptimizerSpec(name, value, learningRate, decay, epsilon, epsilonPlacement, centered, momentum,
                initialAccumulator, beta1, beta2);
    }

    public OptimizerSpec withLearningRate(Double value) {
        return new OptimizerSpec(name, preset, value, decay, epsilon, epsilonPlacement, centered, momentum,
                initialAccumulator, beta1, beta2);
    }

    /**
     * @throws IllegalArgumentException for an unknown name or preset, an option the optimizer
     *                                  does not take, or an invalid value
     */
    public Optimizer build() {
        String n = Check.notNull("optimizer", name).toLowerCase(Locale.ROOT);
        if (preset != null && !n.equals("rmsprop")) {
            throw new IllegalArgumentException("Invalid preset: " + preset + " (presets are for rmsprop, not " + n + ")");
        }
        switch (n) {
            case "sgd" -> {
                only(n, "learning rate");
                return new Sgd(or(learningRate, 0.01));
            }
            case "momentum" -> {
                only(n, "learning rate", "momentum");
                return new Momentum(or(learningRate, 0.01), or(momentum, 0.9));
            }
            case "nesterov" -> {
                only(n, "learning rate", "momentum");
                return Momentum.nesterov(or(learningRate, 0.01), or(momentum, 0.9));
            }
            case "adagrad" -> {
                only(n, "learning rate", "epsilon", "epsilon placement", "initial accumulator");
                AdaGrad.Config d = AdaGrad.Config.defaults();
                return new AdaGrad(new AdaGrad.Config(or(learningRate, d.learningRate()), or(epsilon, d.epsilon()),
                        epsilonPlacement == null ? d.epsilonPlacement() : epsilonPlacement,
                        or(initialAccumulator, d.initialAccumulator()), d.nonFinitePolicy()));
            }
            case "adadelta" -> {
                only(n, "learning rate", "decay", "epsilon");
                AdaDelta.Config d = AdaDelta.Config.defaults();
                return new AdaDelta(new AdaDelta.Config(or(learningRate, d.learningRate()), or(decay, d.decay()),
                        or(epsilon, d.epsilon()), d.nonFinitePolicy()));
            }
            case "adam" -> {
                only(n, "learning rate", "epsilon", "beta1", "beta2");
                Adam.Config d = Adam.Config.defaults();
                return new Adam(new Adam.Config(or(learningRate, d.learningRate()), or(beta1, d.beta1()),
                        or(beta2, d.beta2()), or(epsilon, d.epsilon()), true, d.nonFinitePolicy()));
            }
            case "rmsprop" -> {
                only(n, "learning rate", "decay", "epsilon", "epsilon placement", "centered", "momentum", "initial accumulator");
                RmsPropConfig c = preset == null ? RmsPropConfig.defaults() : RmsPropPreset.byId(preset).config();
                if (learningRate != null) {
                    c = c.withLearningRate(learningRate);
                }
                if (decay != null) {
                    c = c.withDecay(decay);
                }
                if (epsilon != null) {
                    c = c.withEpsilon(epsilon);
                }
                if (epsilonPlacement != null) {
                    c = c.withEpsilonPlacement(epsilonPlacement);
                }
                if (centered != null) {
                    c = c.withCentered(centered);
                }
                if (momentum != null) {
                    c = c.withMomentum(momentum);
                }
                if (initialAccumulator != null) {
                    c = c.withInitialAccumulator(initialAccumulator);
                }
                return new RmsProp(c);
            }
            default -> throw new IllegalArgumentException("Unknown optimizer: " + name + " (known: " + String.join(", ", NAMES) + ")");
        }
    }

    /** Rejects an override that the optimizer {@code n} has no use for, rather than ignoring it. */
    private void only(String n, String... allowed) {
        List<String> ok = List.of(allowed);
        Object[][] given = {
            {"learning rate", learningRate}, {"decay", decay}, {"epsilon", epsilon},
            {"epsilon placement", epsilonPlacement}, {"centered", centered}, {"momentum", momentum},
            {"initial accumulator", initialAccumulator}, {"beta1", beta1}, {"beta2", beta2},
        };
        for (Object[] g : given) {
            if (g[1] != null && !ok.contains((String) g[0])) {
                throw new IllegalArgumentException("Invalid option for " + n + ": " + g[0] + " = " + g[1]
                        + " (" + n + " takes: " + String.join(", ", ok) + ")");
            }
        }
    }

    private static double or(Double value, double fallback) {
        return value == null ? fallback : value;
    }
}
