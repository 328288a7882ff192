package optikata.claims;

import java.util.Random;
import optikata.optim.EpsilonPlacement;
import optikata.optim.RmsProp;
import optikata.optim.RmsPropConfig;
import org.ejml.data.DMatrixRMaj;

/** C01: the RMSProp update as the texts define it (ε inside the root). */
public final class C01Definition extends AbstractClaim {
    public C01Definition() {
        super("C01", "000 §3.2, §4.1; 003 §2; 004 §7.6.1",
                "RMSProp: s_t = β s_{t−1} + (1−β) g_t², θ_{t+1} = θ_t − α g_t / √(s_t + ε)");
    }

    @Override
    public ClaimResult check(ClaimContext context) {
        // The formula evaluated directly, next to the library's INSIDE_ROOT form, on random data.
        double lr = 0.01;
        double beta = 0.9;
        double eps = 1e-8;
        Random random = new Random(1);
        int n = 50;
        RmsProp rms = new RmsProp(RmsPropConfig.defaults().withLearningRate(lr).withDecay(beta).withEpsilon(eps)
                .withEpsilonPlacement(EpsilonPlacement.INSIDE_ROOT));
        DMatrixRMaj theta = new DMatrixRMaj(n, 1);
        double[] formulaTheta = new double[n];
        double[] s = new double[n];
        double worst = 0;
        for (int t = 0; t < 100; t++) {
            DMatrixRMaj g = new DMatrixRMaj(n, 1);
            for (int i = 0; i < n; i++) {
                g.data[i] = random.nextGaussian() * Math.pow(10, random.nextInt(7) - 3);
                s[i] = beta * s[i] + (1 - beta) * g.data[i] * g.data[i];
                formulaTheta[i] = formulaTheta[i] - lr / Math.sqrt(s[i] + eps) * g.data[i];
            }
            rms.step(theta, g);
            for (int i = 0; i < n; i++) {
                // measured in units of the learning rate, the size of one step
                worst = Math.max(worst, Math.abs(theta.data[i] - formulaTheta[i]) / lr);
            }
        }
        ClaimResult.Builder b = ClaimResult.of(this).measured("maxDifferenceInUnitsOfEta", worst).tolerance(1e-9);
        if (worst <= 1e-9) {
            return b.verdict(Verdict.HOLDS, "the library's ε-inside form reproduces the formula (max difference "
                    + num(worst) + "η over 100 steps × 50 coordinates, rounding only); seed 002 puts ε outside the root instead (C07)", null);
        }
        return b.verdict(Verdict.ERRATUM, "the formula and the library disagree by " + num(worst),
                "the library's RMSProp does not implement the texts' definition");
    }
}
