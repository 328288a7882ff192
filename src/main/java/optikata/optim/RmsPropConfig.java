package optikata.optim;

/**
 * RMSProp's hyperparameters, validated on construction. Start from a {@link RmsPropPreset} or
 * {@link #defaults()} and change what you need with the {@code withX} methods, which return a
 * validated copy.
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

    /** This math with the numbers computed as {@code value} says. */
    public RmsPropConfig withNumeric(NumericMode value) {
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
                value);
    }

    public RmsPropConfig withLearningRate(double value) {
        return new RmsPropConfig(
                value,
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

    public RmsPropConfig withDecay(double value) {
        return new RmsPropConfig(
                learningRate,
                value,
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

    public RmsPropConfig withEpsilon(double value) {
        return new RmsPropConfig(
                learningRate,
                decay,
                value,
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

    public RmsPropConfig withEpsilonPlacement(EpsilonPlacement value) {
        return new RmsPropConfig(
                learningRate,
                decay,
                epsilon,
                value,
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

    public RmsPropConfig withCentered(boolean value) {
        return new RmsPropConfig(
                learningRate,
                decay,
                epsilon,
                epsilonPlacement,
                value,
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

    public RmsPropConfig withMomentum(double value) {
        return new RmsPropConfig(
                learningRate,
                decay,
                epsilon,
                epsilonPlacement,
                centered,
                value,
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

    public RmsPropConfig withMomentumForm(MomentumForm value) {
        return new RmsPropConfig(
                learningRate,
                decay,
                epsilon,
                epsilonPlacement,
                centered,
                momentum,
                value,
                initialAccumulator,
                weightDecay,
                weightDecayForm,
                nonFinitePolicy,
                hyperparameterPrecision,
                arithmetic,
                operationOrder,
                negativeVariance);
    }

    public RmsPropConfig withInitialAccumulator(double value) {
        return new RmsPropConfig(
                learningRate,
                decay,
                epsilon,
                epsilonPlacement,
                centered,
                momentum,
                momentumForm,
                value,
                weightDecay,
                weightDecayForm,
                nonFinitePolicy,
                hyperparameterPrecision,
                arithmetic,
                operationOrder,
                negativeVariance);
    }

    public RmsPropConfig withWeightDecay(double value) {
        return new RmsPropConfig(
                learningRate,
                decay,
                epsilon,
                epsilonPlacement,
                centered,
                momentum,
                momentumForm,
                initialAccumulator,
                value,
                weightDecayForm,
                nonFinitePolicy,
                hyperparameterPrecision,
                arithmetic,
                operationOrder,
                negativeVariance);
    }

    public RmsPropConfig withWeightDecayForm(WeightDecayForm value) {
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
                value,
                nonFinitePolicy,
                hyperparameterPrecision,
                arithmetic,
                operationOrder,
                negativeVariance);
    }

    public RmsPropConfig withNonFinitePolicy(NonFinitePolicy value) {
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
                value,
                hyperparameterPrecision,
                arithmetic,
                operationOrder,
                negativeVariance);
    }

    public RmsPropConfig withHyperparameterPrecision(HyperparameterPrecision value) {
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
                value,
                arithmetic,
                operationOrder,
                negativeVariance);
    }

    public RmsPropConfig withArithmetic(ArithmeticPrecision value) {
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
                value,
                operationOrder,
                negativeVariance);
    }

    public RmsPropConfig withNegativeVariance(NegativeVariance value) {
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
                value);
    }

    public RmsPropConfig withOperationOrder(OperationOrder value) {
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
                value,
                negativeVariance);
    }
}
