package optikata.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import optikata.claims.Figure;
import optikata.objective.Objective;
import optikata.run.Trajectory;
import optikata.run.TrajectoryPoint;
import org.ejml.data.DMatrixRMaj;

/**
 * Pictures of runs: for a 2-D objective the trajectories on its contour lines, otherwise the loss
 * against the step; and, in a second file, each coordinate's effective learning rate against the
 * step. A run that runs away (diverges, or leaves the region the other runs stay in) is drawn up to
 * where it leaves the view and marked there, so it does not squash the others.
 */
public final class TracePlots {
    /** A run leaves the loss plot once its loss exceeds this multiple of the largest starting loss. */
    static final double LOSS_HEADROOM = 100;
    /** A run leaves the contour view once it is this many times farther from the start than the start is from the origin. */
    static final double VIEW_HEADROOM = 3;

    private TracePlots() {}

    /** Writes {@code file} and {@code <file>-rate.png}; returns both paths. */
    public static List<Path> write(List<Trajectory> runs, Objective f, Path file) throws IOException {
        String base = file.toString().endsWith(".png")
                ? file.toString().substring(0, file.toString().length() - 4)
                : file.toString();
        Path main = Path.of(base + ".png");
        Path rate = Path.of(base + "-rate.png");
        Charts.save(f != null && f.dimension() == 2 ? contour(runs, f) : loss(runs), main);
        Charts.save(rates(runs), rate);
        return List.of(main, rate);
    }

    static Figure contour(List<Trajectory> runs, Objective f) {
        // The view: the start and every run that stays within VIEW_HEADROOM of it; runaway runs are cut at its edge.
        double[] start = runs.get(0).at(0).theta();
        double reach = VIEW_HEADROOM * Math.max(1, Math.hypot(start[0], start[1]));
        double minX = start[0];
        double maxX = start[0];
        double minY = start[1];
        double maxY = start[1];
        // runs that stay finite and near set the view; the others are drawn until they leave it
        List<Trajectory> tame = runs.stream()
                .filter(t -> !t.diverged() && t.points().stream().allMatch(q -> inside(q.theta(), start, reach)))
                .toList();
        for (Trajectory t : tame.isEmpty() ? runs : tame) {
            for (TrajectoryPoint p : t.points()) {
                double[] th = p.theta();
                if (inside(th, start, reach)) {
                    minX = Math.min(minX, th[0]);
                    maxX = Math.max(maxX, th[0]);
                    minY = Math.min(minY, th[1]);
                    maxY = Math.max(maxY, th[1]);
                }
            }
        }
        double padX = Math.max(0.15 * (maxX - minX), 0.5);
        double padY = Math.max(0.15 * (maxY - minY), 0.5);
        minX -= padX;
        maxX += padX;
        minY -= padY;
        maxY += padY;
        Figure.Builder fig = Figure.of("trace", "Trajectories on the contour lines of " + f.name(), "θ₁", "θ₂");
        contours(fig, f, minX, maxX, minY, maxY);
        List<double[]> leftAt = new ArrayList<>();
        for (Trajectory t : runs) {
            int m = t.points().size();
            double[] x = new double[m];
            double[] y = new double[m];
            int left = -1;
            for (int k = 0; k < m; k++) {
                double[] th = t.at(k).theta();
                boolean in = left < 0
                        && inside(th, start, reach)
                        && th[0] >= minX
                        && th[0] <= maxX
                        && th[1] >= minY
                        && th[1] <= maxY;
                if (!in && left < 0) {
                    left = k;
                }
                x[k] = left < 0 ? th[0] : Double.NaN;
                y[k] = left < 0 ? th[1] : Double.NaN;
            }
            fig.add(label(t, left, "the view"), x, y, Figure.Style.LINE_POINTS);
            if (left > 0) {
                leftAt.add(new double[] {x[left - 1], y[left - 1]});
            }
        }
        markLeaving(fig, leftAt, "last point before a run leaves the view");
        return fig.xRange(minX, maxX).yRange(minY, maxY).caption("Trajectories on the contour lines of the objective.");
    }

