package optikata.optim;

import org.ejml.data.DMatrixRMaj;

/**
 * The contract every optimizer of the family (and every kata solution) implements.
 *
 * <p>A step reads a gradient {@code g} of the same shape as the parameters {@code θ} and updates
 * {@code θ} in place: {@code θ ← θ − update(g)}, advancing the optimizer's state. State buffers
 * are allocated on the first step for the shape of {@code θ} and reused afterwards, so a step
 * allocates nothing once the first one has run.
 *
 * <p><b>Atomicity.</b> A step that is rejected (null argument, shape mismatch, the same matrix
 * passed as parameters and gradient, a state allocated for another shape, or a non-finite
 * gradient under {@link NonFinitePolicy#REJECT}) throws {@link IllegalArgumentException} and
 * changes neither the parameters nor the state.
 */
public interface Optimizer {

    /** A short name for tables and plots, such as {@code "rmsprop"}. */
    String name();

    /**
     * One in-place update.
     *
     * @param params   θ, <b>modified</b>
     * @param gradient g = ∇f(θ), same shape as {@code params}, a distinct matrix; not modified
     * @throws IllegalArgumentException when the step is rejected; nothing is changed then
     */
    void step(DMatrixRMaj params, DMatrixRMaj gradient);

    /** A snapshot of the state: named copies of the buffers and the step count. */
    OptimizerState state();

    /**
     * The per-coordinate effective learning rate the <em>last</em> step used: the factor that
     * multiplied the gradient (for RMSProp, η / denominator). Before the first step, or for an
     * optimizer without per-coordinate scaling, every entry is the base learning rate.
     *
     * @param out written with the rates, reshaped to the parameters' shape when needed; <b>modified</b>
     */
    void effectiveLearningRate(DMatrixRMaj out);

    /** Forgets all state: the next step behaves like the first. */
    void reset();

    /** The hyperparameters, as a validated immutable record. */
    Record hyperparameters();
}
