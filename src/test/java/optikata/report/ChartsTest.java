package optikata.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import optikata.claims.Figure;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChartsTest {
    @Test
    @DisplayName("a figure whose computation broke down (all NaN) still draws, saying there is nothing finite to draw")
    void allNaNFigureDraws(@TempDir Path dir) throws Exception {
        Figure f = Figure.of("broken", "a broken run", "step", "value")
                .logY()
                .add(
                        "NaN everywhere",
                        new double[] {1, 2, 3},
                        new double[] {Double.NaN, Double.NaN, Double.NaN},
                        Figure.Style.LINE)
                .caption("nothing");
        Charts.save(f, dir.resolve("broken.png"));
        assertThat(dir.resolve("broken.png")).isRegularFile();
        assertThat(Charts.drawable(Charts.linear(f)).series())
                .extracting(Figure.Series::label)
                .containsExactly("no finite values to draw");
    }

    @Test
    @DisplayName("log-axis labels share one style: plain from 0.0001 to 10⁴, else every label as a power of ten")
    void logLabelsShareOneStyle() {
        Figure narrow = Figure.of("a", "t", "x", "y")
                .logY()
                .add("s", new double[] {1, 2}, new double[] {1e-3, 1e3}, Figure.Style.LINE)
                .caption("");
        Figure wide = Figure.of("b", "t", "x", "y")
                .logY()
                .add("s", new double[] {1, 2}, new double[] {1e-8, 1e3}, Figure.Style.LINE)
                .caption("");
        assertThat(Charts.labels(narrow, false).apply(-3.0)).isEqualTo("0.001");
        assertThat(Charts.labels(narrow, false).apply(0.0)).isEqualTo("1");
        assertThat(Charts.labels(wide, false).apply(-3.0)).isEqualTo("1e-3");
        assertThat(Charts.labels(wide, false).apply(0.0)).isEqualTo("1e0");
        assertThat(Charts.labels(wide, false).apply(-2.5)).isEmpty();
    }
}
