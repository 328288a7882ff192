package optikata.claims;

import optikata.run.Trajectory;

/** C05: the d2l 2-D RMSProp experiment. */
public final class C05D2lRmsProp extends AbstractClaim {
    public C05D2lRmsProp() {
        super(
                "C05",
                "d2l §7.6.1",
                "f(x)=0.1x₁²+2x₂², start (−5,−2), η=0.4, γ=0.9, ε=1e-6: after 20 steps x₁ ≈ −0.010599, x₂ ≈ 0.000000");
    }

    @Override
    public ClaimResult check(ClaimContext context) throws Exception {
        Trajectory rms = D2lExperiments.rmsprop(context.optimizers());
        double[] x = rms.last().theta();
        ClaimResult.Builder b = ClaimResult.of(this)
                .documented("x1", -0.010599)
                .documented("x2", 0.0)
                .measured("x1", x[0])
                .measured("x2", x[1])
                .tolerance(5e-7);
        b.figure(contour(
                "c05-d2l-trajectories",
                rms,
                D2lExperiments.adagrad(context.optimizers()),
                new double[] {-0.010599, 0.0},
                "the text's end point for RMSProp"));
        String finding =
                "after 20 steps x₁ = " + num(x[0]) + ", x₂ = " + num(x[1]) + " (the text: −0.010599, 0.000000)";
        return b.documentedFiguresMatch()
                ? b.verdict(Verdict.HOLDS, finding, null)
                : b.verdict(
                        Verdict.ERRATUM,
                        finding,
                        "The experiment ends at (" + num(x[0]) + ", " + num(x[1]) + "), not at the text's "
                                + "(−0.010599, 0.000000).");
    }

    /** Both d2l trajectories on the contour of f (shared with C06), with the text's end point marked. */
    static Figure contour(String name, Trajectory rms, Trajectory ada, double[] textEnd, String textLabel) {
        Figure.Builder f = Figure.of(name, "C05/C06: 20 steps on f = 0.1x₁² + 2x₂² from (−5, −2), η = 0.4", "x₁", "x₂");
        for (double c : new double[] {0.05, 0.25, 0.75, 1.5, 3, 5.5, 8.5, 12}) {
            int m = 200;
            double[] cx = new double[m + 1];
            double[] cy = new double[m + 1];
            for (int k = 0; k <= m; k++) {
                double phi = 2 * Math.PI * k / m;
                cx[k] = Math.sqrt(c / 0.1) * Math.cos(phi);
                cy[k] = Math.sqrt(c / 2) * Math.sin(phi);
            }
            f.add("f = " + c, cx, cy, Figure.Style.GUIDE);
        }
        f.add("RMSProp (γ 0.9, ε 1e-6)", column(rms, 0), column(rms, 1), Figure.Style.LINE_POINTS);
        f.add("AdaGrad (ε 1e-6)", column(ada, 0), column(ada, 1), Figure.Style.LINE_POINTS);
        f.add(textLabel, new double[] {textEnd[0]}, new double[] {textEnd[1]}, Figure.Style.HIGHLIGHT);
        return f.xRange(-5.5, 1.0)
                .yRange(-2.5, 2.5)
                .caption(
                        "RMSProp and AdaGrad from (−5, −2) on the contour lines of 0.1x₁² + 2x₂²; the black diamond is "
                                + textLabel + ".");
    }

    static double[] column(Trajectory t, int i) {
        int n = t.points().size();
        double[] out = new double[n];
        for (int k = 0; k < n; k++) {
            out[k] = t.at(k).theta()[i];
        }
        return out;
    }
}
