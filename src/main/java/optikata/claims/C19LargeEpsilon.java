package optikata.claims;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import optikata.optim.EpsilonPlacement;
import optikata.optim.Optimizer;
import optikata.optim.RmsPropConfig;
import org.ejml.data.DMatrixRMaj;

/** C19: large ε turns RMSProp into SGD with rate η/√ε (inside) or η/ε (outside). */
public final class C19LargeEpsilon extends AbstractClaim {
    static final double TOLERANCE = 0.01;

    public C19LargeEpsilon() {
        super(
                "C19",
                "the principles article §5",
                "ε too large distorts the update: as ε grows, RMSProp tends to plain SGD with rate η/√ε (inside) or η/ε (outside)");
    }

    /**
     * The rate the 50th step applied, read from the step itself (|Δθ| / |g| per coordinate, gradients of size
     * about 1), divided by the predicted SGD rate.
     */
    static double ratio(Optimizers o, EpsilonPlacement placement, double eps) {
        double lr = 0.01;
        Optimizer rms = o.rmsprop(RmsPropConfig.builder()
                .learningRate(lr)
                .epsilon(eps)
                .epsilonPlacement(placement)
                .build());
        List<double[]> gradients = new ArrayList<>(50);
        for (int t = 0; t < 50; t++) {
            gradients.add(new double[] {1.0, -0.5, 0.25 + 0.5 * Math.abs(Math.sin(t))});
        }
        DMatrixRMaj rate = new DMatrixRMaj(3, 1);
        DMatrixRMaj before = new DMatrixRMaj(3, 1);
        fromZero(rms, 3).run(gradients, (t, theta, stepped) -> {
            double[] g = gradients.get(t - 1); // as given: the optimizer under test may have written into its copy
            for (int i = 0; i < 3; i++) {
                rate.data[i] = Math.abs(theta.data[i] - before.data[i]) / Math.abs(g[i]);
            }
            before.setTo(theta);
            return true;
        });
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
        ClaimResult.Builder b = ClaimResult.of(this)
                .documented("rateOverPredicted(inside,eps=10000.0)", 1.0)
                .documented("rateOverPredicted(outside,eps=10000.0)", 1.0)
                .tolerance(TOLERANCE)
                .setting("steps", 50);
        StringBuilder finding = new StringBuilder("effective rate ÷ predicted SGD rate: ");
        for (EpsilonPlacement p : EpsilonPlacement.values()) {
            String name = p == EpsilonPlacement.INSIDE_ROOT ? "inside" : "outside";
            for (double eps : new double[] {1e-2, 1.0, 1e2, 1e4}) {
                double r = ratio(context.optimizers(), p, eps);
                b.measured("rateOverPredicted(" + name + ",eps=" + eps + ")", r);
            }
            finding.append(String.format(
                    Locale.ROOT,
                    "%s %.4g at ε = 1e-2, %.6f at ε = 1e4; ",
                    name,
                    ratio(context.optimizers(), p, 1e-2),
                    ratio(context.optimizers(), p, 1e4)));
        }
        int n = 25;
        double[] eps = new double[n];
        double[][] curves = new double[2][n];
        for (int k = 0; k < n; k++) {
            eps[k] = Math.pow(10, -4 + 8.0 * k / (n - 1));
            curves[0][k] = ratio(context.optimizers(), EpsilonPlacement.INSIDE_ROOT, eps[k]);
            curves[1][k] = ratio(context.optimizers(), EpsilonPlacement.OUTSIDE_ROOT, eps[k]);
        }
        b.figure(Figure.of(
                        "c19-large-epsilon",
                        "C19: the rate RMSProp's step applies, ÷ the SGD rate the text predicts, as ε grows",
                        "ε (log scale)",
                        "rate ÷ predicted (log scale)")
                .logX()
                .logY()
                .add("ε inside the root, ÷ η/√ε", eps, curves[0], Figure.Style.LINE_POINTS)
                .add("ε outside the root, ÷ η/ε", eps, curves[1], Figure.Style.LINE_POINTS)
                .hline("plain SGD at the predicted rate", 1, eps[0], eps[n - 1])
                .caption(
                        "Measured from the library's steps (gradients of size 0.25 to 1): the curves reach the dashed line once ε "
                                + "dwarfs g², where RMSProp has become SGD."));
        if (b.documentedFiguresMatch()) {
            return b.verdict(Verdict.HOLDS, finding.toString().replaceAll("; $", ""), null);
        }
        return b.verdict(
                Verdict.ERRATUM,
                finding.toString().replaceAll("; $", ""),
                String.format(
                        Locale.ROOT,
                        "Large ε does not reduce the library's RMSProp to SGD at the predicted rate: at ε = 1e4 its rate is %.4g× η/√ε (inside) "
                                + "and %.4g× η/ε (outside).",
                        b.measured().get("rateOverPredicted(inside,eps=10000.0)"),
                        b.measured().get("rateOverPredicted(outside,eps=10000.0)")));
    }
}
