package optikata.mistakes;

import optikata.optim.AbstractOptimizer;
import optikata.optim.ArithmeticPrecision;
import optikata.optim.EpsilonPlacement;
import optikata.optim.HyperparameterPrecision;
import optikata.optim.OperationOrder;
import optikata.optim.RmsProp;
import optikata.optim.RmsPropConfig;
import optikata.optim.RmsPropKernel;
import org.ejml.data.DMatrixRMaj;

/**
 * RMSProp with one deliberate {@link RmsPropMistake} (or none). Plain form only: no centering,
 * momentum or weight decay, which the mistakes are about, and float64 arithmetic in the standard
 * order of operations with unrounded hyperparameters, which the mistakes' own loops use. {@code NONE}
 * steps with {@link RmsPropKernel}, so it gives the same numbers as {@link RmsProp}.
 */
public final class MistakenRmsProp extends AbstractOptimizer<RmsPropConfig> {
    private final RmsPropMistake mistake;
    private final RmsPropKernel kernel;

    public MistakenRmsProp(RmsPropConfig config, RmsPropMistake mistake) {
        super("rmsprop[" + mistake.id() + "]", config, new String[] {RmsProp.SQUARED_GRADIENT_AVERAGE}, new double[] {
            config.initialAccumulator()
        });
        if (config.centered() || config.momentum() > 0 || config.weightDecay() > 0) {
            throw new IllegalArgumentException("Invalid config for a mistaken RMSProp: " + config
                    + " (plain form only: no centering, momentum or weight decay)");
        }
        if (config.arithmetic() != ArithmeticPrecision.FLOAT64
                || config.hyperparameterPrecision() != HyperparameterPrecision.FLOAT64
                || config.operationOrder() != OperationOrder.STANDARD) {
            throw new IllegalArgumentException("Invalid config for a mistaken RMSProp: " + config
                    + " (float64 arithmetic, float64 hyperparameters and the standard order of operations only)");
        }
        this.mistake = mistake;
        this.kernel = RmsPropKernel.of(config);
    }

    public RmsPropMistake mistake() {
        return mistake;
    }

    private EpsilonPlacement placement() {
        EpsilonPlacement p = config.epsilonPlacement();
        if (mistake == RmsPropMistake.EPSILON_MISPLACED) {
            return p == EpsilonPlacement.INSIDE_ROOT ? EpsilonPlacement.OUTSIDE_ROOT : EpsilonPlacement.INSIDE_ROOT;
        }
        return p;
    }

    @Override
    protected void update(double[] theta, double[] g, int from, int to, long t, DMatrixRMaj[] buffers) {
        if (mistake == RmsPropMistake.NONE) {
            // The correct path is the library's own kernel: NONE is RmsProp by construction, not by a copy.
            kernel.step(theta, g, buffers[0].data, RmsPropKernel.NONE, RmsPropKernel.NONE, from, to);
            return;
        }
        double lr = config.learningRate();
        double beta = config.decay();
        double eps = config.epsilon();
        EpsilonPlacement placement = placement();
        double[] s = buffers[0].data;
        for (int i = from; i < to; i++) {
            double gi = g[i];
            double si = switch (mistake) {
                case MISSING_ONE_MINUS_BETA -> beta * s[i] + gi * gi;
                case DECAY_SWAPPED -> (1 - beta) * s[i] + beta * gi * gi;
                case STATE_RESET -> beta * config.initialAccumulator() + (1 - beta) * gi * gi;
                case GRADIENT_AVERAGE_USED -> beta * s[i] + (1 - beta) * gi;
                case EPSILON_IN_ACCUMULATOR -> beta * s[i] + (1 - beta) * gi * gi + eps;
                default -> beta * s[i] + (1 - beta) * gi * gi;
            };
            s[i] = si;
            double d = denominator(si, eps, placement);
            double step = lr * gi / d;
            theta[i] += mistake == RmsPropMistake.SIGN_FLIPPED ? step : -step;
        }
    }

    private double denominator(double s, double eps, EpsilonPlacement placement) {
        return switch (mistake) {
            case SQUARE_ROOT_MISSING -> s + eps;
            case EPSILON_IN_ACCUMULATOR -> Math.sqrt(s);
            default -> placement.denominator(s, eps);
        };
    }

    @Override
    protected void effectiveRate(double[] out, int n, long t, DMatrixRMaj[] buffers) {
        double[] s = buffers[0].data;
        for (int i = 0; i < n; i++) {
            out[i] = config.learningRate() / denominator(s[i], config.epsilon(), placement());
        }
    }
}
