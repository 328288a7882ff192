package optikata.optim;

/**
 * RMSProp's hyperparameters, validated on construction. Start from a {@link RmsPropPreset}'s
 * configuration or {@link #defaults()} and change what you need with a builder,
 * {@code config.toBuilder().decay(0.99).centered(true).build()} or
 * {@code RmsPropConfig.builder().learningRate(0.1).build()}, which validates in {@code build()}.
 *
 * <p>The first eleven components are the math and its policy (η, β, ε and its place, centering,
 * μ and its form, s₀, λ and its form, what a non-finite gradient does); the last four are the
 * numeric mode, {@link #numeric()}, which decides only how the numbers are computed (a
 * {@link NumericMode}: {@link NumericMode#FLOAT64} unless a preset says otherwise). They stay
 * flat components so that the hyperparameters a trace writes keep their names.
 *
 * @param learningRate       η ≥ 0
 * @param decay              β (γ in d2l, ρ in Keras, {@code alpha} in PyTorch), in [0, 1)
 * @param epsilon            ε &gt; 0
 * @param epsilonPlacement   inside the root {@code √(s+ε)} or outside {@code √s+ε}
 * @param centered           divide by an estimate of the variance {@code s − ḡ²} instead of {@code s}
 * @param momentum           μ in [0, 1); 0 turns the momentum buffer off
 * @param momentumForm       where η enters the momentum buffer (matters only when η changes)
 * @param initialAccumulator the value {@code s} starts at: 0 (PyTorch, Keras), 1 (TF1), ε (ND4J)
 * @param weightDecay        λ ≥ 0 (0: none)
 * @param weightDecayForm    {@link WeightDecayForm#COUPLED}, an L2 penalty added to the gradient,
 *                           {@code g ← g + λθ} (PyTorch's {@code weight_decay}), or
 *                           {@link WeightDecayForm#DECOUPLED}, {@code θ ← θ − ηλθ} before the update
 *                           (Keras 3's {@code weight_decay}); each preset has its framework's form
 * @param nonFinitePolicy    what a NaN or infinite gradient does
 * @param hyperparameterPrecision whether η (and β, ε, μ) are rounded to float32 before use, as
 *                           Keras and TF1 do when called the usual way (see {@link RmsPropPreset})
 * @param arithmetic         float64, or float32 state and arithmetic
 * @param operationOrder     which framework's order of operations the update follows (the last bits)
 * @param negativeVariance   centered only: clamp a negative {@code s − ḡ²} at 0, or let it give NaN
 *                           as PyTorch does
 */
