package optikata.optim;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The optimizers that can be built by name. Adding one to the family is its own file, which
 * declares a {@code public static final OptimizerKind KIND}, plus one line in {@link #FAMILY}; a
 * caller with an optimizer of its own extends a registry with {@link #with}.
 */
public final class OptimizerRegistry {

    /** The family, in the order the command line lists it. */
    public static final OptimizerRegistry FAMILY = new OptimizerRegistry(List.of())
            .with(Sgd.KIND)
            .with(Momentum.KIND)
            .with(Momentum.NESTEROV_KIND)
            .with(AdaGrad.KIND)
            .with(RmsProp.KIND)
            .with(AdaDelta.KIND)
            .with(Adam.KIND)
            .with(AdamW.KIND);

    private final List<OptimizerKind> kinds;

    private OptimizerRegistry(List<OptimizerKind> kinds) {
        this.kinds = List.copyOf(kinds);
    }

    /** A registry with one more kind. */
    public OptimizerRegistry with(OptimizerKind kind) {
        Check.notNull("optimizer kind", kind);
        if (names().contains(kind.name())) {
            throw new IllegalArgumentException("Invalid optimizer kind: " + kind.name() + " (already registered)");
        }
        List<OptimizerKind> more = new ArrayList<>(kinds);
        more.add(kind);
        return new OptimizerRegistry(more);
    }

    /** The names, in registration order. */
    public List<String> names() {
        return kinds.stream().map(OptimizerKind::name).toList();
    }

    /**
     * The kind registered under {@code name}.
     *
     * @throws IllegalArgumentException for a name no kind has (case does not matter)
     */
    public OptimizerKind kind(String name) {
        String n = Check.notNull("optimizer", name).toLowerCase(Locale.ROOT);
        return kinds.stream()
                .filter(k -> k.name().equals(n))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(
                        "Unknown optimizer: " + name + " (known: " + String.join(", ", names()) + ")"));
    }

    /**
     * Builds the optimizer {@code spec} names, with the options it gives.
     *
     * @throws IllegalArgumentException for an unknown name, an option the optimizer does not take,
     *                                  or an invalid value
     */
    public Optimizer build(OptimizerSpec spec) {
        OptimizerKind kind = kind(Check.notNull("optimizer spec", spec).name());
        Object preset = spec.options().get(OptimizerSpec.PRESET);
        if (preset != null && !kind.options().contains(OptimizerSpec.PRESET)) {
            List<String> takers = kinds.stream()
                    .filter(k -> k.options().contains(OptimizerSpec.PRESET))
                    .map(OptimizerKind::name)
                    .toList();
            throw new IllegalArgumentException("Invalid preset: " + preset + " (presets are for "
                    + String.join(", ", takers) + ", not " + kind.name() + ")");
        }
        return kind.build(spec);
    }
}
