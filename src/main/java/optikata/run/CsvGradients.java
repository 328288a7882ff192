package optikata.run;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads recorded gradients: one row per step, one comma-separated column per parameter. Blank
 * lines and lines starting with {@code #} are skipped; a first line that is not numeric is taken
 * as a header. Errors name the file and the line.
 */
public final class CsvGradients {
    private CsvGradients() {
    }

    public static List<double[]> read(Path file, int columns) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("Invalid gradient file: " + file + " (not a readable file)");
        }
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        List<double[]> rows = new ArrayList<>();
        boolean first = true;
        for (int n = 0; n < lines.size(); n++) {
            String line = lines.get(n).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] cells = line.split(",", -1);
            if (first && !cells[0].strip().isEmpty() && !looksNumeric(cells[0].strip())) {
                first = false;
                continue;
            }
            first = false;
            if (cells.length != columns) {
                throw new IllegalArgumentException(file + ":" + (n + 1) + ": " + cells.length + " columns but "
                        + columns + " expected (one per parameter)");
            }
            double[] row = new double[columns];
            for (int j = 0; j < columns; j++) {
                try {
                    row[j] = Double.parseDouble(cells[j].strip());
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(file + ":" + (n + 1) + ": column " + (j + 1) + " is not a number: '"
                            + cells[j].strip() + "'");
                }
            }
            rows.add(row);
        }
        if (rows.isEmpty()) {
            throw new IllegalArgumentException(file + ": no gradient rows (the file is empty or holds only a header)");
        }
        return rows;
    }

    private static boolean looksNumeric(String cell) {
        try {
            Double.parseDouble(cell);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
