package optikata.claims;

import java.util.Locale;
import java.util.Random;
import optikata.optim.Optimizer;
import optikata.optim.RmsPropConfig;

/**
 * C09: the bounded step. Random gradient sequences with spikes of up to 10¹² after quiet
 * stretches; the largest per-coordinate |Δθ|/η seen, against 1/√(1−β).
 */
public final class C09BoundedStep extends AbstractClaim {
    public C09BoundedStep() {
        super(
                "C09",
                "the image-recognition article §2; the debugging guide §6.1",
                "RMSProp \"avoids exploding gradients\": every per-coordinate step is bounded (by η/√(1−β) when ε→0), whatever the gradient");
    }

    @Override
    public ClaimResult check(ClaimContext context) {
        ClaimResult.Builder b = ClaimResult.of(this)
                .tolerance(1e-9)
                .setting("random sequences", 100)
                .setting("steps", 200)
                .setting("largest spike", 1e12);
        boolean holds = true;
        StringBuilder finding = new StringBuilder();
        for (double beta : new double[] {0.9, 0.99}) {
            double bound = 1 / Math.sqrt(1 - beta);
            double worst = maxStepOverEta(context.optimizers(), beta, 9L);
            b.documented("boundOverEta(beta=" + beta + ")", bound).measured("maxStepOverEta(beta=" + beta + ")", worst);
            holds &= worst <= bound * (1 + 1e-9);
            finding.append(String.format(
                    Locale.ROOT,
                    "β = %s: max |Δθ|/η = %.6g %s %.6g; ",
                    beta,
                    worst,
                    worst <= bound * (1 + 1e-9) ? "≤" : ">",
                    bound));
        }
        b.figure(spikeFigure(context.optimizers(), holds));
        if (holds) {
            finding.append(
                    "the step stays within the bound whatever the gradient: it limits the step, not the gradient");
            return b.verdict(Verdict.HOLDS, finding.toString(), null);
        }
        return b.verdict(
                Verdict.ERRATUM,
                finding.toString().replaceAll("; $", ""),
                "A step exceeded η/√(1−β): the steps are not bounded as stated.");
    }

    static double maxStepOverEta(Optimizers o, double beta, long seed) {
        Random random = new Random(seed);
        double lr = 0.01;
        double worst = 0;
        for (int k = 0; k < 100; k++) {
            Optimizer rms = o.rmsprop(RmsPropConfig.builder()
                    .learningRate(lr)
                    .decay(beta)
                    .epsilon(1e-300)
                    .build());
            double[] g = new double[200];
            for (int t = 0; t < g.length; t++) {
                g[t] = random.nextInt(20) == 0 ? Math.pow(10, random.nextInt(13)) : random.nextGaussian() * 1e-3;
            }
            for (double step : stepsOverEta(rms, g)) {
                worst = Math.max(worst, step);
            }
        }
        return worst;
    }

    /** 60 quiet steps, then a spike of 10⁶, for β 0.9 and 0.99: the step against the bound. */
    private static Figure spikeFigure(Optimizers o, boolean holds) {
        Figure.Builder f = Figure.of(
                "c09-bounded-step",
                "C09: |Δθ| / η when g = 10⁶ arrives after 60 steps of |g| ≈ 0.001",
                "step t",
                "|Δθ| / η");
        double[] x = Figure.steps(80);
        for (double beta : new double[] {0.9, 0.99}) {
            Optimizer rms = o.rmsprop(RmsPropConfig.builder()
                    .learningRate(0.01)
                    .decay(beta)
                    .epsilon(1e-300)
                    .build());
            double[] g = new double[x.length];
            for (int t = 0; t < x.length; t++) {
                g[t] = t == 60 ? 1e6 : 1e-3 * (t % 2 == 0 ? 1 : -1);
            }
            double[] y = stepsOverEta(rms, g);
            f.add("RMSProp, β = " + beta, x, y, Figure.Style.LINE_POINTS);
            f.hline("bound 1/√(1−β) for β = " + beta, 1 / Math.sqrt(1 - beta), 1, x.length);
        }
        return f.xRange(0, x.length)
                .caption(
                        holds
                                ? "A gradient a billion times the usual one moves θ by at most η/√(1−β): the step is "
                                        + "bounded, the gradient is not."
                                : "The steps of the library's RMSProp around a spike, against the stated bound.");
    }
}
