package optikata.optim;

import java.util.ArrayList;
import java.util.List;
import org.ejml.data.DMatrixRMaj;

/**
 * RMSProp (Tieleman &amp; Hinton 2012) with every documented variant.
 *
 * <pre>
 * input: η (lr), β (decay), ε, μ (momentum), λ (weight decay), s₀ (initial accumulator)
 * for t = 1, 2, ...
 *   g  ← ∇f(θ)
 *   COUPLED:   g ← g + λθ                          (PyTorch's weight_decay, an L2 term)
 *   DECOUPLED: θ ← θ − θ·λ·η                       (Keras 3's weight_decay, before the update)
 *   s  ← β s + (1−β) g²                       squaredGradientAverage   (the debugging guide §3.2.3, d2l §7.6.1)
 *   if centered: ḡ ← β ḡ + (1−β) g;  v ← s − ḡ²   gradientAverage      (Graves 2013)
 *   else          v ← s
 *   d  ← √(v + ε)   (INSIDE_ROOT: debugging guide, d2l, Keras, TF1, Optax)
 *      | √v + ε     (OUTSIDE_ROOT: principles article, PyTorch, cs231n)
 *   if μ &gt; 0:  b ← μ b + g/d; θ ← θ − η b        momentumBuffer (NORMALIZED_GRADIENT, PyTorch)
 *          or  b ← μ b + η g/d; θ ← θ − b        (SCALED_UPDATE, Keras/TF1/Optax)
 *   else       θ ← θ − η g / d
 * </pre>
 *
 * Defaults ({@link RmsPropConfig#defaults()}): η = 0.01, β = 0.9, ε = 1e-8 inside the root, s₀ = 0,
 * no centering, no momentum, λ = 0 (coupled). Framework semantics: {@link RmsPropPreset} (the
 * {@code keras} preset decouples a weight decay, the others couple it). The decoupled decay is
 * rounded as Keras rounds it, {@code θ − (θ·λ)·η} with η as the update uses it, and as PyTorch's
 * {@code param.mul_(1 - lr * weight_decay)} under {@link OperationOrder#PYTORCH}; it is not part
 * of the effective rate, which is the factor on the gradient. Centered: {@code v} is
 * clamped at 0, since rounding can make {@code s − ḡ²} slightly negative
 * ({@link NegativeVariance#NAN} keeps PyTorch's NaN instead).
 *
 * <p>What the frameworks do to the numbers: {@link HyperparameterPrecision} rounds η (or η, β, μ,
 * ε) to float32 before use; {@link ArithmeticPrecision#FLOAT32} keeps state and arithmetic in
 * float32; {@link OperationOrder} picks whose kernel's order of operations the update follows,
 * which decides the last bits. With the preset's choices, the runs recorded from PyTorch, Keras,
 * TF1, Optax, Tribuo and ND4J are reproduced bit for bit or within 1e-15 ({@code docs/CONFORMANCE.md}).
 * The arithmetic is {@link RmsPropKernel}'s: one kernel per order of operations and precision,
 * chosen when the optimizer is made, as PyTorch's {@code RMSprop.step} calls
 * {@code _single_tensor_rmsprop}. The effective rate is η over the denominator the kernel's step
 * divides by, from the same function.
 *
 * <p>The per-coordinate step is bounded: with s₀ = 0 and no momentum, {@code |Δθ| ≤ η/√(1−β)}
 * (the first step reaches it as ε → 0), because {@code s ≥ (1−β) g²}.
 *
 * <p>References: [1] T. Tieleman, G. Hinton, Lecture 6.5 — RMSProp, COURSERA: Neural Networks for
 * Machine Learning, 2012. [2] A. Graves, Generating sequences with recurrent neural networks,
 * arXiv:1308.0850, 2013 (centered form). [3] PyTorch {@code torch/optim/rmsprop.py}.
 * [4] Keras {@code keras/src/optimizers/rmsprop.py}.
 */
