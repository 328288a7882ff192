package optikata.bench;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Time per element against n (log axes) for the RMSProp step's implementations, with the data
 * caches of this CPU marked where the step's working set (θ, g and s: 24 bytes per element)
 * fills them. Cache sizes are read from {@code /sys/devices/system/cpu/cpu0/cache}.
 */
final class ScalingChart {
    private ScalingChart() {}

    /** Bytes the plain step keeps per element: θ, g and the accumulator s. */
    static final int BYTES_PER_ELEMENT = 24;

    record Cache(int level, String type, long bytes, String size) {
        String label() {
            return "L" + level + (type.equals("Data") ? "d" : "") + " " + size + " (n = " + bytes / BYTES_PER_ELEMENT
                    + ")";
        }
    }

    static List<Cache> caches() {
        List<Cache> caches = new ArrayList<>();
        Path dir = Path.of("/sys/devices/system/cpu/cpu0/cache");
        for (int i = 0; i < 8; i++) {
            Path index = dir.resolve("index" + i);
            try {
                if (!Files.isDirectory(index)) {
                    continue;
                }
                String type = Files.readString(index.resolve("type")).trim();
                if (type.equals("Instruction")) {
                    continue;
                }
                int level = Integer.parseInt(
                        Files.readString(index.resolve("level")).trim());
                String size = Files.readString(index.resolve("size")).trim();
                caches.add(new Cache(level, type, parseSize(size), size));
            } catch (IOException | NumberFormatException e) {
                // a cache this kernel does not describe is left off the chart
            }
        }
        return caches;
    }

    static long parseSize(String size) {
        char unit = Character.toUpperCase(size.charAt(size.length() - 1));
        long scale = switch (unit) {
            case 'K' -> 1L << 10;
            case 'M' -> 1L << 20;
            case 'G' -> 1L << 30;
            default -> 1;
        };
        String digits = Character.isDigit(unit) ? size : size.substring(0, size.length() - 1);
        return Long.parseLong(digits.trim()) * scale;
    }

    static String cacheSummary() {
        StringBuilder sb = new StringBuilder("Caches (cpu0):");
        caches().forEach(c -> sb.append(' ').append(c.label()).append(';'));
        return sb.toString();
    }

    private static final Map<String, String> NAMES = new LinkedHashMap<>();

    static {
        NAMES.put("fused", "fused loop, 1 thread");
        NAMES.put("libraryPropagateSingleThread", "library unchecked, 1 thread");
        NAMES.put("libraryPropagate", "library unchecked, split");
        NAMES.put("librarySingleThread", "library checked, 1 thread");
        NAMES.put("library", "library checked, split (default)");
        NAMES.put("tribuo", "Tribuo 4.3.2 RMSProp");
        NAMES.put("nd4j", "ND4J 1.0.0-M2.1 RmsProp");
        NAMES.put("ejmlChain", "EJML chain (9 calls)");
    }

    static void write(List<BenchMain.Row> rows, Path file) throws IOException {
        XYChart chart = new XYChartBuilder()
                .width(1100)
                .height(640)
                .title("RMSProp step: time per element against size (lower is better)")
                .xAxisTitle("parameters n (log scale)")
                .yAxisTitle("nanoseconds per element (log scale)")
                .build();
        chart.getStyler().setXAxisLogarithmic(true);
        chart.getStyler().setYAxisLogarithmic(true);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setPlotBackgroundColor(Color.WHITE);
        double lo = Double.MAX_VALUE;
        double hi = 0;
        double nMin = Double.MAX_VALUE;
        double nMax = 0;
        for (Map.Entry<String, String> e : NAMES.entrySet()) {
            TreeMap<Integer, Double> points = new TreeMap<>();
            for (BenchMain.Row r : rows) {
                if (r.series().equals(e.getKey())) {
                    points.put(r.n(), r.microsPerStep() * 1000 / r.n());
                }
            }
            if (points.isEmpty()) {
                continue;
            }
            for (Map.Entry<Integer, Double> p : points.entrySet()) {
                lo = Math.min(lo, p.getValue());
                hi = Math.max(hi, p.getValue());
                nMin = Math.min(nMin, p.getKey());
                nMax = Math.max(nMax, p.getKey());
            }
            XYSeries s = chart.addSeries(
                    e.getValue(),
                    points.keySet().stream().mapToDouble(Integer::doubleValue).toArray(),
                    points.values().stream().mapToDouble(Double::doubleValue).toArray());
            s.setMarker(SeriesMarkers.CIRCLE);
        }
        Color[] shades = {new Color(150, 150, 150), new Color(110, 110, 110), new Color(70, 70, 70)};
        int k = 0;
        for (Cache c : caches()) {
            double n = (double) c.bytes() / BYTES_PER_ELEMENT;
            if (n < nMin || n > nMax) {
                continue; // outside the measured sizes: named in the printed summary only
            }
            XYSeries line = chart.addSeries(c.label(), new double[] {n, n}, new double[] {lo * 0.8, hi * 1.25});
            line.setMarker(SeriesMarkers.NONE);
            line.setLineColor(shades[Math.min(k++, shades.length - 1)]);
            line.setLineStyle(
                    new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
        }
        BitmapEncoder.saveBitmap(chart, file.toString(), BitmapEncoder.BitmapFormat.PNG);
        System.out.printf(Locale.ROOT, "Wrote %s%n", file);
    }
}
