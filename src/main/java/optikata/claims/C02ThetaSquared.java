package optikata.claims;

import optikata.objective.Square;
import optikata.optim.RmsProp;
import optikata.optim.RmsPropConfig;
import optikata.run.Runner;
import optikata.run.Trajectory;

/** C02: the worked θ² example of the debugging guide. */
public final class C02ThetaSquared extends AbstractClaim {
    static final int STEPS = 10;

    public C02ThetaSquared() {
        super(
                "C02",
                "the debugging guide §4.2",
                "On L(θ)=θ², θ₀=1, α=0.01, β=0.9, ε=1e-8: E[g²]₀ = 0.4 and θ₁ ≈ 0.968");
    }

    @Override
    public ClaimResult check(ClaimContext context) throws Exception {
        Trajectory t = Runner.run(
                context.optimizers()
                        .rmsprop(RmsPropConfig.builder()
                                .learningRate(0.01)
                                .decay(0.9)
                                .epsilon(1e-8)
                                .build()),
                new Square(),
                new Square().defaultStart(),
                STEPS);
        double s1 = t.at(1).state().buffer(RmsProp.SQUARED_GRADIENT_AVERAGE).get(0);
        double theta1 = t.at(1).theta()[0];
        // The text rounds to three decimals: a difference up to half a unit of the last digit agrees.
        ClaimResult.Builder b = ClaimResult.of(this)
                .documented("squaredGradientAverage", 0.4)
                .documented("theta1", 0.968)
                .measured("squaredGradientAverage", s1)
                .measured("theta1", theta1)
                .tolerance(5e-4);
        double[] x = new double[STEPS + 1];
        double[] theta = new double[STEPS + 1];
        for (int k = 0; k <= STEPS; k++) {
            x[k] = k;
            theta[k] = t.at(k).theta()[0];
        }
        b.figure(Figure.of(
                        "c02-theta-squared",
                        "C02: RMSProp on L(θ) = θ² from θ₀ = 1 (α 0.01, β 0.9, ε 1e-8)",
                        "step t",
                        "θ_t")
                .add("θ_t computed by the library's RMSProp", x, theta, Figure.Style.LINE_POINTS)
                .add("the text's θ₁ ≈ 0.968", new double[] {1}, new double[] {0.968}, Figure.Style.HIGHLIGHT)
                .xRange(0, STEPS)
                .caption("θ_t over the first " + STEPS
                        + " steps; the black diamond is the text's θ₁ ≈ 0.968, drawn over the computed θ₁ = "
                        + num(theta1, 5) + "."));
        String finding = "the library's first step gives E[g²] = " + num(s1, 6) + " and θ₁ = " + num(theta1, 6)
                + " (the text: 0.4 and ≈ 0.968)";
        if (b.documentedFiguresMatch()) {
            return b.verdict(Verdict.HOLDS, finding, null);
        }
        return b.verdict(
                Verdict.ERRATUM,
                finding,
                "The library's RMSProp gives E[g²] = " + num(s1, 6) + " and θ₁ = " + num(theta1, 6)
                        + " on this example, not the text's 0.4 and 0.968.");
    }
}
