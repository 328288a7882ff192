package optikata.claims;

import optikata.objective.D2lQuadratic;
import optikata.objective.Objective;
import optikata.optim.AdaGrad;
import optikata.optim.RmsPropPreset;
import optikata.run.Runner;
import optikata.run.Trajectory;

/** d2l §7.6.1's 2-D experiments: f = 0.1x₁² + 2x₂² from (−5, −2), η = 0.4, 20 steps. */
final class D2lExperiments {
    private D2lExperiments() {}

    static Trajectory rmsprop(Optimizers o) {
        // d2l §7.6.1: γ = 0.9, eps = 1e-6 inside the root.
        return Runner.run(
                o.rmsprop(RmsPropPreset.D2L.config().toBuilder()
                        .learningRate(0.4)
                        .decay(0.9)
                        .build()),
                new D2lQuadratic(),
                Objective.column(-5, -2),
                20);
    }

    static Trajectory adagrad(Optimizers o) {
        // d2l §7.5: eps = 1e-6 inside the root.
        return Runner.run(o.adagrad(AdaGrad.Config.d2l(0.4)), new D2lQuadratic(), Objective.column(-5, -2), 20);
    }
}
