package optikata.optim;

/**
 * RMSProp's update as a loop over bare arrays, in the manner of PyTorch's functional
 * {@code _single_tensor_rmsprop} ({@code torch/optim/rmsprop.py}): the scalars are explicit and
 * fixed when the kernel is made, the buffers are arrays, and which of them the step reads is
 * decided by the scalars, not by which arrays are null. One kernel per order of operations
 * ({@link OperationOrder}) and precision ({@link ArithmeticPrecision}), eight in all;
 * {@link #of(RmsPropConfig)} picks one once, and {@link RmsProp} steps with it.
 *
 * <pre>
 *   DECOUPLED: θ ← θ − θ·λ·η  (PYTORCH: θ ← θ·(1 − ηλ))
 *   COUPLED:   g ← g + λθ
 *   s ← β s + (1−β) g²
 *   centered:  ḡ ← β ḡ + (1−β) g;  v ← s − ḡ²  (clamped at 0 unless NegativeVariance.NAN)
 *   else       v ← s
 *   d ← √(v + ε) or √v + ε                    {@link #denominator}: the step's and the effective rate's
 *   μ &gt; 0:    b ← μ b + g/d; θ ← θ − η b     (NORMALIZED_GRADIENT)
 *          or b ← μ b + η g/d; θ ← θ − b     (SCALED_UPDATE)
 *   else       θ ← θ − η g / d
 * </pre>
 *
 * Each kernel evaluates these in its framework's order (the {@link OperationOrder} constants give
 * the orders and their sources); the float32 kernels round parameters, gradients and state to
 * float32 on entry and every operation to float32 ({@link ArithmeticPrecision}). The scalars are
 * the configuration's as the update uses them ({@link RmsPropConfig#usedLearningRate()} and its
 * siblings). Defaults are the configuration's ({@link RmsPropConfig#defaults()}).
 *
 * <p>A kernel holds no state and allocates nothing: a step reads and writes only the arrays it is
 * given, on elements {@code [from, to)}. {@code avg} is read only by a centered kernel and
 * {@code buf} only by one with momentum; otherwise pass {@link #NONE}.
 *
 * <p>References: [1] PyTorch {@code torch/optim/rmsprop.py} ({@code _single_tensor_rmsprop}).
 * [2] Keras {@code keras/src/optimizers/rmsprop.py}. [3] TF1
 * {@code tensorflow/core/kernels/training_ops.cc}. [4] ND4J {@code rms_prop_updater}.
 */
public abstract sealed class RmsPropKernel {
    /** The array to pass for a buffer the kernel does not read. */
    public static final double[] NONE = new double[0];

    /** Centered: the denominator uses {@code s − ḡ²} and the step updates {@code avg}. */
    final boolean centered;
    /** Momentum (μ &gt; 0 in the configuration): the step updates {@code buf}. */
    final boolean momentum;
    /** ε inside the root. */
    final boolean inside;
    /** Momentum in Keras' form, {@code b ← μ b + η g/d}. */
    final boolean scaledUpdate;
    /** Clamp a negative centered variance at 0. */
    final boolean clamp;

    private RmsPropKernel(boolean centered, boolean momentum, boolean inside, boolean scaledUpdate, boolean clamp) {
        this.centered = centered;
        this.momentum = momentum;
        this.inside = inside;
        this.scaledUpdate = scaledUpdate;
        this.clamp = clamp;
    }

