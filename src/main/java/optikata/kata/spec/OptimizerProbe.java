package optikata.kata.spec;

import java.util.Arrays;
import java.util.List;
import optikata.optim.Optimizer;
import optikata.run.Replay;
import org.ejml.data.DMatrixRMaj;

/**
 * Probes shared by the exercises that implement {@link Optimizer}: drive an optimizer through
 * steps and record, after each step, every quantity the contract speaks of, each under its own
 * name, so that a failure says which one is wrong and which are right.
 */
public final class OptimizerProbe {
    private OptimizerProbe() {}

    /** Copies of the named buffers' elements (null for a missing one). */
    static double[][] snapshot(Optimizer optimizer, String... buffers) {
        double[][] out = new double[buffers.length][];
        for (int k = 0; k < buffers.length; k++) {
            try {
                DMatrixRMaj b = optimizer.state().buffer(buffers[k].split("=", 2)[1]);
                out[k] = b == null ? null : Arrays.copyOf(b.data, b.getNumElements());
            } catch (UnsupportedOperationException notStarted) {
                throw notStarted;
            } catch (RuntimeException e) {
                out[k] = null;
            }
        }
        return out;
    }

    /** after − before, element by element (a length mismatch is reported as NaN in every element). */
    static double[] difference(double[] after, double[] before) {
        double[] d = new double[Math.max(after.length, before.length)];
        for (int i = 0; i < d.length; i++) {
            d[i] = after.length != before.length ? Double.NaN : after[i] - before[i];
        }
        return d;
    }

    /** Numbers as the input line of a case shows them: (1, −2) for a vector, ((2, −0.5), (1, 1)) for steps. */
    public static String show(double... values) {
        return values.length == 1 ? "(" + Observation.number(values[0]) + ")" : Observation.format(values);
    }

    /** One number as a reader sees it (1e-8, 0.01, 2). */
    public static String num(double value) {
        return Observation.number(value);
    }

    /** A list of gradient vectors, one per step. */
    public static String show(double[][] steps) {
        StringBuilder sb = new StringBuilder();
        for (int k = 0; k < steps.length; k++) {
            sb.append(k == 0 ? "" : ", ").append(show(steps[k]));
        }
        return sb.toString();
    }

    /** A column vector holding {@code values} (a copy). */
    public static DMatrixRMaj column(double... values) {
        return new DMatrixRMaj(values.length, 1, true, values.clone());
    }

    /**
     * Steps {@code optimizer} from {@code start} through {@code gradients} (each a fresh matrix of
     * the parameters' shape) and records after step k: {@code θ after step k}, each named state
     * buffer ({@code s after step k} for the buffer {@code squaredGradientAverage} given as
     * {@code "s=squaredGradientAverage"}), {@code the gradient after step k} (the contract says
     * step() only reads it), {@code the step count after step k}, and, when {@code rates} is set,
     * {@code the effective rate after step k}.
     *
     * @param buffers "symbol=bufferName" pairs
     */
    public static void steps(
            Recorder r,
            Optimizer optimizer,
            int rows,
            int cols,
            double[] start,
            double[][] gradients,
            boolean rates,
            String... buffers)
            throws Exception {
        DMatrixRMaj theta = new DMatrixRMaj(rows, cols, true, start.clone());
        r.given("θ before step 1", theta);
        if (gradients.length > 0) {
            r.given("g of step 1", gradients[0]);
        }
        // a fresh gradient matrix each step, as the code under test may keep the one it is given; NaN is observed, not
        // a stop
        Replay.of(optimizer, theta)
                .freshGradients()
                .tolerateNonFinite()
                .run(Arrays.asList(gradients), (k, after, g) -> {
                    record(r, optimizer, " after step " + k, buffers);
                    r.value("θ after step " + k, after);
                    r.value("the gradient after step " + k, g);
                    r.value("the step count after step " + k, (double)
                            optimizer.state().step());
                    if (rates) {
                        DMatrixRMaj rate = new DMatrixRMaj(rows, cols);
                        optimizer.effectiveLearningRate(rate);
                        r.value("the effective rate after step " + k, rate);
                    }
                    if (k < gradients.length) {
                        r.given("θ before step " + (k + 1), after);
                        r.given("g of step " + (k + 1), gradients[k]);
                    }
                    return true;
                });
    }

