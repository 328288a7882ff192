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
 *   g  ← ∇f(θ) + λθ
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
 * no centering, no momentum. Framework semantics: {@link RmsPropPreset}. Centered: {@code v} is
 * clamped at 0, since rounding can make {@code s − ḡ²} slightly negative.
 *
 * <p>The per-coordinate step is bounded: with s₀ = 0 and no momentum, {@code |Δθ| ≤ η/√(1−β)}
 * (the first step reaches it as ε → 0), because {@code s ≥ (1−β) g²}.
 *
 * <p>References: [1] T. Tieleman, G. Hinton, Lecture 6.5 — RMSProp, COURSERA: Neural Networks for
 * Machine Learning, 2012. [2] A. Graves, Generating sequences with recurrent neural networks,
 * arXiv:1308.0850, 2013 (centered form). [3] PyTorch {@code torch/optim/rmsprop.py}.
 * [4] Keras {@code keras/src/optimizers/rmsprop.py}.
 */
public final class RmsProp extends AbstractOptimizer {
    public static final String SQUARED_GRADIENT_AVERAGE = "squaredGradientAverage";
    public static final String GRADIENT_AVERAGE = "gradientAverage";
    public static final String MOMENTUM_BUFFER = "momentumBuffer";

    private final RmsPropConfig config;
    private final int gradientAverageIndex;
    private final int momentumIndex;

    public RmsProp(RmsPropConfig config) {
        super("rmsprop", Check.notNull("config", config).nonFinitePolicy(), names(config), initialValues(config));
        this.config = config;
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

    @Override
    public RmsPropConfig hyperparameters() {
        return config;
    }

    @Override
    protected double baseLearningRate() {
        return config.learningRate();
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
        values[0] = c.initialAccumulator();
        return values;
    }

    @Override
    protected void update(double[] theta, double[] g, int from, int to, long t, DMatrixRMaj[] buffers) {
        final double lr = config.learningRate();
        final double beta = config.decay();
        final double oneMinusBeta = 1 - beta;
        final double eps = config.epsilon();
        final double[] s = buffers[0].data;
        if (gradientAverageIndex < 0 && momentumIndex < 0 && config.weightDecay() == 0) {
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
        final double lambda = config.weightDecay();
        final double[] avg = gradientAverageIndex < 0 ? null : buffers[gradientAverageIndex].data;
        final double[] buf = momentumIndex < 0 ? null : buffers[momentumIndex].data;
        final double mu = config.momentum();
        final boolean scaledUpdate = config.momentumForm() == MomentumForm.SCALED_UPDATE;
        for (int i = from; i < to; i++) {
            double gi = g[i] + lambda * theta[i];
            double si = beta * s[i] + oneMinusBeta * gi * gi;
            s[i] = si;
            double v = si;
            if (avg != null) {
                double ai = beta * avg[i] + oneMinusBeta * gi;
                avg[i] = ai;
                v = Math.max(si - ai * ai, 0.0);
            }
            double d = inside ? Math.sqrt(v + eps) : Math.sqrt(v) + eps;
            if (buf == null) {
                theta[i] -= lr * gi / d;
            } else if (scaledUpdate) {
                double b = mu * buf[i] + lr * gi / d;
                buf[i] = b;
                theta[i] -= b;
            } else {
                double b = mu * buf[i] + gi / d;
                buf[i] = b;
                theta[i] -= lr * b;
            }
        }
    }

    @Override
    protected void effectiveRate(double[] out, int n, long t, DMatrixRMaj[] buffers) {
        double[] s = buffers[0].data;
        double[] avg = gradientAverageIndex < 0 ? null : buffers[gradientAverageIndex].data;
        for (int i = 0; i < n; i++) {
            double v = avg == null ? s[i] : Math.max(s[i] - avg[i] * avg[i], 0.0);
            out[i] = config.learningRate() / config.epsilonPlacement().denominator(v, config.epsilon());
        }
    }
}
