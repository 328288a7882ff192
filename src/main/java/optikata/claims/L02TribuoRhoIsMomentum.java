package optikata.claims;

import optikata.conformance.Agreement;
import optikata.conformance.RecordingSet;
import optikata.optim.RmsPropConfig;
import optikata.optim.RmsPropPreset;

/** L02: Tribuo's RMSProp calls ρ "the momentum parameter"; it is the squared-gradient average's decay. */
public final class L02TribuoRhoIsMomentum extends LibraryClaim {
    public L02TribuoRhoIsMomentum() {
        super(
                "L02",
                "Tribuo 4.3.2 (org.tribuo:tribuo-math)",
                "org.tribuo.math.optimisers.RMSProp constructor Javadoc and @Config",
                "new RMSProp(initial learning rate, rho): \"@param rho The momentum parameter.\"");
    }

    @Override
    public ClaimResult check(ClaimContext context) throws Exception {
        ClaimResult.Builder b = ClaimResult.of(this)
                .documented("max relative difference with ρ as momentum", 0.0)
                .tolerance(1e-12);
        RecordingSet set = recordings();
        if (set == null) {
            return missingRecordings(b);
        }
        Optimizers lib = context.optimizers();
        double lr = 0.001;
        double rho = 0.9;
        b.setting("learning rate", lr).setting("ρ", rho);
        String run = "tribuo-rmsprop-lr1e-3-rho0.9";
        RmsPropConfig torch =
                RmsPropPreset.PYTORCH.config().toBuilder().learningRate(lr).build();
        // new RMSProp(0.001, 0.9): ρ read as a momentum (PyTorch's default decay 0.99), or as the decay with no
        // momentum.
        b.setting("decay of the squared-gradient average when ρ is the momentum", torch.usedDecay());
        double[][] momentumPath =
                trajectory(set, run, lib.rmsprop(torch.toBuilder().momentum(rho).build()));
        double[][] recorded = set.byId(run).trajectory();
        Agreement asMomentum = Agreement.of(momentumPath, recorded);
        Agreement asDecay =
                replay(set, run, lib.rmsprop(torch.toBuilder().decay(rho).build()));
        b.measured("max relative difference with ρ as momentum", asMomentum.maxRelativeDifference())
                .measured("max relative difference with ρ as the decay", asDecay.maxRelativeDifference());
        b.figure(differenceFigure(
                "l02-tribuo-rho-as-momentum",
                "L02: Tribuo's RMSProp with ρ read as a momentum, against its recorded run",
                set,
                momentumPath,
                recorded,
                "Each coordinate's relative difference, step by step, between RMSProp with momentum μ = " + num(rho)
                        + " (squared-gradient decay " + num(torch.usedDecay())
                        + ") and Tribuo's recorded run of new RMSProp(" + num(lr)
                        + ", " + num(rho)
                        + "). Read as the decay of the squared-gradient average, with no momentum, the difference is "
                        + L01TribuoRmsPropFollowsKeras.epsEqualsText(asDecay) + " at every step."));
        String finding = "new RMSProp(" + num(lr) + ", " + num(rho) + "): read as momentum μ = " + num(rho)
                + " the run differs by "
                + num(asMomentum.maxRelativeDifference()) + "; read as the decay β = " + num(rho)
                + " of the squared-gradient average, with no momentum, by "
                + L01TribuoRmsPropFollowsKeras.epsEqualsText(asDecay);
        if (b.documentedFiguresMatch()) {
            return b.verdict(Verdict.HOLDS, finding, null);
        }
        if (asDecay.maxRelativeDifference() <= 1e-12) {
            return b.verdict(
                    Verdict.ERRATUM,
                    finding,
                    "ρ is the decay rate of the squared-gradient average s ← ρs + (1−ρ)g² (Keras' rho, PyTorch's alpha, the texts' β or γ); "
                            + "Tribuo's RMSProp has no momentum buffer. Its \"decay\" setting (\"Decay factor for the momentum\") is a "
                            + "learning-rate decay lr/(1 + decay·t), see L07.");
        }
        return b.verdict(
                Verdict.NOT_CHECKABLE,
                finding,
                "The library's RMSProp reproduces Tribuo's recorded run neither with ρ as a momentum nor with ρ as the decay, so this "
                        + "check cannot tell Tribuo's reading from a fault in the library's own update; check the library's RMSProp first.");
    }
}
