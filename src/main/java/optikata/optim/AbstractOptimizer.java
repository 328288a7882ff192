package optikata.optim;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.ejml.data.DMatrixRMaj;

/**
 * What every optimizer of the family shares: argument checks that run before anything is
 * changed, buffers allocated once for the parameters' shape, and the step count. A subclass
 * names its buffers, writes one fused loop in {@link #update} and derives its effective learning
 * rate from the state in {@link #effectiveRate}.
 */
public abstract class AbstractOptimizer implements Optimizer {
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
     * @param bufferNames        the state buffers, in the order {@link #update} receives them
     * @param bufferInitialValues the value each buffer starts at (same length as names)
     */
    protected AbstractOptimizer(String name, NonFinitePolicy nonFinitePolicy, String[] bufferNames,
                                double[] bufferInitialValues) {
        if (bufferNames.length != bufferInitialValues.length) {
            throw new IllegalArgumentException("Must be one initial value per buffer: "
                    + bufferNames.length + " vs " + bufferInitialValues.length);
        }
        this.name = name;
        this.nonFinitePolicy = Check.notNull("non-finite policy", nonFinitePolicy);
        this.bufferNames = bufferNames.clone();
        this.bufferInitialValues = bufferInitialValues.clone();
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final void step(DMatrixRMaj params, DMatrixRMaj gradient) {
        validate(params, gradient);
        if (buffers == null) {
            allocate(params.numRows, params.numCols);
        }
        step++;
        int n = params.getNumElements();
        if (n < StepExecutor.threshold()) {
            update(params.data, gradient.data, 0, n, step, buffers);
        } else {
            rangeParams = params.data;
            rangeGradient = gradient.data;
            StepExecutor.run(rangeJob, n);
            rangeParams = null;
            rangeGradient = null;
        }
    }

    /** The arrays of the step being split across threads; the job below is allocated once. */
    private double[] rangeParams;
    private double[] rangeGradient;
    private final StepExecutor.RangeJob rangeJob = (from, to) -> update(rangeParams, rangeGradient, from, to, step, buffers);

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

    /** The base learning rate, for the effective rate before the first step. */
    protected abstract double baseLearningRate();

    private void validate(DMatrixRMaj params, DMatrixRMaj gradient) {
        if (params == null || gradient == null) {
            throw new IllegalArgumentException("Invalid step: " + (params == null ? "params" : "gradient") + " is null");
        }
        if (params == gradient) {
            throw new IllegalArgumentException("Invalid step: params and gradient are the same matrix ("
                    + shape(params) + "); pass the gradient in a buffer of its own");
        }
        if (params.numRows != gradient.numRows || params.numCols != gradient.numCols) {
            throw new IllegalArgumentException("Must be same shape. params " + shape(params) + " vs gradient " + shape(gradient));
        }
        if (params.data == gradient.data) {
            throw new IllegalArgumentException("Invalid step: params and gradient share one data array ("
                    + shape(params) + "); pass the gradient in a buffer of its own");
        }
        if (buffers != null && (rows != params.numRows || cols != params.numCols)) {
            throw new IllegalArgumentException("Must be same shape. state was allocated for "
                    + rows + "x" + cols + " but params are " + shape(params) + "; call reset() to start over");
        }
        if (nonFinitePolicy == NonFinitePolicy.REJECT) {
            double[] g = gradient.data;
            int n = gradient.getNumElements();
            boolean allFinite;
            if (n < StepExecutor.threshold()) {
                allFinite = allFinite(g, 0, n);
            } else {
                scanGradient = g;
                scanFoundNonFinite = false;
                StepExecutor.run(scanJob, n);
                scanGradient = null;
                allFinite = !scanFoundNonFinite;
            }
            if (!allFinite) {
                for (int i = 0; i < n; i++) {
                    if (!Double.isFinite(g[i])) {
                        throw new IllegalArgumentException("Invalid gradient: " + g[i] + " at index " + i
                                + " of " + shape(gradient) + " (must be finite; step rejected, nothing changed)");
                    }
                }
            }
        }
    }

    /** The gradient being scanned across threads, and what the scan found. */
    private double[] scanGradient;
    private boolean scanFoundNonFinite;
    private final StepExecutor.RangeJob scanJob = (from, to) -> {
        if (!allFinite(scanGradient, from, to)) {
            scanFoundNonFinite = true;
        }
    };

    /**
     * Whether {@code g[from, to)} holds only finite values. Branch-free: {@code x * 0} is 0 for
     * every finite x and NaN for NaN and ±∞; four independent sums keep the pipeline full.
     */
    static boolean allFinite(double[] g, int from, int to) {
        double p0 = 0;
        double p1 = 0;
        double p2 = 0;
        double p3 = 0;
        int i = from;
        for (; i + 3 < to; i += 4) {
            p0 += g[i] * 0.0;
            p1 += g[i + 1] * 0.0;
            p2 += g[i + 2] * 0.0;
            p3 += g[i + 3] * 0.0;
        }
        for (; i < to; i++) {
            p0 += g[i] * 0.0;
        }
        return p0 + p1 + p2 + p3 == 0;
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
