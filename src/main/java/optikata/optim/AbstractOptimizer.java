package optikata.optim;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.ejml.data.DMatrixRMaj;

/**
 * What every optimizer of the family shares: its hyperparameter record, argument checks that run
 * before anything is changed, buffers allocated once for the parameters' shape, and the step
 * count. A subclass declares its {@code Config} record (implementing {@link Hyperparameters}),
 * names its buffers, writes one fused loop (its kernel, a static method over arrays, as PyTorch's
 * {@code _single_tensor_rmsprop}) that {@link #update} calls, and derives its effective learning
 * rate from the state in {@link #effectiveRate}:
 * <pre>
 *   public final class SignSgd extends AbstractOptimizer&lt;SignSgd.Config&gt; {
 *       public record Config(double learningRate) implements Hyperparameters { }
 *
 *       public SignSgd(Config config) {
 *           super("signsgd", config, new String[0], new double[0]);
 *       }
 *
 *       protected void update(double[] theta, double[] g, int from, int to, long t, DMatrixRMaj[] buffers) {
 *           kernel(theta, g, from, to, config);
 *       }
 *
 *       public static void kernel(double[] theta, double[] g, int from, int to, Config config) {
 *           for (int i = from; i &lt; to; i++) {
 *               theta[i] -= config.learningRate() * Math.signum(g[i]);
 *           }
 *       }
 *       ... effectiveRate
 *   }
 * </pre>
 * As PyTorch's {@code Optimizer} holds its {@code defaults}, the base class holds the record: the
 * subclass reads it as {@link #config}, callers as {@link #hyperparameters()}.
 *
 * <p>A kernel checks nothing: {@link #step} runs every check (shapes, aliasing, a non-finite
 * gradient) before it calls {@link #update}, and code that calls a kernel directly (the benchmarks,
 * the mistaken RMSProp) passes arrays of one length and takes the checks on itself.
 *
 * @param <C> the optimizer's hyperparameter record
 */
public abstract class AbstractOptimizer<C extends Record & Hyperparameters> implements Optimizer {
    /** The hyperparameters, validated by the record's constructor; never null. */
    protected final C config;

    private final String name;
    private final String[] bufferNames;
    private final double[] bufferInitialValues;
    private final NonFinitePolicy nonFinitePolicy;
    private DMatrixRMaj[] buffers;
    /** The shape the buffers were allocated for; -1 before the first step. */
    private int rows = -1;

    private int cols = -1;
    private long step;

