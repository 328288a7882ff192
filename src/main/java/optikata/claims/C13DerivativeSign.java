package optikata.claims;

import java.util.Arrays;
import java.util.Locale;
import optikata.objective.LeastSquares;
import optikata.objective.NumericGradient;
import optikata.objective.Objectives;
import optikata.optim.Optimizer;
import optikata.optim.RmsPropConfig;
import optikata.run.Runner;
import optikata.run.Trajectory;
import optikata.run.TrajectoryPoint;
import org.ejml.data.DMatrixRMaj;

/** C13: the sign of the NumPy tutorial's partial derivative, against central differences. */
public final class C13DerivativeSign extends AbstractClaim {
    static final int STEPS = 200;

    public C13DerivativeSign() {
        super(
                "C13",
                "the NumPy tutorial §4",
                "For J = 1/(2n) Σ (y_i − θᵀx_i)², ∂J/∂θ_w = (1/n) Σ (y_i − θᵀx_i) x_{i,w}");
    }

    /** The text's formula at θ. */
    static double[] textDerivative(LeastSquares ls, double[] theta) {
        DMatrixRMaj d = new DMatrixRMaj(ls.dimension(), 1);
        Objectives.textDerivative(ls).gradient(new DMatrixRMaj(ls.dimension(), 1, true, theta.clone()), d);
        return d.data;
    }

    @Override
    public ClaimResult check(ClaimContext context) {
        LeastSquares ls = LeastSquares.tutorial();
        double[] theta = {0.3, -0.2};
        double[] text = textDerivative(ls, theta);
        double[] numeric = NumericGradient.estimate(ls, new DMatrixRMaj(2, 1, true, theta.clone()), 1e-6);
        double error = Math.max(
                NumericGradient.relativeError(text[0], numeric[0]), NumericGradient.relativeError(text[1], numeric[1]));
        double flippedError = Math.max(
                NumericGradient.relativeError(-text[0], numeric[0]),
                NumericGradient.relativeError(-text[1], numeric[1]));
        ClaimResult.Builder b = ClaimResult.of(this)
                .documented("∂J/∂θ₀", text[0])
                .documented("∂J/∂θ₁", text[1])
                .measured("∂J/∂θ₀", numeric[0])
                .measured("∂J/∂θ₁", numeric[1])
                .measured("relativeError", error)
                .measured("relativeErrorWithSignFlipped", flippedError)
                .tolerance(1e-6)
                .setting("θ₀ where checked", 0.3)
                .setting("θ₁ where checked", -0.2);
        // Picture 1: ∂J/∂θ₁ along θ₁ (θ₀ fixed), the text's against central differences.
        int n = 41;
        double[] t1 = new double[n];
        double[] textD = new double[n];
        double[] numD = new double[n];
        for (int k = 0; k < n; k++) {
            t1[k] = -1 + 3.0 * k / (n - 1);
            double[] at = {theta[0], t1[k]};
            textD[k] = textDerivative(ls, at)[1];
            numD[k] = NumericGradient.estimate(ls, new DMatrixRMaj(2, 1, true, at), 1e-6)[1];
        }
        b.figure(Figure.of(
                        "c13-derivative-sign",
                        "C13: ∂J/∂θ₁ along θ₁ (θ₀ = 0.3): the text's formula against central differences",
                        "θ₁",
                        "∂J/∂θ₁")
                .add("central differences (the true derivative)", t1, numD, Figure.Style.LINE)
                .add("the text's formula (1/n) Σ (y_i − θᵀx_i) x_{i,1}", t1, textD, Figure.Style.POINTS)
                .hline("0", 0, t1[0], t1[n - 1])
                .caption("The text's derivative is the true one mirrored in the axis: it points uphill."));
        // Picture 2: the library's RMSProp fed each derivative.
        double[] lossText = descend(context.optimizers(), ls, true);
        double[] lossTrue = descend(context.optimizers(), ls, false);
        b.measured("lossAfterDescentWithTextDerivative", lossText[STEPS])
                .measured("lossAfterDescentWithTrueDerivative", lossTrue[STEPS])
                .setting("steps", STEPS)
                .measured("initialLoss", lossText[0]);
        double[] x = new double[STEPS + 1];
        for (int t = 0; t <= STEPS; t++) {
            x[t] = t;
        }
        b.figure(Figure.of(
                        "c13-descent-climbs",
                        "C13: RMSProp (η 0.01) fed each derivative on the tutorial's regression",
                        "step t",
                        "loss J (log scale)")
                .logY()
                .add("with the text's derivative", x, lossText, Figure.Style.LINE)
                .add("with the true derivative", x, lossTrue, Figure.Style.LINE)
                .caption("From a loss of " + num(lossText[0], 3) + ", subtracting the text's derivative ends at "
                        + num(lossText[STEPS], 3) + ", subtracting the true one at " + num(lossTrue[STEPS], 3) + "."));
        String finding = String.format(
                Locale.ROOT,
                "at θ = (0.3, −0.2) the text's formula gives (%.6g, %.6g), central differences (%.6g, %.6g): relative error %.3g; "
                        + "with the sign flipped %.3g",
                text[0],
                text[1],
                numeric[0],
                numeric[1],
                error,
                flippedError);
        if (error <= 1e-6) {
            return b.verdict(Verdict.HOLDS, finding, null);
        }
        return b.verdict(
                Verdict.ERRATUM,
                finding,
                flippedError <= 1e-6
                        ? "∂J/∂θ_w = (1/n) Σ (θᵀx_i − y_i) x_{i,w}: the text gives the negative gradient (the descent direction), "
                                + (lossText[STEPS] > lossText[0]
                                        ? "so a program that subtracts it climbs the loss (from " + num(lossText[0], 3)
                                                + " to " + num(lossText[STEPS], 3) + " in " + STEPS + " RMSProp steps)"
                                        : "so a program that subtracts it does not descend")
                        : "the formula is wrong beyond its sign");
    }

    /** The loss along {@code STEPS} steps of RMSProp fed the text's derivative or the true gradient. */
    static double[] descend(Optimizers o, LeastSquares ls, boolean textSign) {
        Optimizer rms = o.rmsprop(RmsPropConfig.builder().learningRate(0.01).build());
        Trajectory run = Runner.run(rms, textSign ? Objectives.textDerivative(ls) : ls, new DMatrixRMaj(2, 1), STEPS);
        double[] loss = new double[STEPS + 1];
        Arrays.fill(loss, Double.NaN); // steps after a divergence, if any, have no loss
        for (TrajectoryPoint p : run.points()) {
            loss[p.step()] = p.loss();
        }
        return loss;
    }
}
