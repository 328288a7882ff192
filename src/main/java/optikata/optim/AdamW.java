package optikata.optim;

import java.util.List;
import java.util.Locale;
import org.ejml.data.DMatrixRMaj;

/**
 * AdamW (Loshchilov &amp; Hutter): Adam with the weight decay taken out of the gradient and applied
 * to the parameters before the step, in PyTorch's form ({@code torch.optim.AdamW},
 * {@code _single_tensor_adamw}):
 * <pre>
 *   θ ← θ (1 − ηλ)                        param.mul_(1 - lr * weight_decay)
 *   m ← β₁ m + (1−β₁) g                   firstMoment
 *   v ← β₂ v + (1−β₂) g²                  secondMoment
 *   m̂ ← m / (1−β₁ᵗ),  v̂ ← v / (1−β₂ᵗ)
 *   θ ← θ − η m̂ / (√v̂ + ε)
 * </pre>
 * It is {@link Adam} with {@link WeightDecayForm#DECOUPLED} (the step is {@link Adam#kernel}); with
 * λ = 0 it is Adam. Defaults (PyTorch {@code torch/optim/adamw.py}): η = 0.001, β₁ = 0.9,
 * β₂ = 0.999, ε = 1e-8, λ = 0.01. PyTorch's {@code amsgrad} is not offered, as the library's Adam
 * has no AMSGrad. Other frameworks' defaults differ: Keras {@code AdamW} λ = 0.004, ε = 1e-7 (and
 * Keras' Adam adds ε to √v before the bias correction); Optax {@code adamw} λ = 1e-4. The effective
 * rate reported is Adam's, the factor on {@code m}; the decay is not part of it.
 *
 * <p>References: [1] I. Loshchilov, F. Hutter, Decoupled weight decay regularization, ICLR 2019.
 * [2] PyTorch {@code torch/optim/adamw.py}. [3] D. P. Kingma, J. Ba, Adam: A method for stochastic
 * optimization, ICLR 2015.
 */
public final class AdamW extends AbstractOptimizer<AdamW.Config> {
    /**
     * Built by name as {@code adamw}: learning rate, ε, β₁, β₂, weight decay (0.01); a weight decay
     * form other than decoupled is refused, since the coupled form is {@code adam}'s.
     */
    public static final OptimizerKind KIND = new OptimizerKind(
            "adamw",
            List.of(
                    OptimizerSpec.LEARNING_RATE,
                    OptimizerSpec.EPSILON,
                    OptimizerSpec.BETA1,
                    OptimizerSpec.BETA2,
                    OptimizerSpec.WEIGHT_DECAY,
                    OptimizerSpec.WEIGHT_DECAY_FORM),
            s -> {
                WeightDecayForm form =
                        s.value(OptimizerSpec.WEIGHT_DECAY_FORM, WeightDecayForm.class, WeightDecayForm.DECOUPLED);
                if (form != WeightDecayForm.DECOUPLED) {
                    throw new IllegalArgumentException(
                            "Invalid weight decay form: " + form.name().toLowerCase(Locale.ROOT)
                                    + " for adamw (AdamW's decay is decoupled; the coupled form is adam's)");
                }
                Config d = Config.defaults();
                return new AdamW(new Config(
                        s.number(OptimizerSpec.LEARNING_RATE, d.learningRate()),
                        s.number(OptimizerSpec.BETA1, d.beta1()),
                        s.number(OptimizerSpec.BETA2, d.beta2()),
                        s.number(OptimizerSpec.EPSILON, d.epsilon()),
                        s.number(OptimizerSpec.WEIGHT_DECAY, d.weightDecay()),
                        d.nonFinitePolicy()));
            });

    /**
     * AdamW's hyperparameters, validated on construction.
     *
     * @param learningRate η ≥ 0
     * @param beta1        β₁ in [0, 1)
     * @param beta2        β₂ in [0, 1)
     * @param epsilon      ε &gt; 0
     * @param weightDecay  λ ≥ 0, decoupled
     */
    public record Config(
            double learningRate,
            double beta1,
            double beta2,
            double epsilon,
            double weightDecay,
            NonFinitePolicy nonFinitePolicy)
            implements Hyperparameters {
        public Config {
            Check.learningRate(learningRate);
            Check.unitInterval("beta1", beta1);
            Check.unitInterval("beta2", beta2);
            Check.epsilon(epsilon);
            Check.nonNegative("weight decay", weightDecay);
            Check.notNull("non-finite policy", nonFinitePolicy);
        }

        /** PyTorch's defaults: η = 0.001, β₁ = 0.9, β₂ = 0.999, ε = 1e-8, λ = 0.01. */
        public static Config defaults() {
            return new Config(0.001, 0.9, 0.999, 1e-8, 0.01, NonFinitePolicy.REJECT);
        }

        public Config withLearningRate(double value) {
            return new Config(value, beta1, beta2, epsilon, weightDecay, nonFinitePolicy);
        }

        public Config withWeightDecay(double value) {
            return new Config(learningRate, beta1, beta2, epsilon, value, nonFinitePolicy);
        }

        /** The same step as an {@link Adam.Config}: bias correction on, the decay decoupled. */
        public Adam.Config asAdam() {
            return new Adam.Config(
                    learningRate, beta1, beta2, epsilon, true, weightDecay, WeightDecayForm.DECOUPLED, nonFinitePolicy);
        }
    }

    private final Adam.Config adam;

    public AdamW(Config config) {
        super("adamw", config, new String[] {Adam.FIRST_MOMENT, Adam.SECOND_MOMENT}, new double[2]);
        this.adam = config.asAdam();
    }

    /** PyTorch's defaults. */
    public AdamW() {
        this(Config.defaults());
    }

    @Override
    protected void update(double[] theta, double[] g, int from, int to, long t, DMatrixRMaj[] buffers) {
        Adam.kernel(theta, g, buffers[0].data, buffers[1].data, from, to, t, adam);
    }

    @Override
    protected void effectiveRate(double[] out, int n, long t, DMatrixRMaj[] buffers) {
        Adam.effectiveRate(out, n, t, buffers[1].data, adam);
    }
}
