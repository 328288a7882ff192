package optikata.claims;

import optikata.conformance.Agreement;
import optikata.conformance.RecordingSet;
import optikata.optim.RmsProp;
import optikata.optim.RmsPropConfig;
import optikata.optim.RmsPropPreset;

/** L02: Tribuo's RMSProp calls ρ "the momentum parameter"; it is the squared-gradient average's decay. */
public final class L02TribuoRhoIsMomentum extends LibraryClaim {
    public L02TribuoRhoIsMomentum() {
        super("L02", "Tribuo 4.3.2 (org.tribuo:tribuo-math)", "org.tribuo.math.optimisers.RMSProp constructor Javadoc and @Config",
                "RMSProp(initialLearningRate, rho): \"@param rho The momentum parameter.\"");
    }

    @Override
    public ClaimResult check(ClaimContext context) throws Exception {
        ClaimResult.Builder b = ClaimResult.of(this).documented("maxRelativeDifferenceWithRhoAsMomentum", 0.0).tolerance(1e-12);
        RecordingSet set = recordings();
        if (set == null) {
            return missingRecordings(b);
        }
        RmsPropConfig torch = RmsPropPreset.PYTORCH.config().withLearningRate(0.001);
        // new RMSProp(0.001, 0.9): ρ read as a momentum (PyTorch's default decay 0.99), or as the decay with no momentum.
        Agreement asMomentum = replay(set, "tribuo-rmsprop-lr1e-3-rho0.9", new RmsProp(torch.withMomentum(0.9)));
        Agreement asDecay = replay(set, "tribuo-rmsprop-lr1e-3-rho0.9", new RmsProp(torch.withDecay(0.9)));
        b.measured("maxRelativeDifferenceWithRhoAsMomentum", asMomentum.maxRelativeDifference())
                .measured("maxRelativeDifferenceWithRhoAsDecay", asDecay.maxRelativeDifference());
        String finding = "new RMSProp(0.001, 0.9): read as momentum μ = 0.9 the run differs by " + num(asMomentum.maxRelativeDifference())
                + "; read as the decay β = 0.9 of the squared-gradient average, with no momentum, by "
                + L01TribuoRmsPropFollowsKeras.epsEqualsText(asDecay);
        if (b.documentedFiguresMatch()) {
            return b.verdict(Verdict.HOLDS, finding, null);
        }
        if (asDecay.maxRelativeDifference() <= 1e-12) {
            return b.verdict(Verdict.ERRATUM, finding,
                    "ρ is the decay rate of the squared-gradient average s ← ρs + (1−ρ)g² (Keras' rho, PyTorch's alpha, the texts' β or γ); "
                            + "Tribuo's RMSProp has no momentum buffer. Its `decay` (\"Decay factor for the momentum\") is a learning-rate "
                            + "decay lr/(1 + decay·t).");
        }
        return b.verdict(Verdict.ERRATUM, finding, "ρ is neither a momentum nor the decay alone");
    }
}
