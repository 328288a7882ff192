package optikata.optim;

/**
 * Where the learning rate enters RMSProp's momentum buffer {@code b}. With a constant learning
 * rate both forms give the same parameters; they differ when η changes during training.
 */
public enum MomentumForm {
    /** PyTorch ({@code torch/optim/rmsprop.py}): {@code b ← μ b + g / d}, then {@code θ ← θ − η b}. */
    NORMALIZED_GRADIENT,
    /** Keras, TF1, Optax: {@code b ← μ b + η g / d}, then {@code θ ← θ − b}. */
    SCALED_UPDATE
}
