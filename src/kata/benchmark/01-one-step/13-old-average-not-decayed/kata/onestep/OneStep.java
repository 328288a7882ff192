package kata.onestep;

/** Exercise 01: one RMSProp step for one parameter (the debugging guide §4.2). */
public final class OneStep {
    private OneStep() {}

    /** What one step returns: the new parameter θ and the new squared-gradient average s. */
    public record Result(double theta, double squaredGradientAverage) {}

    /**
     * One RMSProp step: {@code s ← β s + (1−β) g²}, then {@code θ ← θ − α g / √(s + ε)}.
     *
     * @param theta                  θ before the step
     * @param gradient               g, the gradient at θ
     * @param squaredGradientAverage s before the step (0 before the first step)
     * @param learningRate           α
     * @param decay                  β
     * @param epsilon                ε
     * @return θ and s after the step
     */
    public static Result step(
            double theta,
            double gradient,
            double squaredGradientAverage,
            double learningRate,
            double decay,
            double epsilon) {
        double s = squaredGradientAverage + (1 - decay) * gradient * gradient;
        return new Result(theta - learningRate * gradient / Math.sqrt(s + epsilon), s);
    }
}
