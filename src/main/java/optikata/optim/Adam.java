package optikata.optim;

import java.util.List;
import org.ejml.data.DMatrixRMaj;

/**
 * Adam: RMSProp's squared-gradient average plus a momentum-like gradient average, both
 * bias-corrected (PyTorch's form, ε outside the root):
 * <pre>
 *   m ← β₁ m + (1−β₁) g                   firstMoment
 *   v ← β₂ v + (1−β₂) g²                  secondMoment
 *   m̂ ← m / (1−β₁ᵗ),  v̂ ← v / (1−β₂ᵗ)      (only when biasCorrection)
 *   θ ← θ − η m̂ / (√v̂ + ε)
 * </pre>
 * With β₁ = 0 and no bias correction this is RMSProp with ε outside the root (claim C10). With a
 * weight decay λ, first:
 * <pre>
 *   COUPLED    g ← g + λθ                     PyTorch {@code Adam(weight_decay=λ)}: an L2 term, scaled by 1/(√v̂+ε)
 *   DECOUPLED  θ ← θ (1 − ηλ)                 PyTorch {@code AdamW} ({@code param.mul_(1 - lr * weight_decay)}),
 *                                             Keras {@code Adam(weight_decay=λ)}: see {@link AdamW}
 * </pre>
 * Coupled, λθ goes through the moments, so a coordinate with a large gradient history is barely
 * decayed; decoupled, every coordinate shrinks by the same factor (Loshchilov &amp; Hutter).
 * Defaults (PyTorch {@code torch/optim/adam.py}, Kingma &amp; Ba): η = 0.001, β₁ = 0.9,
 * β₂ = 0.999, ε = 1e-8, bias correction on, λ = 0 (coupled). The effective rate reported is the
 * factor on {@code m}: {@code η/(1−β₁ᵗ) / (√v̂ + ε)}.
 *
 * <p>References: [1] D. P. Kingma, J. Ba, Adam: A method for stochastic optimization, ICLR 2015.
 * [2] PyTorch {@code torch/optim/adam.py}. [3] d2l §7.8. [4] I. Loshchilov, F. Hutter, Decoupled
 * weight decay regularization, ICLR 2019. [5] PyTorch {@code torch/optim/adamw.py}.
 */
public final class Adam extends AbstractOptimizer<Adam.Config> {
    /**
     * Built by name as {@code adam}: learning rate, ε, β₁, β₂ (bias correction on), weight decay and
     * its form (coupled, as PyTorch's {@code Adam}).
     */
    public static final OptimizerKind KIND = new OptimizerKind(
            "adam",
            List.of(
                    OptimizerSpec.LEARNING_RATE,
                    OptimizerSpec.EPSILON,
                    OptimizerSpec.BETA1,
                    OptimizerSpec.BETA2,
                    OptimizerSpec.WEIGHT_DECAY,
                    OptimizerSpec.WEIGHT_DECAY_FORM),
            s -> {
                Config d = Config.defaults();
                return new Adam(new Config(
                        s.number(OptimizerSpec.LEARNING_RATE, d.learningRate()),
                        s.number(OptimizerSpec.BETA1, d.beta1()),
                        s.number(OptimizerSpec.BETA2, d.beta2()),
                        s.number(OptimizerSpec.EPSILON, d.epsilon()),
                        true,
                        s.number(OptimizerSpec.WEIGHT_DECAY, d.weightDecay()),
                        s.value(OptimizerSpec.WEIGHT_DECAY_FORM, WeightDecayForm.class, d.weightDecayForm()),
                        d.nonFinitePolicy()));
            });

    public static final String FIRST_MOMENT = "firstMoment";
    public static final String SECOND_MOMENT = "secondMoment";