    /**
     * The kernel for {@code config}: its math (η, β, ε and its place, centering, μ and its form,
     * λ and its form) with the scalars rounded as its {@link RmsPropConfig#numeric() numeric mode}
     * rounds them, in the kernel for the mode's order of operations and precision.
     */
    public static RmsPropKernel of(RmsPropConfig config) {
        Check.notNull("config", config);
        NumericMode mode = config.numeric();
        boolean centered = config.centered();
        boolean momentum = config.momentum() > 0;
        boolean inside = config.epsilonPlacement() == EpsilonPlacement.INSIDE_ROOT;
        boolean scaledUpdate = config.momentumForm() == MomentumForm.SCALED_UPDATE;
        boolean clamp = mode.negativeVariance() == NegativeVariance.CLAMP;
        boolean decoupled = config.weightDecayForm() == WeightDecayForm.DECOUPLED;
        double weightDecay = config.weightDecay();
        OperationOrder order = mode.operationOrder();
        if (mode.arithmetic() == ArithmeticPrecision.FLOAT32) {
            float beta = (float) mode.other(config.decay());
            // PyTorch and Keras form 1−β from the Python float and round it; ND4J and TF1's kernel subtract in float32.
            float oneMinusBeta = order == OperationOrder.ND4J || order == OperationOrder.INCREMENTAL
                    ? 1f - beta
                    : (float) (1 - config.decay());
            // Keras casts wd to the variables' dtype; PyTorch forms 1 − lr·λ in float64 and rounds it.
            Scalars32 k = new Scalars32(
                    (float) mode.learningRate(config.learningRate()),
                    beta,
                    oneMinusBeta,
                    (float) mode.other(config.epsilon()),
                    (float) mode.other(config.momentum()),
                    decoupled ? 0f : (float) weightDecay,
                    decoupled ? (float) weightDecay : 0f,
                    (float) (1 - config.learningRate() * weightDecay));
            return switch (order) {
                case STANDARD -> new Standard32(k, centered, momentum, inside, scaledUpdate, clamp);
                case PYTORCH -> new Pytorch32(k, centered, momentum, inside, scaledUpdate, clamp);
                case INCREMENTAL -> new Incremental32(k, centered, momentum, inside, scaledUpdate, clamp);
                case ND4J -> new Nd4j32(k, centered, momentum, inside, scaledUpdate, clamp);
            };
        }
        boolean shrink = decoupled && weightDecay != 0;
        // Coupled, λ goes into the gradient; decoupled, it shrinks θ first and the gradient gets 0·θ.
        Scalars64 k = new Scalars64(
                mode.learningRate(config.learningRate()),
                mode.other(config.decay()),
                mode.other(config.epsilon()),
                mode.other(config.momentum()),
                shrink ? 0.0 : weightDecay,
                shrink ? weightDecay : 0.0);
        return switch (order) {
            case STANDARD -> new Standard64(k, centered, momentum, inside, scaledUpdate, clamp, weightDecay == 0);
            case PYTORCH -> new Pytorch64(k, centered, momentum, inside, scaledUpdate, clamp);
            case INCREMENTAL -> new Incremental64(k, centered, momentum, inside, scaledUpdate, clamp);
            case ND4J -> new Nd4j64(k, centered, momentum, inside, scaledUpdate, clamp);
        };
    }

    /**
     * One step on elements {@code [from, to)}.
     *
     * @param theta the parameters, modified
     * @param g     the gradient, not modified
     * @param s     the squared-gradient average, modified
     * @param avg   the gradient average, modified if {@link #centered()}, else not read ({@link #NONE})
     * @param buf   the momentum buffer, modified if {@link #momentum()}, else not read ({@link #NONE})
     */
    public abstract void step(double[] theta, double[] g, double[] s, double[] avg, double[] buf, int from, int to);

    /**
     * The denominator {@code d} of element {@code i} from the state as it stands: the value the
     * step that wrote this state divided by, computed by the same function.
     */
    public abstract double denominator(double[] s, double[] avg, int i);

    /** η as the step uses it (a float32 value in a float32 kernel). */
    public abstract double learningRate();

    /** Whether the step reads and updates the gradient average. */
    public final boolean centered() {
        return centered;
    }

    /** Whether the step reads and updates the momentum buffer. */
    public final boolean momentum() {
        return momentum;
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + (centered ? " centered" : "") + (momentum ? " momentum" : "");
    }

    /**
     * The scalars: η, β, ε, μ, the coupled λ (0 when decoupled) and the decoupled λ (0 when coupled).
     */
    record Scalars64(double lr, double beta, double eps, double mu, double lambda, double decayRate) {}

