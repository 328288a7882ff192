package optikata.optim;

/**
 * RMSProp's hyperparameters, validated on construction. Start from a {@link RmsPropPreset} or
 * {@link #defaults()} and change what you need with the {@code withX} methods, which return a
 * validated copy.
 *
 * @param learningRate       η ≥ 0
 * @param decay              β (γ in d2l, ρ in Keras, {@code alpha} in PyTorch), in [0, 1)
 * @param epsilon            ε &gt; 0
 * @param epsilonPlacement   inside the root {@code √(s+ε)} or outside {@code √s+ε}
 * @param centered           divide by an estimate of the variance {@code s − ḡ²} instead of {@code s}
 * @param momentum           μ in [0, 1); 0 turns the momentum buffer off
 * @param momentumForm       where η enters the momentum buffer (matters only when η changes)
 * @param initialAccumulator the value {@code s} starts at: 0 (PyTorch, Keras), 1 (TF1), ε (ND4J)
 * @param weightDecay        λ ≥ 0, L2 penalty added to the gradient: {@code g ← g + λθ} (PyTorch)
 * @param nonFinitePolicy    what a NaN or infinite gradient does
 */
public record RmsPropConfig(double learningRate, double decay, double epsilon, EpsilonPlacement epsilonPlacement,
                            boolean centered, double momentum, MomentumForm momentumForm,
                            double initialAccumulator, double weightDecay, NonFinitePolicy nonFinitePolicy) {

    public RmsPropConfig {
        Check.learningRate(learningRate);
        Check.unitInterval("decay rate", decay);
        Check.epsilon(epsilon);
        Check.notNull("epsilon placement", epsilonPlacement);
        Check.unitInterval("momentum", momentum);
        Check.notNull("momentum form", momentumForm);
        Check.nonNegative("initial accumulator", initialAccumulator);
        Check.nonNegative("weight decay", weightDecay);
        Check.notNull("non-finite policy", nonFinitePolicy);
    }

    /** The texts' form (the debugging guide §4.1, d2l §7.6.1): η=0.01, β=0.9, ε=1e-8 inside the root. */
    public static RmsPropConfig defaults() {
        return new RmsPropConfig(0.01, 0.9, 1e-8, EpsilonPlacement.INSIDE_ROOT, false, 0.0,
                MomentumForm.NORMALIZED_GRADIENT, 0.0, 0.0, NonFinitePolicy.REJECT);
    }

    public RmsPropConfig withLearningRate(double value) {
        return new RmsPropConfig(value, decay, epsilon, epsilonPlacement, centered, momentum, momentumForm,
                initialAccumulator, weightDecay, nonFinitePolicy);
    }

    public RmsPropConfig withDecay(double value) {
        return new RmsPropConfig(learningRate, value, epsilon, epsilonPlacement, centered, momentum, momentumForm,
                initialAccumulator, weightDecay, nonFinitePolicy);
    }

    public RmsPropConfig withEpsilon(double value) {
        return new RmsPropConfig(learningRate, decay, value, epsilonPlacement, centered, momentum, momentumForm,
                initialAccumulator, weightDecay, nonFinitePolicy);
    }

    public RmsPropConfig withEpsilonPlacement(EpsilonPlacement value) {
        return new RmsPropConfig(learningRate, decay, epsilon, value, centered, momentum, momentumForm,
                initialAccumulator, weightDecay, nonFinitePolicy);
    }

    public RmsPropConfig withCentered(boolean value) {
        return new RmsPropConfig(learningRate, decay, epsilon, epsilonPlacement, value, momentum, momentumForm,
                initialAccumulator, weightDecay, nonFinitePolicy);
    }

    public RmsPropConfig withMomentum(double value) {
        return new RmsPropConfig(learningRate, decay, epsilon, epsilonPlacement, centered, value, momentumForm,
                initialAccumulator, weightDecay, nonFinitePolicy);
    }

    public RmsPropConfig withMomentumForm(MomentumForm value) {
        return new RmsPropConfig(learningRate, decay, epsilon, epsilonPlacement, centered, momentum, value,
                initialAccumulator, weightDecay, nonFinitePolicy);
    }

    public RmsPropConfig withInitialAccumulator(double value) {
        return new RmsPropConfig(learningRate, decay, epsilon, epsilonPlacement, centered, momentum, momentumForm,
                value, weightDecay, nonFinitePolicy);
    }

    public RmsPropConfig withWeightDecay(double value) {
        return new RmsPropConfig(learningRate, decay, epsilon, epsilonPlacement, centered, momentum, momentumForm,
                initialAccumulator, value, nonFinitePolicy);
    }

    public RmsPropConfig withNonFinitePolicy(NonFinitePolicy value) {
        return new RmsPropConfig(learningRate, decay, epsilon, epsilonPlacement, centered, momentum, momentumForm,
                initialAccumulator, weightDecay, value);
    }
}
