package optikata.claims;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import optikata.optim.Adam;
import optikata.optim.EpsilonPlacement;
import optikata.optim.NonFinitePolicy;
import optikata.optim.Optimizer;
import optikata.optim.RmsPropConfig;

/** C10: Adam with β₁ = 0 and no bias correction is RMSProp with ε outside the root. */
public final class C10AdamIsRmsPropPlusMomentum extends AbstractClaim {
    public C10AdamIsRmsPropPlusMomentum() {
        super(
                "C10",
                "the debugging guide §9.2; the NumPy tutorial §9; the principles article, summary",
                "Adam = RMSProp + momentum (+ bias correction): Adam with β₁=0 and no bias correction is RMSProp with ε outside the root");
    }

    static double maxDifference(Optimizers o, boolean biasCorrection) {
        double worst = 0;
        for (double d : differences(o, biasCorrection)) {
            worst = Math.max(worst, d);
        }
        return worst;
    }

    /** The largest |θ_Adam − θ_RMSProp| over the coordinates after each step. */
    static double[] differences(Optimizers o, boolean biasCorrection) {
        Random random = new Random(10);
        Optimizer adam = o.adam(new Adam.Config(0.01, 0.0, 0.9, 1e-8, biasCorrection, NonFinitePolicy.REJECT));
        Optimizer rms = o.rmsprop(RmsPropConfig.builder()
                .learningRate(0.01)
                .decay(0.9)
                .epsilon(1e-8)
                .epsilonPlacement(EpsilonPlacement.OUTSIDE_ROOT)
                .build());
        List<double[]> gradients = new ArrayList<>(200);
        for (int t = 0; t < 200; t++) {
            double[] g = new double[20];
            for (int i = 0; i < 20; i++) {
                g[i] = random.nextGaussian();
            }
            gradients.add(g);
        }
        double[][] rmsTheta = new double[200][];
        fromZero(rms, 20).run(gradients, (t, theta, g) -> {
            rmsTheta[t - 1] = theta.data.clone();
            return true;
        });
        double[] worst = new double[200];
        fromZero(adam, 20).run(gradients, (t, theta, g) -> {
            for (int i = 0; i < 20; i++) {
                worst[t - 1] = Math.max(worst[t - 1], Math.abs(theta.data[i] - rmsTheta[t - 1][i]));
            }
            return true;
        });
        return worst;
    }

    @Override
    public ClaimResult check(ClaimContext context) {
        double plain = maxDifference(context.optimizers(), false);
        double corrected = maxDifference(context.optimizers(), true);
        ClaimResult.Builder b = ClaimResult.of(this)
                .documented("maxParameterDifference", 0.0)
                .measured("maxParameterDifference", plain)
                .measured("maxDifferenceWithBiasCorrection", corrected)
                .tolerance(1e-12)
                .setting("steps", 200)
                .setting("coordinates", 20);
        double[] withCorrection = differences(context.optimizers(), true);
        double[] without = differences(context.optimizers(), false);
        for (int t = 0; t < without.length; t++) {
            without[t] = Math.max(without[t], 1e-17);
        }
        b.figure(
                Figure.of(
                                "c10-adam-vs-rmsprop",
                                "C10: Adam with β₁ = 0 against RMSProp with ε outside the root (η 0.01, β 0.9)",
                                "step t",
                                "largest |θ_Adam − θ_RMSProp| (log scale)")
                        .logY()
                        .add("Adam with bias correction", Figure.steps(200), withCorrection, Figure.Style.LINE)
                        .add(
                                "Adam without bias correction (0 drawn at 1e-17)",
                                Figure.steps(200),
                                without,
                                Figure.Style.LINE)
                        .xRange(0, 200)
                        .caption(
                                plain == 0
                                        ? "Without bias correction the two stay identical; Adam's bias correction (second moment divided by "
                                                + "1 − β^t) sets them apart at once."
                                        : "The largest parameter difference after each step, with and without bias correction."));
        String finding = "over 200 steps × 20 coordinates: max |θ_Adam − θ_RMSProp| = " + num(plain)
                + " (with Adam's bias correction on: " + num(corrected) + ")";
        return b.documentedFiguresMatch()
                ? b.verdict(Verdict.HOLDS, finding, null)
                : b.verdict(
                        Verdict.ERRATUM,
                        finding,
                        "Adam with β₁ = 0 and no bias correction is not RMSProp with ε outside the root: "
                                + "their parameters differ by up to " + num(plain) + ".");
    }
}