    /**
     * The scalars in float32: η, β, 1−β (formed as the framework forms it), ε, μ, the coupled λ
     * (0 when decoupled), the decoupled λ (0 when coupled) and PyTorch's {@code 1 − ηλ}.
     */
    record Scalars32(
            float lr, float beta, float oneMinusBeta, float eps, float mu, float lambda, float decayRate, float keep) {}

    /** The float64 kernels: state and arithmetic in double, the scalars as the configuration's precision rounds them. */
    abstract static sealed class Float64 extends RmsPropKernel {
        final double lr;
        final double beta;
        final double oneMinusBeta;
        final double eps;
        final double mu;
        final double lambda;
        final double decayRate;

        Float64(Scalars64 k, boolean centered, boolean momentum, boolean inside, boolean scaledUpdate, boolean clamp) {
            super(centered, momentum, inside, scaledUpdate, clamp);
            this.lr = k.lr();
            this.beta = k.beta();
            this.oneMinusBeta = 1 - k.beta();
            this.eps = k.eps();
            this.mu = k.mu();
            this.lambda = k.lambda();
            this.decayRate = k.decayRate();
        }

        /** {@code d} for state {@code s} and gradient average {@code a} (read only when centered). */
        abstract double denominator(double s, double a);

        /** {@code √(v + ε)} or {@code √v + ε}. */
        final double root(double v) {
            return inside ? Math.sqrt(v + eps) : Math.sqrt(v) + eps;
        }

        /** A centered variance, clamped at 0 unless the configuration keeps PyTorch's NaN. */
        final double clamped(double v) {
            return clamp ? Math.max(v, 0.0) : v;
        }

        /**
         * θ after the step with denominator {@code d} in the standard order, {@code θ − (η·g)/d},
         * {@code b ← μ·b + (η·g)/d} or {@code b ← b·μ + g/d}; the momentum buffer updated.
         */
        final double update(double th, double gi, double d, double[] buf, int i) {
            if (!momentum) {
                return th - lr * gi / d;
            } else if (scaledUpdate) {
                double b = mu * buf[i] + lr * gi / d;
                buf[i] = b;
                return th - b;
            } else {
                double b = buf[i] * mu + gi / d;
                buf[i] = b;
                return th - lr * b;
            }
        }

        @Override
        public final double denominator(double[] s, double[] avg, int i) {
            return denominator(s[i], centered ? avg[i] : 0.0);
        }

        @Override
        public final double learningRate() {
            return lr;
        }
    }

    /** {@link OperationOrder#STANDARD} in float64: Keras 3, cs231n, d2l, Tribuo. */
    static final class Standard64 extends Float64 {
        /** No centering, momentum or weight decay: the texts' forms, one pass moving 5 doubles per element. */
        private final boolean plain;

        Standard64(
                Scalars64 k,
                boolean centered,
                boolean momentum,
                boolean inside,
                boolean scaledUpdate,
                boolean clamp,
                boolean noWeightDecay) {
            super(k, centered, momentum, inside, scaledUpdate, clamp);
            this.plain = !centered && !momentum && noWeightDecay;
        }

        @Override
        double denominator(double s, double a) {
            return root(centered ? clamped(s - a * a) : s);
        }

        @Override
        public void step(double[] theta, double[] g, double[] s, double[] avg, double[] buf, int from, int to) {
            if (plain) {
                for (int i = from; i < to; i++) {
                    double gi = g[i];
                    double si = beta * s[i] + oneMinusBeta * gi * gi;
                    s[i] = si;
                    theta[i] -= lr * gi / root(si);
                }
                return;
            }
            for (int i = from; i < to; i++) {
                if (decayRate != 0) {
                    theta[i] = theta[i] - theta[i] * decayRate * lr;
                }
                double gi = g[i] + lambda * theta[i];
                double si = beta * s[i] + oneMinusBeta * gi * gi;
                s[i] = si;
                double ai = 0.0;
                if (centered) {
                    ai = beta * avg[i] + oneMinusBeta * gi;
                    avg[i] = ai;
                }
                theta[i] = update(theta[i], gi, denominator(si, ai), buf, i);
            }
        }
    }

