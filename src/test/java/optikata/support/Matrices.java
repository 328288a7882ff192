package optikata.support;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import optikata.optim.AdaDelta;
import optikata.optim.AdaGrad;
import optikata.optim.Adam;
import optikata.optim.ArithmeticPrecision;
import optikata.optim.EpsilonPlacement;
import optikata.optim.Momentum;
import optikata.optim.NonFinitePolicy;
import optikata.optim.Optimizer;
import optikata.optim.OptimizerRegistry;
import optikata.optim.OptimizerSpec;
import optikata.optim.RmsProp;
import optikata.optim.RmsPropConfig;
import optikata.optim.RmsPropPreset;
import optikata.optim.Sgd;
import optikata.optim.WeightDecayForm;
import org.ejml.data.DMatrixRMaj;

/** Test helpers: column vectors and the whole family, every RMSProp variant included. */
public final class Matrices {
    private Matrices() {}

    public static DMatrixRMaj col(double... values) {
        return new DMatrixRMaj(values.length, 1, true, values);
    }

    /**
     * Every optimizer of the family with a name, fresh on each call of the supplier: the variants below
     * (those given a weight decay have "weight-decay" in their names), and every kind registered in
     * {@link OptimizerRegistry#FAMILY} with its defaults (adamw's decays the weights by 0.01), so that a
     * newly registered optimizer joins the property, allocation, bad-input and parallel tests with no
     * edit here.
     */
    public static List<Named> family() {
        List<Named> all = new ArrayList<>(VARIANTS);
        for (String name : OptimizerRegistry.FAMILY.names()) {
            if (all.stream().noneMatch(n -> n.name().equals(name))) {
                all.add(new Named(name, () -> OptimizerRegistry.FAMILY.build(OptimizerSpec.of(name))));
            }
        }
        return List.copyOf(all);
    }

    private static final List<Named> VARIANTS = variants();

    private static List<Named> variants() {
        return List.of(
                new Named("sgd", Sgd::new),
                new Named("momentum", Momentum::new),
                new Named("nesterov", Momentum::nesterov),
                new Named("adagrad", AdaGrad::new),
                new Named("adagrad-d2l", () -> new AdaGrad(AdaGrad.Config.d2l(0.4))),
                new Named("adadelta", AdaDelta::new),
                new Named("adam", Adam::new),
                new Named("rmsprop", RmsProp::new),
                new Named(
                        "rmsprop-outside",
                        () -> new RmsProp(RmsPropConfig.builder()
                                .epsilonPlacement(EpsilonPlacement.OUTSIDE_ROOT)
                                .build())),
                new Named(
                        "rmsprop-centered",
                        () -> new RmsProp(RmsPropConfig.builder().centered(true).build())),
                new Named(
                        "rmsprop-momentum",
                        () -> new RmsProp(RmsPropConfig.builder().momentum(0.9).build())),
                new Named(
                        "rmsprop-centered-momentum-keras",
                        () -> new RmsProp(RmsPropPreset.KERAS.config().toBuilder()
                                .centered(true)
                                .momentum(0.5)
                                .build())),
                new Named(
                        "rmsprop-weight-decay",
                        () -> new RmsProp(
                                RmsPropConfig.builder().weightDecay(0.01).build())),
                new Named(
                        "rmsprop-keras-weight-decay-momentum",
                        () -> new RmsProp(RmsPropPreset.KERAS.config().toBuilder()
                                .weightDecay(0.05)
                                .momentum(0.5)
                                .build())),
                new Named(
                        "rmsprop-pytorch-weight-decay-decoupled-centered",
                        () -> new RmsProp(RmsPropPreset.PYTORCH.config().toBuilder()
                                .weightDecay(0.05)
                                .weightDecayForm(WeightDecayForm.DECOUPLED)
                                .centered(true)
                                .build())),
                new Named(
                        "rmsprop-keras-weight-decay-float32",
                        () -> new RmsProp(RmsPropPreset.KERAS.config().toBuilder()
                                .weightDecay(0.05)
                                .arithmetic(ArithmeticPrecision.FLOAT32)
                                .build())),
                new Named(
                        "sgd-weight-decay",
                        () -> new Sgd(new Sgd.Config(0.01, 0.1, WeightDecayForm.COUPLED, NonFinitePolicy.REJECT))),
                new Named(
                        "sgd-weight-decay-decoupled",
                        () -> new Sgd(new Sgd.Config(0.01, 0.1, WeightDecayForm.DECOUPLED, NonFinitePolicy.REJECT))),
                new Named(
                        "nesterov-weight-decay-decoupled",
                        () -> new Momentum(new Momentum.Config(
                                0.01, 0.9, true, 0.1, WeightDecayForm.DECOUPLED, NonFinitePolicy.REJECT))),
                new Named(
                        "adagrad-weight-decay-decoupled",
                        () -> OptimizerRegistry.FAMILY.build(OptimizerSpec.of("adagrad")
                                .with(OptimizerSpec.WEIGHT_DECAY, 0.1)
                                .with(OptimizerSpec.WEIGHT_DECAY_FORM, WeightDecayForm.DECOUPLED))),
                new Named(
                        "adadelta-weight-decay",
                        () -> OptimizerRegistry.FAMILY.build(
                                OptimizerSpec.of("adadelta").with(OptimizerSpec.WEIGHT_DECAY, 0.1))),
                new Named(
                        "adam-weight-decay",
                        () -> new Adam(Adam.Config.defaults().withWeightDecay(0.1))),
                new Named("rmsprop-pytorch", () -> new RmsProp(RmsPropPreset.PYTORCH)),
                new Named("rmsprop-keras", () -> new RmsProp(RmsPropPreset.KERAS)),
                new Named("rmsprop-tf1", () -> new RmsProp(RmsPropPreset.TF1)),
                new Named("rmsprop-optax", () -> new RmsProp(RmsPropPreset.OPTAX)),
                new Named("rmsprop-cs231n", () -> new RmsProp(RmsPropPreset.CS231N)),
                new Named("rmsprop-d2l", () -> new RmsProp(RmsPropPreset.D2L)));
    }

    /** A named optimizer factory; {@code toString} is the name, for parameterized test titles. */
    public record Named(String name, Supplier<Optimizer> factory) {
        public Optimizer create() {
            return factory.get();
        }

        @Override
        public String toString() {
            return name;
        }
    }
}
