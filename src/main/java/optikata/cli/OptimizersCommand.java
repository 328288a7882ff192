package optikata.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import optikata.optim.EpsilonPlacement;
import optikata.optim.MomentumForm;
import optikata.optim.OptimizerRegistry;
import optikata.optim.OptimizerSpec;
import optikata.optim.RmsPropConfig;
import optikata.optim.RmsPropPreset;
import optikata.optim.WeightDecayForm;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "optimizers",
        mixinStandardHelpOptions = true,
        header = "List the optimizer family, the RMSProp presets and their defaults.",
        description = {
            "List the optimizer family with its defaults, and the RMSProp presets with each framework's",
            "defaults under the framework's own names (PyTorch's alpha, Keras' rho and TensorFlow 1's and",
            "Optax's decay are all the decay rate β of the squared-gradient average)."
        })
public final class OptimizersCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(
            names = "--digits",
            paramLabel = "N",
            defaultValue = "0",
            description = "round numbers to N significant digits (default: 0, each number exactly as it is set)")
    int digits;

    /** Each framework's names for η, β and ε, as its RMSProp signature spells them. */
    private static final Map<RmsPropPreset, String[]> NAMES = Map.of(
            RmsPropPreset.PYTORCH, new String[] {"lr", "alpha", "eps"},
            RmsPropPreset.KERAS, new String[] {"learning_rate", "rho", "epsilon"},
            RmsPropPreset.TF1, new String[] {"learning_rate", "decay", "epsilon"},
            RmsPropPreset.OPTAX, new String[] {"learning_rate", "decay", "eps"},
            RmsPropPreset.CS231N, new String[] {"learning_rate", "decay_rate", "epsilon"},
            RmsPropPreset.D2L, new String[] {"lr", "gamma", "eps"});

    @Override
    public Integer call() {
        if (digits < 0 || digits > 17) {
            throw new OptionException(
                    "--digits", "invalid number of digits: " + digits + " (must be 0, for exact, to 17)");
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println("Optimizers and their defaults:");
        Table family = new Table("name", "learning rate", "other hyperparameters");
        ObjectMapper mapper = new ObjectMapper();
        for (String name : OptimizerRegistry.FAMILY.names()) {
            JsonNode h = mapper.valueToTree(
                    OptimizerRegistry.FAMILY.build(OptimizerSpec.of(name)).hyperparameters());
            List<String> others = new ArrayList<>();
            for (Map.Entry<String, JsonNode> e : h.properties()) {
                if (e.getKey().equals("learningRate") || e.getKey().equals("nonFinitePolicy")) {
                    continue;
                }
                String shown = value(e.getValue());
                if (shown != null) {
                    others.add(words(e.getKey()) + " " + shown);
                }
            }
            family.row(name, number(h.path("learningRate").asDouble()), String.join(", ", others));
        }
        family.print(out, "  ");
        out.println();
        out.println("RMSProp presets (--preset NAME), each framework's defaults under its own names:");
        Table presets = new Table(
                "preset",
                "η",
                "β (decay rate)",
                "ε",
                "ε placement",
                "s₀",
                "momentum buffer holds",
                "weight decay λ",
                "follows");
        boolean footnote = false;
        for (RmsPropPreset p : RmsPropPreset.values()) {
            RmsPropConfig c = p.config();
            String[] n = NAMES.getOrDefault(p, new String[] {"learning rate", "decay", "epsilon"});
            String lr = p.hasDefaultLearningRate() ? n[0] + "=" + number(c.learningRate()) : n[0] + ": none*";
            footnote |= !p.hasDefaultLearningRate();
            presets.row(
                    p.id(),
                    lr,
                    n[1] + "=" + number(c.decay()),
                    n[2] + "=" + number(c.epsilon()),
                    c.epsilonPlacement() == EpsilonPlacement.INSIDE_ROOT ? "√(s+ε)" : "√s+ε",
                    number(c.initialAccumulator()),
                    c.momentumForm() == MomentumForm.SCALED_UPDATE ? "η·g/denominator" : "g/denominator (×η after)",
                    c.weightDecayForm() == WeightDecayForm.DECOUPLED ? "θ − ηλθ first" : "g + λθ",
                    p.source());
        }
        presets.print(out, "  ");
        if (footnote) {
            List<String> none = new ArrayList<>();
            for (RmsPropPreset p : RmsPropPreset.values()) {
                if (!p.hasDefaultLearningRate()) {
                    none.add(p.id());
                }
            }
            List<String> used = new ArrayList<>();
            for (RmsPropPreset p : RmsPropPreset.values()) {
                if (!p.hasDefaultLearningRate()) {
                    used.add(p.id() + " " + number(p.config().learningRate()));
                }
            }
            out.printf(
                    "  * %s %s no default learning rate (the caller must give one); without --lr the preset uses %s.%n",
                    String.join(" and ", none), none.size() == 1 ? "has" : "have", String.join(", ", used));
        }
        out.println();
        out.println(
                "Numbers as each framework is usually called (--hyperparameter-precision, --operation-order; --precision float32 for float32 tensors):");
        for (RmsPropPreset p : RmsPropPreset.values()) {
            out.printf("  %-7s %s%n", p.id(), p.precisionNote());
        }
        out.flush();
        return 0;
    }

    private String number(double v) {
        return Words.number(v, digits);
    }

    private String value(JsonNode v) {
        if (v.isNumber()) {
            return number(v.asDouble());
        }
        if (v.isBoolean()) {
            return v.asBoolean() ? "on" : "off";
        }
        if (v.isTextual()) {
            return Words.lower(v.asText()).replace('_', ' ');
        }
        return null;
    }

    /** {@code initialAccumulator} → "initial accumulator". */
    private static String words(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
    }
}
