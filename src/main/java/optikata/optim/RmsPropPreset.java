package optikata.optim;

import java.util.Locale;

/**
 * Named RMSProp configurations that reproduce one framework's semantics and defaults exactly:
 * where ε goes, what the accumulator starts at, where η enters the momentum buffer, and the
 * default η, β and ε. A user porting a model between frameworks picks the preset instead of
 * guessing. Frameworks that have no default learning rate get the value noted below.
 *
 * <p>Each preset also carries what the framework does to the numbers when called the usual way:
 * its {@link OperationOrder} (which fixes the last bits of a step), and whether its
 * hyperparameters reach the update rounded to float32 ({@link HyperparameterPrecision}; on by
 * default for Keras and TF1, whose learning rate, or all hyperparameters, are float32 values even
 * when the variables are float64). {@code toBuilder().hyperparameterPrecision(FLOAT64)} gives the float64
 * formula. The arithmetic is float64 by default for every preset (the library cannot know the
 * dtype of a user's tensors); {@code toBuilder().arithmetic(FLOAT32)} computes state and update in float32
 * in the preset's order, as PyTorch, Keras and ND4J do with their default float32 dtype.
 * Replayed on the gradients recorded from the frameworks themselves, the presets reproduce them
 * as listed in {@code docs/CONFORMANCE.md}.
 *
 * <p>Weight decay is 0 in every preset, as in every framework; each preset carries the form its
 * framework gives a weight decay ({@link RmsPropConfig#weightDecayForm()}): Keras 3 decouples it
 * ({@code θ ← θ − θ·λ·η} before the update, on every optimizer); PyTorch's RMSprop adds
 * {@code λθ} to the gradient; TF1, Optax, cs231n and d2l have no weight decay argument on RMSProp,
 * and the ways to add one outside the optimizer (an L2 term in the loss; Optax's
 * {@code add_decayed_weights} chained before {@code rmsprop}) add {@code λθ} to the gradient too,
 * so those presets take the coupled form.
 */
public enum RmsPropPreset {
    /**
     * PyTorch, {@code torch/optim/rmsprop.py} ({@code _single_tensor_rmsprop}): {@code lr=1e-2,
     * alpha=0.99, eps=1e-8}, {@code avg = square_avg.sqrt().add_(eps)} (ε outside the root),
     * {@code square_avg} starts at zeros, momentum buffer {@code buf.mul_(momentum).addcdiv_(grad, avg)}
     * then {@code param.add_(buf, alpha=-lr)}. Hyperparameters: float64 (Python floats meet the
     * tensors' dtype). Operation order {@link OperationOrder#PYTORCH} (fused multiply-adds). Float32
     * arithmetic (PyTorch's default dtype): {@code toBuilder().arithmetic(FLOAT32)}.
     *
     * <p>Centered form: PyTorch takes {@code sqrt} of {@code s − ḡ²} as it comes, so when a long
     * constant gradient makes the rounded difference negative its parameters turn NaN. The preset
     * clamps at 0 by default ({@link NegativeVariance#CLAMP}), and {@code toBuilder().negativeVariance(NAN)}
     * gives PyTorch's NaN. Clamping is the default because the two agree on every step where
     * PyTorch returns a number (the difference is never negative in exact arithmetic, so the NaN is
     * a rounding accident, reported by users as a bug, not a semantic of the algorithm), and a
     * preset that otherwise trains on would stop for good after a few thousand steps of a constant
     * gradient. The NaN form is there to confirm that a PyTorch run's NaN comes from this.
     */
    PYTORCH(
            "pytorch",
            0.01,
            0.99,
            1e-8,
            EpsilonPlacement.OUTSIDE_ROOT,
            0.0,
            MomentumForm.NORMALIZED_GRADIENT,
            HyperparameterPrecision.FLOAT64,
            OperationOrder.PYTORCH,
            WeightDecayForm.COUPLED,
            "torch/optim/rmsprop.py"),
    /**
     * Keras 3, {@code keras/src/optimizers/rmsprop.py}: {@code learning_rate=0.001, rho=0.9,
     * epsilon=1e-7}, {@code increment = lr * g * rsqrt(velocity + epsilon)} (ε inside the root),
     * velocities start at zeros, momentum buffer holds {@code increment}. Hyperparameters: the
     * learning rate is rounded to float32 by default ({@link HyperparameterPrecision#LEARNING_RATE_FLOAT32}):
     * Keras keeps it in a float32 variable on every backend (TF, JAX, torch) unless floatx is
     * float64 before the optimizer is built, so each update differs from the float64 formula by a
     * relative 4.7e-8 (for η = 1e-3); ρ and ε are Python floats that take the variables' dtype.
     * {@code toBuilder().hyperparameterPrecision(FLOAT64)} for Keras with floatx float64.
     */
    KERAS(
            "keras",
            0.001,
            0.9,
            1e-7,
            EpsilonPlacement.INSIDE_ROOT,
            0.0,
            MomentumForm.SCALED_UPDATE,
            HyperparameterPrecision.LEARNING_RATE_FLOAT32,
            OperationOrder.STANDARD,
            WeightDecayForm.DECOUPLED,
            "keras/src/optimizers/rmsprop.py"),
    /**
     * TensorFlow 1, {@code tensorflow/python/training/rmsprop.py} with the {@code ApplyRMSProp}
     * kernel ({@code tensorflow/core/kernels/training_ops.cc}): {@code decay=0.9, epsilon=1e-10},
     * {@code ms} starts at <b>ones</b>, {@code mom = momentum*mom + lr*g/sqrt(ms + epsilon)}.
     * TF1 has no default learning rate; 0.001 is used here. Hyperparameters: all rounded to
     * float32 by default ({@link HyperparameterPrecision#FLOAT32}): {@code _prepare} turns Python
     * floats into float32 tensors and {@code _apply_dense} casts them to the variables' dtype, so
     * η, ρ, μ and ε are float32 values even on float64 variables.
     * {@code toBuilder().hyperparameterPrecision(FLOAT64)} for hyperparameters passed as float64 tensors.
     */
    TF1(
            "tf1",
            0.001,
            0.9,
            1e-10,
            EpsilonPlacement.INSIDE_ROOT,
            1.0,
            MomentumForm.SCALED_UPDATE,
            HyperparameterPrecision.FLOAT32,
            OperationOrder.INCREMENTAL,
            WeightDecayForm.COUPLED,
            "tensorflow/python/training/rmsprop.py"),
    /**
     * Optax, {@code optax/_src/alias.py} ({@code rmsprop}) and {@code transform.py}
     * ({@code scale_by_rms}): {@code decay=0.9, eps=1e-8, initial_scale=0, eps_in_sqrt=True}, then
     * {@code scale_by_learning_rate}, then {@code trace(momentum)}, so the buffer holds scaled
     * updates. Optax has no default learning rate; 0.001 is used here. Hyperparameters: float64
     * (Python floats are weakly typed and take the arrays' dtype; with {@code jax_enable_x64}
     * that is float64, without it the whole run is float32).
     */
    OPTAX(
            "optax",
            0.001,
            0.9,
            1e-8,
            EpsilonPlacement.INSIDE_ROOT,
            0.0,
            MomentumForm.SCALED_UPDATE,
            HyperparameterPrecision.FLOAT64,
            OperationOrder.INCREMENTAL,
            WeightDecayForm.COUPLED,
            "optax/_src/alias.py"),
    /**
     * Stanford cs231n assignment 2, {@code cs231n/optim.py} ({@code rmsprop}):
     * {@code learning_rate=1e-2, decay_rate=0.99, epsilon=1e-8},
     * {@code next_w = w - lr * dw / (np.sqrt(cache) + eps)} (ε outside), cache starts at zeros.
     * NumPy float64 throughout: hyperparameters float64.
     */
    CS231N(
            "cs231n",
            0.01,
            0.99,
            1e-8,
            EpsilonPlacement.OUTSIDE_ROOT,
            0.0,
            MomentumForm.NORMALIZED_GRADIENT,
            HyperparameterPrecision.FLOAT64,
            OperationOrder.STANDARD,
            WeightDecayForm.COUPLED,
            "cs231n/optim.py"),
    /**
     * Dive into Deep Learning §7.6: {@code s ← γ s + (1−γ) g²},
     * {@code x ← x − η g / sqrt(s + eps)}, {@code eps = 1e-6}, γ = 0.9, η = 0.01 (§7.6.2), s starts at zeros.
     * Hyperparameters float64 (the from-scratch code's tensors are float32 in the book's runs;
     * {@code toBuilder().arithmetic(FLOAT32)} for those).
     */
    D2L(
            "d2l",
            0.01,
            0.9,
            1e-6,
            EpsilonPlacement.INSIDE_ROOT,
            0.0,
            MomentumForm.NORMALIZED_GRADIENT,
            HyperparameterPrecision.FLOAT64,
            OperationOrder.STANDARD,
            WeightDecayForm.COUPLED,
            "d2l-zh chapter_optimization/rmsprop (d2l §7.6)");

