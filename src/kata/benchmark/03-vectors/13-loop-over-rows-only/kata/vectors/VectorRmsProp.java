package kata.vectors;

import java.util.LinkedHashMap;
import java.util.Map;
import optikata.optim.Optimizer;
import optikata.optim.OptimizerState;
import org.ejml.data.DMatrixRMaj;

/** Exercise 03: RMSProp on vectors, ε inside the root, state kept between steps. */
public final class VectorRmsProp implements Optimizer {
    /** η, β and ε. */
    public record Config(double learningRate, double decay, double epsilon) {}

    private final Config config;
    /** s: one running average of g² per parameter; null until the first step. */
    private DMatrixRMaj squaredGradientAverage;

    private long steps;

    public VectorRmsProp(double learningRate, double decay, double epsilon) {
        this.config = new Config(learningRate, decay, epsilon);
    }

    @Override
    public String name() {
        return "vector-rmsprop";
    }

    @Override
    public Config hyperparameters() {
        return config;
    }

    @Override
    public OptimizerState state() {
        Map<String, DMatrixRMaj> buffers = new LinkedHashMap<>();
        buffers.put("squaredGradientAverage", squaredGradientAverage);
        return new OptimizerState(steps, buffers);
    }

    @Override
    public void reset() {
        squaredGradientAverage = null;
        steps = 0;
    }

    /** One step: θ ← θ − η g / √(s + ε) with s ← β s + (1−β) g², element by element. */
    @Override
    public void step(DMatrixRMaj params, DMatrixRMaj gradient) {
        if (params.numRows != gradient.numRows || params.numCols != gradient.numCols) {
            throw new IllegalArgumentException("Must be same shape. params " + params.numRows + "x" + params.numCols
                    + " vs gradient " + gradient.numRows + "x" + gradient.numCols);
        }
        if (squaredGradientAverage == null) {
            squaredGradientAverage = new DMatrixRMaj(params.numRows, params.numCols);
        }
        double[] s = squaredGradientAverage.data;
        for (int i = 0; i < params.numRows; i++) {
            double g = gradient.data[i];
            s[i] = config.decay() * s[i] + (1 - config.decay()) * g * g;
            params.data[i] -= config.learningRate() * g / Math.sqrt(s[i] + config.epsilon());
        }
        steps++;
    }

    /** Writes η / √(s[i] + ε) for every element into {@code out}. */
    @Override
    public void effectiveLearningRate(DMatrixRMaj out) {
        if (squaredGradientAverage == null) {
            out.fill(config.learningRate());
            return;
        }
        out.reshape(squaredGradientAverage.numRows, squaredGradientAverage.numCols);
        for (int i = 0; i < out.getNumElements(); i++) {
            out.data[i] = config.learningRate() / Math.sqrt(squaredGradientAverage.data[i] + config.epsilon());
        }
    }
}