    /** Records each named buffer of the state as {@code symbol + suffix}; a missing one as what went wrong. */
    public static void record(Recorder r, Optimizer optimizer, String suffix, String... buffers) throws Exception {
        for (String pair : buffers) {
            String[] sb = pair.split("=", 2);
            String quantity = sb[0] + suffix;
            try {
                r.value(quantity, optimizer.state().buffer(sb[1]));
            } catch (UnsupportedOperationException notStarted) {
                throw notStarted;
            } catch (RuntimeException e) {
                r.text(
                        quantity,
                        "state().buffer(\"" + sb[1] + "\") threw "
                                + e.getClass().getSimpleName());
            }
        }
    }

    /**
     * The contract's atomic rejection: after {@code before} good steps, a gradient of another shape
     * must throw IllegalArgumentException naming both shapes and change nothing (θ, state, step
     * count). Records the outcome, whether the message names both shapes, and θ, buffers and step
     * count after the rejected call.
     */
    public static void rejectsWrongShape(Recorder r, Optimizer optimizer, double[][] before, String... buffers)
            throws Exception {
        DMatrixRMaj theta = Replay.of(optimizer, column(1, 2))
                .freshGradients()
                .tolerateNonFinite()
                .run(List.of(before))
                .theta();
        double[] thetaBefore = theta.data.clone();
        double[][] buffersBefore = snapshot(optimizer, buffers);
        long stepsBefore = optimizer.state().step();
        DMatrixRMaj wrong = column(1, 2, 3);
        String[] message = {""};
        r.outcome("what step() does with a 3x1 gradient for 2x1 parameters", () -> {
            try {
                optimizer.step(theta, wrong);
            } catch (IllegalArgumentException e) {
                message[0] = String.valueOf(e.getMessage());
                throw e;
            }
        });
        String m = message[0].replace(" ", "");
        boolean names = (m.contains("2x1") || m.contains("2×1") || m.contains("2,1"))
                && (m.contains("3x1") || m.contains("3×1") || m.contains("3,1"));
        r.text("whether the exception's message names both shapes", names ? "yes" : "no");
        r.value("how much the rejected step changed θ", difference(theta.data, thetaBefore));
        double[][] buffersAfter = snapshot(optimizer, buffers);
        for (int k = 0; k < buffers.length; k++) {
            String symbol = buffers[k].split("=", 2)[0];
            if (buffersBefore[k] == null || buffersAfter[k] == null) {
                r.text("whether " + symbol + " exists after the rejected step", buffersAfter[k] == null ? "no" : "yes");
            } else {
                r.value("how much the rejected step changed " + symbol, difference(buffersAfter[k], buffersBefore[k]));
            }
        }
        r.value("how much the rejected step changed the step count", (double)
                (optimizer.state().step() - stepsBefore));
        r.value("the wrong gradient after the rejected step", wrong);
        // and the optimizer still works: code that refuses every call would otherwise pass the rejection with nothing
        // done
        optimizer.step(theta, column(0.5, -1));
        r.value("θ after a good step that follows the rejected one", theta);
    }

    /** Makes a fresh optimizer of the exercise, with the case's settings. */
    @FunctionalInterface
    public interface Maker {
        Optimizer make() throws Exception;
    }

    /**
     * Two optimizers made alike, used one after the other: the first takes a step, then the second takes its own
     * first step from the same θ with another gradient, then the first takes its second step. Records the second's θ
     * and buffers after its first step, how much the second's step changed each of the first's buffers (0: each
     * optimizer keeps its own state), and the first's θ after its second step.
     */
    public static void twoOptimizers(
            Recorder r, Maker make, double[] start, double[] g1, double[] g2, String... buffers) throws Exception {
        Optimizer first = make.make();
        DMatrixRMaj a = column(start);
        first.step(a, column(g1));
        double[][] firstState = snapshot(first, buffers);
        Optimizer second = make.make();
        DMatrixRMaj b = column(start);
        second.step(b, column(g2));
        r.value("θ of the second optimizer after its first step", b);
        record(r, second, " of the second optimizer after its first step", buffers);
        double[][] firstAfter = snapshot(first, buffers);
        for (int k = 0; k < buffers.length; k++) {
            String symbol = buffers[k].split("=", 2)[0];
            if (firstState[k] != null && firstAfter[k] != null) {
                r.value(
                        "how much the second optimizer's step changed the first's " + symbol,
                        difference(firstAfter[k], firstState[k]));
            }
        }
        first.step(a, column(g2));
        r.value("θ of the first optimizer after its second step", a);
    }

