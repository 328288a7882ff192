package optikata.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link TrajectoryFormat#readTable}: the reader of numeric tables (data sets, gradients) beside the trace reader. */
class TableTest {

    @Test
    @DisplayName(
            "tab-, space- or comma-separated rows are read in order; blank lines, comments and a header are skipped")
    void goodFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("data.dat");
        Files.writeString(file, "x\ty\tz\n# a comment\n1\t2\t3\n\n4  5 6\n-7.5e-1,8, 9\n");
        List<double[]> rows = TrajectoryFormat.readTable(file, 3, "2 features, 1 target");
        assertThat(rows).hasSize(3);
        assertThat(rows.get(0)).containsExactly(1, 2, 3);
        assertThat(rows.get(1)).containsExactly(4, 5, 6);
        assertThat(rows.get(2)).containsExactly(-0.75, 8, 9);
        assertThat(TrajectoryFormat.readTable(file, -1, "any")).hasSize(3);
    }

    @Test
    @DisplayName("a bad row is named by its file, its line number and what was expected")
    void badRows(@TempDir Path dir) throws Exception {
        Path narrow = dir.resolve("narrow.dat");
        Files.writeString(narrow, "1\t2\t3\n\n4\t5\n");
        assertThatThrownBy(() -> TrajectoryFormat.readTable(narrow, 3, "2 features, 1 target"))
                .hasMessage(narrow + ":3: 2 columns but 3 expected (2 features, 1 target)");
        Path word = dir.resolve("word.dat");
        Files.writeString(word, "1\t2\t3\n1\tx\t3\n");
        assertThatThrownBy(() -> TrajectoryFormat.readTable(word, 3, "2 features, 1 target"))
                .hasMessage(word + ":2: column 2 is not a number: 'x'");
        Path empty = dir.resolve("empty.csv");
        Files.writeString(empty, "1,,3\n");
        assertThatThrownBy(() -> TrajectoryFormat.readTable(empty, 3, "three"))
                .hasMessage(empty + ":1: column 2 is not a number: ''");
        // a first data row with one corrupted cell is not taken for a header and skipped
        Path corrupted = dir.resolve("corrupted.dat");
        Files.writeString(corrupted, "8OO\t2\t3\n1\t2\t3\n");
        assertThatThrownBy(() -> TrajectoryFormat.readTable(corrupted, 3, "three"))
                .hasMessage(corrupted + ":1: column 1 is not a number: '8OO'");
        assertThatThrownBy(() -> TrajectoryFormat.readTable(dir.resolve("missing.dat"), 3, "three"))
                .hasMessageContaining("No such file");
    }
}