public record RmsPropConfig(
        double learningRate,
        double decay,
        double epsilon,
        EpsilonPlacement epsilonPlacement,
        boolean centered,
        double momentum,
        MomentumForm momentumForm,
        double initialAccumulator,
        double weightDecay,
        WeightDecayForm weightDecayForm,
        NonFinitePolicy nonFinitePolicy,
        HyperparameterPrecision hyperparameterPrecision,
        ArithmeticPrecision arithmetic,
        OperationOrder operationOrder,
        NegativeVariance negativeVariance)
        implements Hyperparameters {

    public RmsPropConfig {
        Check.learningRate(learningRate);
        Check.unitInterval("decay rate", decay);
        Check.epsilon(epsilon);
        Check.notNull("epsilon placement", epsilonPlacement);
        Check.unitInterval("momentum", momentum);
        Check.notNull("momentum form", momentumForm);
        Check.nonNegative("initial accumulator", initialAccumulator);
        Check.nonNegative("weight decay", weightDecay);
        Check.notNull("weight decay form", weightDecayForm);
        Check.notNull("non-finite policy", nonFinitePolicy);
        new NumericMode(hyperparameterPrecision, arithmetic, operationOrder, negativeVariance)
                .checkRounded(learningRate, decay, epsilon, momentum);
    }

    /** The math and policy with the numbers computed as {@code numeric} says. */
    public RmsPropConfig(
            double learningRate,
            double decay,
            double epsilon,
            EpsilonPlacement epsilonPlacement,
            boolean centered,
            double momentum,
            MomentumForm momentumForm,
            double initialAccumulator,
            double weightDecay,
            WeightDecayForm weightDecayForm,
            NonFinitePolicy nonFinitePolicy,
            NumericMode numeric) {
        this(
                learningRate,
                decay,
                epsilon,
                epsilonPlacement,
                centered,
                momentum,
                momentumForm,
                initialAccumulator,
                weightDecay,
                weightDecayForm,
                nonFinitePolicy,
                Check.notNull("numeric mode", numeric).hyperparameterPrecision(),
                numeric.arithmetic(),
                numeric.operationOrder(),
                numeric.negativeVariance());
    }

    /** The float64 form with the library's clamp: the configuration before precision modes existed. */
    public RmsPropConfig(
            double learningRate,
            double decay,
            double epsilon,
            EpsilonPlacement epsilonPlacement,
            boolean centered,
            double momentum,
            MomentumForm momentumForm,
            double initialAccumulator,
            double weightDecay,
            NonFinitePolicy nonFinitePolicy) {
        this(
                learningRate,
                decay,
                epsilon,
                epsilonPlacement,
                centered,
                momentum,
                momentumForm,
                initialAccumulator,
                weightDecay,
                WeightDecayForm.COUPLED,
                nonFinitePolicy,
                NumericMode.FLOAT64);
    }

    /** How the numbers are computed: the four numeric components as one {@link NumericMode}. */
    public NumericMode numeric() {
        return new NumericMode(hyperparameterPrecision, arithmetic, operationOrder, negativeVariance);
    }

    /** η as the update uses it: rounded to float32 when the hyperparameter precision or the arithmetic says so. */
    public double usedLearningRate() {
        return numeric().learningRate(learningRate);
    }

    /** β as the update uses it. */
    public double usedDecay() {
        return numeric().other(decay);
    }

    /** ε as the update uses it. */
    public double usedEpsilon() {
        return numeric().other(epsilon);
    }

    /** s₀ as the update uses it (a float32 value in float32 arithmetic). */
    public double usedInitialAccumulator() {
        return numeric().initialAccumulator(initialAccumulator);
    }

    /** μ as the update uses it. */
    public double usedMomentum() {
        return numeric().other(momentum);
    }

    /** The texts' form (the debugging guide §4.1, d2l §7.6.1): η=0.01, β=0.9, ε=1e-8 inside the root. */
    public static RmsPropConfig defaults() {
        return new RmsPropConfig(
                0.01,
                0.9,
                1e-8,
                EpsilonPlacement.INSIDE_ROOT,
                false,
                0.0,
                MomentumForm.NORMALIZED_GRADIENT,
                0.0,
                0.0,
                NonFinitePolicy.REJECT);
    }

    /** A builder starting from {@link #defaults()}; {@link Builder#build()} validates. */
    public static Builder builder() {
        return defaults().toBuilder();
    }

    /** A builder starting from this configuration; {@link Builder#build()} validates. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /**
     * Sets components one by one and validates them together in {@link #build()}, with the same
     * typed {@link InvalidArgument} errors as the constructor (so a value valid only after another
     * change, such as an ε that float32 arithmetic would round to 0 and is changed too, is judged
     * on the final configuration).
     */
    public static final class Builder {
        private double learningRate;
        private double decay;
        private double epsilon;
        private EpsilonPlacement epsilonPlacement;
        private boolean centered;
        private double momentum;
        private MomentumForm momentumForm;
        private double initialAccumulator;
        private double weightDecay;
        private WeightDecayForm weightDecayForm;
        private NonFinitePolicy nonFinitePolicy;
        private HyperparameterPrecision hyperparameterPrecision;
        private ArithmeticPrecision arithmetic;
        private OperationOrder operationOrder;
        private NegativeVariance negativeVariance;

        private Builder(RmsPropConfig c) {
            learningRate = c.learningRate;
            decay = c.decay;
            epsilon = c.epsilon;
            epsilonPlacement = c.epsilonPlacement;
            centered = c.centered;
            momentum = c.momentum;
            momentumForm = c.momentumForm;
            initialAccumulator = c.initialAccumulator;
            weightDecay = c.weightDecay;
            weightDecayForm = c.weightDecayForm;
            nonFinitePolicy = c.nonFinitePolicy;
            hyperparameterPrecision = c.hyperparameterPrecision;
            arithmetic = c.arithmetic;
            operationOrder = c.operationOrder;
            negativeVariance = c.negativeVariance;
        }

        public Builder learningRate(double value) {
            learningRate = value;
            return this;
        }

        public Builder decay(double value) {
            decay = value;
            return this;
        }

        public Builder epsilon(double value) {
            epsilon = value;
            return this;
        }

        public Builder epsilonPlacement(EpsilonPlacement value) {
            epsilonPlacement = value;
            return this;
        }

        public Builder centered(boolean value) {
            centered = value;
            return this;
        }

        public Builder momentum(double value) {
            momentum = value;
            return this;
        }

        public Builder momentumForm(MomentumForm value) {
            momentumForm = value;
            return this;
        }

        public Builder initialAccumulator(double value) {
            initialAccumulator = value;
            return this;
        }

        public Builder weightDecay(double value) {
            weightDecay = value;
            return this;
        }

        public Builder weightDecayForm(WeightDecayForm value) {
            weightDecayForm = value;
            return this;
        }

        public Builder nonFinitePolicy(NonFinitePolicy value) {
            nonFinitePolicy = value;
            return this;
        }

        public Builder hyperparameterPrecision(HyperparameterPrecision value) {
            hyperparameterPrecision = value;
            return this;
        }

        public Builder arithmetic(ArithmeticPrecision value) {
            arithmetic = value;
            return this;
        }

        public Builder operationOrder(OperationOrder value) {
            operationOrder = value;
            return this;
        }

        public Builder negativeVariance(NegativeVariance value) {
            negativeVariance = value;
            return this;
        }

        /** All four numeric components at once. */
        public Builder numeric(NumericMode value) {
            Check.notNull("numeric mode", value);
            hyperparameterPrecision = value.hyperparameterPrecision();
            arithmetic = value.arithmetic();
            operationOrder = value.operationOrder();
            negativeVariance = value.negativeVariance();
            return this;
        }

        /** The configuration, validated as the constructor validates it. */
        public RmsPropConfig build() {
            return new RmsPropConfig(
                    learningRate,
                    decay,
                    epsilon,
                    epsilonPlacement,
                    centered,
                    momentum,
                    momentumForm,
                    initialAccumulator,
                    weightDecay,
                    weightDecayForm,
                    nonFinitePolicy,
                    hyperparameterPrecision,
                    arithmetic,
                    operationOrder,
                    negativeVariance);
        }
    }
}
