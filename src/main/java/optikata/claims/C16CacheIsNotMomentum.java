package optikata.claims;

import java.util.Locale;
import optikata.optim.Momentum;
import optikata.optim.Optimizer;
import optikata.optim.RmsProp;
import optikata.optim.RmsPropConfig;

/** C16: "the cache E[g²] is also called momentum". Both buffers, fed the same alternating gradients. */
public final class C16CacheIsNotMomentum extends AbstractClaim {
    static final int STEPS = 100;

    public C16CacheIsNotMomentum() {
        super("C16", "the image-recognition article §2", "The cache E[g²] \"is also called momentum\"");
    }

    @Override
    public ClaimResult check(ClaimContext context) {
        Optimizer rms =
                context.optimizers().rmsprop(RmsPropConfig.builder().decay(0.9).build());
        Optimizer momentum = context.optimizers().momentum(0.01, 0.9);
        double[] g = new double[STEPS];
        for (int t = 0; t < STEPS; t++) {
            g[t] = t % 2 == 0 ? 1.0 : -1.0; // an oscillating gradient: mean 0, mean square 1
        }
        double[] cache = new double[STEPS];
        double[] velocity = new double[STEPS];
        fromZero(rms, 1).run(rows(g), (t, theta, gradient) -> {
            cache[t - 1] = rms.state().buffer(RmsProp.SQUARED_GRADIENT_AVERAGE).get(0);
            return true;
        });
        fromZero(momentum, 1).run(rows(g), (t, theta, gradient) -> {
            velocity[t - 1] = momentum.state().buffer(Momentum.VELOCITY).get(0);
            return true;
        });
        double minCache = Double.POSITIVE_INFINITY;
        double minVelocity = Double.POSITIVE_INFINITY;
        double maxVelocity = Double.NEGATIVE_INFINITY;
        for (int t = STEPS / 2; t < STEPS; t++) {
            minCache = Math.min(minCache, cache[t]);
            minVelocity = Math.min(minVelocity, velocity[t]);
            maxVelocity = Math.max(maxVelocity, velocity[t]);
        }
        ClaimResult.Builder c = ClaimResult.of(this)
                .measured("cacheMin", minCache)
                .measured("velocityMin", minVelocity)
                .measured("velocityMax", maxVelocity)
                .setting("steps", STEPS)
                .setting("β", 0.9)
                .setting("last steps looked at", STEPS / 2);
        c.figure(Figure.of(
                        "c16-cache-vs-momentum",
                        "C16: RMSProp's cache E[g²] and the momentum buffer, both β = 0.9, for g = +1, −1, +1, …",
                        "step t",
                        "buffer value")
                .add(
                        "RMSProp's cache E[g²] (squared gradients: never negative)",
                        Figure.steps(STEPS),
                        cache,
                        Figure.Style.LINE)
                .add("momentum's velocity (signed gradients)", Figure.steps(STEPS), velocity, Figure.Style.LINE)
                .hline("0", 0, 1, STEPS)
                .xRange(0, STEPS)
                .caption("Fed the same gradients, the cache climbs to " + num(minCache, 3)
                        + " and stays there while the velocity swings " + "between " + num(minVelocity, 3) + " and "
                        + num(maxVelocity, 3) + ": two different quantities."));
        String finding = String.format(
                Locale.ROOT,
                "for g = +1, −1, +1, …: over the last %d steps E[g²] stays at or above %.3f while the momentum buffer swings between %.3f and %.3f",
                STEPS / 2,
                minCache,
                minVelocity,
                maxVelocity);
        // The two are the same quantity only if they move together; one signed, one not, they cannot.
        boolean same = minVelocity >= 0 && Math.abs(minCache - minVelocity) < 1e-9;
        if (same) {
            return c.verdict(Verdict.HOLDS, finding, null);
        }
        if (minCache < 0) {
            return c.verdict(
                    Verdict.ERRATUM,
                    finding,
                    "Neither buffer behaves as its definition says: the library's E[g²] went negative ("
                            + num(minCache, 3) + "), which a mean of squares cannot.");
        }
        return c.verdict(
                Verdict.ERRATUM,
                finding,
                "E[g²] is a running mean of squared gradients (a second moment, never negative) that scales the step; momentum is a "
                        + "running sum of signed gradients (a first moment) that sets its direction. Plain RMSProp has no momentum "
                        + "buffer; RMSProp with momentum keeps both.");
    }
}
