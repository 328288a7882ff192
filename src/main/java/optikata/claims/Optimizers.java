package optikata.claims;

import optikata.optim.AdaGrad;
import optikata.optim.Adam;
import optikata.optim.Momentum;
import optikata.optim.Optimizer;
import optikata.optim.RmsProp;
import optikata.optim.RmsPropConfig;

/**
 * Where the claims get their optimizers. Every check builds the optimizers it measures through
 * this factory (held by {@link ClaimContext}), so the checks run the library's code and a test can
 * hand them a deliberately broken one to see that the verdicts follow the code.
 */
public interface Optimizers {
    Optimizer rmsprop(RmsPropConfig config);

    Optimizer adagrad(AdaGrad.Config config);

    Optimizer adam(Adam.Config config);

    Optimizer momentum(double learningRate, double momentum);

    /** The library's own optimizers. */
    Optimizers LIBRARY = new Optimizers() {
        @Override
        public Optimizer rmsprop(RmsPropConfig config) {
            return new RmsProp(config);
        }

        @Override
        public Optimizer adagrad(AdaGrad.Config config) {
            return new AdaGrad(config);
        }

        @Override
        public Optimizer adam(Adam.Config config) {
            return new Adam(config);
        }

        @Override
        public Optimizer momentum(double learningRate, double momentum) {
            return new Momentum(learningRate, momentum);
        }
    };

    /** RMSProp with the family's defaults (η 0.01, β 0.9, ε 1e-8 inside the root). */
    default Optimizer rmsprop() {
        return rmsprop(RmsPropConfig.defaults());
    }

    /** AdaGrad with the family's defaults. */
    default Optimizer adagrad() {
        return adagrad(AdaGrad.Config.defaults());
    }
}
