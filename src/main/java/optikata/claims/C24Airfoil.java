package optikata.claims;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import optikata.optim.Optimizer;
import optikata.optim.RmsProp;
import optikata.optim.RmsPropPreset;
import org.ejml.data.DMatrixRMaj;

/**
 * C24: the airfoil experiment of d2l §7.6.2–7.6.3. Needs NASA's airfoil self-noise data
 * ({@code airfoil_self_noise.dat}, tab-separated: 5 features and the sound level, 1503 rows),
 * which the project does not ship; given with {@code --data FILE}, it reproduces d2l's
 * {@code train_ch7}: all columns standardized, the first 1500 rows, linear regression with
 * w ~ N(0, 0.01²), b = 0, squared loss ½(ŷ − y)², mini-batches of 10 reshuffled each epoch,
 * 2 epochs, η = 0.01, γ = 0.9, and the mean loss over the 1500 rows at the end.
 */
public final class C24Airfoil extends AbstractClaim {
    static final double TOLERANCE = 0.01;

    public C24Airfoil() {
        super("C24", "004 §7.6.2", "Training loss 0.243452 (from scratch) vs 0.243676 (framework) on the airfoil data, lr 0.01, γ 0.9");
    }

    @Override
    public ClaimResult check(ClaimContext context) throws IOException {
        ClaimResult.Builder b = ClaimResult.of(this).documented("lossFromScratch", 0.243452).documented("lossFramework", 0.243676);
        if (context.airfoilData() == null) {
            return b.verdict(Verdict.NOT_CHECKABLE, "needs the airfoil self-noise data, which is not shipped",
                    "Download airfoil_self_noise.dat (UCI Machine Learning Repository, \"Airfoil Self-Noise\"; d2l ships it as "
                            + "data/airfoil_self_noise.dat: 1503 tab-separated rows of 5 features and the sound level) and run "
                            + "`./optikata claims --claim C24 --data airfoil_self_noise.dat`.");
        }
        double[][] data = read(context.airfoilData());
        double scratch = train(data, new RmsProp(RmsPropPreset.D2L.config().withLearningRate(0.01).withDecay(0.9)));
        double framework = train(data, new RmsProp(RmsPropPreset.PYTORCH.config().withLearningRate(0.01).withDecay(0.9)));
        b.measured("lossFromScratch", scratch).measured("lossFramework", framework).tolerance(TOLERANCE);
        String finding = String.format(java.util.Locale.ROOT, "loss %.6f (ε 1e-6 inside, as d2l) and %.6f (PyTorch form) after 2 epochs; "
                + "text 0.243452 / 0.243676", scratch, framework);
        return b.documentedFiguresMatch() ? b.verdict(Verdict.HOLDS, finding, null)
                : b.verdict(Verdict.ERRATUM, finding, "the airfoil losses differ from the text's by more than " + TOLERANCE);
    }

    static double[][] read(Path file) throws IOException {
        List<double[]> rows = new ArrayList<>();
        List<String> lines = Files.readAllLines(file);
        for (int n = 0; n < lines.size(); n++) {
            String line = lines.get(n).strip();
            if (line.isEmpty()) {
                continue;
            }
            String[] cells = line.split("[\t ,]+");
            if (cells.length != 6) {
                throw new IllegalArgumentException(file + ":" + (n + 1) + ": " + cells.length + " columns but 6 expected (5 features, 1 target)");
            }
            double[] row = new double[6];
            for (int j = 0; j < 6; j++) {
                try {
                    row[j] = Double.parseDouble(cells[j]);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(file + ":" + (n + 1) + ": column " + (j + 1) + " is not a number: '" + cells[j] + "'");
                }
            }
            rows.add(row);
        }
        if (rows.size() < 20) {
            throw new IllegalArgumentException(file + ": " + rows.size() + " rows; the airfoil data has 1503");
        }
        return rows.toArray(double[][]::new);
    }

    /** d2l's train_ch7 with the given optimizer; returns the final mean ½ squared loss over the rows used. */
    static double train(double[][] raw, Optimizer optimizer) {
        int rows = Math.min(1500, raw.length);
        double[][] data = new double[raw.length][6];
        for (int j = 0; j < 6; j++) {
            double mean = 0;
            for (double[] r : raw) {
                mean += r[j] / raw.length;
            }
            double var = 0;
            for (double[] r : raw) {
                var += (r[j] - mean) * (r[j] - mean) / raw.length;
            }
            double sd = Math.sqrt(var);
            for (int i = 0; i < raw.length; i++) {
                data[i][j] = (raw[i][j] - mean) / sd;
            }
        }
        Random random = new Random(0);
        DMatrixRMaj params = new DMatrixRMaj(6, 1); // w (5) then b
        for (int j = 0; j < 5; j++) {
            params.data[j] = random.nextGaussian() * 0.01;
        }
        DMatrixRMaj grad = new DMatrixRMaj(6, 1);
        int[] order = new int[rows];
        for (int i = 0; i < rows; i++) {
            order[i] = i;
        }
        for (int epoch = 0; epoch < 2; epoch++) {
            for (int i = rows - 1; i > 0; i--) {
                int k = random.nextInt(i + 1);
                int tmp = order[i];
                order[i] = order[k];
                order[k] = tmp;
            }
            for (int start = 0; start < rows; start += 10) {
                int end = Math.min(rows, start + 10);
                grad.zero();
                for (int q = start; q < end; q++) {
                    double[] r = data[order[q]];
                    double residual = predict(params, r) - r[5];
                    for (int j = 0; j < 5; j++) {
                        grad.data[j] += residual * r[j] / (end - start);
                    }
                    grad.data[5] += residual / (end - start);
                }
                optimizer.step(params, grad);
            }
        }
        double loss = 0;
        for (int i = 0; i < rows; i++) {
            double residual = predict(params, data[i]) - data[i][5];
            loss += residual * residual / 2 / rows;
        }
        return loss;
    }

    private static double predict(DMatrixRMaj params, double[] row) {
        double y = params.data[5];
        for (int j = 0; j < 5; j++) {
            y += params.data[j] * row[j];
        }
        return y;
    }

}