    /** Contour lines by marching squares on a grid: each level one grey polyline, segments separated by gaps. */
    static void contours(Figure.Builder fig, Objective f, double minX, double maxX, double minY, double maxY) {
        int n = 160;
        double[][] v = new double[n][n];
        DMatrixRMaj p = new DMatrixRMaj(2, 1);
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                p.data[0] = minX + (maxX - minX) * i / (n - 1);
                p.data[1] = minY + (maxY - minY) * j / (n - 1);
                v[i][j] = f.value(p);
                if (Double.isFinite(v[i][j])) {
                    lo = Math.min(lo, v[i][j]);
                    hi = Math.max(hi, v[i][j]);
                }
            }
        }
        int levels = 10;
        for (int k = 1; k <= levels; k++) {
            // levels spaced as a cube, so the bowl's bottom gets lines too
            double c = lo + (hi - lo) * Math.pow((double) k / (levels + 1), 3);
            List<Double> xs = new ArrayList<>();
            List<Double> ys = new ArrayList<>();
            for (int i = 0; i + 1 < n; i++) {
                for (int j = 0; j + 1 < n; j++) {
                    double x0 = minX + (maxX - minX) * i / (n - 1);
                    double x1 = minX + (maxX - minX) * (i + 1) / (n - 1);
                    double y0 = minY + (maxY - minY) * j / (n - 1);
                    double y1 = minY + (maxY - minY) * (j + 1) / (n - 1);
                    // crossings on the four edges of the cell, by linear interpolation
                    List<double[]> cross = new ArrayList<>(4);
                    edge(cross, x0, y0, v[i][j], x1, y0, v[i + 1][j], c);
                    edge(cross, x1, y0, v[i + 1][j], x1, y1, v[i + 1][j + 1], c);
                    edge(cross, x1, y1, v[i + 1][j + 1], x0, y1, v[i][j + 1], c);
                    edge(cross, x0, y1, v[i][j + 1], x0, y0, v[i][j], c);
                    for (int s = 0; s + 1 < cross.size(); s += 2) {
                        xs.add(cross.get(s)[0]);
                        ys.add(cross.get(s)[1]);
                        xs.add(cross.get(s + 1)[0]);
                        ys.add(cross.get(s + 1)[1]);
                        xs.add(Double.NaN);
                        ys.add(Double.NaN);
                    }
                }
            }
            if (!xs.isEmpty()) {
                fig.add(
                        "f = " + c,
                        xs.stream().mapToDouble(Double::doubleValue).toArray(),
                        ys.stream().mapToDouble(Double::doubleValue).toArray(),
                        Figure.Style.GUIDE);
            }
        }
    }

    private static void edge(
            List<double[]> out, double xa, double ya, double va, double xb, double yb, double vb, double c) {
        if (!Double.isFinite(va) || !Double.isFinite(vb) || (va - c) * (vb - c) > 0 || va == vb) {
            return;
        }
        double t = (c - va) / (vb - va);
        if (t < 0 || t > 1 || (t == 1 && !out.isEmpty())) {
            return;
        }
        out.add(new double[] {xa + t * (xb - xa), ya + t * (yb - ya)});
    }

    private static boolean inside(double[] th, double[] start, double reach) {
        return Double.isFinite(th[0])
                && Double.isFinite(th[1])
                && Math.hypot(th[0] - start[0], th[1] - start[1]) <= reach;
    }

    static Figure loss(List<Trajectory> runs) {
        double top = 0;
        for (Trajectory t : runs) {
            double v = Math.abs(t.at(0).loss());
            if (Double.isFinite(v)) {
                top = Math.max(top, v);
            }
        }
        double limit = LOSS_HEADROOM * Math.max(top, 1e-300);
        double lo = Double.POSITIVE_INFINITY;
        double hi = 0;
        for (Trajectory t : runs) {
            for (TrajectoryPoint p : t.points()) {
                double v = Math.abs(p.loss());
                if (v > 0 && v <= limit) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
        }
        // A log axis only when the loss spans more than a decade.
        boolean log = hi / lo >= 10;
        Figure.Builder fig = Figure.of("trace", "Loss against step", "step t", log ? "f(θ_t) (log scale)" : "f(θ_t)");
        if (log) {
            fig.logY();
        }
        List<double[]> leftAt = new ArrayList<>();
        int longest = 0;
        for (Trajectory t : runs) {
            int m = t.points().size();
            longest = Math.max(longest, m);
            double[] x = new double[m];
            double[] y = new double[m];
            int left = -1;
            for (int k = 0; k < m; k++) {
                double v = Math.abs(t.at(k).loss());
                if (left < 0 && !(v <= limit)) {
                    left = k;
                }
                x[k] = k;
                y[k] = left < 0 ? (log ? Math.max(v, lo) : v) : Double.NaN;
            }
            fig.add(label(t, left, "the plot"), x, y, Figure.Style.LINE);
            if (left > 0) {
                leftAt.add(new double[] {x[left - 1], y[left - 1]});
            }
        }
        markLeaving(fig, leftAt, "last point before a run leaves the plot");
        return fig.xRange(0, Math.max(1, longest - 1)).caption("Loss against step.");
    }

    static Figure rates(List<Trajectory> runs) {
        Figure.Builder fig = Figure.of(
                        "trace-rate",
                        "Effective learning rate η / denominator per coordinate",
                        "step t",
                        "effective rate (log scale)")
                .logY();
        int longest = 0;
        for (Trajectory t : runs) {
            int d = t.at(0).theta().length;
            int m = t.points().size();
            longest = Math.max(longest, m);
            // Step 0 has no rate yet (the optimizer would report η itself): the lines start at step 1.
            int first = m > 1 ? 1 : 0;
            for (int i = 0; i < Math.min(d, 4); i++) {
                double[] x = new double[m - first];
                double[] y = new double[m - first];
                for (int k = first; k < m; k++) {
                    x[k - first] = k;
                    double r = t.at(k).effectiveRate()[i];
                    y[k - first] = r > 0 && Double.isFinite(r) ? r : Double.NaN;
                }
                fig.add(t.optimizer() + " θ" + (i + 1), x, y, Figure.Style.LINE);
            }
        }
        return fig.xRange(0, Math.max(1, longest - 1)).caption("Effective learning rates.");
    }

    private static void markLeaving(Figure.Builder fig, List<double[]> points, String label) {
        if (points.isEmpty()) {
            return;
        }
        double[] x = new double[points.size()];
        double[] y = new double[points.size()];
        for (int k = 0; k < x.length; k++) {
            x[k] = points.get(k)[0];
            y[k] = points.get(k)[1];
        }
        fig.add(label, x, y, Figure.Style.HIGHLIGHT);
    }

    private static String label(Trajectory t, int left, String where) {
        if (t.diverged()) {
            return t.optimizer() + " (diverged at step " + t.divergedAt().getAsInt() + ")";
        }
        return t.optimizer() + (left >= 0 ? " (leaves " + where + " at step " + left + ")" : "");
    }
}
