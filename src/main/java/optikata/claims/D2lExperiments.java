package optikata.claims;

import optikata.objective.D2lQuadratic;
import optikata.objective.Objective;
import optikata.optim.AdaGrad;
import optikata.optim.RmsProp;
import optikata.optim.RmsPropPreset;
import optikata.run.Runner;
import optikata.run.Trajectory;

/** Seed 004's 2-D experiments: f = 0.1x₁² + 2x₂² from (−5, −2), η = 0.4, 20 steps. */
final class D2lExperiments {
    private D2lExperiments() {
    }

    static Trajectory rmsprop() {
        // d2l §7.6.1: γ = 0.9, eps = 1e-6 inside the root.
        return Runner.run(new RmsProp(RmsPropPreset.D2L.config().withLearningRate(0.4).withDecay(0.9)), new D2lQuadratic(),
                Objective.column(-5, -2), 20);
    }

    static Trajectory adagrad() {
        // d2l §7.5: eps = 1e-6 inside the root.
        return Runner.run(new AdaGrad(AdaGrad.Config.d2l(0.4)), new D2lQuadratic(), Objective.column(-5, -2), 20);
    }
}