    /**
     * {@link OperationOrder#PYTORCH} in float64: {@code addcmul_}, {@code lerp_} and
     * {@code add_(…, alpha=)} as fused multiply-adds.
     */
    static final class Pytorch64 extends Float64 {
        private final double keep;

        Pytorch64(
                Scalars64 k, boolean centered, boolean momentum, boolean inside, boolean scaledUpdate, boolean clamp) {
            super(k, centered, momentum, inside, scaledUpdate, clamp);
            this.keep = 1 - lr * decayRate;
        }

        @Override
        double denominator(double s, double a) {
            return root(centered ? clamped(Math.fma(-a, a, s)) : s);
        }

        @Override
        public void step(double[] theta, double[] g, double[] s, double[] avg, double[] buf, int from, int to) {
            for (int i = from; i < to; i++) {
                if (decayRate != 0) {
                    // param.mul_(1 - lr * weight_decay)
                    theta[i] = theta[i] * keep;
                }
                double gi = Math.fma(theta[i], lambda, g[i]);
                double si = Math.fma(oneMinusBeta * gi, gi, s[i] * beta);
                s[i] = si;
                double ai = 0.0;
                if (centered) {
                    ai = Math.fma(oneMinusBeta, gi - avg[i], avg[i]);
                    avg[i] = ai;
                }
                double d = denominator(si, ai);
                if (!momentum) {
                    theta[i] -= lr * gi / d;
                } else if (scaledUpdate) {
                    double b = mu * buf[i] + lr * gi / d;
                    buf[i] = b;
                    theta[i] -= b;
                } else {
                    double b = buf[i] * mu + gi / d;
                    buf[i] = b;
                    theta[i] = Math.fma(-lr, b, theta[i]);
                }
            }
        }
    }

    /** {@link OperationOrder#INCREMENTAL} in float64: TF1's kernels and Optax, averages updated by increments. */
    static final class Incremental64 extends Float64 {
        Incremental64(
                Scalars64 k, boolean centered, boolean momentum, boolean inside, boolean scaledUpdate, boolean clamp) {
            super(k, centered, momentum, inside, scaledUpdate, clamp);
        }

        @Override
        double denominator(double s, double a) {
            return root(centered ? clamped(s - a * a) : s);
        }

        @Override
        public void step(double[] theta, double[] g, double[] s, double[] avg, double[] buf, int from, int to) {
            for (int i = from; i < to; i++) {
                if (decayRate != 0) {
                    theta[i] = theta[i] - theta[i] * decayRate * lr;
                }
                double gi = g[i] + lambda * theta[i];
                double si = s[i] + (gi * gi - s[i]) * oneMinusBeta;
                s[i] = si;
                double ai = 0.0;
                if (centered) {
                    ai = avg[i] + (gi - avg[i]) * oneMinusBeta;
                    avg[i] = ai;
                }
                theta[i] = update(theta[i], gi, denominator(si, ai), buf, i);
            }
        }
    }

    /** {@link OperationOrder#ND4J} in float64: ND4J's {@code rms_prop_updater} on DOUBLE arrays. */
    static final class Nd4j64 extends Float64 {
        Nd4j64(Scalars64 k, boolean centered, boolean momentum, boolean inside, boolean scaledUpdate, boolean clamp) {
            super(k, centered, momentum, inside, scaledUpdate, clamp);
        }

        @Override
        double denominator(double s, double a) {
            return root(centered ? clamped(s - a * a) : s);
        }

        @Override
        public void step(double[] theta, double[] g, double[] s, double[] avg, double[] buf, int from, int to) {
            for (int i = from; i < to; i++) {
                if (decayRate != 0) {
                    theta[i] = theta[i] - theta[i] * decayRate * lr;
                }
                double gi = g[i] + lambda * theta[i];
                double si = s[i] * beta + gi * gi * oneMinusBeta;
                s[i] = si;
                double ai = 0.0;
                if (centered) {
                    ai = beta * avg[i] + oneMinusBeta * gi;
                    avg[i] = ai;
                }
                theta[i] = update(theta[i], gi, denominator(si, ai), buf, i);
            }
        }
    }

