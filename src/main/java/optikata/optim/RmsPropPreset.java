package optikata.optim;

/**
 * Named RMSProp configurations that reproduce one framework's semantics and defaults exactly:
 * where ε goes, what the accumulator starts at, where η enters the momentum buffer, and the
 * default η, β and ε. A user porting a model between frameworks picks the preset instead of
 * guessing. Frameworks that have no default learning rate get the value noted below.
 */
public enum RmsPropPreset {
    /**
     * PyTorch, {@code torch/optim/rmsprop.py} ({@code _single_tensor_rmsprop}): {@code lr=1e-2,
     * alpha=0.99, eps=1e-8}, {@code avg = square_avg.sqrt().add_(eps)} (ε outside the root),
     * {@code square_avg} starts at zeros, momentum buffer {@code buf.mul_(momentum).addcdiv_(grad, avg)}
     * then {@code param.add_(buf, alpha=-lr)}.
     */
    PYTORCH("pytorch", 0.01, 0.99, 1e-8, EpsilonPlacement.OUTSIDE_ROOT, 0.0, MomentumForm.NORMALIZED_GRADIENT,
            "torch/optim/rmsprop.py"),
    /**
     * Keras 3, {@code keras/src/optimizers/rmsprop.py}: {@code learning_rate=0.001, rho=0.9,
     * epsilon=1e-7}, {@code increment = lr * g * rsqrt(velocity + epsilon)} (ε inside the root),
     * velocities start at zeros, momentum buffer holds {@code increment}.
     */
    KERAS("keras", 0.001, 0.9, 1e-7, EpsilonPlacement.INSIDE_ROOT, 0.0, MomentumForm.SCALED_UPDATE,
            "keras/src/optimizers/rmsprop.py"),
    /**
     * TensorFlow 1, {@code tensorflow/python/training/rmsprop.py} with the {@code ApplyRMSProp}
     * kernel ({@code tensorflow/core/kernels/training_ops.cc}): {@code decay=0.9, epsilon=1e-10},
     * {@code ms} starts at <b>ones</b>, {@code mom = momentum*mom + lr*g/sqrt(ms + epsilon)}.
     * TF1 has no default learning rate; 0.001 is used here.
     */
    TF1("tf1", 0.001, 0.9, 1e-10, EpsilonPlacement.INSIDE_ROOT, 1.0, MomentumForm.SCALED_UPDATE,
            "tensorflow/python/training/rmsprop.py"),
    /**
     * Optax, {@code optax/_src/alias.py} ({@code rmsprop}) and {@code transform.py}
     * ({@code scale_by_rms}): {@code decay=0.9, eps=1e-8, initial_scale=0, eps_in_sqrt=True}, then
     * {@code scale_by_learning_rate}, then {@code trace(momentum)}, so the buffer holds scaled
     * updates. Optax has no default learning rate; 0.001 is used here.
     */
    OPTAX("optax", 0.001, 0.9, 1e-8, EpsilonPlacement.INSIDE_ROOT, 0.0, MomentumForm.SCALED_UPDATE,
            "optax/_src/alias.py"),
    /**
     * Stanford cs231n assignment 2, {@code cs231n/optim.py} ({@code rmsprop}):
     * {@code learning_rate=1e-2, decay_rate=0.99, epsilon=1e-8},
     * {@code next_w = w - lr * dw / (np.sqrt(cache) + eps)} (ε outside), cache starts at zeros.
     */
    CS231N("cs231n", 0.01, 0.99, 1e-8, EpsilonPlacement.OUTSIDE_ROOT, 0.0, MomentumForm.NORMALIZED_GRADIENT,
            "cs231n/optim.py"),
    /**
     * Dive into Deep Learning §7.6: {@code s ← γ s + (1−γ) g²},
     * {@code x ← x − η g / sqrt(s + eps)}, {@code eps = 1e-6}, γ = 0.9, η = 0.01 (§7.6.2), s starts at zeros.
     */
    D2L("d2l", 0.01, 0.9, 1e-6, EpsilonPlacement.INSIDE_ROOT, 0.0, MomentumForm.NORMALIZED_GRADIENT,
            "d2l-zh chapter_optimization/rmsprop (d2l §7.6)");

    private final String id;
    private final RmsPropConfig config;
    private final String source;

    RmsPropPreset(String id, double learningRate, double decay, double epsilon, EpsilonPlacement placement,
                  double initialAccumulator, MomentumForm momentumForm, String source) {
        this.id = id;
        this.config = new RmsPropConfig(learningRate, decay, epsilon, placement, false, 0.0, momentumForm,
                initialAccumulator, 0.0, NonFinitePolicy.REJECT);
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
        throw new IllegalArgumentException("Unknown preset: " + id + " (known: pytorch, keras, tf1, optax, cs231n, d2l)");
    }
}
