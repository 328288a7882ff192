package optikata.optim;

/**
 * How a weight decay λ enters a step. The two forms agree for plain SGD, where {@code θ − η(g + λθ)}
 * and {@code θ(1 − ηλ) − ηg} are one update, and part as soon as the gradient is rescaled or
 * averaged: coupled, λθ is divided by RMSProp's or Adam's denominator like the rest of the gradient
 * (a coordinate with large gradients is barely decayed); decoupled, every coordinate shrinks by the
 * same factor {@code 1 − ηλ} (Loshchilov &amp; Hutter 2019, who named the decoupled Adam AdamW).
 */
public enum WeightDecayForm {
    /**
     * An L2 penalty's gradient added to the gradient before the update: {@code g ← g + λθ}, so the
     * term goes through the optimizer's state and scaling. PyTorch's {@code weight_decay} on SGD,
     * RMSprop, Adagrad, Adadelta and Adam; TF1, cs231n and d2l put the same term in the loss
     * ({@code reg * W} in cs231n's gradient).
     */
    COUPLED,
    /**
     * The parameters shrink before the update, by their own value and the learning rate only:
     * {@code θ ← θ − ηλθ}, then the optimizer's step on the unchanged gradient. Keras 3's
     * {@code weight_decay} on every optimizer ({@code keras/src/optimizers/base_optimizer.py},
     * {@code _apply_weight_decay}: {@code variable - variable * wd * lr}, applied before the
     * update), PyTorch's {@code AdamW} ({@code param.mul_(1 - lr * weight_decay)}), Optax's
     * {@code adamw} ({@code add_decayed_weights} between {@code scale_by_adam} and the learning rate).
     */
    DECOUPLED
}
