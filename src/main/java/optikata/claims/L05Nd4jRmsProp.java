package optikata.claims;

import optikata.conformance.Agreement;
import optikata.conformance.RecordingSet;
import optikata.optim.OperationOrder;
import optikata.optim.RmsProp;
import optikata.optim.RmsPropConfig;
import optikata.optim.RmsPropPreset;

/**
 * L05: ND4J's RmsProp updater documents its update as {@code lr * gradient / (sqrt(cache) + 1e-8)}
 * and its defaults as constants; what it leaves out is that the cache starts at ε.
 */
public final class L05Nd4jRmsProp extends LibraryClaim {
    public L05Nd4jRmsProp() {
        super("L05", "ND4J 1.0.0-M2.1 (org.nd4j:nd4j-api)",
                "org.nd4j.linalg.learning.RmsPropUpdater source comment and config.RmsProp defaults",
                "RmsProp: \"lr * gradient / (sqrt(cache) + 1e-8)\"; new RmsProp() has DEFAULT_RMSPROP_LEARNING_RATE 1e-1, "
                        + "DEFAULT_RMSPROP_RMSDECAY 0.95, DEFAULT_RMSPROP_EPSILON 1e-8");
    }

    @Override
    public ClaimResult check(ClaimContext context) throws Exception {
        ClaimResult.Builder b = ClaimResult.of(this).documented("maxRelativeDifferenceWithCacheFromZero", 0.0).tolerance(1e-12);
        RecordingSet set = recordings();
        if (set == null) {
            return missingRecordings(b);
        }
        // The documented form with the documented defaults: ε outside the root, the cache from 0.
        RmsPropConfig documented = RmsPropPreset.PYTORCH.config().withLearningRate(0.1).withDecay(0.95).withEpsilon(1e-8)
                .withOperationOrder(OperationOrder.ND4J);
        Agreement fromZero = replay(set, "nd4j-rmsprop-default", new RmsProp(documented));
        Agreement fromEps = replay(set, "nd4j-rmsprop-default", new RmsProp(documented.withInitialAccumulator(1e-8)));
        double firstStep = firstStepDifference(set.replay(new RmsProp(documented), 1), set.byId("nd4j-rmsprop-default").trajectory(), 1);
        b.measured("maxRelativeDifferenceWithCacheFromZero", fromZero.maxRelativeDifference())
                .measured("maxRelativeDifferenceWithCacheFromEpsilon", fromEps.maxRelativeDifference())
                .measured("firstStepRelativeDifferenceAtGradient1e-5", firstStep);
        String finding = "new RmsProp() (lr 0.1, ρ 0.95, ε 1e-8, ε outside the root) with the cache starting at 0 differs from the "
                + "recorded run by up to " + num(fromZero.maxRelativeDifference()) + " (first step of the ~1e-5 coordinate: "
                + num(firstStep) + "); starting at ε it differs by " + L01TribuoRmsPropFollowsKeras.epsEqualsText(fromEps);
        if (b.documentedFiguresMatch()) {
            return b.verdict(Verdict.HOLDS, finding, null);
        }
        if (fromEps.maxRelativeDifference() <= 1e-12) {
            return b.verdict(Verdict.QUALIFIED, finding,
                    "the form and the defaults hold, with a condition left out: the cache starts at ε = 1e-8, not 0 "
                            + "(setStateViewArray assigns epsilon), which weighs on gradients below ~1e-4; and the defaults are not the "
                            + "usual ones (lr 0.1 and ρ 0.95, where PyTorch has 0.01/0.99 and Keras 0.001/0.9). The pytorch preset with "
                            + "--lr 0.1 --decay 0.95 --initial-accumulator 1e-8 reproduces it.");
        }
        return b.verdict(Verdict.ERRATUM, finding, "ND4J's RmsProp differs from the documented form beyond its starting cache");
    }
}
