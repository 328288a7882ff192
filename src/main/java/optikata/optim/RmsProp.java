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
                if (s.has(OptimizerSpec.LEARNING_RATE)) {
                    c = c.withLearningRate(s.number(OptimizerSpec.LEARNING_RATE, c.learningRate()));
                }
                if (s.has(OptimizerSpec.DECAY)) {
                    c = c.withDecay(s.number(OptimizerSpec.DECAY, c.decay()));
                }
                if (s.has(OptimizerSpec.EPSILON)) {
                    c = c.withEpsilon(s.number(OptimizerSpec.EPSILON, c.epsilon()));
                }
                if (s.has(OptimizerSpec.EPSILON_PLACEMENT)) {
                    c = c.withEpsilonPlacement(s.value(OptimizerSpec.EPSILON_PLACEMENT, EpsilonPlacement.class, null));
                }
                if (s.has(OptimizerSpec.CENTERED)) {
                    c = c.withCentered(s.value(OptimizerSpec.CENTERED, Boolean.class, null));
                }
                if (s.has(OptimizerSpec.MOMENTUM)) {
                    c = c.withMomentum(s.number(OptimizerSpec.MOMENTUM, c.momentum()));
                }
                if (s.has(OptimizerSpec.INITIAL_ACCUMULATOR)) {
                    c = c.withInitialAccumulator(s.number(OptimizerSpec.INITIAL_ACCUMULATOR, c.initialAccumulator()));
                }
                if (s.has(OptimizerSpec.WEIGHT_DECAY)) {
                    c = c.withWeightDecay(s.number(OptimizerSpec.WEIGHT_DECAY, c.weightDecay()));
                }
                if (s.has(OptimizerSpec.WEIGHT_DECAY_FORM)) {
                    c = c.withWeightDecayForm(s.value(OptimizerSpec.WEIGHT_DECAY_FORM, WeightDecayForm.class, null));
                }
                return new RmsProp(c);
            });

    public static final String SQUARED_GRADIENT_AVERAGE = "squaredGradientAverage";
    public static final String GRADIENT_AVERAGE = "gradientAverage";
    public static final String MOMENTUM_BUFFER = "momentumBuffer";

    private final int gradientAverageIndex;
    private final int momentumIndex;

    public RmsProp(RmsPropConfig config) {
        super("rmsprop", Check.notNull("config", config), names(config), initialValues(config));
        int next = 1;
        this.gradientAverageIndex = config.centered() ? next++ : -1;
        this.momentumIndex = config.momentum() > 0 ? next : -1;
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
        kernel(
                theta,
                g,
                buffers[0].data,
                gradientAverageIndex < 0 ? null : buffers[gradientAverageIndex].data,
                momentumIndex < 0 ? null : buffers[momentumIndex].data,
                from,
                to,
                config);
    }

    /**
     * The update as a pure loop over arrays, on elements {@code [from, to)}: the class comment's
     * algorithm with every choice of {@code config} (the stateful {@link #update} calls it, as
     * PyTorch's {@code RMSprop.step} calls {@code _single_tensor_rmsprop}). The plain forms of the
     * texts take a loop of their own that moves 5 doubles per element.
     *
     * @param theta the parameters, modified
     * @param g     the gradient, not modified
     * @param s     the squared-gradient average, modified
     * @param avg   the gradient average, modified; null unless {@code config.centered()}
     * @param buf   the momentum buffer, modified; null unless {@code config.momentum() > 0}
     */
    public static void kernel(
            double[] theta,
            double[] g,
            double[] s,
            double[] avg,
            double[] buf,
            int from,
            int to,
            RmsPropConfig config) {
        if (config.arithmetic() == ArithmeticPrecision.FLOAT32) {
            kernelFloat32(theta, g, from, to, s, avg, buf, config);
            return;
        }
        final double lr = config.usedLearningRate();
        final double beta = config.usedDecay();
        final double oneMinusBeta = 1 - beta;
        final double eps = config.usedEpsilon();
        final boolean torch = config.operationOrder() == OperationOrder.PYTORCH;
        final boolean incremental = config.operationOrder() == OperationOrder.INCREMENTAL;
        final boolean nd4j = config.operationOrder() == OperationOrder.ND4J;
        if (avg == null
                && buf == null
                && config.weightDecay() == 0
                && config.operationOrder() == OperationOrder.STANDARD) {
            // The plain forms, as in the texts: one pass, 5 doubles moved per element.
            if (config.epsilonPlacement() == EpsilonPlacement.INSIDE_ROOT) {
                for (int i = from; i < to; i++) {
                    double gi = g[i];
                    double si = beta * s[i] + oneMinusBeta * gi * gi;
                    s[i] = si;
                    theta[i] -= lr * gi / Math.sqrt(si + eps);
                }
            } else {
                for (int i = from; i < to; i++) {
                    double gi = g[i];
                    double si = beta * s[i] + oneMinusBeta * gi * gi;
                    s[i] = si;
                    theta[i] -= lr * gi / (Math.sqrt(si) + eps);
                }
            }
            return;
        }
        final boolean inside = config.epsilonPlacement() == EpsilonPlacement.INSIDE_ROOT;
        final boolean decoupled = config.weightDecayForm() == WeightDecayForm.DECOUPLED && config.weightDecay() != 0;
        // Coupled, λ goes into the gradient; decoupled, it shrinks θ first and the gradient gets 0·θ,
        // as it always has on this path.
        final double lambda = decoupled ? 0.0 : config.weightDecay();
        final double decayRate = decoupled ? config.weightDecay() : 0.0;
        final double keep = 1 - lr * decayRate;
        final double mu = config.usedMomentum();
        final boolean scaledUpdate = config.momentumForm() == MomentumForm.SCALED_UPDATE;
        final boolean clamp = config.negativeVariance() == NegativeVariance.CLAMP;
        for (int i = from; i < to; i++) {
            if (decoupled) {
                // Keras: variable - variable * wd * lr; PyTorch: param.mul_(1 - lr * weight_decay).
                theta[i] = torch ? theta[i] * keep : theta[i] - theta[i] * decayRate * lr;
            }
            double gi = torch ? Math.fma(theta[i], lambda, g[i]) : g[i] + lambda * theta[i];
            double si = torch
                    ? Math.fma(oneMinusBeta * gi, gi, s[i] * beta)
                    : incremental
                            ? s[i] + (gi * gi - s[i]) * oneMinusBeta
                            : nd4j ? s[i] * beta + gi * gi * oneMinusBeta : beta * s[i] + oneMinusBeta * gi * gi;
            s[i] = si;
            double v = si;
            if (avg != null) {
                double ai = torch
                        ? Math.fma(oneMinusBeta, gi - avg[i], avg[i])
                        : incremental ? avg[i] + (gi - avg[i]) * oneMinusBeta : beta * avg[i] + oneMinusBeta * gi;
                avg[i] = ai;
                v = torch ? Math.fma(-ai, ai, si) : si - ai * ai;
                if (clamp) {
                    v = Math.max(v, 0.0);
                }
            }
            double d = inside ? Math.sqrt(v + eps) : Math.sqrt(v) + eps;
            if (buf == null) {
                theta[i] -= lr * gi / d;
            } else if (scaledUpdate) {
                double b = mu * buf[i] + lr * gi / d;
                buf[i] = b;
                theta[i] -= b;
            } else {
                double b = buf[i] * mu + gi / d;
                buf[i] = b;
                theta[i] = torch ? Math.fma(-lr, b, theta[i]) : theta[i] - lr * b;
            }
        }
    }

    /**
     * The float32 kernel: parameters and gradients are rounded to float32 on entry, every
     * operation rounds to float32, in the order {@link RmsPropConfig#operationOrder()} names.
     */
    private static void kernelFloat32(
            double[] theta,
            double[] g,
            int from,
            int to,
            double[] s,
            double[] avg,
            double[] buf,
            RmsPropConfig config) {
        final OperationOrder order = config.operationOrder();
        final float lr = (float) config.learningRate();
        final float beta = (float) config.decay();
        // PyTorch and Keras form 1−β from the Python float and round it; ND4J and TF1's kernel subtract in float32.
        final float oneMinusBeta = order == OperationOrder.ND4J || order == OperationOrder.INCREMENTAL
                ? 1f - beta
                : (float) (1 - config.decay());
        final float eps = (float) config.epsilon();
        final float mu = (float) config.momentum();
        final boolean decoupled = config.weightDecayForm() == WeightDecayForm.DECOUPLED;
        final float lambda = decoupled ? 0f : (float) config.weightDecay();
        // Keras casts wd to the variables' dtype; PyTorch forms 1 − lr·λ in float64 and rounds it.
        final float decayRate = decoupled ? (float) config.weightDecay() : 0f;
        final float keep = (float) (1 - config.learningRate() * config.weightDecay());
        final boolean inside = config.epsilonPlacement() == EpsilonPlacement.INSIDE_ROOT;
        final boolean scaledUpdate = config.momentumForm() == MomentumForm.SCALED_UPDATE;
        final boolean clamp = config.negativeVariance() == NegativeVariance.CLAMP;
        final boolean torch = order == OperationOrder.PYTORCH;
        for (int i = from; i < to; i++) {
            float th = (float) theta[i];
            float gi = (float) g[i];
            if (decayRate != 0) {
                th = torch ? th * keep : th - th * decayRate * lr;
            }
            if (lambda != 0) {
                gi = torch ? Math.fma(th, lambda, gi) : gi + lambda * th;
            }
            float si;
            if (torch) {
                si = Math.fma(oneMinusBeta * gi, gi, (float) s[i] * beta);
            } else if (order == OperationOrder.ND4J) {
                si = (float) s[i] * beta + gi * gi * oneMinusBeta;
            } else if (order == OperationOrder.INCREMENTAL) {
                si = (float) s[i] + (gi * gi - (float) s[i]) * oneMinusBeta;
            } else {
                si = beta * (float) s[i] + oneMinusBeta * (gi * gi);
            }
            s[i] = si;
            float v = si;
            if (avg != null) {
                float a = (float) avg[i];
                float ai = torch
                        ? Math.fma(oneMinusBeta, gi - a, a)
                        : order == OperationOrder.INCREMENTAL
                                ? a + (gi - a) * oneMinusBeta
                                : beta * a + oneMinusBeta * gi;
                avg[i] = ai;
                v = torch ? Math.fma(-ai, ai, si) : si - ai * ai;
                if (clamp) {
                    v = Math.max(v, 0f);
                }
            }
            float d = inside ? (float) Math.sqrt(v + eps) : (float) Math.sqrt(v) + eps;
            if (buf == null) {
                th = th - lr * gi / d;
            } else if (scaledUpdate) {
                float b = mu * (float) buf[i] + lr * gi / d;
                buf[i] = b;
                th = th - b;
            } else {
                float b = (float) buf[i] * mu + gi / d;
                buf[i] = b;
                th = torch ? Math.fma(-lr, b, th) : th - lr * b;
            }
            theta[i] = th;
        }
    }

    @Override
    protected void effectiveRate(double[] out, int n, long t, DMatrixRMaj[] buffers) {
        double[] s = buffers[0].data;
        double[] avg = gradientAverageIndex < 0 ? null : buffers[gradientAverageIndex].data;
        for (int i = 0; i < n; i++) {
            double v = avg == null ? s[i] : s[i] - avg[i] * avg[i];
            if (config.negativeVariance() == NegativeVariance.CLAMP) {
                v = Math.max(v, 0.0);
            }
            out[i] = config.usedLearningRate() / config.epsilonPlacement().denominator(v, config.usedEpsilon());
        }
    }
}
