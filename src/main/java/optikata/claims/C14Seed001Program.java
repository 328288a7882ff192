package optikata.claims;

/** C14: seed 001's NumPy program, run as written. */
public final class C14Seed001Program extends AbstractClaim {
    public C14Seed001Program() {
        super("C14", "001 §5",
                "The NumPy program (10 points, θ=(0,0), η=0.01, β=0.9, ε=1e-8, 1000 steps) fits the line; its `gradients = X·θ − y` is the gradient");
    }

    @Override
    public ClaimResult check(ClaimContext context) {
        Seed001Program.Outcome asWritten = Seed001Program.run(Seed001Program.Gradient.AS_WRITTEN, true);
        Seed001Program.Outcome historyRemoved = Seed001Program.run(Seed001Program.Gradient.AS_WRITTEN, false);
        ClaimResult.Builder b = ClaimResult.of(this).documented("stepsCompleted", Seed001Program.STEPS)
                .measured("stepsCompleted", asWritten.crashed() ? asWritten.failedAtIteration() : Seed001Program.STEPS)
                .measured("residualLength", 10).measured("thetaLength", 2)
                .measured("stepsCompletedWithoutTheGLine", historyRemoved.crashed() ? historyRemoved.failedAtIteration() : Seed001Program.STEPS)
                .tolerance(0.0);
        if (!asWritten.crashed()) {
            return b.verdict(Verdict.HOLDS, "the program ran its 1000 steps", null);
        }
        String finding = "fails in iteration " + asWritten.failedAtIteration() + " at `" + asWritten.failedLine() + "`: "
                + asWritten.error() + "; without that line it fails at `" + historyRemoved.failedLine() + "`";
        return b.verdict(Verdict.ERRATUM, finding,
                "`np.dot(X, theta) - y` is the residual (one value per data point, 10), not the gradient (one per parameter, 2); "
                        + "the program cannot run. The gradient of J = 1/(2n)‖Xθ − y‖² is X.T @ (X @ theta - y) / n (see C15).");
    }
}
