package optikata.claims;

import optikata.optim.Momentum;
import optikata.optim.RmsProp;
import optikata.optim.RmsPropConfig;
import org.ejml.data.DMatrixRMaj;

/** C16: "the cache E[g²] is also called momentum". Both buffers, fed the same alternating gradients. */
public final class C16CacheIsNotMomentum extends AbstractClaim {
    public C16CacheIsNotMomentum() {
        super("C16", "003 §2", "The cache E[g²] \"is also called momentum\"");
    }

    @Override
    public ClaimResult check(ClaimContext context) {
        RmsProp rms = new RmsProp(RmsPropConfig.defaults().withDecay(0.9));
        Momentum momentum = new Momentum(0.01, 0.9);
        DMatrixRMaj a = new DMatrixRMaj(1, 1);
        DMatrixRMaj b2 = new DMatrixRMaj(1, 1);
        double minCache = Double.POSITIVE_INFINITY;
        double minVelocity = Double.POSITIVE_INFINITY;
        double maxVelocity = Double.NEGATIVE_INFINITY;
        for (int t = 0; t < 100; t++) {
            double g = t % 2 == 0 ? 1.0 : -1.0; // an oscillating gradient: mean 0, mean square 1
            rms.step(a, new DMatrixRMaj(1, 1, true, g));
            momentum.step(b2, new DMatrixRMaj(1, 1, true, g));
            double cache = rms.state().buffer(RmsProp.SQUARED_GRADIENT_AVERAGE).get(0);
            double velocity = momentum.state().buffer(Momentum.VELOCITY).get(0);
            if (t >= 50) {
                minCache = Math.min(minCache, cache);
                minVelocity = Math.min(minVelocity, velocity);
                maxVelocity = Math.max(maxVelocity, velocity);
            }
        }
        ClaimResult.Builder c = ClaimResult.of(this).measured("cacheMin", minCache).measured("velocityMin", minVelocity)
                .measured("velocityMax", maxVelocity);
        String finding = String.format(java.util.Locale.ROOT,
                "for g = +1, −1, +1, …: E[g²] settles at %.3f (never negative) while the momentum buffer swings between %.3f and %.3f",
                minCache, minVelocity, maxVelocity);
        // The two are the same quantity only if they move together; one signed, one not, they cannot.
        boolean same = minVelocity >= 0 && Math.abs(minCache - minVelocity) < 1e-9;
        if (same) {
            return c.verdict(Verdict.HOLDS, finding, null);
        }
        return c.verdict(Verdict.ERRATUM, finding,
                "E[g²] is a running mean of squared gradients (a second moment, always ≥ 0) that scales the step; momentum is a "
                        + "running sum of signed gradients (a first moment) that sets its direction. Plain RMSProp has no momentum "
                        + "buffer; RMSProp with momentum keeps both.");
    }
}
