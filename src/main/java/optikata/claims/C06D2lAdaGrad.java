package optikata.claims;

import optikata.run.Trajectory;

/** C06: RMSProp against AdaGrad at the same η on the d2l problem. */
public final class C06D2lAdaGrad extends AbstractClaim {
    public C06D2lAdaGrad() {
        super(
                "C06",
                "d2l §7.6.1 (against §7.5)",
                "At the same η=0.4, RMSProp gets closer to the optimum in 20 steps than AdaGrad (AdaGrad: x₁ ≈ −2.382563, x₂ ≈ −0.158591)");
    }

    @Override
    public ClaimResult check(ClaimContext context) throws Exception {
        Trajectory ada = D2lExperiments.adagrad(context.optimizers());
        Trajectory rms = D2lExperiments.rmsprop(context.optimizers());
        double[] a = ada.last().theta();
        double[] r = rms.last().theta();
        double adaDistance = Math.hypot(a[0], a[1]);
        double rmsDistance = Math.hypot(r[0], r[1]);
        ClaimResult.Builder b = ClaimResult.of(this)
                .documented("x1", -2.382563)
                .documented("x2", -0.158591)
                .measured("x1", a[0])
                .measured("x2", a[1])
                .measured("adagradDistanceToOptimum", adaDistance)
                .measured("rmspropDistanceToOptimum", rmsDistance)
                .tolerance(5e-7);
        b.figure(C05D2lRmsProp.contour(
                "c06-d2l-adagrad", rms, ada, new double[] {-2.382563, -0.158591}, "the text's end point for AdaGrad"));
        String finding = "AdaGrad ends at (" + num(a[0]) + ", " + num(a[1]) + "), " + num(adaDistance)
                + " from the optimum; RMSProp " + num(rmsDistance) + " from it";
        boolean figures = b.documentedFiguresMatch();
        boolean closer = rmsDistance < adaDistance;
        if (figures && closer) {
            return b.verdict(Verdict.HOLDS, finding, null);
        }
        StringBuilder c = new StringBuilder();
        if (!figures) {
            c.append("AdaGrad (d2l's form) ends at (")
                    .append(num(a[0]))
                    .append(", ")
                    .append(num(a[1]))
                    .append("), not at the text's point. ");
        }
        c.append(
                closer
                        ? "RMSProp does end closer (" + num(rmsDistance) + " against " + num(adaDistance) + ")."
                        : "RMSProp ends farther from the optimum (" + num(rmsDistance) + ") than AdaGrad ("
                                + num(adaDistance) + ").");
        return b.verdict(Verdict.ERRATUM, finding, c.toString());
    }
}
