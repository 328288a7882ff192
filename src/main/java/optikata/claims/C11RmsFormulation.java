package optikata.claims;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import optikata.optim.Optimizer;
import optikata.optim.RmsPropConfig;

/** C11: the NumPy tutorial's RMS_t formulation is C01's algorithm. */
public final class C11RmsFormulation extends AbstractClaim {
    public C11RmsFormulation() {
        super(
                "C11",
                "the NumPy tutorial §3",
                "RMS_t = √(β RMS²_{t−1} + (1−β) g²) with η_t = η / √(RMS_t² + ε) is the same algorithm as C01");
    }

    @Override
    public ClaimResult check(ClaimContext context) {
        Random random = new Random(11);
        double eta = 0.01;
        double beta = 0.9;
        double eps = 1e-8;
        Optimizer rms = context.optimizers()
                .rmsprop(RmsPropConfig.builder()
                        .learningRate(eta)
                        .decay(beta)
                        .epsilon(eps)
                        .build());
        List<double[]> gradients = new ArrayList<>(500);
        for (int t = 0; t < 500; t++) {
            double[] g = new double[10];
            for (int i = 0; i < 10; i++) {
                g[i] = random.nextGaussian() * Math.pow(10, random.nextInt(5) - 2);
            }
            gradients.add(g);
        }
        double[] thetaText = new double[10];
        double[] rmsState = new double[10];
        double[] worstOf = {0};
        fromZero(rms, 10).run(gradients, (t, theta, stepped) -> {
            double[] g = gradients.get(t - 1); // as given: the optimizer under test may have written into its copy
            for (int i = 0; i < 10; i++) {
                // the tutorial's §3 steps 4–6, kept as written: the root of the average, squared again
                rmsState[i] = Math.sqrt(beta * rmsState[i] * rmsState[i] + (1 - beta) * g[i] * g[i]);
                double etaT = eta / Math.sqrt(rmsState[i] * rmsState[i] + eps);
                thetaText[i] -= etaT * g[i];
                worstOf[0] = Math.max(
                        worstOf[0], Math.abs(theta.data[i] - thetaText[i]) / Math.max(1e-12, Math.abs(thetaText[i])));
            }
            return true;
        });
        double worst = worstOf[0];
        ClaimResult.Builder b = ClaimResult.of(this)
                .documented("maxRelativeDifference", 0.0)
                .measured("maxRelativeDifference", worst)
                .tolerance(1e-9)
                .setting("steps", 500)
                .setting("coordinates", 10);
        String finding = "500 steps × 10 coordinates: max relative difference " + num(worst)
                + " (rounding only: RMS² = s up to a square root and back)";
        return b.documentedFiguresMatch()
                ? b.verdict(Verdict.HOLDS, finding, null)
                : b.verdict(
                        Verdict.ERRATUM,
                        "500 steps × 10 coordinates: the RMS formulation and the library's RMSProp differ by up to "
                                + num(worst) + " (relative)",
                        "The library's RMSProp and the RMS formulation are different algorithms here (relative difference up to "
                                + num(worst) + ").");
    }
}
