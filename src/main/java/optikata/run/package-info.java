/**
 * Running an optimizer (the layer over the core): {@link optikata.run.Runner} drives one on an objective or on a
 * fixed sequence of gradients and records the trajectory, stopping cleanly at the first non-finite
 * value; {@link optikata.run.Replay} is the one loop that feeds recorded gradients to an optimizer
 * (the runner's replay, the diagnoser, the kata's probe and the claims use it; it needs only
 * {@code optim} and EJML, as it runs beside a learner's code); {@link
 * optikata.run.MinibatchTraining} trains a linear model on a data set in mini-batches; {@link
 * optikata.run.TrajectoryFormat} writes a run as CSV or JSON and reads it back (the writer and the
 * reader side by side, as {@link optikata.run.Trace}), and reads numeric tables (gradients, data sets). It may use {@code optim} and
 * {@code objective} only: the catalogues, checks, grader, report and command line above it consume
 * its runs and traces. The layers are enforced by {@code optikata.LayersTest}.
 */
package optikata.run;
