package optikata.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
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
    private Charts() {
    }

    /** A series: x and y values, and whether to draw markers. */
    public record Series(double[] x, double[] y, boolean markers) {
        public static Series line(double[] x, double[] y) {
            return new Series(x, y, false);
        }

        public static Series points(double[] x, double[] y) {
            return new Series(x, y, true);
        }
    }

    public static XYChart chart(String title, String xTitle, String yTitle) {
        XYChart chart = new XYChartBuilder().width(900).height(600).title(title).xAxisTitle(xTitle).yAxisTitle(yTitle).build();
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

    private static final Marker[] MARKERS = {SeriesMarkers.CIRCLE, SeriesMarkers.SQUARE, SeriesMarkers.DIAMOND,
        SeriesMarkers.TRIANGLE_UP, SeriesMarkers.TRIANGLE_DOWN, SeriesMarkers.CROSS};

    /** Adds the series in order, each in its own colour; returns the chart for more styling. */
    public static XYChart add(XYChart chart, Map<String, Series> series) {
        int k = 0;
        for (Map.Entry<String, Series> e : series.entrySet()) {
            Series s = e.getValue();
            XYSeries xy = chart.addSeries(e.getKey(), s.x(), s.y());
            xy.setMarker(s.markers() ? MARKERS[k % MARKERS.length] : SeriesMarkers.NONE);
            Color c = PALETTE[k++ % PALETTE.length];
            xy.setLineColor(c);
            xy.setMarkerColor(c);
        }
        return chart;
    }

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
    public static XYChart draw(Figure f) {
        XYChart chart = chart(f.title(), f.xLabel(), f.yLabel());
        if (f.logX()) {
            chart.getStyler().setXAxisLogarithmic(true);
        }
        if (f.logY()) {
            chart.getStyler().setYAxisLogarithmic(true);
        }
        chart.getStyler().setxAxisTickLabelsFormattingFunction(formatter(f, true));
        chart.getStyler().setyAxisTickLabelsFormattingFunction(formatter(f, false));
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
        for (Figure.Series s : f.series()) {
            if (s.style() == Figure.Style.GUIDE || s.style() == Figure.Style.REFERENCE || s.style() == Figure.Style.HIGHLIGHT) {
                continue;
            }
            XYSeries xy = chart.addSeries(s.label(), s.x(), s.y());
            Color c = PALETTE[data++ % PALETTE.length];
            xy.setLineColor(c);
            xy.setMarkerColor(c);
            xy.setMarker(s.style() == Figure.Style.LINE ? SeriesMarkers.NONE : MARKERS[pointSeries++ % MARKERS.length]);
            if (s.style() == Figure.Style.POINTS) {
                xy.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
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
                xy.setLineStyle(new BasicStroke(2.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {9f, 6f}, 0f));
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
        return chart;
    }

    public static void save(Figure f, Path file) throws IOException {
        save(draw(f), file);
    }

    /** One format per axis: plain decimals when the axis spans 1e-3 to 1e5, else 1e-4-style powers. */
    static Function<Double, String> formatter(Figure f, boolean x) {
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
        boolean scientific = log && (lo < 1e-3 || hi >= 1e5) || !log && hi >= 1e6;
        return scientific ? Charts::scientific : Charts::tick;
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
        String s = new java.math.BigDecimal(v).round(new java.math.MathContext(4)).stripTrailingZeros().toPlainString();
        return s.equals("-0") ? "0" : s;
    }

    /** 1e-4-style, every label of the axis alike. */
    static String scientific(Double v) {
        if (v == 0) {
            return "0";
        }
        int e = (int) Math.floor(Math.log10(Math.abs(v)) + 1e-9);
        double m = v / Math.pow(10, e);
        String mantissa = Math.abs(m - Math.rint(m)) < 1e-6 ? String.valueOf((long) Math.rint(m)) : String.format(Locale.ROOT, "%.2g", m);
        return mantissa + "e" + e;
    }

    public static void save(XYChart chart, Path file) throws IOException {
        String name = file.toString();
        if (name.endsWith(".png")) {
            name = name.substring(0, name.length() - 4);
        }
        BitmapEncoder.saveBitmap(chart, name, BitmapEncoder.BitmapFormat.PNG);
    }
}
