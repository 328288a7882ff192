package optikata.claims;

import optikata.optim.AdaDelta;
import optikata.optim.AdaGrad;
import optikata.optim.Adam;
import optikata.optim.Momentum;
import optikata.optim.RmsProp;
import optikata.optim.RmsPropConfig;
import optikata.optim.Sgd;

/** C17: state vectors per parameter, counted from each optimizer's own state. */
public final class C17StateCount extends AbstractClaim {
    public C17StateCount() {
        super("C17", "003 §2, §3.3",
                "RMSProp needs no extra state vector compared with momentum methods (\"more efficient, no momentum vector to keep\")");
    }

    @Override
    public ClaimResult check(ClaimContext context) {
        int sgd = new Sgd().state().valuesPerParameter();
        int momentum = new Momentum().state().valuesPerParameter();
        int rmsprop = new RmsProp().state().valuesPerParameter();
        int centered = new RmsProp(RmsPropConfig.defaults().withCentered(true)).state().valuesPerParameter();
        int withMomentum = new RmsProp(RmsPropConfig.defaults().withMomentum(0.9)).state().valuesPerParameter();
        int adagrad = new AdaGrad().state().valuesPerParameter();
        int adadelta = new AdaDelta().state().valuesPerParameter();
        int adam = new Adam().state().valuesPerParameter();
        ClaimResult.Builder b = ClaimResult.of(this)
                .measured("sgd", sgd).measured("momentum", momentum).measured("rmsprop", rmsprop)
                .measured("rmspropCentered", centered).measured("rmspropWithMomentum", withMomentum)
                .measured("adagrad", adagrad).measured("adadelta", adadelta).measured("adam", adam);
        String finding = String.format("state vectors per parameter: SGD %d, momentum %d, RMSProp %d (centered %d, with momentum %d), "
                + "AdaGrad %d, AdaDelta %d, Adam %d", sgd, momentum, rmsprop, centered, withMomentum, adagrad, adadelta, adam);
        if (rmsprop < momentum) {
            return b.verdict(Verdict.HOLDS, finding, null);
        }
        if (rmsprop == momentum) {
            return b.verdict(Verdict.QUALIFIED, finding,
                    "RMSProp keeps as many vectors as momentum, not fewer: its E[g²] cache takes the velocity's place. It is not "
                            + "cheaper per step either (a square root and a division per element; see docs/PERFORMANCE.md), and its "
                            + "centered or momentum variants keep two vectors.");
        }
        return b.verdict(Verdict.ERRATUM, finding, "RMSProp keeps more state than momentum");
    }
}
