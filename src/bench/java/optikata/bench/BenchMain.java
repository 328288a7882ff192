package optikata.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs the short benchmark suite and writes {@code target/bench/results.json} and one PNG chart
 * per benchmark class (elements per second against size). Arguments: {@code --include REGEX}
 * (default: every benchmark), {@code --sizes 1000,100000} (default 10³, 10⁵, 10⁷),
 * {@code --long} (more iterations, steadier figures), {@code --out DIR} (default
 * {@code target/bench}), and three presets:
 * <ul>
 *   <li>{@code --table}: the RMSProp step against its peers at 10³, 10⁵, 10⁷ (the table of
 *       docs/PERFORMANCE.md), also written as {@code table.md};</li>
 *   <li>{@code --scaling}: time per element from 10² to 10⁸ for the same implementations,
 *       charted with the CPU's cache sizes marked ({@code scaling.png});</li>
 *   <li>{@code --crossover}: the checked step on one thread against the same step always split,
 *       from 10⁴ to 4·10⁶, to place the split threshold;</li>
 *   <li>{@code --interleaved}: no JMH; the one-thread check overhead measured in CPU time with
 *       the implementations taking turns, a cross-check that holds up on a busy machine
 *       ({@link InterleavedCheck}); {@code --interleaved-split} the same for the split threshold,
 *       in wall time, the least of many short samples.</li>
 * </ul>
 * ND4J's benchmark runs when its profile is on the class path ({@code -Pbench,nd4j}).
 */
public final class BenchMain {
    private BenchMain() {}

    /** One measured row. */
    record Row(
            String group,
            String method,
            String series,
            int n,
            double microsPerStep,
            double error,
            double bytesPerStep) {
        double elementsPerSecond() {
            return n / (microsPerStep * 1e-6);
        }
    }