    /**
     * Adam's hyperparameters, validated on construction.
     *
     * @param learningRate   η ≥ 0
     * @param beta1          β₁ in [0, 1)
     * @param beta2          β₂ in [0, 1)
     * @param epsilon        ε &gt; 0
     * @param biasCorrection divide the moments by 1−βᵗ
     * @param weightDecay     λ ≥ 0 (0: none)
     * @param weightDecayForm where λ enters: {@code g + λθ} or {@code θ(1 − ηλ)} first
     */
    public record Config(
            double learningRate,
            double beta1,
            double beta2,
            double epsilon,
            boolean biasCorrection,
            double weightDecay,
            WeightDecayForm weightDecayForm,
            NonFinitePolicy nonFinitePolicy)
            implements Hyperparameters {
        public Config {
            Check.learningRate(learningRate);
            Check.unitInterval("beta1", beta1);
            Check.unitInterval("beta2", beta2);
            Check.epsilon(epsilon);
            Check.nonNegative("weight decay", weightDecay);
            Check.notNull("weight decay form", weightDecayForm);
            Check.notNull("non-finite policy", nonFinitePolicy);
        }

        /** No weight decay. */
        public Config(
                double learningRate,
                double beta1,
                double beta2,
                double epsilon,
                boolean biasCorrection,
                NonFinitePolicy nonFinitePolicy) {
            this(learningRate, beta1, beta2, epsilon, biasCorrection, 0.0, WeightDecayForm.COUPLED, nonFinitePolicy);
        }

        public static Config defaults() {
            return new Config(0.001, 0.9, 0.999, 1e-8, true, NonFinitePolicy.REJECT);
        }

        public Config withLearningRate(double value) {
            return new Config(
                    value, beta1, beta2, epsilon, biasCorrection, weightDecay, weightDecayForm, nonFinitePolicy);
        }

        public Config withWeightDecay(double value) {
            return new Config(
                    learningRate, beta1, beta2, epsilon, biasCorrection, value, weightDecayForm, nonFinitePolicy);
        }

        public Config withWeightDecayForm(WeightDecayForm value) {
            return new Config(learningRate, beta1, beta2, epsilon, biasCorrection, weightDecay, value, nonFinitePolicy);
        }
    }

    public Adam(Config config) {
        super("adam", config, new String[] {FIRST_MOMENT, SECOND_MOMENT}, new double[2]);
    }

    public Adam() {
        this(Config.defaults());
    }

    @Override
    protected void update(double[] theta, double[] g, int from, int to, long t, DMatrixRMaj[] buffers) {
        kernel(theta, g, buffers[0].data, buffers[1].data, from, to, t, config);
    }

    /**
     * The update as a pure loop over arrays, on elements {@code [from, to)}: the class comment's
     * step at step number {@code t}, weight decay included (the stateful {@link #update} calls it;
     * so does {@link AdamW}).
     *
     * @param theta the parameters, modified
     * @param g     the gradient, not modified
     * @param m     the first moment, modified
     * @param v     the second moment, modified
     * @param t     the step number, 1 on the first step
     */
    public static void kernel(
            double[] theta, double[] g, double[] m, double[] v, int from, int to, long t, Config config) {
        final double b1 = config.beta1();
        final double b2 = config.beta2();
        final double eps = config.epsilon();
        final double c1 = config.biasCorrection() ? 1 - Math.pow(b1, (double) t) : 1.0;
        final double sqrtC2 = config.biasCorrection() ? Math.sqrt(1 - Math.pow(b2, (double) t)) : 1.0;
        final double stepSize = config.learningRate() / c1;
        if (config.weightDecay() != 0) {
            final boolean coupled = config.weightDecayForm() == WeightDecayForm.COUPLED;
            final double lambda = coupled ? config.weightDecay() : 0.0;
            // PyTorch's AdamW: param.mul_(1 - lr * weight_decay), the factor formed in float64.
            final double keep = coupled ? 1.0 : 1 - config.learningRate() * config.weightDecay();
            for (int i = from; i < to; i++) {
                double th = coupled ? theta[i] : theta[i] * keep;
                double gi = coupled ? g[i] + lambda * th : g[i];
                double mi = b1 * m[i] + (1 - b1) * gi;
                double vi = b2 * v[i] + (1 - b2) * gi * gi;
                m[i] = mi;
                v[i] = vi;
                theta[i] = th - stepSize * mi / (Math.sqrt(vi) / sqrtC2 + eps);
            }
            return;
        }
        for (int i = from; i < to; i++) {
            double gi = g[i];
            double mi = b1 * m[i] + (1 - b1) * gi;
            double vi = b2 * v[i] + (1 - b2) * gi * gi;
            m[i] = mi;
            v[i] = vi;
            theta[i] -= stepSize * mi / (Math.sqrt(vi) / sqrtC2 + eps);
        }
    }

    @Override
    protected void effectiveRate(double[] out, int n, long t, DMatrixRMaj[] buffers) {
        effectiveRate(out, n, t, buffers[1].data, config);
    }

    /** The factor on {@code m} after step {@code t}, from the second moment {@code v}; AdamW's too. */
    static void effectiveRate(double[] out, int n, long t, double[] v, Config config) {
        double c1 = config.biasCorrection() ? 1 - Math.pow(config.beta1(), (double) t) : 1.0;
        double sqrtC2 = config.biasCorrection() ? Math.sqrt(1 - Math.pow(config.beta2(), (double) t)) : 1.0;
        for (int i = 0; i < n; i++) {
            out[i] = config.learningRate() / c1 / (Math.sqrt(v[i]) / sqrtC2 + config.epsilon());
        }
    }
}
