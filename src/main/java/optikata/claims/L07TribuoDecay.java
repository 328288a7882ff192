package optikata.claims;

import optikata.conformance.Agreement;
import optikata.conformance.Recording;
import optikata.conformance.RecordingSet;
import optikata.optim.OperationOrder;
import optikata.optim.RmsPropConfig;
import optikata.optim.RmsPropPreset;

/** L07: Tribuo's RMSProp calls its {@code decay} a "decay factor for the momentum"; it decays the learning rate. */
public final class L07TribuoDecay extends LibraryClaim {
    public L07TribuoDecay() {
        super(
                "L07",
                "Tribuo 4.3.2 (org.tribuo:tribuo-math)",
                "org.tribuo.math.optimisers.RMSProp @Config",
                "RMSProp: decay is the \"Decay factor for the momentum.\"");
    }

    @Override
    public ClaimResult check(ClaimContext context) throws Exception {
        ClaimResult.Builder b = ClaimResult.of(this)
                .documented("max relative difference as a momentum decay", 0.0)
                .tolerance(1e-12);
        RecordingSet set = recordings();
        if (set == null) {
            return missingRecordings(b);
        }
        Optimizers lib = context.optimizers();
        Recording r = set.byId("tribuo-rmsprop-lr1e-2-rho0.9-decay0.1");
        double lr = 0.01;
        double rho = 0.9;
        double decay = 0.1;
        RmsPropConfig torch = RmsPropPreset.PYTORCH.config().toBuilder()
                .decay(rho)
                .operationOrder(OperationOrder.STANDARD)
                .build();
        b.setting("learning rate", lr)
                .setting("ρ", rho)
                .setting("ε", torch.usedEpsilon())
                .setting("decay", decay);
        // Read as a momentum with decay 0.1 (the only momentum RMSProp has), at the constant rate.
        double[][] momentumPath = set.replay(
                lib.rmsprop(torch.toBuilder().learningRate(lr).momentum(decay).build()), r.steps());
        Agreement asMomentum = Agreement.of(momentumPath, r.trajectory());
        Agreement constant =
                set.agreement(lib.rmsprop(torch.toBuilder().learningRate(lr).build()), r);
        // Read as a learning-rate decay η/(1 + decay·t), t = 0, 1, ...: the library's step at η = 1 gives g/d, scaled
        // per step.
        double[][] unit =
                set.replay(lib.rmsprop(torch.toBuilder().learningRate(1).build()), r.steps());
        double[][] scheduled = new double[unit.length][];
        scheduled[0] = set.start().clone();
        for (int t = 1; t < unit.length; t++) {
            double rate = lr / (1 + decay * (t - 1));
            scheduled[t] = scheduled[t - 1].clone();
            for (int i = 0; i < scheduled[t].length; i++) {
                scheduled[t][i] -= rate * (unit[t - 1][i] - unit[t][i]);
            }
        }
        Agreement asRateDecay = Agreement.of(scheduled, r.trajectory());
        b.measured("max relative difference as a momentum decay", asMomentum.maxRelativeDifference())
                .measured("max relative difference ignoring decay", constant.maxRelativeDifference())
                .measured("max relative difference as a learning-rate decay", asRateDecay.maxRelativeDifference());
        b.figure(differenceFigure(
                "l07-tribuo-decay-as-momentum",
                "L07: Tribuo's RMSProp with decay read as a momentum, against its recorded run",
                set,
                momentumPath,
                r.trajectory(),
                "Each coordinate's relative difference, step by step, between RMSProp with a momentum of " + num(decay)
                        + " (the documented reading of decay) and Tribuo's recorded run of new RMSProp(" + num(lr)
                        + ", " + num(rho) + ", "
                        + num(torch.usedEpsilon()) + ", " + num(decay)
                        + "). Read as the learning rate η/(1 + decay·t), the difference is "
                        + L01TribuoRmsPropFollowsKeras.epsEqualsText(asRateDecay) + " at every step."));
        String finding =
                "new RMSProp(" + num(lr) + ", " + num(rho) + ", " + num(torch.usedEpsilon()) + ", " + num(decay)
                        + "): read as a momentum " + num(decay) + " the run differs by "
                        + num(asMomentum.maxRelativeDifference())
                        + ", with decay ignored by " + num(constant.maxRelativeDifference())
                        + ", and with the learning rate η/(1 + "
                        + num(decay) + "·t) by " + L01TribuoRmsPropFollowsKeras.epsEqualsText(asRateDecay);
        if (b.documentedFiguresMatch()) {
            return b.verdict(Verdict.HOLDS, finding, null);
        }
        if (asRateDecay.maxRelativeDifference() <= 1e-12) {
            return b.verdict(
                    Verdict.ERRATUM,
                    finding,
                    "\"decay\" is a learning-rate decay: step t (from 0) uses η/(1 + decay·t), as the old decay argument of Keras 2 did; "
                            + "Tribuo's RMSProp has no momentum.");
        }
        return b.verdict(
                Verdict.NOT_CHECKABLE,
                finding,
                "The library's RMSProp reproduces Tribuo's recorded run under no reading of decay, so this check cannot tell Tribuo's "
                        + "form from a fault in the library's own update; check the library's RMSProp first.");
    }
}