    /**
     * The float32 kernels: parameters, gradients and state are rounded to float32 on entry and every
     * operation rounds to float32; the parameters are written back rounded even when unchanged.
     */
    abstract static sealed class Float32 extends RmsPropKernel {
        final float lr;
        final float beta;
        final float oneMinusBeta;
        final float eps;
        final float mu;
        final float lambda;
        final float decayRate;
        final float keep;

        Float32(Scalars32 k, boolean centered, boolean momentum, boolean inside, boolean scaledUpdate, boolean clamp) {
            super(centered, momentum, inside, scaledUpdate, clamp);
            this.lr = k.lr();
            this.beta = k.beta();
            this.oneMinusBeta = k.oneMinusBeta();
            this.eps = k.eps();
            this.mu = k.mu();
            this.lambda = k.lambda();
            this.decayRate = k.decayRate();
            this.keep = k.keep();
        }

        /** {@code d} for state {@code s} and gradient average {@code a} (read only when centered). */
        abstract float denominator(float s, float a);

        /** {@code √(v + ε)} or {@code √v + ε}, in float32. */
        final float root(float v) {
            return inside ? (float) Math.sqrt(v + eps) : (float) Math.sqrt(v) + eps;
        }

        /** A centered variance, clamped at 0 unless the configuration keeps PyTorch's NaN. */
        final float clamped(float v) {
            return clamp ? Math.max(v, 0f) : v;
        }

        /**
         * θ after the step with denominator {@code d} in the standard order, {@code θ − (η·g)/d},
         * {@code b ← μ·b + (η·g)/d} or {@code b ← b·μ + g/d}; the momentum buffer updated.
         */
        final float update(float th, float gi, float d, double[] buf, int i) {
            if (!momentum) {
                return th - lr * gi / d;
            } else if (scaledUpdate) {
                float b = mu * (float) buf[i] + lr * gi / d;
                buf[i] = b;
                return th - b;
            } else {
                float b = (float) buf[i] * mu + gi / d;
                buf[i] = b;
                return th - lr * b;
            }
        }

        @Override
        public final double denominator(double[] s, double[] avg, int i) {
            return denominator((float) s[i], centered ? (float) avg[i] : 0f);
        }

        @Override
        public final double learningRate() {
            return lr;
        }
    }

    /** {@link OperationOrder#STANDARD} in float32: Keras with floatx float32, {@code (1−ρ)·(g·g)}. */
    static final class Standard32 extends Float32 {
        Standard32(
                Scalars32 k, boolean centered, boolean momentum, boolean inside, boolean scaledUpdate, boolean clamp) {
            super(k, centered, momentum, inside, scaledUpdate, clamp);
        }

        @Override
        float denominator(float s, float a) {
            return root(centered ? clamped(s - a * a) : s);
        }

        @Override
        public void step(double[] theta, double[] g, double[] s, double[] avg, double[] buf, int from, int to) {
            for (int i = from; i < to; i++) {
                float th = (float) theta[i];
                float gi = (float) g[i];
                if (decayRate != 0) {
                    th = th - th * decayRate * lr;
                }
                if (lambda != 0) {
                    gi = gi + lambda * th;
                }
                float si = beta * (float) s[i] + oneMinusBeta * (gi * gi);
                s[i] = si;
                float ai = 0f;
                if (centered) {
                    ai = beta * (float) avg[i] + oneMinusBeta * gi;
                    avg[i] = ai;
                }
                theta[i] = update(th, gi, denominator(si, ai), buf, i);
            }
        }
    }