public final class RmsProp extends AbstractOptimizer<RmsPropConfig> {
    /**
     * Built by name as {@code rmsprop}: a preset ({@link RmsPropPreset#byId}; default the family's
     * defaults), then each given option over it (a weight decay takes the preset's form unless the
     * form is given too).
     */
    public static final OptimizerKind KIND = new OptimizerKind(
            "rmsprop",
            List.of(
                    OptimizerSpec.PRESET,
                    OptimizerSpec.LEARNING_RATE,
                    OptimizerSpec.DECAY,
                    OptimizerSpec.EPSILON,
                    OptimizerSpec.EPSILON_PLACEMENT,
                    OptimizerSpec.CENTERED,
                    OptimizerSpec.MOMENTUM,
                    OptimizerSpec.INITIAL_ACCUMULATOR,
                    OptimizerSpec.WEIGHT_DECAY,
                    OptimizerSpec.WEIGHT_DECAY_FORM),
            s -> {
                String preset = s.value(OptimizerSpec.PRESET, String.class, null);
                RmsPropConfig c = preset == null
                        ? RmsPropConfig.defaults()
                        : RmsPropPreset.byId(preset).config();
                RmsPropConfig.Builder b = c.toBuilder();
                if (s.has(OptimizerSpec.LEARNING_RATE)) {
                    b.learningRate(s.number(OptimizerSpec.LEARNING_RATE, c.learningRate()));
                }
                if (s.has(OptimizerSpec.DECAY)) {
                    b.decay(s.number(OptimizerSpec.DECAY, c.decay()));
                }
                if (s.has(OptimizerSpec.EPSILON)) {
                    b.epsilon(s.number(OptimizerSpec.EPSILON, c.epsilon()));
                }
                if (s.has(OptimizerSpec.EPSILON_PLACEMENT)) {
                    b.epsilonPlacement(s.value(OptimizerSpec.EPSILON_PLACEMENT, EpsilonPlacement.class, null));
                }
                if (s.has(OptimizerSpec.CENTERED)) {
                    b.centered(s.value(OptimizerSpec.CENTERED, Boolean.class, null));
                }
                if (s.has(OptimizerSpec.MOMENTUM)) {
                    b.momentum(s.number(OptimizerSpec.MOMENTUM, c.momentum()));
                }
                if (s.has(OptimizerSpec.INITIAL_ACCUMULATOR)) {
                    b.initialAccumulator(s.number(OptimizerSpec.INITIAL_ACCUMULATOR, c.initialAccumulator()));
                }
                if (s.has(OptimizerSpec.WEIGHT_DECAY)) {
                    b.weightDecay(s.number(OptimizerSpec.WEIGHT_DECAY, c.weightDecay()));
                }
                if (s.has(OptimizerSpec.WEIGHT_DECAY_FORM)) {
                    b.weightDecayForm(s.value(OptimizerSpec.WEIGHT_DECAY_FORM, WeightDecayForm.class, null));
                }
                return new RmsProp(b.build());
            });

    public static final String SQUARED_GRADIENT_AVERAGE = "squaredGradientAverage";
    public static final String GRADIENT_AVERAGE = "gradientAverage";
    public static final String MOMENTUM_BUFFER = "momentumBuffer";

    private final RmsPropKernel kernel;
    private final int gradientAverageIndex;
    private final int momentumIndex;

    public RmsProp(RmsPropConfig config) {
        super("rmsprop", Check.notNull("config", config), names(config), initialValues(config));
        this.kernel = RmsPropKernel.of(config);
        int next = 1;
        this.gradientAverageIndex = kernel.centered() ? next++ : -1;
        this.momentumIndex = kernel.momentum() ? next : -1;
    }

    /** The texts' defaults. */
    public RmsProp() {
        this(RmsPropConfig.defaults());
    }

    public RmsProp(RmsPropPreset preset) {
        this(preset.config());
    }

    public RmsPropConfig config() {
        return config;
    }

    /** The kernel the step runs, chosen for the configuration's order of operations and precision. */
    public RmsPropKernel kernel() {
        return kernel;
    }

    private static String[] names(RmsPropConfig c) {
        List<String> names = new ArrayList<>(List.of(SQUARED_GRADIENT_AVERAGE));
        if (c.centered()) {
            names.add(GRADIENT_AVERAGE);
        }
        if (c.momentum() > 0) {
            names.add(MOMENTUM_BUFFER);
        }
        return names.toArray(String[]::new);
    }

    private static double[] initialValues(RmsPropConfig c) {
        double[] values = new double[names(c).length];
        values[0] = c.usedInitialAccumulator();
        return values;
    }

    @Override
    protected void update(double[] theta, double[] g, int from, int to, long t, DMatrixRMaj[] buffers) {
        kernel.step(
                theta,
                g,
                buffers[0].data,
                gradientAverageIndex < 0 ? RmsPropKernel.NONE : buffers[gradientAverageIndex].data,
                momentumIndex < 0 ? RmsPropKernel.NONE : buffers[momentumIndex].data,
                from,
                to);
    }

    /** η over the denominator the last step divided by, computed by the kernel's own function. */
    @Override
    protected void effectiveRate(double[] out, int n, long t, DMatrixRMaj[] buffers) {
        double[] s = buffers[0].data;
        double[] avg = gradientAverageIndex < 0 ? RmsPropKernel.NONE : buffers[gradientAverageIndex].data;
        double lr = kernel.learningRate();
        for (int i = 0; i < n; i++) {
            out[i] = lr / kernel.denominator(s, avg, i);
        }
    }
}
