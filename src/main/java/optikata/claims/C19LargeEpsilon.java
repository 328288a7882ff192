package optikata.claims;

import optikata.optim.EpsilonPlacement;
import optikata.optim.RmsProp;
import optikata.optim.RmsPropConfig;
import org.ejml.data.DMatrixRMaj;

/** C19: large ε turns RMSProp into SGD with rate η/√ε (inside) or η/ε (outside). */
public final class C19LargeEpsilon extends AbstractClaim {
    static final double TOLERANCE = 0.01;

    public C19LargeEpsilon() {
        super("C19", "002 §5",
                "ε too large distorts the update: as ε grows, RMSProp tends to plain SGD with rate η/√ε (inside) or η/ε (outside)");
    }

    /** Effective rate after 50 steps of gradients of size about 1, divided by the predicted SGD rate. */
    static double ratio(EpsilonPlacement placement, double eps) {
        double lr = 0.01;
        RmsProp rms = new RmsProp(RmsPropConfig.defaults().withLearningRate(lr).withEpsilon(eps).withEpsilonPlacement(placement));
        DMatrixRMaj theta = new DMatrixRMaj(3, 1);
        for (int t = 0; t < 50; t++) {
            rms.step(theta, new DMatrixRMaj(3, 1, true, 1.0, -0.5, Math.sin(t)));
        }
        DMatrixRMaj rate = new DMatrixRMaj(3, 1);
        rms.effectiveLearningRate(rate);
        double predicted = placement == EpsilonPlacement.INSIDE_ROOT ? lr / Math.sqrt(eps) : lr / eps;
        double worst = 1;
        for (int i = 0; i < 3; i++) {
            double r = rate.data[i] / predicted;
            if (Math.abs(r - 1) > Math.abs(worst - 1)) {
                worst = r;
            }
        }
        return worst;
    }

    @Override
    public ClaimResult check(ClaimContext context) {
        ClaimResult.Builder b = ClaimResult.of(this).documented("rateOverPredicted(inside,eps=10000.0)", 1.0)
                .documented("rateOverPredicted(outside,eps=10000.0)", 1.0).tolerance(TOLERANCE);
        StringBuilder finding = new StringBuilder("effective rate ÷ predicted SGD rate: ");
        for (EpsilonPlacement p : EpsilonPlacement.values()) {
            String name = p == EpsilonPlacement.INSIDE_ROOT ? "inside" : "outside";
            for (double eps : new double[] {1e-2, 1.0, 1e2, 1e4}) {
                double r = ratio(p, eps);
                b.measured("rateOverPredicted(" + name + ",eps=" + eps + ")", r);
            }
            finding.append(String.format(java.util.Locale.ROOT, "%s %.4g at ε = 1e-2, %.6f at ε = 1e4; ", name, ratio(p, 1e-2), ratio(p, 1e4)));
        }
        if (b.documentedFiguresMatch()) {
            return b.verdict(Verdict.HOLDS, finding.toString().replaceAll("; $", ""), null);
        }
        return b.verdict(Verdict.ERRATUM, finding.toString().replaceAll("; $", ""), "large ε does not reduce RMSProp to SGD at the predicted rate");
    }
}
