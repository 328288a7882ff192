package optikata.claims;

import optikata.objective.LeastSquares;
import org.ejml.data.DMatrixRMaj;

/** C14: the NumPy tutorial's program, run as written. */
public final class C14TutorialProgram extends AbstractClaim {
    public C14TutorialProgram() {
        super(
                "C14",
                "the NumPy tutorial §5",
                "The NumPy program (10 points, θ=(0,0), η=0.01, β=0.9, ε=1e-8, 1000 steps) fits the line; its gradients = X·θ − y is the gradient");
    }

    @Override
    public ClaimResult check(ClaimContext context) {
        TutorialProgram.Outcome asWritten = TutorialProgram.run(TutorialProgram.Gradient.AS_WRITTEN, true);
        TutorialProgram.Outcome historyRemoved = TutorialProgram.run(TutorialProgram.Gradient.AS_WRITTEN, false);
        int thetaLength = asWritten.theta().length;
        ClaimResult.Builder b = ClaimResult.of(this)
                .documented("stepsCompleted", TutorialProgram.STEPS)
                .measured("stepsCompleted", asWritten.crashed() ? asWritten.failedAtIteration() : TutorialProgram.STEPS)
                .measured("gradientsLength", asWritten.gradientsLength())
                .measured("thetaLength", thetaLength)
                .measured(
                        "stepsCompletedWithoutTheGradientHistoryLine",
                        historyRemoved.crashed() ? historyRemoved.failedAtIteration() : TutorialProgram.STEPS)
                .tolerance(0.0);
        b.figure(figure(asWritten.gradientsLength(), thetaLength));
        if (!asWritten.crashed()) {
            return b.verdict(Verdict.HOLDS, "the program ran its " + TutorialProgram.STEPS + " steps", null);
        }
        int[] clash = asWritten.clashingShapes();
        String finding = "fails in iteration " + asWritten.failedAtIteration() + " at " + asWritten.failedLine() + ": "
                + asWritten.error() + "; without that line it fails at " + historyRemoved.failedLine() + " ("
                + historyRemoved.error() + ")";
        return b.verdict(
                Verdict.ERRATUM,
                finding,
                "np.dot(X, theta) - y is the residual (one value per data point: " + asWritten.gradientsLength()
                        + "), not the gradient (one value per parameter: " + thetaLength + "), so adding it to the "
                        + clash[0]
                        + "-value g cannot broadcast and the program cannot run. The gradient of J = 1/(2n)‖Xθ − y‖² is "
                        + "X.T @ (X @ theta - y) / n (see C15).");
    }

    /** The residual (what the program computes) against the gradient (what it needs), at θ = (0, 0). */
    private static Figure figure(int residualLength, int thetaLength) {
        LeastSquares ls = LeastSquares.tutorial();
        DMatrixRMaj x = ls.design();
        DMatrixRMaj y = ls.targets();
        double[] residual = new double[x.numRows];
        double[] index = new double[x.numRows];
        for (int i = 0; i < x.numRows; i++) {
            residual[i] = -y.get(i);
            index[i] = i + 1;
        }
        DMatrixRMaj gradient = new DMatrixRMaj(2, 1);
        ls.gradient(new DMatrixRMaj(2, 1), gradient);
        return Figure.of(
                        "c14-shapes",
                        "C14: what np.dot(X, θ) − y is (" + residualLength + " values) and what the update needs ("
                                + thetaLength + " values), at θ = (0, 0)",
                        "index of the value",
                        "value")
                .add(
                        "np.dot(X, θ) − y: one residual per data point (" + residualLength + ")",
                        index,
                        residual,
                        Figure.Style.POINTS)
                .add(
                        "the gradient Xᵀ(Xθ − y)/n: one value per parameter (" + thetaLength + ")",
                        new double[] {1, 2},
                        new double[] {gradient.get(0), gradient.get(1)},
                        Figure.Style.POINTS)
                .xRange(0, residualLength + 1)
                .caption("The program calls the residual vector its gradient: " + residualLength
                        + " values where θ, g and the "
                        + "cache hold " + thetaLength + ", so g = β·g + (1 − β)·gradients adds a (" + thetaLength
                        + ",) to a ("
                        + residualLength + ",) array and NumPy refuses.");
    }
}