    /**
     * @param name                a short name for tables and plots
     * @param config              the hyperparameters, not null; its {@link Hyperparameters#nonFinitePolicy()} is kept
     * @param bufferNames         the state buffers, in the order {@link #update} receives them
     * @param bufferInitialValues the value each buffer starts at (same length as names)
     */
    protected AbstractOptimizer(String name, C config, String[] bufferNames, double[] bufferInitialValues) {
        this.config = Check.notNull("config", config);
        if (bufferNames.length != bufferInitialValues.length) {
            throw new IllegalArgumentException("Must be one initial value per buffer: " + bufferNames.length + " vs "
                    + bufferInitialValues.length);
        }
        this.name = name;
        this.nonFinitePolicy = Check.notNull("non-finite policy", config.nonFinitePolicy());
        this.bufferNames = bufferNames.clone();
        this.bufferInitialValues = bufferInitialValues.clone();
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final C hyperparameters() {
        return config;
    }

    @Override
    public final void step(DMatrixRMaj params, DMatrixRMaj gradient) {
        validate(params, gradient);
        double[] g = gradient.data;
        int n = params.getNumElements();
        boolean check = nonFinitePolicy == NonFinitePolicy.REJECT;
        if (n < StepExecutor.threshold() || buffers == null) {
            // Small steps, and the first step (nothing allocated yet): check, then update.
            if (check && !FiniteScan.screen(g, 0, n)) {
                rejectNonFinite(gradient); // returns only on a false alarm
            }
            if (buffers == null) {
                allocate(params.numRows, params.numCols);
            }
            if (n < StepExecutor.threshold()) {
                update(params.data, g, 0, n, step + 1, buffers);
            } else {
                runSplit(params.data, g, n, false);
            }
            step++;
            return;
        }
        // Large steps: each thread checks its own share, all wait for each other, and only then
        // does any thread update (StepExecutor.runChecked), so a rejected step writes nothing.
        if (!runSplit(params.data, g, n, check)) {
            rejectNonFinite(gradient);
            runSplit(params.data, g, n, false); // a false alarm: the step goes on
        }
        step++;
    }

    /**
     * One step split across the threads: checked (every share screened before any is updated) or
     * not; the step count is the next one. Returns whether the update ran.
     */
    private boolean runSplit(double[] theta, double[] g, int n, boolean check) {
        rangeParams = theta;
        rangeGradient = g;
        rangeStep = step + 1;
        try {
            if (check) {
                return StepExecutor.runChecked(rangeJob, n);
            }
            StepExecutor.run(rangeJob, n);
            return true;
        } finally {
            rangeParams = null;
            rangeGradient = null;
        }
    }

    /**
     * Throws naming the first NaN or ±∞ of the gradient; returns when there is none (the screen's
     * rare false alarm: finite entries whose sum overflowed).
     */
    private static void rejectNonFinite(DMatrixRMaj gradient) {
        double[] g = gradient.data;
        int i = FiniteScan.firstNonFinite(g, 0, gradient.getNumElements());
        if (i >= 0) {
            throw new IllegalArgumentException("Invalid gradient: " + g[i] + " at index " + i + " of " + shape(gradient)
                    + " (must be finite; step rejected, nothing changed)");
        }
    }

    /** The arrays and step number of the step being split across threads; the job is allocated once. */
    private double[] rangeParams;

    private double[] rangeGradient;
    private long rangeStep;
    private final StepExecutor.CheckedJob rangeJob = new StepExecutor.CheckedJob() {
        @Override
        public boolean check(int from, int to) {
            return FiniteScan.screen(rangeGradient, from, to);
        }

        @Override
        public void run(int from, int to) {
            update(rangeParams, rangeGradient, from, to, rangeStep, buffers);
        }
    };

    /**
     * The fused update of elements {@code [from, to)}: one loop, every buffer read and written
     * once per element. Called only after every check passed, with buffers allocated for the
     * parameters' shape; elements are independent, so ranges may run in parallel.
     *
     * @param theta   the parameters, modified
     * @param g       the gradient, not modified
     * @param t       the step number, 1 on the first step
     * @param buffers the state buffers in constructor order, modified
     */
    protected abstract void update(double[] theta, double[] g, int from, int to, long t, DMatrixRMaj[] buffers);

    /**
     * Writes the per-coordinate factor that the last step applied to the gradient (or, for
     * momentum methods, to the direction held in the buffers), derived from the state after
     * step {@code t ≥ 1}.
     */
    protected abstract void effectiveRate(double[] out, int n, long t, DMatrixRMaj[] buffers);

    /**
     * The base learning rate, for the effective rate before the first step: the record's
     * {@link Hyperparameters#learningRate()}. Override only where the rate the update uses differs.
     */
    protected double baseLearningRate() {
        return config.learningRate();
    }

    private void validate(DMatrixRMaj params, DMatrixRMaj gradient) {
        if (params == null || gradient == null) {
            throw new IllegalArgumentException(
                    "Invalid step: " + (params == null ? "params" : "gradient") + " is null");
        }
        if (params == gradient) {
            throw new IllegalArgumentException("Invalid step: params and gradient are the same matrix (" + shape(params)
                    + "); pass the gradient in a buffer of its own");
        }
        if (params.numRows != gradient.numRows || params.numCols != gradient.numCols) {
            throw new IllegalArgumentException(
                    "Must be same shape. params " + shape(params) + " vs gradient " + shape(gradient));
        }
        if (params.data == gradient.data) {
            throw new IllegalArgumentException("Invalid step: params and gradient share one data array ("
                    + shape(params) + "); pass the gradient in a buffer of its own");
        }
        if (buffers != null && (rows != params.numRows || cols != params.numCols)) {
            throw new IllegalArgumentException("Must be same shape. state was allocated for " + rows + "x" + cols
                    + " but params are " + shape(params) + "; call reset() to start over");
        }
    }

    private void allocate(int numRows, int numCols) {
        DMatrixRMaj[] fresh = new DMatrixRMaj[bufferNames.length];
        for (int k = 0; k < fresh.length; k++) {
            fresh[k] = new DMatrixRMaj(numRows, numCols);
            if (bufferInitialValues[k] != 0) {
                Arrays.fill(fresh[k].data, 0, fresh[k].getNumElements(), bufferInitialValues[k]);
            }
        }
        buffers = fresh;
        rows = numRows;
        cols = numCols;
    }

    @Override
    public OptimizerState state() {
        Map<String, DMatrixRMaj> named = new LinkedHashMap<>();
        for (int k = 0; k < bufferNames.length; k++) {
            named.put(bufferNames[k], buffers == null ? null : buffers[k]);
        }
        return new OptimizerState(step, named);
    }

    @Override
    public void effectiveLearningRate(DMatrixRMaj out) {
        if (buffers == null || step == 0) {
            Arrays.fill(out.data, 0, out.getNumElements(), baseLearningRate());
            return;
        }
        out.reshape(rows, cols);
        effectiveRate(out.data, out.getNumElements(), step, buffers);
    }

    @Override
    public void reset() {
        buffers = null;
        rows = -1;
        cols = -1;
        step = 0;
    }

    /** The live buffer by index, for subclasses; null before the first step. */
    protected final DMatrixRMaj buffer(int index) {
        return buffers == null ? null : buffers[index];
    }

    @Override
    public String toString() {
        return name + hyperparameters();
    }

    static String shape(DMatrixRMaj m) {
        return m.numRows + "x" + m.numCols;
    }
}
