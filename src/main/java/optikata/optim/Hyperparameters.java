package optikata.optim;

/**
 * What {@link AbstractOptimizer} reads from an optimizer's hyperparameter record: the base learning
 * rate and what a non-finite gradient does. An optimizer's {@code Config} record implements it; a
 * record component named {@code learningRate} (or {@code nonFinitePolicy}) is the accessor, so
 * <pre>
 *   public record Config(double learningRate, double decay) implements Hyperparameters { }
 * </pre>
 * is all a new optimizer writes (with {@link NonFinitePolicy#REJECT}, the default).
 */
public interface Hyperparameters {
    /** η, the base learning rate: every coordinate's effective rate before the first step. */
    double learningRate();

    /** What a NaN or ±∞ in the gradient does: {@link NonFinitePolicy#REJECT} unless the record says otherwise. */
    default NonFinitePolicy nonFinitePolicy() {
        return NonFinitePolicy.REJECT;
    }
}
