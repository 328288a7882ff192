package optikata.diagnose;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A recorded run: the parameters before the first step and, for each step, the gradient it used
 * and the parameters after it. Read from CSV with a header naming {@code step}, {@code theta_1..d}
 * and {@code grad_1..d} (other columns, such as the state that {@code optikata trace} writes, are
 * ignored). Row 0 (or the first row) is the start; its gradient cells may be empty. Rows must be
 * consecutive steps: a gap ends the part of the trace that can be replayed.
 */
public record Trace(double[] start, List<double[]> gradients, List<double[]> thetas, int skippedRows) {

    public int steps() {
        return gradients.size();
    }

    public static Trace read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("Invalid --trace: " + file + " (not a readable file)");
        }
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        int first = 0;
        while (first < lines.size() && (lines.get(first).isBlank() || lines.get(first).startsWith("#"))) {
            first++;
        }
        if (first == lines.size()) {
            throw new IllegalArgumentException(file + ": empty (expected a header: step,theta_1,...,grad_1,...)");
        }
        String[] header = lines.get(first).split(",", -1);
        int stepCol = -1;
        List<Integer> thetaCols = new ArrayList<>();
        List<Integer> gradCols = new ArrayList<>();
        for (int c = 0; c < header.length; c++) {
            String h = header[c].strip();
            if (h.equals("step")) {
                stepCol = c;
            } else if (h.matches("theta_\\d+")) {
                thetaCols.add(c);
            } else if (h.matches("grad_\\d+")) {
                gradCols.add(c);
            }
        }
        if (stepCol < 0 || thetaCols.isEmpty() || thetaCols.size() != gradCols.size()) {
            throw new IllegalArgumentException(file + ":" + (first + 1) + ": the header needs step, theta_1..theta_d and grad_1..grad_d "
                    + "(found " + thetaCols.size() + " theta and " + gradCols.size() + " grad columns)");
        }
        int d = thetaCols.size();
        double[] start = null;
        List<double[]> gradients = new ArrayList<>();
        List<double[]> thetas = new ArrayList<>();
        long previousStep = Long.MIN_VALUE;
        int skipped = 0;
        boolean gap = false;
        for (int n = first + 1; n < lines.size(); n++) {
            String line = lines.get(n);
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] cells = line.split(",", -1);
            if (cells.length != header.length) {
                throw new IllegalArgumentException(file + ":" + (n + 1) + ": " + cells.length + " columns but the header has " + header.length);
            }
            long step = (long) number(file, n, cells, stepCol, "step");
            double[] theta = new double[d];
            for (int k = 0; k < d; k++) {
                theta[k] = number(file, n, cells, thetaCols.get(k), "theta_" + (k + 1));
            }
            if (start == null) {
                start = theta;
                previousStep = step;
                continue;
            }
            if (gap || step != previousStep + 1) {
                gap = true;
                skipped++;
                continue;
            }
            double[] g = new double[d];
            for (int k = 0; k < d; k++) {
                g[k] = number(file, n, cells, gradCols.get(k), "grad_" + (k + 1));
            }
            gradients.add(g);
            thetas.add(theta);
            previousStep = step;
        }
        if (start == null || gradients.isEmpty()) {
            throw new IllegalArgumentException(file + ": needs a start row and at least one step");
        }
        return new Trace(start, gradients, thetas, skipped);
    }

    private static double number(Path file, int n, String[] cells, int col, String name) {
        String cell = cells[col].strip();
        try {
            return Double.parseDouble(cell);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(file + ":" + (n + 1) + ": " + name + " is not a number: '" + cell + "'");
        }
    }
}
