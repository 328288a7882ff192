package optikata.optim;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An optimizer described by name and the options given for it, as the command line gives them;
 * a registry ({@code OptimizerRegistry.FAMILY.build(spec)}) validates and constructs it. An option
 * that is not given means "the default of the optimizer or preset". Options are named by the
 * constants below (an optimizer with an option of its own names it in its {@link OptimizerKind}).
 *
 * <p>A spec knows no registry: each optimizer's {@link OptimizerKind} reads specs, and the registry
 * lists the kinds, so a spec that built itself through the registry would close a cycle through
 * every optimizer ({@code optikata.LayersTest} refuses cycles inside a package).
 *
 * @param name    the optimizer's name (one of {@code OptimizerRegistry.FAMILY.names()})
 * @param options the given options by name, in the order given; no null values
 */
public record OptimizerSpec(String name, Map<String, Object> options) {

    public static final String PRESET = "preset";
    public static final String LEARNING_RATE = "learning rate";
    public static final String DECAY = "decay";
    public static final String EPSILON = "epsilon";
    public static final String EPSILON_PLACEMENT = "epsilon placement";
    public static final String CENTERED = "centered";
    public static final String MOMENTUM = "momentum";
    public static final String INITIAL_ACCUMULATOR = "initial accumulator";
    public static final String BETA1 = "beta1";
    public static final String BETA2 = "beta2";
    /** λ ≥ 0, a number. */
    public static final String WEIGHT_DECAY = "weight decay";
    /** A {@link WeightDecayForm}. */
    public static final String WEIGHT_DECAY_FORM = "weight decay form";

    public OptimizerSpec {
        Map<String, Object> copy = new LinkedHashMap<>();
        Check.notNull("options", options).forEach((k, v) -> {
            if (v != null) {
                copy.put(Check.notNull("option name", k), v);
            }
        });
        options = Collections.unmodifiableMap(copy);
    }

    public static OptimizerSpec of(String name) {
        return new OptimizerSpec(name, Map.of());
    }

    /** This spec with one more option; a {@code null} value leaves the option not given. */
    public OptimizerSpec with(String option, Object value) {
        Map<String, Object> more = new LinkedHashMap<>(options);
        more.remove(option);
        if (value != null) {
            more.put(option, value);
        }
        return new OptimizerSpec(name, more);
    }

    public OptimizerSpec withPreset(String value) {
        return with(PRESET, value);
    }

    public OptimizerSpec withLearningRate(Double value) {
        return with(LEARNING_RATE, value);
    }

    /** Whether the option is given. */
    public boolean has(String option) {
        return options.containsKey(option);
    }

    /** A number option, or {@code fallback} when it is not given. */
    public double number(String option, double fallback) {
        Object v = options.get(option);
        if (v == null) {
            return fallback;
        }
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        throw new InvalidArgument(option, v, "a number");
    }

    /** An option of the given type, or {@code fallback} when it is not given. */
    public <T> T value(String option, Class<T> type, T fallback) {
        Object v = options.get(option);
        if (v == null) {
            return fallback;
        }
        if (type.isInstance(v)) {
            return type.cast(v);
        }
        throw new InvalidArgument(option, v, "a " + type.getSimpleName());
    }
}
