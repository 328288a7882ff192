package optikata.report;

import java.awt.Color;
import java.io.IOException;
import optikata.grade.ScoreHistogram;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;

/** The grader's pictures: a cohort's score histogram, drawn with XChart (the grader computes the bins). */
public final class ScoreCharts {
    private ScoreCharts() {}

    /** The histogram as a PNG image, 900 × 500: a {@link ScoreHistogram.Painter}. */
    public static byte[] histogram(ScoreHistogram h) throws IOException {
        CategoryChart chart = new CategoryChartBuilder()
                .width(900)
                .height(500)
                .title(h.title())
                .xAxisTitle(h.xAxisTitle())
                .yAxisTitle(h.yAxisTitle())
                .build();
        chart.getStyler().setLegendVisible(false);
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.addSeries("submissions", h.labels(), h.counts());
        return BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
    }
}
