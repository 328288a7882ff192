package optikata.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** XChart PNGs with a title, labelled axes and a legend, drawn headless. */
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
        XYChart chart = new XYChartBuilder().width(900).height(560).title(title).xAxisTitle(xTitle).yAxisTitle(yTitle).build();
        Styler styler = chart.getStyler();
        styler.setChartBackgroundColor(Color.WHITE);
        styler.setLegendPosition(Styler.LegendPosition.InsideNE);
        styler.setLegendBackgroundColor(new Color(255, 255, 255, 220));
        chart.getStyler().setPlotGridLinesColor(new Color(225, 225, 225));
        chart.getStyler().setXAxisTickMarkSpacingHint(90);
        return chart;
    }

    /** Distinct, print-friendly colours for the data series, in order. */
    private static final Color[] PALETTE = {
        new Color(31, 119, 180), new Color(214, 39, 40), new Color(44, 160, 44), new Color(255, 127, 14),
        new Color(148, 103, 189), new Color(140, 86, 75), new Color(23, 190, 207), new Color(127, 127, 127),
    };

    /** Adds the series in order, each in its own colour; returns the chart for more styling. */
    public static XYChart add(XYChart chart, Map<String, Series> series) {
        int k = 0;
        for (Map.Entry<String, Series> e : series.entrySet()) {
            Series s = e.getValue();
            XYSeries xy = chart.addSeries(e.getKey(), s.x(), s.y());
            xy.setMarker(s.markers() ? SeriesMarkers.CIRCLE : SeriesMarkers.NONE);
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

    public static void save(XYChart chart, Path file) throws IOException {
        String name = file.toString();
        if (name.endsWith(".png")) {
            name = name.substring(0, name.length() - 4);
        }
        BitmapEncoder.saveBitmap(chart, name, BitmapEncoder.BitmapFormat.PNG);
    }
}
