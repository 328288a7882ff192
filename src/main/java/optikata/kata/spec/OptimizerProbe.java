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
}