    /** {@link OperationOrder#PYTORCH} in float32: PyTorch with float32 parameters, its default dtype. */
    static final class Pytorch32 extends Float32 {
        Pytorch32(
                Scalars32 k, boolean centered, boolean momentum, boolean inside, boolean scaledUpdate, boolean clamp) {
            super(k, centered, momentum, inside, scaledUpdate, clamp);
        }

        @Override
        float denominator(float s, float a) {
            return root(centered ? clamped(Math.fma(-a, a, s)) : s);
        }

        @Override
        public void step(double[] theta, double[] g, double[] s, double[] avg, double[] buf, int from, int to) {
            for (int i = from; i < to; i++) {
                float th = (float) theta[i];
                float gi = (float) g[i];
                if (decayRate != 0) {
                    th = th * keep;
                }
                if (lambda != 0) {
                    gi = Math.fma(th, lambda, gi);
                }
                float si = Math.fma(oneMinusBeta * gi, gi, (float) s[i] * beta);
                s[i] = si;
                float ai = 0f;
                if (centered) {
                    float a = (float) avg[i];
                    ai = Math.fma(oneMinusBeta, gi - a, a);
                    avg[i] = ai;
                }
                float d = denominator(si, ai);
                if (!momentum) {
                    th = th - lr * gi / d;
                } else if (scaledUpdate) {
                    float b = mu * (float) buf[i] + lr * gi / d;
                    buf[i] = b;
                    th = th - b;
                } else {
                    float b = (float) buf[i] * mu + gi / d;
                    buf[i] = b;
                    th = Math.fma(-lr, b, th);
                }
                theta[i] = th;
            }
        }
    }

    /** {@link OperationOrder#INCREMENTAL} in float32: TF1's kernels and Optax on float32 arrays. */
    static final class Incremental32 extends Float32 {
        Incremental32(
                Scalars32 k, boolean centered, boolean momentum, boolean inside, boolean scaledUpdate, boolean clamp) {
            super(k, centered, momentum, inside, scaledUpdate, clamp);
        }

        @Override
        float denominator(float s, float a) {
            return root(centered ? clamped(s - a * a) : s);
        }

        @Override
        public void step(double[] theta, double[] g, double[] s, double[] avg, double[] buf, int from, int to) {
            for (int i = from; i < to; i++) {
                float th = (float) theta[i];
                float gi = (float) g[i];
                if (decayRate != 0) {
                    th = th - th * decayRate * lr;
                }
                if (lambda != 0) {
                    gi = gi + lambda * th;
                }
                float s0 = (float) s[i];
                float si = s0 + (gi * gi - s0) * oneMinusBeta;
                s[i] = si;
                float ai = 0f;
                if (centered) {
                    float a = (float) avg[i];
                    ai = a + (gi - a) * oneMinusBeta;
                    avg[i] = ai;
                }
                theta[i] = update(th, gi, denominator(si, ai), buf, i);
            }
        }
    }

    /** {@link OperationOrder#ND4J} in float32: ND4J's {@code rms_prop_updater} on FLOAT arrays. */
    static final class Nd4j32 extends Float32 {
        Nd4j32(Scalars32 k, boolean centered, boolean momentum, boolean inside, boolean scaledUpdate, boolean clamp) {
            super(k, centered, momentum, inside, scaledUpdate, clamp);
        }

        @Override
        float denominator(float s, float a) {
            return root(centered ? clamped(s - a * a) : s);
        }

        @Override
        public void step(double[] theta, double[] g, double[] s, double[] avg, double[] buf, int from, int to) {
            for (int i = from; i < to; i++) {
                float th = (float) theta[i];
                float gi = (float) g[i];
                if (decayRate != 0) {
                    th = th - th * decayRate * lr;
                }
                if (lambda != 0) {
                    gi = gi + lambda * th;
                }
                float si = (float) s[i] * beta + gi * gi * oneMinusBeta;
                s[i] = si;
                float ai = 0f;
                if (centered) {
                    ai = beta * (float) avg[i] + oneMinusBeta * gi;
                    avg[i] = ai;
                }
                theta[i] = update(th, gi, denominator(si, ai), buf, i);
            }
        }
    }
}
