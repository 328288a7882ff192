package optikata.run;

import java.util.Random;
import optikata.objective.Dataset;
import optikata.optim.Optimizer;
import org.ejml.data.DMatrixRMaj;

/**
 * Mini-batch training of a linear model on a {@link Dataset}, as d2l's {@code train_ch7} (§7.6.2)
 * does: each epoch reshuffles the rows, then takes one optimizer step per mini-batch on the
 * gradient of the batch's mean ½(ŷ − y)². The caller owns the randomness, so a run is fixed by its
 * seed.
 */
public final class MinibatchTraining {
    private MinibatchTraining() {}

    /**
     * Trains {@code params} = (w, b) in place. Each epoch shuffles the row order, which carries
     * over from the previous epoch (Fisher–Yates from the last row: swap row i with row
     * {@code shuffles.nextInt(i + 1)}), then steps once per batch of {@code batchSize} consecutive
     * rows of that order (the last batch may be shorter).
     *
     * @param optimizer the optimizer, used as given (reset it first for a fresh run)
     * @param data      the rows (Not modified)
     * @param params    the start (Modified: the trained parameters); one weight per feature, then the bias
     * @param shuffles  the source of the shuffles (Modified: it is drawn from)
     * @return the number of optimizer steps taken
     */
    public static int train(
            Optimizer optimizer, Dataset data, DMatrixRMaj params, int batchSize, int epochs, Random shuffles) {
        if (optimizer == null || data == null || params == null || shuffles == null) {
            throw new IllegalArgumentException("Invalid training: "
                    + (optimizer == null ? "optimizer" : data == null ? "data" : params == null ? "params" : "shuffles")
                    + " is null");
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("Invalid batch size: " + batchSize + " (must be >= 1)");
        }
        if (epochs < 0) {
            throw new IllegalArgumentException("Invalid epochs: " + epochs + " (must be >= 0)");
        }
        if (params.getNumElements() != data.parameters()) {
            throw new IllegalArgumentException("Must be same shape. parameters " + params.numRows + "x" + params.numCols
                    + " vs " + data.parameters() + "x1 (one weight per feature and the bias)");
        }
        int rows = data.size();
        DMatrixRMaj gradient = new DMatrixRMaj(params.numRows, params.numCols);
        int[] order = new int[rows];
        for (int i = 0; i < rows; i++) {
            order[i] = i;
        }
        int steps = 0;
        for (int epoch = 0; epoch < epochs; epoch++) {
            for (int i = rows - 1; i > 0; i--) {
                int k = shuffles.nextInt(i + 1);
                int tmp = order[i];
                order[i] = order[k];
                order[k] = tmp;
            }
            for (int from = 0; from < rows; from += batchSize) {
                int to = Math.min(rows, from + batchSize);
                gradient.zero();
                for (int q = from; q < to; q++) {
                    data.addGradient(params, order[q], to - from, gradient);
                }
                optimizer.step(params, gradient);
                steps++;
            }
        }
        return steps;
    }
}
