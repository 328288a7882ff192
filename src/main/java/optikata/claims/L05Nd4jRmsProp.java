package optikata.claims;

import optikata.conformance.Agreement;
import optikata.conformance.RecordingSet;
import optikata.optim.OperationOrder;
import optikata.optim.RmsPropConfig;
import optikata.optim.RmsPropPreset;

/**
 * L05: ND4J's RmsProp updater documents its update as {@code lr * gradient / (sqrt(cache) + 1e-8)}
 * and its defaults as constants; what it leaves out is that the cache starts at ε.
 */
public final class L05Nd4jRmsProp extends LibraryClaim {
    public L05Nd4jRmsProp() {
        super(
                "L05",
                "ND4J 1.0.0-M2.1 (org.nd4j:nd4j-api)",
                "org.nd4j.linalg.learning.RmsPropUpdater source comment and config.RmsProp defaults",
                "RmsProp: \"lr * gradient / (sqrt(cache) + 1e-8)\"; new RmsProp() has DEFAULT_RMSPROP_LEARNING_RATE 1e-1, "
                        + "DEFAULT_RMSPROP_RMSDECAY 0.95, DEFAULT_RMSPROP_EPSILON 1e-8");
    }

    @Override
    public ClaimResult check(ClaimContext context) throws Exception {
        ClaimResult.Builder b = ClaimResult.of(this)
                .documented("max relative difference with the cache from 0", 0.0)
                .tolerance(1e-12);
        RecordingSet set = recordings();
        if (set == null) {
            return missingRecordings(b);
        }
        Optimizers lib = context.optimizers();
        double lr = 0.1;
        double rho = 0.95;
        double eps = 1e-8;
        RmsPropConfig pytorch = RmsPropPreset.PYTORCH.config();
        RmsPropConfig keras = RmsPropPreset.KERAS.config();
        b.setting("ND4J learning rate", lr)
                .setting("ND4J ρ", rho)
                .setting("ND4J ε", eps)
                .setting("gradient scale √ε", Math.sqrt(eps))
                .setting("PyTorch learning rate", pytorch.usedLearningRate())
                .setting("PyTorch ρ", pytorch.usedDecay())
                .setting("Keras learning rate", keras.usedLearningRate())
                .setting("Keras ρ", keras.usedDecay());
        // The documented form with the documented defaults: ε outside the root, the cache from 0.
        RmsPropConfig documented = pytorch.toBuilder()
                .learningRate(lr)
                .decay(rho)
                .epsilon(eps)
                .operationOrder(OperationOrder.ND4J)
                .build();
        String run = "nd4j-rmsprop-default";
        double[][] fromZeroPath = trajectory(set, run, lib.rmsprop(documented));
        double[][] recorded = set.byId(run).trajectory();
        Agreement fromZero = Agreement.of(fromZeroPath, recorded);
        Agreement fromEps = replay(
                set,
                run,
                lib.rmsprop(documented.toBuilder().initialAccumulator(eps).build()));
        double firstStep = firstStepDifference(fromZeroPath, recorded, 1);
        b.measured("max relative difference with the cache from 0", fromZero.maxRelativeDifference())
                .measured("max relative difference with the cache from ε", fromEps.maxRelativeDifference())
                .measured("first step relative difference at gradient 1e-5", firstStep);
        b.figure(differenceFigure(
                "l05-nd4j-rmsprop-cache-from-zero",
                "L05: the documented RmsProp (cache from 0) against ND4J's recorded run",
                set,
                fromZeroPath,
                recorded,
                "Each coordinate's relative difference, step by step, between the documented update lr·g/(√cache + ε) with the cache "
                        + "starting at 0 (lr " + num(lr) + ", ρ " + num(rho) + ", ε " + num(eps)
                        + ") and ND4J's recorded new RmsProp(). "
                        + "The coordinate whose gradient is ~1e-5 differs most. With the cache starting at ε the difference is "
                        + L01TribuoRmsPropFollowsKeras.epsEqualsText(fromEps) + " at every step."));
        String finding = "new RmsProp() (lr " + num(lr) + ", ρ " + num(rho) + ", ε " + num(eps)
                + ", ε outside the root) with the cache "
                + "starting at 0 differs from the recorded run by up to " + num(fromZero.maxRelativeDifference())
                + " (first step of the ~1e-5 coordinate: " + num(firstStep) + "); starting at ε it differs by "
                + L01TribuoRmsPropFollowsKeras.epsEqualsText(fromEps);
        if (b.documentedFiguresMatch()) {
            return b.verdict(Verdict.HOLDS, finding, null);
        }
        if (fromEps.maxRelativeDifference() <= 1e-12) {
            return b.verdict(
                    Verdict.QUALIFIED,
                    finding,
                    "the form and the defaults hold, with a condition left out: the cache starts at ε = " + num(eps)
                            + ", not 0 (the "
                            + "updater's state view is filled with epsilon), which weighs on gradients near or below √ε = "
                            + num(Math.sqrt(eps)) + "; and the defaults are not the usual ones (lr " + num(lr)
                            + " and ρ " + num(rho)
                            + ", where PyTorch has " + num(pytorch.usedLearningRate()) + "/" + num(pytorch.usedDecay())
                            + " and Keras "
                            + num(keras.usedLearningRate()) + "/" + num(keras.usedDecay())
                            + "). The pytorch preset with --lr "
                            + num(lr) + " --decay " + num(rho) + " --initial-accumulator " + num(eps)
                            + " reproduces it.");
        }
        return b.verdict(
                Verdict.NOT_CHECKABLE,
                finding,
                "The library's RMSProp reproduces ND4J's recorded run with the cache starting neither at 0 nor at ε, so this check "
                        + "cannot tell ND4J's form from a fault in the library's own update; check the library's RMSProp first.");
    }
}
