package optikata.claims;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A picture a claim contributes, as data: the report package draws it. A claim builds one with
 * {@link #of} and adds series; nothing here knows about files or chart libraries.
 *
 * @param name    a short file-name stem, unique within the report (such as {@code c04-ema-window})
 * @param title   the chart title
 * @param xLabel  the x-axis label
 * @param yLabel  the y-axis label
 * @param caption what the picture shows, in one or two sentences
 * @param logX    logarithmic x axis
 * @param logY    logarithmic y axis
 * @param xRange  {@code {min, max}} of the x axis, or null to fit the data
 * @param yRange  {@code {min, max}} of the y axis, or null to fit the data
 * @param series  the data, drawn in order (later series on top)
 */
public record Figure(
        String name,
        String title,
        String xLabel,
        String yLabel,
        String caption,
        boolean logX,
        boolean logY,
        double[] xRange,
        double[] yRange,
        List<Series> series) {

    /** How a series is drawn. */
    public enum Style {
        /** a solid line */
        LINE,
        /** markers only */
        POINTS,
        /** a line with markers */
        LINE_POINTS,
        /** a dashed reference line (a documented value, a bound, a threshold) */
        REFERENCE,
        /** a few large highlighted markers (a documented point, an event) */
        HIGHLIGHT,
        /** thin grey lines not named in the legend (contour lines, grids, arrows) */
        GUIDE
    }

    /** One named series; NaN values are gaps. */
    public record Series(String label, double[] x, double[] y, Style style) {
        public Series {
            Objects.requireNonNull(label, "label");
            if (x.length != y.length) {
                throw new IllegalArgumentException(
                        "Must be as many x as y values in series " + label + ": " + x.length + " vs " + y.length);
            }
        }
    }

    public static Builder of(String name, String title, String xLabel, String yLabel) {
        return new Builder(name, title, xLabel, yLabel);
    }

    /** x = 1, 2, ..., n. */
    public static double[] steps(int n) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = i + 1;
        }
        return x;
    }

    public static final class Builder {
        private final String name;
        private final String title;
        private final String xLabel;
        private final String yLabel;
        private final List<Series> series = new ArrayList<>();
        private boolean logX;
        private boolean logY;
        private double[] xRange;
        private double[] yRange;

        Builder(String name, String title, String xLabel, String yLabel) {
            this.name = name;
            this.title = title;
            this.xLabel = xLabel;
            this.yLabel = yLabel;
        }

        public Builder add(String label, double[] x, double[] y, Style style) {
            series.add(new Series(label, x.clone(), y.clone(), style));
            return this;
        }

        /** A horizontal reference line at {@code y} from x0 to x1. */
        public Builder hline(String label, double y, double x0, double x1) {
            return add(label, new double[] {x0, x1}, new double[] {y, y}, Style.REFERENCE);
        }

        /** A vertical reference line at {@code x} from y0 to y1. */
        public Builder vline(String label, double x, double y0, double y1) {
            return add(label, new double[] {x, x}, new double[] {y0, y1}, Style.REFERENCE);
        }

        public Builder logX() {
            logX = true;
            return this;
        }

        public Builder logY() {
            logY = true;
            return this;
        }

        public Builder xRange(double min, double max) {
            xRange = new double[] {min, max};
            return this;
        }

        public Builder yRange(double min, double max) {
            yRange = new double[] {min, max};
            return this;
        }

        public Figure caption(String caption) {
            return new Figure(name, title, xLabel, yLabel, caption, logX, logY, xRange, yRange, List.copyOf(series));
        }
    }
}
