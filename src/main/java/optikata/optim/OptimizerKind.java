package optikata.optim;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * How an optimizer is built by name: the name the command line knows it by, the options it takes
 * (an {@link OptimizerSpec} that sets any other is rejected before the factory runs), and the
 * factory, which reads the given options from the spec and falls back to the optimizer's defaults.
 * Each optimizer declares its kind beside its code ({@code Sgd.KIND}, ...); {@link
 * OptimizerRegistry#FAMILY} lists them.
 *
 * @param name    lower case, unique in a registry
 * @param options the option names it takes ({@link OptimizerSpec#LEARNING_RATE}, ...)
 * @param factory builds the optimizer from a spec whose options are all among {@code options}
 */
public record OptimizerKind(String name, List<String> options, Function<OptimizerSpec, Optimizer> factory) {
    public OptimizerKind {
        if (name == null || name.isBlank() || !name.equals(name.strip().toLowerCase(Locale.ROOT))) {
            throw new IllegalArgumentException("Invalid optimizer name: " + name + " (must be lower case, not blank)");
        }
        options = List.copyOf(Check.notNull("options", options));
        Check.notNull("factory", factory);
    }

    /** Builds the optimizer, first rejecting an option it has no use for rather than ignoring it. */
    Optimizer build(OptimizerSpec spec) {
        for (var given : spec.options().entrySet()) {
            if (!options.contains(given.getKey())) {
                throw new IllegalArgumentException("Invalid option for " + name + ": " + given.getKey() + " = "
                        + given.getValue() + " (" + name + " takes: " + String.join(", ", options) + ")");
            }
        }
        return factory.apply(spec);
    }
}
