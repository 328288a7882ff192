package optikata.run;

import java.util.List;
import optikata.optim.Optimizer;
import org.ejml.data.DMatrixRMaj;

/**
 * The replay loop, once: feeds recorded gradients g_1..g_n to an optimizer from a start θ₀ and
 * lets an {@link Observer} look after each step. Everything that drives an optimizer through a
 * fixed list of gradients (the runner's replay, the diagnoser's fits, the kata's probe, the claims)
 * uses it.
 *
 * <p>Contract:
 * <ul>
 *   <li>θ is a copy of {@code start} (Not modified), refilled in place; the gradient of step t is
 *       row t−1 of the list (Not modified) copied into one buffer of θ's shape, or into a fresh
 *       matrix each step with {@link #freshGradients()} (for code under test that may keep or
 *       change the matrix it is given).</li>
 *   <li>Free run (the default): step t starts from θ_{t−1} as the previous step left it. {@link
 *       #fromRecorded(List)} ("teacher forcing"): step t starts from the recorded θ_{t−1} (θ₀ for
 *       t = 1), so one wrong step is not blamed on the later ones.</li>
 *   <li>Stop rule (the default): the run stops before step t when row t is not finite, and after
 *       step t (once the observer has seen it) when θ_t is not finite. {@link #tolerateNonFinite()}
 *       goes on through both (NaN in, NaN out).</li>
 *   <li>The observer is called after each step with (t, θ_t, the gradient matrix of step t as the
 *       optimizer left it); returning false stops the run there. Both matrices are the engine's:
 *       copy what must outlive the call.</li>
 *   <li>Every row (and every recorded θ) must have θ's number of elements, checked before the first
 *       step: a list that does not fit is rejected with the row's number, its length and the expected
 *       length, and the optimizer is not stepped at all.</li>
 * </ul>
 * The optimizer is used as given (reset it first for a fresh run). A replay object is immutable;
 * the {@code with} methods return changed copies. It depends only on {@code optim} and EJML: the
 * kata's probe runs it beside a learner's code.
 */
public final class Replay {
    private final Optimizer optimizer;
    private final DMatrixRMaj start;
    private final List<double[]> recorded;
    private final boolean stopAtNonFinite;
    private final boolean freshGradients;

    private Replay(
            Optimizer optimizer,
            DMatrixRMaj start,
            List<double[]> recorded,
            boolean stopAtNonFinite,
            boolean freshGradients) {
        this.optimizer = optimizer;
        this.start = start;
        this.recorded = recorded;
        this.stopAtNonFinite = stopAtNonFinite;
        this.freshGradients = freshGradients;
    }

    /**
     * A free replay of {@code optimizer} from {@code start} that stops at the first non-finite
     * gradient row or θ.
     *
     * @param start θ₀; its shape is the shape of θ and of every gradient (Not modified)
     */
    public static Replay of(Optimizer optimizer, DMatrixRMaj start) {
        if (optimizer == null) {
            throw new IllegalArgumentException("Invalid optimizer: null");
        }
        if (start == null) {
            throw new IllegalArgumentException("Invalid start: null");
        }
        return new Replay(optimizer, start.copy(), null, true, false);
    }

    /**
     * The same replay, each step t starting from the recorded θ_{t−1} instead of where step t−1
     * went.
     *
     * @param thetas θ_t after steps 1..n as recorded ({@link Trace#thetas()}); at least n−1 of them
     *               for n gradients (Not modified)
     */
    public Replay fromRecorded(List<double[]> thetas) {
        if (thetas == null) {
            throw new IllegalArgumentException("Invalid recorded parameters: null");
        }
        return new Replay(optimizer, start, thetas, stopAtNonFinite, freshGradients);
    }

    /** The same replay, going on through non-finite gradients and parameters. */
    public Replay tolerateNonFinite() {
        return new Replay(optimizer, start, recorded, false, freshGradients);
    }

    /** The same replay, handing the optimizer a fresh gradient matrix each step. */
    public Replay freshGradients() {
        return new Replay(optimizer, start, recorded, stopAtNonFinite, true);
    }

    /**
     * Looks at a replay after each step.
     *
     * @param <X> what the observer may throw (inferred; RuntimeException for a lambda that throws nothing checked)
     */
    @FunctionalInterface
    public interface Observer<X extends Exception> {
        /**
         * Called after step t; returns whether to go on.
         *
         * @param step     t, from 1
         * @param theta    θ_t after the step (the engine's buffer)
         * @param gradient the gradient of step t as the optimizer left it (the engine's buffer)
         * @return whether to go on
         */
        boolean afterStep(int step, DMatrixRMaj theta, DMatrixRMaj gradient) throws X;
    }

