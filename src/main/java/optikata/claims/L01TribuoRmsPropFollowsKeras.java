package optikata.claims;

import optikata.conformance.Agreement;
import optikata.conformance.RecordingSet;
import optikata.optim.EpsilonPlacement;
import optikata.optim.HyperparameterPrecision;
import optikata.optim.RmsPropConfig;
import optikata.optim.RmsPropPreset;

/**
 * L01: Tribuo's RMSProp says it follows Keras. Tribuo computes {@code weight * lr / (epsilon +
 * Math.sqrt(a))}: ε outside the root, with ε 1e-8 from its two-argument constructor.
 */
public final class L01TribuoRmsPropFollowsKeras extends LibraryClaim {
    public L01TribuoRmsPropFollowsKeras() {
        super(
                "L01",
                "Tribuo 4.3.2 (org.tribuo:tribuo-math)",
                "org.tribuo.math.optimisers.RMSProp class Javadoc",
                "RMSProp: \"Follows the Keras implementation.\"");
    }

    @Override
    public ClaimResult check(ClaimContext context) throws Exception {
        ClaimResult.Builder b = ClaimResult.of(this)
                .documented("max relative difference from Keras", 0.0)
                .tolerance(1e-12);
        RecordingSet set = recordings();
        if (set == null) {
            return missingRecordings(b);
        }
        Optimizers lib = context.optimizers();
        // Tribuo computes in double: Keras' float64 formula (floatx float64), with Keras' own lr, rho and epsilon.
        RmsPropConfig keras = RmsPropPreset.KERAS.config().toBuilder()
                .hyperparameterPrecision(HyperparameterPrecision.FLOAT64)
                .build();
        double tribuoEpsilon = 1e-8; // new RMSProp(lr, rho): epsilon 1e-8
        double tribuoLr = 0.001;
        double tribuoRho = 0.9;
        b.setting("Keras learning rate", keras.usedLearningRate())
                .setting("Keras ρ", keras.usedDecay())
                .setting("Keras ε", keras.usedEpsilon())
                .setting("Tribuo's default ε", tribuoEpsilon)
                .setting("learning rate of the defaults run", tribuoLr)
                .setting("ρ of the defaults run", tribuoRho)
                .setting("gradient scale √ε at Tribuo's ε", Math.sqrt(tribuoEpsilon));
        String kerasRun = "tribuo-rmsprop-keras-defaults";
        double[][] asKerasPath = trajectory(set, kerasRun, lib.rmsprop(keras));
        double[][] recorded = set.byId(kerasRun).trajectory();
        Agreement asKeras = Agreement.of(asKerasPath, recorded);
        Agreement epsOutside = replay(
                set,
                kerasRun,
                lib.rmsprop(keras.toBuilder()
                        .epsilonPlacement(EpsilonPlacement.OUTSIDE_ROOT)
                        .build()));
        RmsPropConfig torch = RmsPropPreset.PYTORCH.config().toBuilder()
                .learningRate(tribuoLr)
                .decay(tribuoRho)
                .build();
        Agreement defaultsAsTorch = replay(set, "tribuo-rmsprop-lr1e-3-rho0.9", lib.rmsprop(torch));
        Agreement defaultsAsKeras = replay(
                set,
                "tribuo-rmsprop-lr1e-3-rho0.9",
                lib.rmsprop(keras.toBuilder().epsilon(tribuoEpsilon).build()));
        double firstStep = firstStepDifference(asKerasPath, recorded, 1);
        b.measured("max relative difference from Keras", asKeras.maxRelativeDifference())
                .measured("max relative difference with ε outside the root", epsOutside.maxRelativeDifference())
                .measured("first step relative difference at gradient 1e-5", firstStep)
                .measured(
                        "defaults: max relative difference from the pytorch preset",
                        defaultsAsTorch.maxRelativeDifference())
                .measured(
                        "defaults: max relative difference from the keras form",
                        defaultsAsKeras.maxRelativeDifference());
        b.figure(differenceFigure(
                "l01-tribuo-rmsprop-against-keras",
                "L01: Tribuo's recorded RMSProp against Keras' update (ε inside the root)",
                set,
                asKerasPath,
                recorded,
                "Each coordinate's relative difference, step by step, between Keras' update (the library's keras form, lr "
                        + num(keras.usedLearningRate()) + ", ρ " + num(keras.usedDecay()) + ", ε "
                        + num(keras.usedEpsilon())
                        + ") and Tribuo's recorded run with the same settings. The coordinates with small gradients differ most: that is "
                        + "where ε's place matters. With ε moved outside the root the difference is "
                        + epsEqualsText(epsOutside) + " at every step."));
        String finding = "with Keras' lr " + num(keras.usedLearningRate()) + ", ρ " + num(keras.usedDecay()) + ", ε "
                + num(keras.usedEpsilon()) + ", Tribuo's run differs from Keras' update by up to "
                + num(asKeras.maxRelativeDifference())
                + " relative (" + num(firstStep)
                + " on the first step of the coordinate whose gradient is ~1e-5) and by "
                + epsEqualsText(epsOutside) + " once ε is moved outside the root; with its own defaults (ε "
                + num(tribuoEpsilon)
                + ") it differs from the pytorch preset by " + epsEqualsText(defaultsAsTorch)
                + " and from the keras form by "
                + num(defaultsAsKeras.maxRelativeDifference());
        if (b.documentedFiguresMatch()) {
            return b.verdict(Verdict.HOLDS, finding, null);
        }
        if (epsOutside.maxRelativeDifference() <= 1e-12) {
            return b.verdict(
                    Verdict.ERRATUM,
                    finding,
                    "Tribuo's RMSProp divides by √s + ε (ε outside the root, PyTorch's and cs231n's form), where Keras divides by √(s + ε); "
                            + "its default ε is " + num(tribuoEpsilon) + " (Keras " + num(keras.usedEpsilon())
                            + "). On its defaults it is "
                            + "the pytorch preset with the learning rate given, "
                            + (defaultsAsTorch.bitwise()
                                    ? "bit for bit"
                                    : "within " + num(defaultsAsTorch.maxRelativeDifference()))
                            + "; the forms part where s is comparable to ε, i.e. for gradients near or below √ε = "
                            + num(Math.sqrt(tribuoEpsilon)) + ".");
        }
        return b.verdict(
                Verdict.NOT_CHECKABLE,
                finding,
                "The library's RMSProp reproduces Tribuo's recorded run neither with ε inside nor with ε outside the root, so this check "
                        + "cannot tell Tribuo's form from a fault in the library's own update; check the library's RMSProp first (the "
                        + "conformance tests replay every recorded framework run).");
    }

    static String epsEqualsText(Agreement a) {
        return a.bitwise() ? "0 (bit for bit)" : num(a.maxRelativeDifference());
    }
}
