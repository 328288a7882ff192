package optikata.claims;

import java.util.ArrayList;
import java.util.List;
import optikata.optim.AbstractOptimizer;
import optikata.optim.AdaGrad;
import optikata.optim.Adam;
import optikata.optim.Optimizer;
import optikata.optim.RmsProp;
import optikata.optim.RmsPropConfig;
import org.ejml.data.DMatrixRMaj;

/**
 * RMSProp with a regression planted in its update: the accumulator forgets the (1 − β) factor,
 * {@code s ← β s + g²}. Same buffers, names and hyperparameters as the library's, so a check cannot
 * tell it apart except by what its steps do.
 */
final class BrokenRmsProp extends AbstractOptimizer<RmsPropConfig> {

    BrokenRmsProp(RmsPropConfig config) {
        super("rmsprop", config, names(config), initial(config));
    }

    /** The library's optimizers with RMSProp swapped for this one. */
    static final Optimizers FACTORY = new Optimizers() {
        @Override
        public Optimizer rmsprop(RmsPropConfig config) {
            return new BrokenRmsProp(config);
        }

        @Override
        public Optimizer adagrad(AdaGrad.Config config) {
            return Optimizers.LIBRARY.adagrad(config);
        }

        @Override
        public Optimizer adam(Adam.Config config) {
            return Optimizers.LIBRARY.adam(config);
        }

        @Override
        public Optimizer momentum(double learningRate, double momentum) {
            return Optimizers.LIBRARY.momentum(learningRate, momentum);
        }
    };

    private static String[] names(RmsPropConfig c) {
        List<String> names = new ArrayList<>(List.of(RmsProp.SQUARED_GRADIENT_AVERAGE));
        if (c.centered()) {
            names.add(RmsProp.GRADIENT_AVERAGE);
        }
        if (c.momentum() > 0) {
            names.add(RmsProp.MOMENTUM_BUFFER);
        }
        return names.toArray(String[]::new);
    }

    private static double[] initial(RmsPropConfig c) {
        double[] v = new double[names(c).length];
        v[0] = c.initialAccumulator();
        return v;
    }

    @Override
    protected void update(double[] theta, double[] g, int from, int to, long t, DMatrixRMaj[] buffers) {
        double[] s = buffers[0].data;
        for (int i = from; i < to; i++) {
            s[i] = config.decay() * s[i] + g[i] * g[i]; // the planted bug: no (1 − β)
            theta[i] -= config.learningRate() * g[i] / config.epsilonPlacement().denominator(s[i], config.epsilon());
        }
    }

    @Override
    protected void effectiveRate(double[] out, int n, long t, DMatrixRMaj[] buffers) {
        for (int i = 0; i < n; i++) {
            out[i] =
                    config.learningRate() / config.epsilonPlacement().denominator(buffers[0].data[i], config.epsilon());
        }
    }
}
