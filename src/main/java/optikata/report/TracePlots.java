package optikata.report;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import optikata.objective.Objective;
import optikata.run.Trajectory;
import optikata.run.TrajectoryPoint;
import org.ejml.data.DMatrixRMaj;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Pictures of runs: for a 2-D objective the trajectories on its contour lines, otherwise the loss
 * against the step; and, in a second file, each coordinate's effective learning rate against the step.
 */
public final class TracePlots {
    private TracePlots() {
    }

    /** Writes {@code file} and {@code <file>-rate.png}; returns both paths. */
    public static List<Path> write(List<Trajectory> runs, Objective f, Path file) throws IOException {
        String base = file.toString().endsWith(".png") ? file.toString().substring(0, file.toString().length() - 4) : file.toString();
        Path main = Path.of(base + ".png");
        Path rate = Path.of(base + "-rate.png");
        XYChart chart = f != null && f.dimension() == 2 ? contour(runs, f) : loss(runs);
        Charts.save(chart, main);
        Charts.save(rates(runs), rate);
        return List.of(main, rate);
    }

    static XYChart contour(List<Trajectory> runs, Objective f) {
        double minX = Double.POSITIVE_INFINITY;
        double maxX = Double.NEGATIVE_INFINITY;
        double minY = Double.POSITIVE_INFINITY;
        double maxY = Double.NEGATIVE_INFINITY;
        // The view fits the runs that stayed finite; a diverged run would stretch it to 1e80.
        boolean anyConverged = runs.stream().anyMatch(t -> !t.diverged());
        for (Trajectory t : runs) {
            if (anyConverged && t.diverged()) {
                continue;
            }
            for (TrajectoryPoint p : t.points()) {
                if (Double.isFinite(p.theta()[0]) && Double.isFinite(p.theta()[1])) {
                    minX = Math.min(minX, p.theta()[0]);
                    maxX = Math.max(maxX, p.theta()[0]);
                    minY = Math.min(minY, p.theta()[1]);
                    maxY = Math.max(maxY, p.theta()[1]);
                }
            }
        }
        double padX = Math.max(0.25 * (maxX - minX), 0.5);
        double padY = Math.max(0.25 * (maxY - minY), 0.5);
        minX -= padX;
        maxX += padX;
        minY -= padY;
        maxY += padY;
        XYChart chart = Charts.chart("Trajectories on the contour of " + f.name(), "θ₁", "θ₂");
        // Contour lines, sampled: grid points where f crosses a level between horizontal or vertical neighbours.
        int n = 240;
        double[][] v = new double[n][n];
        DMatrixRMaj p = new DMatrixRMaj(2, 1);
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                p.data[0] = minX + (maxX - minX) * i / (n - 1);
                p.data[1] = minY + (maxY - minY) * j / (n - 1);
                v[i][j] = f.value(p);
                lo = Math.min(lo, v[i][j]);
                hi = Math.max(hi, v[i][j]);
            }
        }
        int levels = 10;
        java.util.List<Double> xs = new java.util.ArrayList<>();
        java.util.List<Double> ys = new java.util.ArrayList<>();
        for (int k = 1; k <= levels; k++) {
            // levels spaced evenly in log(f − lo), so the bowl's bottom gets lines too
            double c = lo + (hi - lo) * Math.pow((double) k / (levels + 1), 3);
            for (int i = 0; i + 1 < n; i++) {
                for (int j = 0; j + 1 < n; j++) {
                    if ((v[i][j] - c) * (v[i + 1][j] - c) <= 0 || (v[i][j] - c) * (v[i][j + 1] - c) <= 0) {
                        xs.add(minX + (maxX - minX) * i / (n - 1));
                        ys.add(minY + (maxY - minY) * j / (n - 1));
                    }
                }
            }
        }
        if (!xs.isEmpty()) {
            XYSeries s = chart.addSeries("contour of f", xs.stream().mapToDouble(Double::doubleValue).toArray(),
                    ys.stream().mapToDouble(Double::doubleValue).toArray());
            s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            s.setMarker(SeriesMarkers.CIRCLE);
            s.setMarkerColor(new Color(200, 200, 200));
            s.setShowInLegend(false);
            chart.getStyler().setMarkerSize(4);
        }
        Map<String, Charts.Series> series = new LinkedHashMap<>();
        for (Trajectory t : runs) {
            int m = t.points().size();
            double[] x = new double[m];
            double[] y = new double[m];
            for (int k = 0; k < m; k++) {
                x[k] = t.at(k).theta()[0];
                y[k] = t.at(k).theta()[1];
            }
            series.put(label(t), Charts.Series.points(x, y));
        }
        Charts.add(chart, series);
        chart.getStyler().setXAxisMin(minX).setXAxisMax(maxX).setYAxisMin(minY).setYAxisMax(maxY);
        return chart;
    }

    static XYChart loss(List<Trajectory> runs) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = 0;
        for (Trajectory t : runs) {
            for (TrajectoryPoint p : t.points()) {
                double v = Math.abs(p.loss());
                if (v > 0 && Double.isFinite(v)) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
        }
        // A log axis shows no tick labels inside a single decade: use it only when the loss spans more.
        boolean log = hi / lo >= 10;
        XYChart chart = Charts.chart("Loss against step", "step t", log ? "f(θ_t) (log scale)" : "f(θ_t)");
        chart.getStyler().setYAxisLogarithmic(log);
        Map<String, Charts.Series> series = new LinkedHashMap<>();
        for (Trajectory t : runs) {
            int m = t.points().size();
            double[] x = new double[m];
            double[] y = new double[m];
            for (int k = 0; k < m; k++) {
                x[k] = k;
                y[k] = Math.max(Math.abs(t.at(k).loss()), 1e-300);
            }
            series.put(label(t), Charts.Series.line(x, y));
        }
        return Charts.add(chart, series);
    }

    static XYChart rates(List<Trajectory> runs) {
        XYChart chart = Charts.chart("Effective learning rate η/denominator per coordinate", "step t", "effective rate (log scale)");
        chart.getStyler().setYAxisLogarithmic(true);
        Map<String, Charts.Series> series = new LinkedHashMap<>();
        for (Trajectory t : runs) {
            int d = t.at(0).theta().length;
            int m = t.points().size();
            // Step 0 has no rate yet (the optimizer would report η itself): the lines start at step 1.
            int first = m > 1 ? 1 : 0;
            for (int i = 0; i < Math.min(d, 4); i++) {
                double[] x = new double[m - first];
                double[] y = new double[m - first];
                for (int k = first; k < m; k++) {
                    x[k - first] = k;
                    y[k - first] = Math.max(t.at(k).effectiveRate()[i], 1e-300);
                }
                series.put(label(t) + " θ" + (i + 1), Charts.Series.line(x, y));
            }
        }
        return Charts.add(chart, series);
    }

    private static String label(Trajectory t) {
        return t.optimizer() + (t.diverged() ? " (diverged at step " + t.divergedAt().getAsInt() + ")" : "");
    }
}
