package optikata.grade;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A cohort's score distribution as the summary shows it: ten bins of 10% of the maximum score, the
 * submissions counted in each. The grader computes it; a {@link Painter} of the presentation layer
 * ({@code optikata.report.ScoreCharts}) draws it, so the grader itself draws nothing.
 *
 * @param submissions how many submissions were counted
 * @param maxScore    the highest score a submission could get
 * @param labels      the bins' labels, lowest first ({@code 0–10%}, ...)
 * @param counts      the submissions in each bin
 */
public record ScoreHistogram(int submissions, double maxScore, List<String> labels, List<Integer> counts) {
    static final int BINS = 10;

    public ScoreHistogram {
        labels = List.copyOf(labels);
        counts = List.copyOf(counts);
        if (labels.size() != counts.size()) {
            throw new IllegalArgumentException(
                    "Invalid histogram: " + labels.size() + " labels for " + counts.size() + " counts");
        }
    }

    /** Draws a histogram as a PNG image. */
    @FunctionalInterface
    public interface Painter {
        byte[] png(ScoreHistogram histogram) throws IOException;
    }

    static ScoreHistogram of(List<Grader.Result> results, double max) {
        int[] counts = new int[BINS];
        for (Grader.Result r : results) {
            int b = (int) Math.min(BINS - 1, Math.floor(r.marks() / max * BINS));
            counts[b]++;
        }
        List<String> labels = new ArrayList<>();
        List<Integer> values = new ArrayList<>();
        for (int b = 0; b < BINS; b++) {
            labels.add(String.format(Locale.ROOT, "%d–%d%%", b * 10, b * 10 + 10));
            values.add(counts[b]);
        }
        return new ScoreHistogram(results.size(), max, labels, values);
    }

    public String title() {
        return "Score distribution (" + submissions + " submissions)";
    }

    public String xAxisTitle() {
        return "score, % of " + Reports.fmt(maxScore) + " points";
    }

    public String yAxisTitle() {
        return "submissions";
    }
}
