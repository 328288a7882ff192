package optikata.claims;

import optikata.conformance.Agreement;
import optikata.conformance.Recording;
import optikata.conformance.RecordingSet;
import optikata.optim.OperationOrder;
import optikata.optim.RmsProp;
import optikata.optim.RmsPropConfig;
import optikata.optim.RmsPropPreset;

/** L07: Tribuo's RMSProp calls its {@code decay} a "decay factor for the momentum"; it decays the learning rate. */
public final class L07TribuoDecay extends LibraryClaim {
    public L07TribuoDecay() {
        super("L07", "Tribuo 4.3.2 (org.tribuo:tribuo-math)", "org.tribuo.math.optimisers.RMSProp @Config",
                "RMSProp: decay is the \"Decay factor for the momentum.\"");
    }

    @Override
    public ClaimResult check(ClaimContext context) throws Exception {
        ClaimResult.Builder b = ClaimResult.of(this).documented("maxRelativeDifferenceAsMomentumDecay", 0.0).tolerance(1e-12);
        RecordingSet set = recordings();
        if (set == null) {
            return missingRecordings(b);
        }
        Recording r = set.byId("tribuo-rmsprop-lr1e-2-rho0.9-decay0.1");
        double lr = 0.01;
        double decay = 0.1;
        RmsPropConfig torch = RmsPropPreset.PYTORCH.config().withDecay(0.9).withOperationOrder(OperationOrder.STANDARD);
        // Read as a momentum with decay 0.1 (the only momentum RMSProp has), at the constant rate.
        Agreement asMomentum = set.agreement(new RmsProp(torch.withLearningRate(lr).withMomentum(decay)), r);
        Agreement constant = set.agreement(new RmsProp(torch.withLearningRate(lr)), r);
        // Read as a learning-rate decay η/(1 + decay·t), t = 0, 1, ...: the library's step at η = 1 gives g/d, scaled per step.
        double[][] unit = set.replay(new RmsProp(torch.withLearningRate(1)), r.steps());
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
        b.measured("maxRelativeDifferenceAsMomentumDecay", asMomentum.maxRelativeDifference())
                .measured("maxRelativeDifferenceIgnoringDecay", constant.maxRelativeDifference())
                .measured("maxRelativeDifferenceAsLearningRateDecay", asRateDecay.maxRelativeDifference());
        String finding = "new RMSProp(0.01, 0.9, 1e-8, 0.1): read as a momentum 0.1 the run differs by " + num(asMomentum.maxRelativeDifference())
                + ", with decay ignored by " + num(constant.maxRelativeDifference()) + ", and with the learning rate η/(1 + 0.1·t) by "
                + num(asRateDecay.maxRelativeDifference());
        if (b.documentedFiguresMatch()) {
            return b.verdict(Verdict.HOLDS, finding, null);
        }
        if (asRateDecay.maxRelativeDifference() <= 1e-12) {
            return b.verdict(Verdict.ERRATUM, finding,
                    "`decay` is a learning-rate decay: step t (from 0) uses η/(1 + decay·t), as Keras 2's old `decay` argument did; "
                            + "Tribuo's RMSProp has no momentum.");
        }
        return b.verdict(Verdict.ERRATUM, finding, "`decay` is neither a momentum decay nor a plain learning-rate decay");
    }
}
