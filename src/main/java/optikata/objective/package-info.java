/**
 * The functions the optimizers minimise (the core, the bottom layer, beside {@code optim}): each a
 * differentiable {@link optikata.objective.Objective} with its analytic gradient (the quadratic of
 * d2l §7.6, Rosenbrock, least squares, logistic regression, ...), and a numeric gradient to check
 * them against, and the linear-regression {@link optikata.objective.Dataset} (standardization, the
 * model's loss and gradient, least squares). It may use no other optikata package (only the JDK
 * and EJML); in particular it does not know the optimizers, so an objective can be reused by anything that needs a loss and a
 * gradient. The layers are enforced by {@code optikata.LayersTest}.
 */
package optikata.objective;