    public static void main(String[] args) throws RunnerException, IOException {
        String include = "optikata\\.bench\\..*Bench\\..*";
        Path out = Path.of("target", "bench");
        boolean longRun = false;
        List<String> sizes = new ArrayList<>();
        String preset = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--include" -> include = args[++i];
                case "--out" -> out = Path.of(args[++i]);
                case "--long" -> longRun = true;
                case "--sizes" -> sizes.addAll(List.of(args[++i].split(",")));
                case "--table", "--scaling", "--crossover" -> preset = args[i];
                case "--interleaved", "--interleaved-split" -> preset = args[i];
                default ->
                    throw new IllegalArgumentException(
                            "Unknown argument: " + args[i]
                                    + " (use --include REGEX, --sizes N,N, --long, --out DIR, --table, --scaling, --crossover)");
            }
        }
        if ("--interleaved-split".equals(preset)) {
            InterleavedCheck.split((sizes.isEmpty()
                            ? List.of("3000", "10000", "30000", "100000", "300000", "1000000", "4000000")
                            : sizes)
                    .stream().mapToInt(Integer::parseInt).toArray());
            return;
        }
        if ("--interleaved".equals(preset)) {
            InterleavedCheck.run((sizes.isEmpty() ? List.of("1000", "100000") : sizes)
                    .stream().mapToInt(Integer::parseInt).toArray());
            return;
        }
        String heap = "-Xmx2g";
        if ("--table".equals(preset)) {
            include = PEERS + "|" + BASELINES + "\\.fusedTwoThreads$";
        } else if ("--scaling".equals(preset)) {
            include = PEERS;
            heap = "-Xmx6g"; // 10⁸ doubles are 800 MB an array; Tribuo keeps four
            if (sizes.isEmpty()) {
                sizes.addAll(List.of("100", "1000", "10000", "100000", "1000000", "10000000", "100000000"));
            }
        } else if ("--crossover".equals(preset)) {
            include = BASELINES + "\\.(librarySingleThread|libraryAlwaysSplit)$";
            if (sizes.isEmpty()) {
                sizes.addAll(List.of("10000", "30000", "100000", "200000", "400000", "1000000", "4000000"));
            }
        }
        ChainedOptionsBuilder options = new OptionsBuilder()
                .include(include)
                .forks(1)
                .warmupIterations(longRun ? 5 : 3)
                .warmupTime(TimeValue.milliseconds(longRun ? 1000 : 300))
                .measurementIterations(longRun ? 10 : 5)
                .measurementTime(TimeValue.milliseconds(longRun ? 1000 : 300))
                // Prepend, not append: an option replaces the annotation's value of the same kind, and
                // the one-thread and always-split benchmarks set their properties with @Fork(jvmArgsAppend).
                .jvmArgsPrepend("-Xms2g", heap)
                .addProfiler(GCProfiler.class)
                .shouldFailOnError(true);
        if (!sizes.isEmpty()) {
            options.param("n", sizes.toArray(String[]::new));
        }
        Collection<RunResult> results = new Runner(options.build()).run();

        List<Row> rows = new ArrayList<>();
        for (RunResult r : results) {
            String full = r.getParams().getBenchmark();
            String cls = full.substring(0, full.lastIndexOf('.'));
            String group = cls.substring(cls.lastIndexOf('.') + 1);
            String method = full.substring(full.lastIndexOf('.') + 1);
            int n = Integer.parseInt(r.getParams().getParam("n"));
            String variant = r.getParams().getParam("variant");
            String optimizer = r.getParams().getParam("optimizer");
            String series = method
                    + (variant != null ? " [" + variant + "]" : "")
                    + (optimizer != null ? " [" + optimizer + "]" : "");
            Result<?> alloc = r.getSecondaryResults().get("gc.alloc.rate.norm");
            rows.add(new Row(
                    group,
                    method,
                    series,
                    n,
                    r.getPrimaryResult().getScore(),
                    r.getPrimaryResult().getScoreError(),
                    alloc == null ? Double.NaN : alloc.getScore()));
        }
        Files.createDirectories(out);
        writeJson(rows, out.resolve("results.json"));
        printTable(rows);
        for (String group : rows.stream().map(Row::group).distinct().toList()) {
            chart(group, rows.stream().filter(r -> r.group().equals(group)).toList(), out.resolve(group + ".png"));
        }
        if ("--table".equals(preset)) {
            String table = PeerTable.markdown(rows, BenchMain::fusedTime);
            System.out.println();
            System.out.println(table);
            Files.writeString(out.resolve("table.md"), table);
        } else if ("--scaling".equals(preset)) {
            ScalingChart.write(rows, out.resolve("scaling.png"));
            System.out.println(ScalingChart.cacheSummary());
        } else if ("--crossover".equals(preset)) {
            System.out.println(PeerTable.crossover(rows));
        }
        System.out.println("Wrote " + out.resolve("results.json") + " and charts in " + out);
    }

    private static final String BASELINES = "optikata\\.bench\\.RmsPropBaselinesBench";
    /** The implementations of the peer table and the scaling chart. */
    private static final String PEERS = BASELINES
            + "\\.(fused|library|librarySingleThread|libraryPropagate|libraryPropagateSingleThread|ejmlChain)$"
            + "|optikata\\.bench\\.(TribuoRmsPropBench|Nd4jRmsPropBench)\\..*";

    /** The fused loop's time for the same group, size and variant/optimizer. */
    static double fusedTime(List<Row> rows, Row row) {
        String suffix = row.series().substring(row.method().length());
        for (Row r : rows) {
            if (r.group().equals(row.group())
                    && r.n() == row.n()
                    && r.method().equals("fused")
                    && r.series().endsWith(suffix)) {
                return r.microsPerStep();
            }
        }
        for (Row r : rows) { // the baselines' fused loop serves the variants' "inside" too
            if (r.n() == row.n() && r.series().equals("fused")) {
                return r.microsPerStep();
            }
        }
        return Double.NaN;
    }

    private static void writeJson(List<Row> rows, Path file) throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode root = mapper.createObjectNode();
        root.put("cores", Runtime.getRuntime().availableProcessors());
        root.put("java", System.getProperty("java.version"));
        ArrayNode list = root.putArray("results");
        for (Row r : rows) {
            ObjectNode o = list.addObject();
            o.put("benchmark", r.group() + "." + r.method());
            o.put("series", r.series());
            o.put("n", r.n());
            o.put("microsPerStep", r.microsPerStep());
            o.put("errorMicros", r.error());
            o.put("elementsPerSecond", r.elementsPerSecond());
            o.put("nanosPerElement", r.microsPerStep() * 1000 / r.n());
            double fused = fusedTime(rows, r);
            if (Double.isFinite(fused)) {
                o.put("timeRelativeToFused", r.microsPerStep() / fused);
            }
            if (Double.isFinite(r.bytesPerStep())) {
                o.put("bytesAllocatedPerStep", r.bytesPerStep());
            }
        }
        mapper.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), root);
    }

    private static void printTable(List<Row> rows) {
        System.out.printf(
                "%n%-22s %-28s %10s %14s %10s %12s %10s%n",
                "group", "series", "n", "us/step", "ns/elem", "x fused time", "B/step");
        for (Row r : rows) {
            System.out.printf(
                    "%-22s %-28s %10d %14.3f %10.3f %12.2f %10.1f%n",
                    r.group(),
                    r.series(),
                    r.n(),
                    r.microsPerStep(),
                    r.microsPerStep() * 1000 / r.n(),
                    r.microsPerStep() / fusedTime(rows, r),
                    r.bytesPerStep());
        }
    }

    private static void chart(String group, List<Row> rows, Path file) throws IOException {
        XYChart chart = new XYChartBuilder()
                .width(900)
                .height(560)
                .title(group + ": throughput against size (higher is better)")
                .xAxisTitle("parameters n (log scale)")
                .yAxisTitle("elements per second (log scale)")
                .build();
        chart.getStyler().setXAxisLogarithmic(true);
        chart.getStyler().setYAxisLogarithmic(true);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        Map<String, TreeMap<Integer, Double>> series = new LinkedHashMap<>();
        for (Row r : rows) {
            series.computeIfAbsent(r.series(), k -> new TreeMap<>()).put(r.n(), r.elementsPerSecond());
        }
        series.forEach((name, points) -> {
            var s = chart.addSeries(
                    name,
                    points.keySet().stream().mapToDouble(Integer::doubleValue).toArray(),
                    points.values().stream().mapToDouble(Double::doubleValue).toArray());
            s.setMarker(SeriesMarkers.CIRCLE);
        });
        BitmapEncoder.saveBitmap(chart, file.toString(), BitmapEncoder.BitmapFormat.PNG);
    }
}
