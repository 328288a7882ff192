package optikata.objective;

import java.util.Arrays;
import java.util.List;
import org.ejml.data.DMatrixRMaj;

/**
 * A regression data set for a linear model: rows of features x and a target y, as a table whose
 * last column is the target. The model's parameters are w (one per feature) then the bias b,
 * ŷ = w·x + b, and its loss is the mean ½(ŷ − y)² (d2l §7.6's linear regression on the airfoil
 * data). Immutable: {@link #standardized()} and {@link #head(int)} return new sets.
 */
public final class Dataset {
    private final double[][] rows;

    private Dataset(double[][] rows) {
        this.rows = rows;
    }

    /**
     * A data set of {@code table}'s rows (copied), each its features followed by its target.
     *
     * @throws IllegalArgumentException when there are no rows, fewer than two columns, or rows of different widths
     */
    public static Dataset of(List<double[]> table) {
        if (table == null || table.isEmpty()) {
            throw new IllegalArgumentException("Invalid data set: no rows");
        }
        int width = table.get(0).length;
        if (width < 2) {
            throw new IllegalArgumentException(
                    "Invalid data set: " + width + " column (at least one feature and the target are needed)");
        }
        double[][] rows = new double[table.size()][];
        for (int i = 0; i < rows.length; i++) {
            if (table.get(i).length != width) {
                throw new IllegalArgumentException("Invalid data set: row " + (i + 1) + " has " + table.get(i).length
                        + " columns, row 1 has " + width);
            }
            rows[i] = table.get(i).clone();
        }
        return new Dataset(rows);
    }

    /** The number of rows. */
    public int size() {
        return rows.length;
    }

    /** The number of features (columns but the target). */
    public int features() {
        return rows[0].length - 1;
    }

    /** The parameters of the linear model: one weight per feature and the bias. */
    public int parameters() {
        return rows[0].length;
    }

    /** Row {@code i} (a copy): its features, then its target. */
    public double[] row(int i) {
        return rows[i].clone();
    }

    /** The first {@code n} rows, or all of them when there are fewer. */
    public Dataset head(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("Invalid number of rows: " + n + " (must be >= 1)");
        }
        return new Dataset(Arrays.copyOf(rows, Math.min(n, rows.length)));
    }

    /**
     * Every column, the target's too, standardized with its mean and population standard deviation
     * (NumPy's {@code std}) over all rows, as d2l's {@code get_data_ch7} does.
     *
     * @throws IllegalArgumentException naming the column when one is constant (it cannot be standardized)
     */
    public Dataset standardized() {
        int width = rows[0].length;
        double[][] data = new double[rows.length][width];
        for (int j = 0; j < width; j++) {
            double mean = 0;
            for (double[] r : rows) {
                mean += r[j] / rows.length;
            }
            double var = 0;
            for (double[] r : rows) {
                var += (r[j] - mean) * (r[j] - mean) / rows.length;
            }
            double sd = Math.sqrt(var);
            if (!(sd > 0)) {
                throw new IllegalArgumentException(
                        "Invalid data set: column " + (j + 1) + " is constant, so it cannot be standardized");
            }
            for (int i = 0; i < rows.length; i++) {
                data[i][j] = (rows[i][j] - mean) / sd;
            }
        }
        return new Dataset(data);
    }

    /** ŷ = w·x + b of row {@code i} for {@code params} = (w, b). */
    public double predict(DMatrixRMaj params, int i) {
        checkParameters(params);
        checkRow(i);
        double[] row = rows[i];
        int f = row.length - 1;
        double y = params.data[f];
        for (int j = 0; j < f; j++) {
            y += params.data[j] * row[j];
        }
        return y;
    }

    /** ŷ − y of row {@code i}. */
    public double residual(DMatrixRMaj params, int i) {
        return predict(params, i) - rows[i][rows[i].length - 1];
    }

    /**
     * Adds ∇ ½(ŷ − y)² of row {@code i}, divided by {@code batch}, to {@code out}: (ŷ − y) · (x, 1) / batch,
     * so that summing over a mini-batch of {@code batch} rows gives the gradient of its mean loss.
     *
     * @param out the gradient being summed (Modified)
     */
    public void addGradient(DMatrixRMaj params, int i, int batch, DMatrixRMaj out) {
        if (batch < 1) {
            throw new IllegalArgumentException("Invalid batch: " + batch + " (must be >= 1)");
        }
        checkParameters(out);
        double[] row = rows[i];
        int f = row.length - 1;
        double residual = residual(params, i);
        for (int j = 0; j < f; j++) {
            out.data[j] += residual * row[j] / batch;
        }
        out.data[f] += residual / batch;
    }

    /** The mean ½(ŷ − y)² over the rows. */
    public double loss(DMatrixRMaj params) {
        checkParameters(params);
        double loss = 0;
        for (int i = 0; i < rows.length; i++) {
            double residual = residual(params, i);
            loss += residual * residual / 2 / rows.length;
        }
        return loss;
    }

    /** The parameters (w, b) of least loss: least squares on the rows with a column of ones, by EJML's QR. */
    public DMatrixRMaj leastSquares() {
        int f = features();
        DMatrixRMaj x = new DMatrixRMaj(rows.length, f + 1);
        DMatrixRMaj y = new DMatrixRMaj(rows.length, 1);
        for (int i = 0; i < rows.length; i++) {
            for (int j = 0; j < f; j++) {
                x.set(i, j, rows[i][j]);
            }
            x.set(i, f, 1);
            y.set(i, 0, rows[i][f]);
        }
        return new LeastSquares(x, y).minimizer();
    }

    private void checkRow(int i) {
        if (i < 0 || i >= rows.length) {
            throw new IllegalArgumentException("Invalid row: " + i + " (the data set has " + rows.length + " rows)");
        }
    }

    private void checkParameters(DMatrixRMaj params) {
        if (params.getNumElements() != parameters()) {
            throw new IllegalArgumentException("Must be same shape. parameters " + params.numRows + "x" + params.numCols
                    + " vs " + parameters() + "x1 (one weight per feature and the bias)");
        }
    }
}
