package optikata.claims.file;

import java.util.Arrays;
import java.util.List;

/** What a claim of a file measures: {@code measure.quantity}. */
enum Quantity {
    /** θ after step k (step 0 is the start), per coordinate. */
    THETA("theta", "theta", "θ", true, 0, true),
    /** The optimizer's squared-gradient state after step k (RMSProp's s, AdaGrad's sum, Adam's v), per coordinate. */
    S("s", "s", "s", true, 1, true),
    /** The per-coordinate effective learning rate step k used (η / denominator). */
    RATE("rate", "effectiveRate", "the effective rate", true, 1, true),
    /** |θ_k − θ_{k−1}| / η: how far step k moved each coordinate, in units of the learning rate. */
    STEP_OVER_ETA("step-over-eta", "stepOverEta", "|Δθ|/η", true, 1, true),
    /** f(θ) after step k (step 0 is the start); needs an objective. */
    LOSS("loss", "loss", "f(θ)", true, 0, false),
    /** The first step k at which f(θ_k) ≤ {@code below}; "never" when no step of the run gets there. */
    STEPS_TO("steps-to", "stepsToLossBelow", "the steps to reach f(θ) ≤ the target", false, 0, false),
    /** The weight of the squared gradient {@code lag} steps back in s after step k: (1 − β)β^lag for RMSProp. */
    WEIGHT("weight", "weight", "the weight of the squared gradient that many steps back in s", false, 1, false),
    /** The share of the weight in s after step k carried by the last {@code last} squared gradients. */
    SHARE("share", "shareOfLast", "the share of s carried by the last squared gradients", true, 1, false),
    /** The sum of the weights of all squared gradients in s after step k (1 for an average). */
    WEIGHT_SUM("weight-sum", "weightSum", "the sum of the weights in s", true, 1, false),
    /** A quantity of this run divided by the same quantity of a second run ({@code over}). */
    RATIO("ratio", "ratio", "the ratio", false, 0, false);

    final String word;
    final String key;
    final String label;
    private final boolean stepped;
    final int firstStep;
    final boolean perCoordinate;

    Quantity(String word, String key, String label, boolean stepped, int firstStep, boolean perCoordinate) {
        this.word = word;
        this.key = key;
        this.label = label;
        this.stepped = stepped;
        this.firstStep = firstStep;
        this.perCoordinate = perCoordinate;
    }

    static final List<String> WORDS = Arrays.stream(values()).map(q -> q.word).toList();

    static Quantity byWord(String word) {
        for (Quantity q : values()) {
            if (q.word.equals(word)) {
                return q;
            }
        }
        return null;
    }

    /**
     * Whether it has a value at every step (so {@code monotone} and every-step bounds apply); a ratio is
     * stepped when the quantity it divides is.
     */
    boolean stepped() {
        return stepped;
    }

    /** Whether it reads s, which sgd, momentum and nesterov do not keep. */
    boolean readsAccumulator() {
        return this == S || this == WEIGHT || this == SHARE || this == WEIGHT_SUM;
    }

    /** Whether its run feeds unit squared gradients itself (no objective, no gradients, no start). */
    boolean ownGradients() {
        return this == WEIGHT || this == SHARE || this == WEIGHT_SUM;
    }

    boolean needsObjective() {
        return this == LOSS || this == STEPS_TO;
    }

    /** The measure keys it takes besides {@code quantity}. */
    List<String> keys() {
        return switch (this) {
            case THETA, S, RATE, STEP_OVER_ETA -> List.of("step", "coordinate");
            case LOSS, WEIGHT_SUM -> List.of("step");
            case STEPS_TO -> List.of("below");
            case WEIGHT -> List.of("lag", "step");
            case SHARE -> List.of("last", "step");
            case RATIO -> List.of("of", "over");
        };
    }
}