    private final String id;

    @SuppressWarnings("ImmutableEnumChecker") // a record of doubles and enums: immutable
    private final RmsPropConfig config;

    private final String source;

    RmsPropPreset(
            String id,
            double learningRate,
            double decay,
            double epsilon,
            EpsilonPlacement placement,
            double initialAccumulator,
            MomentumForm momentumForm,
            HyperparameterPrecision precision,
            OperationOrder order,
            WeightDecayForm weightDecayForm,
            String source) {
        this.id = id;
        this.config = new RmsPropConfig(
                learningRate,
                decay,
                epsilon,
                placement,
                false,
                0.0,
                momentumForm,
                initialAccumulator,
                0.0,
                weightDecayForm,
                NonFinitePolicy.REJECT,
                precision,
                ArithmeticPrecision.FLOAT64,
                order,
                NegativeVariance.CLAMP);
        this.source = source;
    }

    /** The lower-case name used on the command line. */
    public String id() {
        return id;
    }

    /** The framework's defaults. */
    public RmsPropConfig config() {
        return config;
    }

    /** Whether the framework itself has a default learning rate (TF1 and Optax require one). */
    public boolean hasDefaultLearningRate() {
        return this != TF1 && this != OPTAX;
    }

    /** One line on what the framework does to the numbers, for {@code optikata optimizers}. */
    public String precisionNote() {
        return switch (config.hyperparameterPrecision()) {
                    case LEARNING_RATE_FLOAT32 -> "η rounded to float32 (a float32 variable); float64 one flag away";
                    case FLOAT32 ->
                        "η, ρ, μ, ε rounded to float32 (Python floats become float32 tensors); float64 one flag away";
                    case FLOAT64 -> "hyperparameters float64 as given";
                }
                + "; " + config.operationOrder().name().toLowerCase(Locale.ROOT) + " order of operations";
    }

    /** The framework file the preset follows. */
    public String source() {
        return source;
    }

    /**
     * The preset named {@code id}, case-insensitive.
     *
     * @throws IllegalArgumentException listing the known presets
     */
    public static RmsPropPreset byId(String id) {
        for (RmsPropPreset p : values()) {
            if (p.id.equalsIgnoreCase(id)) {
                return p;
            }
        }
        throw new IllegalArgumentException(
                "Unknown preset: " + id + " (known: pytorch, keras, tf1, optax, cs231n, d2l)");
    }
}
