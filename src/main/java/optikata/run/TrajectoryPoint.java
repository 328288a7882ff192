package optikata.run;

import optikata.optim.OptimizerState;

/**
 * One row of a run. Row 0 is the start: θ₀, f(θ₀), no gradient yet, the initial state. Row
 * t ≥ 1 is what step t did: {@code gradient} is g_t = ∇f(θ_{t−1}), the gradient that step used;
 * {@code theta} and {@code loss} are θ_t and f(θ_t) after it; {@code state} and
 * {@code effectiveRate} (η / denominator per coordinate) are those after step t.
 *
 * @param loss NaN where no objective was given (replay of recorded gradients)
 */
public record TrajectoryPoint(
        int step, double[] theta, double loss, double[] gradient, OptimizerState state, double[] effectiveRate) {}
