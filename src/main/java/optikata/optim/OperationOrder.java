package optikata.optim;

/**
 * The order in which one framework's kernel evaluates RMSProp's update. The forms are equal in
 * exact arithmetic and differ in the last bits of a step; matching the order is what makes a
 * replay bitwise equal to the framework's own run ({@code docs/CONFORMANCE.md} lists which
 * recorded runs each order reproduces bit for bit).
 */
public enum OperationOrder {
    /**
     * {@code s ← β·s + ((1−β)·g)·g}; centered {@code ḡ ← β·ḡ + (1−β)·g}, {@code v ← s − ḡ·ḡ};
     * {@code θ ← θ − (η·g)/d}; momentum {@code b ← μ·b + (η·g)/d} or {@code b ← b·μ + g/d}. In
     * float32, Keras' {@code (1−ρ)·g²}: {@code s ← β·s + (1−β)·(g·g)} with {@code 1−β} formed in
     * float64 and rounded (a Python float meeting a float32 tensor). Keras 3
     * ({@code keras/src/optimizers/rmsprop.py}), cs231n, d2l, Tribuo (their recorded float64 runs
     * are reproduced bit for bit in this order).
     */
    STANDARD,
    /**
     * PyTorch's CPU kernels ({@code torch/optim/rmsprop.py}, {@code _single_tensor_rmsprop}), where
     * {@code addcmul_}, {@code lerp_} and {@code add_(…, alpha=)} are fused multiply-adds:
     * {@code s ← fma((1−α)·g, g, s·α)}; centered {@code ḡ ← fma(1−α, g − ḡ, ḡ)},
     * {@code v ← fma(−ḡ, ḡ, s)}; {@code θ ← θ − (η·g)/d}; momentum {@code b ← b·μ + g/d},
     * {@code θ ← fma(−η, b, θ)}; weight decay {@code g ← fma(θ, λ, g)}. {@code 1−α} is formed in
     * float64 (Python) and rounded in float32.
     */
    PYTORCH,
    /**
     * TF1's {@code ApplyRMSProp} / {@code ApplyCenteredRMSProp} kernels
     * ({@code tensorflow/core/kernels/training_ops.cc}) update the averages by increments:
     * {@code s ← s + (g·g − s)·(1−ρ)}, centered {@code ḡ ← ḡ + (g − ḡ)·(1−ρ)}; the rest as
     * {@link #STANDARD}. Optax's recorded runs (optax 0.2.8) follow the same rounding.
     */
    INCREMENTAL,
    /**
     * ND4J's {@code rms_prop_updater} ({@code libnd4j}):
     * {@code s ← s·ρ + (g·g)·(1−ρ)}, {@code θ ← θ − (η·g)/(√s + ε)}, with {@code 1−ρ} formed in the
     * arrays' type (float32 for FLOAT arrays).
     */
    ND4J
}