    /** Why a replay ended. */
    public enum End {
        /** Every row was replayed. */
        COMPLETED,
        /** Row {@link Result#stoppedAt()} was not finite; that step was not taken. */
        NON_FINITE_GRADIENT,
        /** θ was not finite after step {@link Result#stoppedAt()}. */
        NON_FINITE_PARAMETERS,
        /** The observer returned false after step {@link Result#stoppedAt()}. */
        STOPPED_BY_OBSERVER
    }

    /**
     * How a replay ended.
     *
     * @param steps     the steps taken
     * @param end       why it ended
     * @param stoppedAt the step it stopped at (0 when it completed)
     * @param theta     θ after the last step taken (θ₀ when none was); the engine's buffer, not shared afterwards
     */
    public record Result(int steps, End end, int stoppedAt, DMatrixRMaj theta) {
        public boolean completed() {
            return end == End.COMPLETED;
        }
    }

    /** Replays {@code gradients} without looking at the steps. */
    public Result run(List<double[]> gradients) {
        return run(gradients, (t, theta, g) -> true);
    }

    /**
     * Replays {@code gradients}, one row per step, calling {@code observer} after each step.
     *
     * @param gradients g_1..g_n, each with θ's number of elements (Not modified)
     * @throws IllegalArgumentException before any step when a row or a recorded θ does not fit
     * @throws X                        what the observer throws (the run ends there)
     */
    public <X extends Exception> Result run(List<double[]> gradients, Observer<X> observer) throws X {
        if (gradients == null) {
            throw new IllegalArgumentException("Invalid gradients: null");
        }
        if (observer == null) {
            throw new IllegalArgumentException("Invalid observer: null");
        }
        int n = start.getNumElements();
        checkRows("gradient", gradients, gradients.size(), n);
        if (recorded != null) {
            if (recorded.size() < gradients.size() - 1) {
                throw new IllegalArgumentException("Invalid recorded parameters: " + recorded.size() + " rows for "
                        + gradients.size() + " gradients (θ after each step but the last is needed)");
            }
            checkRows("recorded θ", recorded, gradients.size() - 1, n);
        }
        DMatrixRMaj theta = start.copy();
        DMatrixRMaj gradient = new DMatrixRMaj(theta.numRows, theta.numCols);
        for (int t = 1; t <= gradients.size(); t++) {
            double[] row = gradients.get(t - 1);
            if (stopAtNonFinite && !allFinite(row, n)) {
                return new Result(t - 1, End.NON_FINITE_GRADIENT, t, theta);
            }
            if (recorded != null) {
                System.arraycopy(t == 1 ? start.data : recorded.get(t - 2), 0, theta.data, 0, n);
            }
            if (freshGradients) {
                gradient = new DMatrixRMaj(theta.numRows, theta.numCols);
            }
            System.arraycopy(row, 0, gradient.data, 0, n);
            optimizer.step(theta, gradient);
            boolean goOn = observer.afterStep(t, theta, gradient);
            if (stopAtNonFinite && !allFinite(theta.data, n)) {
                return new Result(t, End.NON_FINITE_PARAMETERS, t, theta);
            }
            if (!goOn) {
                return new Result(t, End.STOPPED_BY_OBSERVER, t, theta);
            }
        }
        return new Result(gradients.size(), End.COMPLETED, 0, theta);
    }

    /** Rows 1..count of {@code rows} must be arrays of {@code n} values. */
    private void checkRows(String what, List<double[]> rows, int count, int n) {
        for (int i = 0; i < count; i++) {
            double[] row = rows.get(i);
            if (row == null) {
                throw new IllegalArgumentException("Invalid " + what + " row " + (i + 1) + ": null");
            }
            if (row.length != n) {
                throw new IllegalArgumentException("Invalid " + what + " row " + (i + 1) + ": " + row.length
                        + " values, expected " + n + " (θ is " + start.numRows + "x" + start.numCols + ")");
            }
        }
    }

    /** Whether the first {@code n} values are finite. */
    static boolean allFinite(double[] values, int n) {
        for (int i = 0; i < n; i++) {
            if (!Double.isFinite(values[i])) {
                return false;
            }
        }
        return true;
    }
}
