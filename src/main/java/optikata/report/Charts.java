package optikata.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import optikata.claims.Figure;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.Marker;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * XChart PNGs drawn headless: the claims' {@link Figure}s and the trace plots. The legend sits
 * below the plot so it never covers data; tick labels on one axis share one format.
 */
public final class Charts {
    private Charts() {}

    public static XYChart chart(String title, String xTitle, String yTitle) {
        XYChart chart = new XYChartBuilder()
                .width(900)
                .height(600)
                .title(title)
                .xAxisTitle(xTitle)
                .yAxisTitle(yTitle)
                .build();
        Styler styler = chart.getStyler();
        styler.setChartBackgroundColor(Color.WHITE);
        styler.setLegendPosition(Styler.LegendPosition.OutsideS);
        styler.setLegendLayout(Styler.LegendLayout.Vertical);
        styler.setLegendBorderColor(Color.WHITE);
        styler.setLegendBackgroundColor(Color.WHITE);
        chart.getStyler().setPlotGridLinesColor(new Color(225, 225, 225));
        chart.getStyler().setXAxisTickMarkSpacingHint(90);
        chart.getStyler().setxAxisTickLabelsFormattingFunction(Charts::tick);
        chart.getStyler().setyAxisTickLabelsFormattingFunction(Charts::tick);
        return chart;
    }

    /** Distinct, print-friendly colours for the data series, in order. */
    private static final Color[] PALETTE = {
        new Color(31, 119, 180), new Color(214, 39, 40), new Color(44, 160, 44), new Color(255, 127, 14),
        new Color(148, 103, 189), new Color(140, 86, 75), new Color(23, 190, 207), new Color(127, 127, 127),
    };

    private static final Marker[] MARKERS = {
        SeriesMarkers.CIRCLE,
        SeriesMarkers.SQUARE,
        SeriesMarkers.DIAMOND,
        SeriesMarkers.TRIANGLE_UP,
        SeriesMarkers.TRIANGLE_DOWN,
        SeriesMarkers.CROSS
    };

    /** A grey, thin, unlabelled-looking series (contour lines, guides). */
    public static void guide(XYChart chart, String name, double[] x, double[] y) {
        XYSeries s = chart.addSeries(name, x, y);
        s.setMarker(SeriesMarkers.NONE);
        s.setLineColor(new Color(170, 170, 170));
        s.setLineStyle(new BasicStroke(1f));
        s.setShowInLegend(false);
    }

