package optikata.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import optikata.optim.Optimizer;
import org.ejml.data.DMatrixRMaj;

/**
 * The trace file formats, the writer and the reader side by side, so that whatever
 * {@code optikata trace} writes can be read back (by a replay, by the diagnoser). The formats are
 * described for people in {@code docs/FORMATS.md}.
 *
 * <p><b>CSV</b>: a header {@code step,theta_1..theta_d,loss,grad_1..grad_d,<buffer>_1..d,rate_1..d}
 * and one row per step; row 0 is the start (empty gradient and rate cells: no step has been
 * taken). A cell is empty where a value is not finite or not there yet. Numbers are written
 * exactly (Java's shortest round-trip decimal). Further runs (a comparison) follow, each after a
 * blank line and a line {@code # run: NAME}, with a header of their own.
 *
 * <p><b>JSON</b>: an object with {@code optimizer}, {@code hyperparameters}, {@code objective},
 * {@code divergedAt} and {@code points} (one object per step: {@code step}, {@code theta},
 * {@code loss}, {@code gradient}, {@code state}, {@code effectiveRate}); further runs under
 * {@code compare}, each an object of the same shape.
 *
 * <p><b>Gradients</b> (read only): one row per step, one column per parameter, an optional
 * header; it has no start point, which the reader's caller supplies.
 *
 * <p>Reading errors name the file and the line and speak of the file, never of command-line
 * options.
 */
public enum TrajectoryFormat {
    CSV,
    JSON;

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** The line that introduces every run of a CSV after the first. */
    public static final String RUN_MARK = "# run: ";

    // ---- writing ---------------------------------------------------------------------------

    public static void write(TrajectoryFormat format, Trajectory t, Optimizer optimizer, PrintWriter out) {
        write(format, List.of(t), List.of(optimizer), out);
    }

    /**
     * Writes {@code runs} (the first is the main run, the others are compared with it);
     * {@code optimizers} are their optimizers, in the same order.
     */
    public static void write(
            TrajectoryFormat format, List<Trajectory> runs, List<Optimizer> optimizers, PrintWriter out) {
        if (runs.size() != optimizers.size() || runs.isEmpty()) {
            throw new IllegalArgumentException(
                    "Must be same size. " + runs.size() + " runs vs " + optimizers.size() + " optimizers");
        }
        if (format == JSON) {
            ObjectNode root = toJson(runs.get(0), optimizers.get(0));
            if (runs.size() > 1) {
                ArrayNode compare = root.putArray("compare");
                for (int k = 1; k < runs.size(); k++) {
                    compare.add(toJson(runs.get(k), optimizers.get(k)));
                }
            }
            out.println(root.toPrettyString());
        } else {
            for (int k = 0; k < runs.size(); k++) {
                if (k > 0) {
                    out.println();
                    out.println(RUN_MARK + runs.get(k).optimizer());
                }
                writeCsv(runs.get(k), out);
            }
        }
    }

    /** One run as CSV: the header, then one row per step (see the class comment). */
    public static void writeCsv(Trajectory t, PrintWriter out) {
        TrajectoryPoint first = t.points().get(0);
        int d = first.theta().length;
        StringBuilder header = new StringBuilder("step");
        columns(header, "theta", d);
        header.append(",loss");
        columns(header, "grad", d);
        for (String name : first.state().names()) {
            columns(header, name, d);
        }
        columns(header, "rate", d);
        out.println(header);
        for (TrajectoryPoint p : t.points()) {
            StringBuilder row = new StringBuilder().append(p.step());
            values(row, p.theta(), d);
            row.append(',').append(number(p.loss()));
            values(row, p.gradient(), d);
            for (DMatrixRMaj buffer : p.state().buffers().values()) {
                values(row, buffer == null ? null : buffer.data, d);
            }
            // Before the first step there is no rate yet (an optimizer would report η / √ε or η itself).
            values(row, p.step() == 0 ? null : p.effectiveRate(), d);
            out.println(row);
        }
    }