    /**
     * The shapes the contract implies for {@code rows}×{@code cols} parameters after one step: every named buffer's
     * and the effective rate's, as "RxC" (a transposed buffer holds the same elements in another shape).
     */
    public static void shapes(Recorder r, Optimizer optimizer, int rows, int cols, double[] g, String... buffers)
            throws Exception {
        DMatrixRMaj theta = new DMatrixRMaj(rows, cols);
        optimizer.step(theta, new DMatrixRMaj(rows, cols, true, g.clone()));
        r.text("the shape of θ after the step", shape(theta));
        for (String pair : buffers) {
            String[] sb = pair.split("=", 2);
            String shown;
            try {
                DMatrixRMaj m = optimizer.state().buffer(sb[1]);
                shown = m == null ? "null" : shape(m);
            } catch (UnsupportedOperationException notStarted) {
                throw notStarted;
            } catch (RuntimeException e) {
                shown = "state().buffer(\"" + sb[1] + "\") threw "
                        + e.getClass().getSimpleName();
            }
            r.text("the shape of " + sb[0] + " after the step", shown);
        }
        DMatrixRMaj rate = new DMatrixRMaj(rows, cols);
        optimizer.effectiveLearningRate(rate);
        r.text("the shape of the effective rate after the step", shape(rate));
    }

    private static String shape(DMatrixRMaj m) {
        return m.numRows + "x" + m.numCols;
    }

    /**
     * Steps through {@code before}, calls reset(), then records the step count and the steps through
     * {@code gradients} as {@link #steps} does: after reset() the optimizer must behave as a new one.
     */
    public static void afterReset(
            Recorder r, Optimizer optimizer, double[] start, double[][] before, double[][] gradients, String... buffers)
            throws Exception {
        Replay.of(optimizer, column(start)).freshGradients().tolerateNonFinite().run(List.of(before));
        optimizer.reset();
        r.value("the step count after reset()", (double) optimizer.state().step());
        steps(r, optimizer, start.length, 1, start, gradients, true, buffers);
    }

    /**
     * The split step run several times on identical input: {@code runs} fresh optimizers each take two steps on
     * {@code n} elements (enough for the base class to split each step across threads). Records θ at ten elements
     * and θ's sum after the first run, and whether every run gave the same θ, bit for bit.
     */
    public static void splitRuns(Recorder r, Maker make, int n, int runs) throws Exception {
        double[] first = null;
        boolean same = true;
        for (int run = 0; run < runs; run++) {
            DMatrixRMaj theta = new DMatrixRMaj(n, 1);
            DMatrixRMaj g = new DMatrixRMaj(n, 1);
            for (int i = 0; i < n; i++) {
                g.data[i] = (i % 5 == 0 ? -1 : 1) * (1 + (i % 7));
            }
            Optimizer o = make.make();
            o.step(theta, g);
            o.step(theta, g);
            if (first == null) {
                first = theta.data.clone();
            } else {
                same &= Arrays.equals(first, theta.data);
            }
        }
        int[] at = {0, 1, n / 4 - 1, n / 4, n / 2 - 1, n / 2, n / 2 + 1, 3 * n / 4, n - 2, n - 1};
        double[] sample = new double[at.length];
        double sum = 0;
        for (int k = 0; k < at.length; k++) {
            sample[k] = first[at[k]];
        }
        for (double v : first) {
            sum += v;
        }
        r.value("θ at ten elements after two split steps", sample);
        r.value("the sum of θ after two split steps", sum);
        r.text("whether " + runs + " identical runs of the split step gave the same θ", same ? "yes" : "no");
    }
}