    /**
     * Draws a claim's figure: guides first, then the data, then reference lines and highlighted points on
     * top, so a documented value is never hidden under a computed one.
     */
    public static XYChart draw(Figure figure) {
        // Logarithmic axes are drawn as linear axes of log10 of the data, so that the tick labels can be ours:
        // XChart's own log axes label 1 as "1E0", and a formatting function would make their ticks linear.
        Function<Double, String> xLabels = labels(figure, true);
        Function<Double, String> yLabels = labels(figure, false);
        Figure f = drawable(linear(figure));
        XYChart chart = chart(f.title(), f.xLabel(), f.yLabel());
        chart.getStyler().setxAxisTickLabelsFormattingFunction(xLabels);
        chart.getStyler().setyAxisTickLabelsFormattingFunction(yLabels);
        if (f.xRange() != null) {
            chart.getStyler().setXAxisMin(f.xRange()[0]).setXAxisMax(f.xRange()[1]);
        }
        if (f.yRange() != null) {
            chart.getStyler().setYAxisMin(f.yRange()[0]).setYAxisMax(f.yRange()[1]);
        }
        int guides = 0;
        for (Figure.Series s : f.series()) {
            if (s.style() == Figure.Style.GUIDE) {
                guide(chart, s.label() + " #" + guides++, s.x(), s.y());
            }
        }
        int data = 0;
        int pointSeries = 0;
        List<Figure.Series> drawn = new ArrayList<>();
        for (Figure.Series s : f.series()) {
            if (s.style() == Figure.Style.GUIDE
                    || s.style() == Figure.Style.REFERENCE
                    || s.style() == Figure.Style.HIGHLIGHT) {
                continue;
            }
            // a series with the same values as one drawn before would vanish under it: dash it and say so
            Figure.Series twin = drawn.stream()
                    .filter(d -> Arrays.equals(d.x(), s.x()) && Arrays.equals(d.y(), s.y()))
                    .findFirst()
                    .orElse(null);
            XYSeries xy = chart.addSeries(
                    twin == null ? s.label() : s.label() + " (same values as " + twin.label() + ")", s.x(), s.y());
            drawn.add(s);
            Color c = PALETTE[data++ % PALETTE.length];
            xy.setLineColor(c);
            xy.setMarkerColor(c);
            xy.setMarker(s.style() == Figure.Style.LINE ? SeriesMarkers.NONE : MARKERS[pointSeries++ % MARKERS.length]);
            if (s.style() == Figure.Style.POINTS) {
                xy.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            } else if (twin != null) {
                xy.setLineStyle(new BasicStroke(
                        2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 6f}, 0f));
            } else {
                xy.setLineStyle(new BasicStroke(2f));
            }
        }
        for (Figure.Series s : f.series()) {
            if (s.style() == Figure.Style.REFERENCE) {
                XYSeries xy = chart.addSeries(s.label(), s.x(), s.y());
                Color c = PALETTE[data++ % PALETTE.length];
                xy.setLineColor(c);
                xy.setMarker(SeriesMarkers.NONE);
                xy.setLineStyle(new BasicStroke(
                        2.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {9f, 6f}, 0f));
            }
        }
        for (Figure.Series s : f.series()) {
            if (s.style() == Figure.Style.HIGHLIGHT) {
                XYSeries xy = chart.addSeries(s.label(), s.x(), s.y());
                xy.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
                xy.setMarker(SeriesMarkers.DIAMOND);
                xy.setMarkerColor(Color.BLACK);
            }
        }
        chart.getStyler().setMarkerSize(8);
        breakEqualSpacing(chart, f);
        return chart;
    }

    /**
     * XChart places x ticks on every k-th data value when the x values are equally spaced (steps 0..1000 get
     * a tick every 34 steps); one invisible point off the grid makes it choose round tick values instead.
     */
    static void breakEqualSpacing(XYChart chart, Figure f) {
        for (Figure.Series s : f.series()) {
            for (int i = 0; i < s.x().length; i++) {
                if (Double.isFinite(s.x()[i]) && Double.isFinite(s.y()[i])) {
                    double x = s.x()[i] + 1e-3 * Math.PI * (Math.abs(s.x()[i]) + 1);
                    XYSeries hidden = chart.addSeries(" ", new double[] {x}, new double[] {s.y()[i]});
                    hidden.setMarker(SeriesMarkers.NONE);
                    hidden.setShowInLegend(false);
                    hidden.setLineColor(new Color(0, 0, 0, 0));
                    return;
                }
            }
        }
    }

    /**
     * The series with at least one finite point (a broken computation can leave a series all NaN, which the
     * chart library refuses); a figure left with none gets a note in its legend instead of data.
     */
    static Figure drawable(Figure f) {
        List<Figure.Series> kept = new ArrayList<>();
        for (Figure.Series s : f.series()) {
            for (int i = 0; i < s.x().length; i++) {
                if (Double.isFinite(s.x()[i]) && Double.isFinite(s.y()[i])) {
                    kept.add(s);
                    break;
                }
            }
        }
        if (kept.stream().noneMatch(s -> s.style() != Figure.Style.GUIDE)) {
            kept.add(new Figure.Series(
                    "no finite values to draw", new double[] {0}, new double[] {0}, Figure.Style.POINTS));
        }
        return redrawn(f, f.logX(), f.logY(), f.xRange(), f.yRange(), kept);
    }

    /** {@code f} with other axes and series; its name, title, labels and caption kept. */
    private static Figure redrawn(
            Figure f, boolean logX, boolean logY, double[] xRange, double[] yRange, List<Figure.Series> series) {
        return new Figure(f.name(), f.title(), f.xLabel(), f.yLabel(), f.caption(), logX, logY, xRange, yRange, series);
    }

    /** The figure with log10 taken of the values of its logarithmic axes (non-positive values become gaps). */
    static Figure linear(Figure f) {
        if (!f.logX() && !f.logY()) {
            return f;
        }
        List<Figure.Series> series = new ArrayList<>();
        for (Figure.Series s : f.series()) {
            series.add(new Figure.Series(
                    s.label(), f.logX() ? log10(s.x()) : s.x(), f.logY() ? log10(s.y()) : s.y(), s.style()));
        }
        return redrawn(
                f,
                false,
                false,
                f.logX() ? decades(f, true) : f.xRange(),
                f.logY() ? decades(f, false) : f.yRange(),
                series);
    }

    /**
     * The range of a logarithmic axis in exponents: the figure's range, or the data's, widened to whole decades
     * when it spans one or more, so that the ticks fall on powers of ten.
     */
    static double[] decades(Figure f, boolean x) {
        double[] given = x ? f.xRange() : f.yRange();
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        if (given != null) {
            lo = Math.log10(given[0]);
            hi = Math.log10(given[1]);
        } else {
            for (Figure.Series s : f.series()) {
                for (double v : x ? s.x() : s.y()) {
                    if (v > 0 && Double.isFinite(v)) {
                        lo = Math.min(lo, Math.log10(v));
                        hi = Math.max(hi, Math.log10(v));
                    }
                }
            }
        }
        if (!(hi > lo)) {
            return null;
        }
        if (hi - lo >= 1) {
            return new double[] {Math.floor(lo + 1e-9), Math.ceil(hi - 1e-9)};
        }
        return given == null ? null : new double[] {lo, hi};
    }

    private static double[] log10(double[] v) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = v[i] > 0 ? Math.log10(v[i]) : Double.NaN;
        }
        return out;
    }

    /**
     * Tick labels for one axis. Linear axes: up to 4 significant digits, or all as powers of ten when values reach 10⁶.
     * Logarithmic axes (ticks at exponents): every label in one style, plain (0.001 … 10000) or all as 1e-4; between
     * decades a label only when the axis spans less than two decades.
     */
    static Function<Double, String> labels(Figure f, boolean x) {
        boolean scientific = scientificAxis(f, x);
        if (!(x ? f.logX() : f.logY())) {
            return scientific ? Charts::scientific : Charts::tick;
        }
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (Figure.Series s : f.series()) {
            for (double v : x ? s.x() : s.y()) {
                if (v > 0 && Double.isFinite(v)) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
        }
        double decades = Math.log10(hi / lo);
        return e -> {
            boolean decade = Math.abs(e - Math.rint(e)) < 1e-9;
            if (decade) {
                double v = Math.pow(10, Math.rint(e));
                return scientific ? scientific(v) : tick(v);
            }
            if (decades >= 2) {
                return "";
            }
            double v = Double.parseDouble(String.format(Locale.ROOT, decades < 1 ? "%.2g" : "%.1g", Math.pow(10, e)));
            double mantissa = v / Math.pow(10, Math.floor(Math.log10(v) + 1e-9));
            boolean oneTwoFive = Math.abs(Math.log10(v) - e) < 0.01
                    && (Math.abs(mantissa - 2) < 1e-9 || Math.abs(mantissa - 5) < 1e-9);
            if (decades >= 1 && !oneTwoFive) {
                return "";
            }
            return scientific ? scientific(v) : tick(v);
        };
    }

    public static void save(Figure f, Path file) throws IOException {
        save(draw(f), file);
    }

    /** One format per axis: plain decimals when the axis spans 1e-3 to 1e5, else 1e-4-style powers. */
    static Function<Double, String> formatter(Figure f, boolean x) {
        return labels(f, x);
    }

    /** Whether an axis's labels are all written as powers of ten. */
    static boolean scientificAxis(Figure f, boolean x) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = 0;
        for (Figure.Series s : f.series()) {
            for (double v : x ? s.x() : s.y()) {
                if (Double.isFinite(v) && v != 0) {
                    lo = Math.min(lo, Math.abs(v));
                    hi = Math.max(hi, Math.abs(v));
                }
            }
        }
        boolean log = x ? f.logX() : f.logY();
        return (log && (lo < 1e-4 * 0.999 || hi >= 1e5)) || (!log && hi >= 1e6);
    }

    /** A tick label: up to 4 significant digits, no trailing zeros. */
    static String tick(Double v) {
        if (v == 0) {
            return "0";
        }
        double a = Math.abs(v);
        if (a >= 1e6 || a < 1e-4) {
            return scientific(v);
        }
        String s =
                new BigDecimal(v).round(new MathContext(4)).stripTrailingZeros().toPlainString();
        return s.equals("-0") ? "0" : s;
    }

    /** 1e-4-style, every label of the axis alike. */
    static String scientific(Double v) {
        if (v == 0) {
            return "0";
        }
        int e = (int) Math.floor(Math.log10(Math.abs(v)) + 1e-9);
        double m = v / Math.pow(10, e);
        String mantissa = Math.abs(m - Math.rint(m)) < 1e-6
                ? String.valueOf((long) Math.rint(m))
                : String.format(Locale.ROOT, "%.2g", m);
        return mantissa + "e" + e;
    }

    public static void save(XYChart chart, Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        String name = file.toString();
        if (name.endsWith(".png")) {
            name = name.substring(0, name.length() - 4);
        }
        BitmapEncoder.saveBitmap(chart, name, BitmapEncoder.BitmapFormat.PNG);
    }
}
