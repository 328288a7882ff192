/**
 * The optimizer family (the core, the bottom layer, except its family layer): the {@link optikata.optim.Optimizer} contract,
 * RMSProp with its configurations and framework presets, and its relatives (SGD, momentum and
 * Nesterov, AdaGrad, AdaDelta, Adam, AdamW), each with coupled or decoupled weight decay, each a
 * validated step over EJML matrices that allocates nothing after the first, with its state in
 * named buffers. It may use no other optikata package
 * (only the JDK and EJML): every other part of the project is built on it, so nothing here knows
 * about objectives, runs, texts, files or the command line. Two classes form a layer of their own above
 * {@code run}: {@link optikata.optim.OptimizerRegistry} (building the optimizers by name) and {@link
 * optikata.optim.RmsPropPreset} (the frameworks' presets); the rest of the package may not use them
 * (RMSProp's preset constructor aside, for now). The layers are enforced by {@code
 * optikata.LayersTest}.
 */
package optikata.optim;
