package optikata.claims;

import optikata.conformance.Agreement;
import optikata.conformance.RecordingSet;
import optikata.optim.EpsilonPlacement;
import optikata.optim.HyperparameterPrecision;
import optikata.optim.RmsProp;
import optikata.optim.RmsPropConfig;
import optikata.optim.RmsPropPreset;

/**
 * L01: Tribuo's RMSProp says it follows Keras. Tribuo computes {@code weight * lr / (epsilon +
 * Math.sqrt(a))}: ε outside the root, with ε 1e-8 from its two-argument constructor.
 */
public final class L01TribuoRmsPropFollowsKeras extends LibraryClaim {
    public L01TribuoRmsPropFollowsKeras() {
        super("L01", "Tribuo 4.3.2 (org.tribuo:tribuo-math)", "org.tribuo.math.optimisers.RMSProp class Javadoc",
                "RMSProp: \"Follows the Keras implementation.\"");
    }

    @Override
    public ClaimResult check(ClaimContext context) throws Exception {
        ClaimResult.Builder b = ClaimResult.of(this).documented("maxRelativeDifferenceFromKeras", 0.0).tolerance(1e-12);
        RecordingSet set = recordings();
        if (set == null) {
            return missingRecordings(b);
        }
        // Tribuo computes in double: Keras' float64 formula (floatx float64), with Keras' own lr, rho and epsilon.
        RmsPropConfig keras = RmsPropPreset.KERAS.config().withHyperparameterPrecision(HyperparameterPrecision.FLOAT64);
        Agreement asKeras = replay(set, "tribuo-rmsprop-keras-defaults", new RmsProp(keras));
        Agreement epsOutside = replay(set, "tribuo-rmsprop-keras-defaults",
                new RmsProp(keras.withEpsilonPlacement(EpsilonPlacement.OUTSIDE_ROOT)));
        RmsPropConfig torch = RmsPropPreset.PYTORCH.config().withLearningRate(0.001).withDecay(0.9);
        Agreement defaultsAsTorch = replay(set, "tribuo-rmsprop-lr1e-3-rho0.9", new RmsProp(torch));
        Agreement defaultsAsKeras = replay(set, "tribuo-rmsprop-lr1e-3-rho0.9", new RmsProp(keras.withEpsilon(1e-8)));
        double firstStep = firstStepDifference(set.replay(new RmsProp(keras), 1), set.byId("tribuo-rmsprop-keras-defaults").trajectory(), 1);
        b.measured("maxRelativeDifferenceFromKeras", asKeras.maxRelativeDifference())
                .measured("maxRelativeDifferenceWithEpsilonOutside", epsOutside.maxRelativeDifference())
                .measured("firstStepRelativeDifferenceAtGradient1e-5", firstStep)
                .measured("defaults:maxRelativeDifferenceFromPytorchPreset", defaultsAsTorch.maxRelativeDifference())
                .measured("defaults:maxRelativeDifferenceFromKerasForm", defaultsAsKeras.maxRelativeDifference());
        String finding = String.format(java.util.Locale.ROOT,
                "with Keras' lr 1e-3, ρ 0.9, ε 1e-7, Tribuo's run differs from Keras' update by up to %s relative (%s on the first step of "
                        + "the coordinate whose gradient is ~1e-5) and by %s once ε is moved outside the root; with its own defaults "
                        + "(ε 1e-8) it differs from the pytorch preset by %s and from the keras form by %s",
                num(asKeras.maxRelativeDifference()), num(firstStep), epsEqualsText(epsOutside), epsEqualsText(defaultsAsTorch),
                num(defaultsAsKeras.maxRelativeDifference()));
        if (b.documentedFiguresMatch()) {
            return b.verdict(Verdict.HOLDS, finding, null);
        }
        if (epsOutside.maxRelativeDifference() <= 1e-12) {
            return b.verdict(Verdict.ERRATUM, finding,
                    "Tribuo's RMSProp divides by √s + ε (ε outside the root, PyTorch's and cs231n's form), where Keras divides by √(s + ε); "
                            + "its default ε is 1e-8 (Keras 1e-7). On its defaults it is the pytorch preset with the learning rate given, "
                            + (defaultsAsTorch.bitwise() ? "bit for bit" : "within " + num(defaultsAsTorch.maxRelativeDifference()))
                            + "; the forms part where s is comparable to ε, i.e. for gradients below ~1e-3.");
        }
        return b.verdict(Verdict.ERRATUM, finding, "Tribuo's RMSProp differs from Keras' beyond where ε goes");
    }

    static String epsEqualsText(Agreement a) {
        return a.bitwise() ? "0 (bit for bit)" : num(a.maxRelativeDifference());
    }
}
