package optikata.claims;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import optikata.optim.EpsilonPlacement;
import optikata.optim.Optimizer;
import optikata.optim.RmsPropConfig;

/** C01: the RMSProp update as the texts define it (ε inside the root). */
public final class C01Definition extends AbstractClaim {
    static final int STEPS = 100;
    static final int COORDINATES = 50;

    public C01Definition() {
        super(
                "C01",
                "the debugging guide §3.2, §4.1; the image-recognition article §2; d2l §7.6.1",
                "RMSProp: s_t = β s_{t−1} + (1−β) g_t², θ_{t+1} = θ_t − α g_t / √(s_t + ε)");
    }

    @Override
    public ClaimResult check(ClaimContext context) {
        // The formula evaluated directly, next to the library's INSIDE_ROOT form, on random data.
        double lr = 0.01;
        double beta = 0.9;
        double eps = 1e-8;
        Random random = new Random(1);
        Optimizer rms = context.optimizers()
                .rmsprop(RmsPropConfig.builder()
                        .learningRate(lr)
                        .decay(beta)
                        .epsilon(eps)
                        .epsilonPlacement(EpsilonPlacement.INSIDE_ROOT)
                        .build());
        List<double[]> gradients = new ArrayList<>(STEPS);
        for (int t = 0; t < STEPS; t++) {
            double[] g = new double[COORDINATES];
            for (int i = 0; i < COORDINATES; i++) {
                g[i] = random.nextGaussian() * Math.pow(10, random.nextInt(7) - 3);
            }
            gradients.add(g);
        }
        double[] formulaTheta = new double[COORDINATES];
        double[] s = new double[COORDINATES];
        double[] perStep = new double[STEPS];
        fromZero(rms, COORDINATES).run(gradients, (t, theta, stepped) -> {
            double[] g = gradients.get(t - 1); // as given: the optimizer under test may have written into its copy
            for (int i = 0; i < COORDINATES; i++) {
                s[i] = beta * s[i] + (1 - beta) * g[i] * g[i];
                formulaTheta[i] = formulaTheta[i] - lr / Math.sqrt(s[i] + eps) * g[i];
                // measured in units of the learning rate, the size of one step
                perStep[t - 1] = Math.max(perStep[t - 1], Math.abs(theta.data[i] - formulaTheta[i]) / lr);
            }
            return true;
        });
        double worst = 0;
        for (double d : perStep) {
            worst = Math.max(worst, d);
        }
        ClaimResult.Builder b = ClaimResult.of(this)
                .setting("steps", STEPS)
                .setting("coordinates", COORDINATES)
                .measured("maxDifferenceInUnitsOfEta", worst)
                .tolerance(1e-9);
        String where = STEPS + " steps × " + COORDINATES + " coordinates";
        if (worst <= 1e-9) {
            return b.verdict(
                    Verdict.HOLDS,
                    "the library's ε-inside RMSProp reproduces the formula: the largest difference over " + where
                            + " is " + num(worst, 3)
                            + "η, rounding only (the principles article puts ε outside the root instead, C07)",
                    null);
        }
        double[] x = Figure.steps(STEPS);
        for (int t = 0; t < STEPS; t++) {
            perStep[t] = Math.max(perStep[t], 1e-18);
        }
        b.figure(Figure.of(
                        "c01-formula-vs-library",
                        "C01: how far the library's RMSProp is from the formula",
                        "step t",
                        "largest |θ_library − θ_formula| / η (log scale)")
                .logY()
                .add("library against the formula", x, perStep, Figure.Style.LINE)
                .hline("rounding level 1e-9", 1e-9, 1, STEPS)
                .caption("The library's parameters drift away from the formula's within the first steps."));
        return b.verdict(
                Verdict.ERRATUM,
                "the library's RMSProp and the formula differ by up to " + num(worst, 3) + "η over " + where,
                "The texts' formula holds; the library's RMSProp does not implement it (largest difference "
                        + num(worst, 3) + "η).");
    }
}