    public static ObjectNode toJson(Trajectory t, Optimizer optimizer) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("optimizer", t.optimizer());
        root.set("hyperparameters", MAPPER.valueToTree(optimizer.hyperparameters()));
        root.put("objective", t.objective());
        if (t.diverged()) {
            root.put("divergedAt", t.divergedAt().getAsInt());
            root.put("stopReason", t.stopReason());
        } else {
            root.putNull("divergedAt");
        }
        ArrayNode points = root.putArray("points");
        for (TrajectoryPoint p : t.points()) {
            ObjectNode o = points.addObject();
            o.put("step", p.step());
            array(o.putArray("theta"), p.theta());
            if (Double.isFinite(p.loss())) {
                o.put("loss", p.loss());
            } else {
                o.putNull("loss");
            }
            if (p.gradient() == null) {
                o.putNull("gradient");
            } else {
                array(o.putArray("gradient"), p.gradient());
            }
            ObjectNode state = o.putObject("state");
            for (Map.Entry<String, DMatrixRMaj> e : p.state().buffers().entrySet()) {
                if (e.getValue() == null) {
                    state.putNull(e.getKey());
                } else {
                    array(
                            state.putArray(e.getKey()),
                            Arrays.copyOf(e.getValue().data, e.getValue().getNumElements()));
                }
            }
            if (p.step() == 0) {
                o.putNull("effectiveRate");
            } else {
                array(o.putArray("effectiveRate"), p.effectiveRate());
            }
        }
        return root;
    }

    private static void array(ArrayNode node, double[] values) {
        for (double v : values) {
            if (Double.isFinite(v)) {
                node.add(v);
            } else {
                node.addNull();
            }
        }
    }

    private static void columns(StringBuilder sb, String name, int d) {
        for (int i = 1; i <= d; i++) {
            sb.append(',').append(name).append('_').append(i);
        }
    }

    private static void values(StringBuilder sb, double[] values, int d) {
        for (int i = 0; i < d; i++) {
            sb.append(',');
            if (values != null && Double.isFinite(values[i])) {
                sb.append(values[i]);
            }
        }
    }

    private static String number(double v) {
        return Double.isFinite(v) ? Double.toString(v) : "";
    }

    // ---- reading ---------------------------------------------------------------------------

    /**
     * Reads the main run of a trace file (CSV or JSON, as {@code optikata trace} writes it): the
     * start, and each step's gradient and parameters. Rows after a gap in the step numbers or
     * after an empty (non-finite) parameter or gradient cell are counted in
     * {@link Trace#skippedRows()} and not used.
     *
     * @throws IllegalArgumentException naming the file and line when it is not a trace
     */
    public static Trace read(Path file) throws IOException {
        return readAll(file).get(0);
    }

    /** Reads every run of a trace file: the main run first, then the compared ones. */
    public static List<Trace> readAll(Path file) throws IOException {
        List<String> lines = lines(file);
        if (isJson(lines)) {
            return readJson(file, String.join("\n", lines));
        }
        List<Trace> runs = new ArrayList<>();
        int n = firstContentLine(lines, 0);
        if (n == lines.size()) {
            throw new IllegalArgumentException(file + ": empty (expected a header: step,theta_1,...,grad_1,...)");
        }
        while (n < lines.size()) {
            int end = n + 1;
            while (end < lines.size() && !lines.get(end).startsWith(RUN_MARK)) {
                end++;
            }
            runs.add(readCsvRun(file, lines, n, end));
            n = firstContentLine(lines, end);
        }
        return runs;
    }

    /**
     * Reads gradients to replay: a trace file (CSV or JSON, whose start it also gives) or a file of
     * gradients only (one row per step, one column per parameter, optional header; its
     * {@link Trace#start()} is {@code null} and its {@link Trace#thetas()} empty).
     *
     * @param parameters the number of parameters a file of gradients must have, or -1 to take the
     *                   first row's
     */
    public static Trace readGradients(Path file, int parameters) throws IOException {
        List<String> lines = lines(file);
        int first = firstContentLine(lines, 0);
        if (isJson(lines) || (first < lines.size() && isTraceHeader(lines.get(first)))) {
            return read(file);
        }
        List<double[]> rows = readRows(file, lines, first, parameters, "one per parameter");
        if (rows.isEmpty()) {
            throw new IllegalArgumentException(file + ": no gradient rows (the file is empty or holds only a header)");
        }
        return new Trace(null, rows, List.of(), 0);
    }

    /**
     * Reads a table of numbers, such as a data set: one row per line, cells separated by commas
     * (empty cells are errors) or else by tabs and spaces; blank lines and lines starting with
     * {@code #} skipped; a first line none of whose cells is a number is a header and skipped (a first row
     * with one bad number among numbers is an error, not a header).
     *
     * @param columns how many cells every row must have, or -1 to take the first row's
     * @param meaning what the columns are, for the error of a row of another width ("5 features, 1 target")
     * @return the rows in file order, possibly none
     * @throws IllegalArgumentException naming the file and line of a row of another width or a cell that is not a number
     */
    public static List<double[]> readTable(Path file, int columns, String meaning) throws IOException {
        List<String> lines = lines(file);
        return readRows(file, lines, firstContentLine(lines, 0), columns, meaning);
    }

    private static List<double[]> readRows(Path file, List<String> lines, int first, int columns, String meaning) {
        List<double[]> rows = new ArrayList<>();
        boolean header = true;
        for (int n = first; n < lines.size(); n++) {
            String line = lines.get(n).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] cells = line.contains(",") ? line.split(",", -1) : line.split("\\s+");
            if (header && noneNumeric(cells)) {
                header = false;
                continue;
            }
            header = false;
            if (columns < 0) {
                columns = cells.length;
            }
            if (cells.length != columns) {
                throw new IllegalArgumentException(file + ":" + (n + 1) + ": " + cells.length + " "
                        + plural(cells.length, "column") + " but " + columns + " expected (" + meaning + ")");
            }
            double[] row = new double[columns];
            for (int j = 0; j < columns; j++) {
                row[j] = number(file, n, cells, j, "column " + (j + 1));
            }
            rows.add(row);
        }
        return rows;
    }

    private static List<String> lines(Path file) throws IOException {
        if (Files.isDirectory(file)) {
            throw new IllegalArgumentException("A folder, not a file: " + file);
        }
        if (!Files.exists(file)) {
            throw new IllegalArgumentException("No such file: " + file);
        }
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("Not UTF-8 text: " + file + " (a CSV or JSON trace is text)");
        }
    }

    private static boolean isJson(List<String> lines) {
        int n = firstContentLine(lines, 0);
        return n < lines.size() && lines.get(n).strip().startsWith("{");
    }

    private static boolean isTraceHeader(String line) {
        List<String> cells =
                Arrays.stream(line.split(",", -1)).map(String::strip).toList();
        return cells.contains("step") && cells.stream().anyMatch(c -> c.matches("theta_\\d+"));
    }

    private static int firstContentLine(List<String> lines, int from) {
        int n = from;
        while (n < lines.size() && (lines.get(n).isBlank() || lines.get(n).startsWith("#"))) {
            n++;
        }
        return n;
    }

    private static Trace readCsvRun(Path file, List<String> lines, int headerLine, int end) {
        String[] header = lines.get(headerLine).split(",", -1);
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
            throw new IllegalArgumentException(file + ":" + (headerLine + 1)
                    + ": the header needs step, theta_1..theta_d and grad_1..grad_d " + "(found " + thetaCols.size()
                    + " theta and " + gradCols.size() + " grad " + plural(gradCols.size(), "column") + ")");
        }
        int d = thetaCols.size();
        double[] start = null;
        List<double[]> gradients = new ArrayList<>();
        List<double[]> thetas = new ArrayList<>();
        long previousStep = Long.MIN_VALUE;
        int skipped = 0;
        boolean gap = false;
        for (int n = headerLine + 1; n < end; n++) {
            String line = lines.get(n);
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] cells = line.split(",", -1);
            if (cells.length != header.length) {
                throw new IllegalArgumentException(file + ":" + (n + 1) + ": " + cells.length + " "
                        + plural(cells.length, "column") + " but the header has " + header.length);
            }
            long step = (long) number(file, n, cells, stepCol, "step");
            if (start != null && (gap || anyEmpty(cells, thetaCols) || anyEmpty(cells, gradCols))) {
                // A run that diverged leaves non-finite cells empty: what follows cannot be replayed.
                gap = true;
                skipped++;
                continue;
            }
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

    private static List<Trace> readJson(Path file, String text) {
        JsonNode root;
        try {
            root = MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(file + ":" + e.getLocation().getLineNr() + ": not valid JSON ("
                    + e.getOriginalMessage().split("\n")[0] + ")");
        }
        List<Trace> runs = new ArrayList<>();
        runs.add(jsonRun(file, root, "the run"));
        JsonNode compare = root.path("compare");
        for (int k = 0; k < compare.size(); k++) {
            runs.add(jsonRun(file, compare.get(k), "compare[" + k + "]"));
        }
        return runs;
    }

    private static Trace jsonRun(Path file, JsonNode run, String where) {
        JsonNode points = run.path("points");
        if (!points.isArray() || points.size() < 2) {
            throw new IllegalArgumentException(
                    file + ": " + where + " needs \"points\": a start and at least one step");
        }
        double[] start = jsonArray(file, points.get(0).path("theta"), where + ".points[0].theta", -1);
        int d = start.length;
        List<double[]> gradients = new ArrayList<>();
        List<double[]> thetas = new ArrayList<>();
        int skipped = 0;
        for (int k = 1; k < points.size(); k++) {
            JsonNode p = points.get(k);
            double[] g = jsonArray(file, p.path("gradient"), where + ".points[" + k + "].gradient", d);
            double[] theta = jsonArray(file, p.path("theta"), where + ".points[" + k + "].theta", d);
            if (skipped > 0 || !Runner.allFinite(g) || !Runner.allFinite(theta)) {
                // A run that diverged writes null for what is not finite: what follows cannot be replayed.
                skipped++;
                continue;
            }
            gradients.add(g);
            thetas.add(theta);
        }
        if (gradients.isEmpty()) {
            throw new IllegalArgumentException(file + ": " + where + " needs a start and at least one finite step");
        }
        return new Trace(start, gradients, thetas, skipped);
    }

    private static double[] jsonArray(Path file, JsonNode node, String where, int d) {
        if (!node.isArray() || node.isEmpty() || (d >= 0 && node.size() != d)) {
            throw new IllegalArgumentException(file + ": " + where + " must be an array of "
                    + (d < 0 ? "numbers" : d + " " + plural(d, "number")));
        }
        double[] values = new double[node.size()];
        for (int i = 0; i < values.length; i++) {
            JsonNode v = node.get(i);
            if (!v.isNumber() && !v.isNull()) {
                throw new IllegalArgumentException(file + ": " + where + "[" + i + "] is not a number: " + v);
            }
            values[i] = v.isNull() ? Double.NaN : v.asDouble();
        }
        return values;
    }

    private static double number(Path file, int n, String[] cells, int col, String name) {
        String cell = cells[col].strip();
        try {
            return Double.parseDouble(cell);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(file + ":" + (n + 1) + ": " + name + " is not a number: '" + cell + "'");
        }
    }

    private static boolean anyEmpty(String[] cells, List<Integer> columns) {
        for (int c : columns) {
            if (cells[c].isBlank()) {
                return true;
            }
        }
        return false;
    }

    /** Whether no cell of a line is a number: a header line. */
    private static boolean noneNumeric(String[] cells) {
        for (String cell : cells) {
            if (looksNumeric(cell.strip())) {
                return false;
            }
        }
        return true;
    }

    private static boolean looksNumeric(String cell) {
        try {
            Double.parseDouble(cell);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static String plural(int n, String word) {
        return n == 1 ? word : word + "s";
    }
}
