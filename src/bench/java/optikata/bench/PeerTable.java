package optikata.bench;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.function.ToDoubleBiFunction;

/** The peer table of docs/PERFORMANCE.md, and the split crossover, from one run's rows. */
final class PeerTable {
    private PeerTable() {}

    /** Series shown, in order, with their column titles. */
    static final String[][] COLUMNS = {
        {"fused", "fused loop, 1 thread"},
        {"libraryPropagateSingleThread", "unchecked, 1 thread"},
        {"libraryPropagate", "unchecked, split"},
        {"librarySingleThread", "checked, 1 thread"},
        {"library", "checked, split (default)"},
        {"fusedTwoThreads", "fused loop, 2 threads"},
        {"tribuo", "Tribuo 4.3.2"},
        {"ejmlChain", "EJML chain"},
        {"nd4j", "ND4J 1.0.0-M2.1"},
    };

    static String markdown(List<BenchMain.Row> rows, ToDoubleBiFunction<List<BenchMain.Row>, BenchMain.Row> fusedTime) {
        List<String[]> present = Arrays.stream(COLUMNS)
                .filter(c -> rows.stream().anyMatch(r -> r.series().equals(c[0])))
                .toList();
        TreeSet<Integer> sizes = new TreeSet<>();
        rows.forEach(r -> sizes.add(r.n()));
        StringBuilder sb = new StringBuilder();
        sb.append(
                "Time per step (× = time relative to the fused loop on one thread, same run; below 1 is faster)\n\n| n |");
        present.forEach(c -> sb.append(' ').append(c[1]).append(" |"));
        sb.append("\n|---|");
        present.forEach(c -> sb.append("---|"));
        sb.append('\n');
        for (int n : sizes) {
            sb.append("| ").append(n).append(" |");
            for (String[] c : present) {
                BenchMain.Row r = find(rows, c[0], n);
                sb.append(' ');
                if (r == null) {
                    sb.append('–');
                } else {
                    sb.append(time(r.microsPerStep()))
                            .append(String.format(
                                    Locale.ROOT, " (%.2f×)", r.microsPerStep() / fusedTime.applyAsDouble(rows, r)));
                }
                sb.append(" |");
            }
            sb.append('\n');
        }
        sb.append("\nBytes allocated per step (JMH -prof gc, gc.alloc.rate.norm)\n\n| n |");
        present.forEach(c -> sb.append(' ').append(c[1]).append(" |"));
        sb.append("\n|---|");
        present.forEach(c -> sb.append("---|"));
        sb.append('\n');
        for (int n : sizes) {
            sb.append("| ").append(n).append(" |");
            for (String[] c : present) {
                BenchMain.Row r = find(rows, c[0], n);
                sb.append(' ')
                        .append(r == null ? "–" : String.format(Locale.ROOT, "%.1f", r.bytesPerStep()))
                        .append(" |");
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    /** The checked step split at every size against the same step on one thread, and where splitting starts to pay. */
    static String crossover(List<BenchMain.Row> rows) {
        TreeSet<Integer> sizes = new TreeSet<>();
        rows.forEach(r -> sizes.add(r.n()));
        StringBuilder sb = new StringBuilder(
                "\n| n | checked, 1 thread | checked, always split | split / 1 thread |\n|---|---|---|---|\n");
        Integer from = null;
        for (int n : sizes) {
            BenchMain.Row one = find(rows, "librarySingleThread", n);
            BenchMain.Row split = find(rows, "libraryAlwaysSplit", n);
            if (one == null || split == null) {
                continue;
            }
            double ratio = split.microsPerStep() / one.microsPerStep();
            sb.append(String.format(
                    Locale.ROOT,
                    "| %d | %s | %s | %.2f |%n",
                    n,
                    time(one.microsPerStep()),
                    time(split.microsPerStep()),
                    ratio));
            if (ratio < 1) {
                if (from == null) {
                    from = n;
                }
            } else {
                from = null;
            }
        }
        sb.append(
                from == null
                        ? "\nSplitting did not pay at any measured size.\n"
                        : "\nSplitting pays from n = " + from + " on (every larger size measured).\n");
        return sb.toString();
    }

    private static BenchMain.Row find(List<BenchMain.Row> rows, String series, int n) {
        return rows.stream()
                .filter(r -> r.series().equals(series) && r.n() == n)
                .findFirst()
                .orElse(null);
    }

    static String time(double micros) {
        if (micros < 1000) {
            return String.format(Locale.ROOT, micros < 10 ? "%.2f µs" : "%.1f µs", micros);
        }
        return String.format(Locale.ROOT, micros < 10_000 ? "%.2f ms" : "%.1f ms", micros / 1000);
    }
}
