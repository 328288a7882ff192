package optikata.claims;

import optikata.objective.LeastSquares;
import optikata.objective.NumericGradient;
import org.ejml.data.DMatrixRMaj;

/** C13: the sign of seed 001's partial derivative, against central differences. */
public final class C13DerivativeSign extends AbstractClaim {
    public C13DerivativeSign() {
        super("C13", "001 §4", "For J = 1/(2n) Σ (y_i − θᵀx_i)², ∂J/∂θ_w = (1/n) Σ (y_i − θᵀx_i) x_{i,w}");
    }

    /** The text's formula. */
    static double[] textDerivative(LeastSquares ls, double[] theta) {
        DMatrixRMaj x = ls.design();
        DMatrixRMaj y = ls.targets();
        double[] d = new double[x.numCols];
        for (int i = 0; i < x.numRows; i++) {
            double r = y.get(i) - (x.get(i, 0) * theta[0] + x.get(i, 1) * theta[1]);
            for (int w = 0; w < x.numCols; w++) {
                d[w] += r * x.get(i, w) / x.numRows;
            }
        }
        return d;
    }

    @Override
    public ClaimResult check(ClaimContext context) {
        LeastSquares ls = LeastSquares.seed001();
        double[] theta = {0.3, -0.2};
        double[] text = textDerivative(ls, theta);
        double[] numeric = NumericGradient.estimate(ls, new DMatrixRMaj(2, 1, true, theta.clone()), 1e-6);
        double error = Math.max(NumericGradient.relativeError(text[0], numeric[0]), NumericGradient.relativeError(text[1], numeric[1]));
        double flippedError = Math.max(NumericGradient.relativeError(-text[0], numeric[0]), NumericGradient.relativeError(-text[1], numeric[1]));
        ClaimResult.Builder b = ClaimResult.of(this)
                .documented("dJ/dtheta_0", text[0]).documented("dJ/dtheta_1", text[1])
                .measured("dJ/dtheta_0", numeric[0]).measured("dJ/dtheta_1", numeric[1])
                .measured("relativeError", error).measured("relativeErrorWithSignFlipped", flippedError).tolerance(1e-6);
        String finding = String.format(java.util.Locale.ROOT,
                "at θ = (0.3, −0.2) the text's formula gives (%.6g, %.6g), central differences (%.6g, %.6g): relative error %.3g; "
                        + "with the sign flipped %.3g", text[0], text[1], numeric[0], numeric[1], error, flippedError);
        if (error <= 1e-6) {
            return b.verdict(Verdict.HOLDS, finding, null);
        }
        return b.verdict(Verdict.ERRATUM, finding, flippedError <= 1e-6
                ? "∂J/∂θ_w = (1/n) Σ (θᵀx_i − y_i) x_{i,w}: the text gives the negative gradient (the descent direction), "
                        + "so a program that subtracts it climbs the loss"
                : "the formula is wrong beyond its sign");
    }
}
