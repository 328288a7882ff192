package optikata.claims;

import java.util.Random;
import optikata.optim.RmsProp;
import optikata.optim.RmsPropConfig;
import org.ejml.data.DMatrixRMaj;

/**
 * C09: the bounded step. Random gradient sequences with spikes of up to 10¹² after quiet
 * stretches; the largest per-coordinate |Δθ|/η seen, against 1/√(1−β).
 */
public final class C09BoundedStep extends AbstractClaim {
    public C09BoundedStep() {
        super("C09", "003 §2; 000 §6.1",
                "RMSProp \"avoids exploding gradients\": every per-coordinate step is bounded (by η/√(1−β) when ε→0), whatever the gradient");
    }

    @Override
    public ClaimResult check(ClaimContext context) {
        ClaimResult.Builder b = ClaimResult.of(this).tolerance(1e-9);
        boolean holds = true;
        StringBuilder finding = new StringBuilder();
        for (double beta : new double[] {0.9, 0.99}) {
            double bound = 1 / Math.sqrt(1 - beta);
            double worst = maxStepOverEta(beta, 9L);
            b.documented("boundOverEta(beta=" + beta + ")", bound).measured("maxStepOverEta(beta=" + beta + ")", worst);
            holds &= worst <= bound * (1 + 1e-9);
            finding.append(String.format(java.util.Locale.ROOT, "β=%s: max |Δθ|/η = %.6g ≤ %.6g; ", beta, worst, bound));
        }
        finding.append("the bound is reached by a spike after a quiet stretch, so it limits the step, not the gradient");
        return holds ? b.verdict(Verdict.HOLDS, finding.toString(), null)
                : b.verdict(Verdict.ERRATUM, finding.toString(), "a step exceeded η/√(1−β)");
    }

    static double maxStepOverEta(double beta, long seed) {
        Random random = new Random(seed);
        double lr = 0.01;
        double worst = 0;
        for (int k = 0; k < 100; k++) {
            RmsProp rms = new RmsProp(RmsPropConfig.defaults().withLearningRate(lr).withDecay(beta).withEpsilon(1e-300));
            DMatrixRMaj theta = new DMatrixRMaj(1, 1);
            for (int t = 0; t < 200; t++) {
                double g = random.nextInt(20) == 0 ? Math.pow(10, random.nextInt(13)) : random.nextGaussian() * 1e-3;
                double before = theta.get(0);
                rms.step(theta, new DMatrixRMaj(1, 1, true, g));
                worst = Math.max(worst, Math.abs(theta.get(0) - before) / lr);
            }
        }
        return worst;
    }
}
