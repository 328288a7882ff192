package optikata.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import optikata.objective.Objective;
import optikata.optim.Optimizer;
import optikata.run.Runner;
import optikata.run.Trajectory;
import optikata.run.TrajectoryFormat;

/**
 * A folder of framework recordings: {@code grads.csv} (one row per step), {@code start.csv} (θ₀)
 * and {@code ref/ID.csv} + {@code ref/ID.json} per run (layout in the folder's README).
 *
 * @param gradients  the recorded gradient of each step
 * @param start      θ₀
 * @param recordings every run, sorted by id
 */
public record RecordingSet(Path folder, List<double[]> gradients, double[] start, List<Recording> recordings) {
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * Reads a recording folder: its gradients, start point and every {@code ref/*.json}.
     *
     * @throws IllegalArgumentException naming the file and what is wrong with it
     */
    public static RecordingSet load(Path folder) throws IOException {
        if (!Files.isDirectory(folder.resolve("ref"))) {
            throw new IllegalArgumentException(
                    "Invalid recordings folder: " + folder + " (needs grads.csv, start.csv and ref/)");
        }
        double[] start = parseRow(
                folder.resolve("start.csv"),
                Files.readAllLines(folder.resolve("start.csv"), StandardCharsets.UTF_8).stream()
                        .filter(l -> !l.isBlank())
                        .findFirst()
                        .orElse(""));
        List<double[]> gradients = TrajectoryFormat.readGradients(folder.resolve("grads.csv"), start.length)
                .gradients();
        List<Recording> recordings = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder.resolve("ref"))) {
            for (Path json :
                    files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                recordings.add(read(json, start.length));
            }
        }
        return new RecordingSet(folder, gradients, start, List.copyOf(recordings));
    }

    private static Recording read(Path json, int d) throws IOException {
        JsonNode m = JSON.readTree(json.toFile());
        String id = json.getFileName().toString().replaceFirst("\\.json$", "");
        Map<String, List<String>> alternatives = new LinkedHashMap<>();
        m.path("alternatives").properties().forEach(e -> alternatives.put(e.getKey(), strings(e.getValue())));
        JsonNode e = m.path("expect");
        if (e.isMissingNode()) {
            throw new IllegalArgumentException(json + ": no \"expect\" (agreement, tolerance, why)");
        }
        Recording.Expectation expect = new Recording.Expectation(
                e.path("agreement").asText(),
                e.path("tolerance").asDouble(0),
                e.path("why").asText(""));
        Path csv = json.resolveSibling(id + ".csv");
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        List<double[]> rows = new ArrayList<>();
        for (int n = 1; n < lines.size(); n++) {
            if (lines.get(n).isBlank()) {
                continue;
            }
            double[] row = parseRow(csv, lines.get(n));
            if (row.length != d + 1 || row[0] != rows.size()) {
                throw new IllegalArgumentException(
                        csv + ":" + (n + 1) + ": expected step " + rows.size() + " and " + d + " parameters");
            }
            rows.add(Arrays.copyOfRange(row, 1, row.length));
        }
        return new Recording(
                id,
                m.path("framework").asText(),
                m.path("version").asText(),
                m.path("variant").asText(),
                m.path("dtype").asText(),
                strings(m.path("optikata")),
                alternatives,
                expect,
                rows.toArray(double[][]::new));
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return List.copyOf(out);
    }

    private static double[] parseRow(Path file, String line) {
        String[] cells = line.split(",");
        double[] v = new double[cells.length];
        for (int i = 0; i < cells.length; i++) {
            try {
                v[i] = Double.parseDouble(cells[i].strip());
            } catch (NumberFormatException ex) {
                throw new IllegalArgumentException(file + ": not a number: '" + cells[i].strip() + "'");
            }
        }
        return v;
    }

    /** The recording with this id. */
    public Recording byId(String id) {
        return recordings.stream()
                .filter(r -> r.id().equals(id))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown recording: " + id));
    }

    /** Replays the first {@code steps} recorded gradients through {@code optimizer} (as {@code trace --replay} does). */
    public double[][] replay(Optimizer optimizer, int steps) {
        Trajectory t = Runner.replay(optimizer, Objective.column(start.clone()), gradients.subList(0, steps), null);
        double[][] out = new double[t.points().size()][];
        for (int k = 0; k < out.length; k++) {
            out[k] = t.at(k).theta().clone();
        }
        return out;
    }

    /** Replays the recording's steps through {@code optimizer} and compares. */
    public Agreement agreement(Optimizer optimizer, Recording r) {
        return Agreement.of(replay(optimizer, r.steps()), r.trajectory());
    }
}
