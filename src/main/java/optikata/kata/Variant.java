package optikata.kata;

import java.util.Arrays;
import optikata.optim.AbstractOptimizer;
import optikata.optim.NonFinitePolicy;
import org.ejml.data.DMatrixRMaj;

/**
 * A known-wrong (or reference) optimizer written as one per-element rule, so a spec can list the
 * classic mistakes of an exercise in a line each and run them on its own input.
 */
public final class Variant extends AbstractOptimizer {
    /** The update of element i at step t (1-based); {@code buffers[k][i]} is state buffer k. */
    public interface Rule {
        void apply(double[] theta, double[] g, int i, long t, double[][] buffers);
    }

    private final Rule rule;
    private final double[][] views;

    public Variant(String name, int bufferCount, Rule rule) {
        super(name, NonFinitePolicy.PROPAGATE, names(bufferCount), new double[bufferCount]);
        this.rule = rule;
        this.views = new double[bufferCount][];
    }

    private static String[] names(int count) {
        String[] names = new String[count];
        for (int k = 0; k < count; k++) {
            names[k] = "buffer" + k;
        }
        return names;
    }

    /** A variant's only "hyperparameter" is its name: its numbers live in its rule. */
    public record Info(String name) {
    }

    @Override
    public Info hyperparameters() {
        return new Info(name());
    }

    @Override
    protected double baseLearningRate() {
        return Double.NaN;
    }

    @Override
    protected void update(double[] theta, double[] g, int from, int to, long t, DMatrixRMaj[] buffers) {
        for (int k = 0; k < buffers.length; k++) {
            views[k] = buffers[k].data;
        }
        for (int i = from; i < to; i++) {
            rule.apply(theta, g, i, t, views);
        }
    }

    @Override
    protected void effectiveRate(double[] out, int n, long t, DMatrixRMaj[] buffers) {
        Arrays.fill(out, 0, n, Double.NaN);
    }

    /** θ after running {@code optimizer} from {@code start} through {@code gradients}. */
    public static double[] run(optikata.optim.Optimizer optimizer, double[] start, double[][] gradients) {
        DMatrixRMaj theta = new DMatrixRMaj(start.length, 1, true, start.clone());
        for (double[] g : gradients) {
            optimizer.step(theta, new DMatrixRMaj(g.length, 1, true, g.clone()));
        }
        return Arrays.copyOf(theta.data, start.length);
    }

    /** A catalogue entry: the mistake's name, text, fix and what it produces on this input. */
    public static Teach.Mistake mistake(String id, String description, String fix, Rule rule, int buffers, double[] start,
                                        double[][] gradients) {
        return new Teach.Mistake(id, description, fix, run(new Variant(id, buffers, rule), start, gradients));
    }

    /**
     * Runs the learner's optimizer and the reference on the same input and checks θ, naming the
     * mistake the learner's numbers match.
     */
    public static void checkAgainst(String formula, optikata.optim.Optimizer mine, optikata.optim.Optimizer reference,
                                    double[] start, double[][] gradients, java.util.List<Teach.Mistake> mistakes) {
        double[] expected = run(reference, start, gradients);
        double[] actual = run(mine, start, gradients);
        String input = "θ₀ = " + Arrays.toString(start) + ", gradients " + Arrays.deepToString(gradients);
        Teach.check("θ after " + gradients.length + " step(s)", formula, input, expected, actual, 1e-12, mistakes);
    }
}
