package optikata.grade;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import optikata.kata.KataLayout;
import optikata.kata.Oracle;
import optikata.kata.SubmissionFiles;
import optikata.run.BuildInfo;

/** Grades every submission folder under a cohort folder, in parallel, with a progress line. */
public final class Cohort {
    private Cohort() {}

    public static List<Grader.Result> grade(
            KataLayout layout, GradeOptions options, Path cohort, Path out, int jobs, PrintStream progress)
            throws IOException, InterruptedException {
        return grade(layout, options, cohort, out, jobs, progress, Part.all());
    }

    /**
     * Grades the learners of {@code cohort} that {@code part} takes, writes their reports, the part's
     * gradebook and summary, and its {@link CohortManifest} (for {@link Merge}); no histogram (the overload with a
     * {@link ScoreHistogram.Painter} draws one).
     *
     * @throws IllegalArgumentException when the cohort has no learner folder, or a regrade names a learner it
     *                                  does not have
     */
    public static List<Grader.Result> grade(
            KataLayout layout, GradeOptions options, Path cohort, Path out, int jobs, PrintStream progress, Part part)
            throws IOException, InterruptedException {
        return grade(layout, options, cohort, out, jobs, progress, part, null);
    }

    /**
     * {@link #grade(KataLayout, GradeOptions, Path, Path, int, PrintStream, Part)}, with the histogram
     * drawn by {@code painter} (the presentation layer's; {@code null}: no histogram.png, and summary.md
     * shows no picture).
     */
    public static List<Grader.Result> grade(
            KataLayout layout,
            GradeOptions options,
            Path cohort,
            Path out,
            int jobs,
            PrintStream progress,
            Part part,
            ScoreHistogram.Painter painter)
            throws IOException, InterruptedException {
        List<Path> everyone;
        try (Stream<Path> s = Files.list(cohort)) {
            // a link in the cohort folder is not a learner's folder: it could point at the instructor's files
            everyone = s.filter(p -> Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS))
                    .sorted(Comparator.comparing(p -> p.getFileName().toString()))
                    .toList();
        }
        if (everyone.isEmpty()) {
            throw new IllegalArgumentException("Invalid cohort folder: " + cohort + " (no submission folders in it)");
        }
        List<String> names =
                everyone.stream().map(p -> p.getFileName().toString()).toList();
        for (String learner : part.only()) {
            if (!names.contains(learner)) {
                throw new IllegalArgumentException(
                        "Invalid learner: " + learner + " (no folder of that name in " + cohort + ")");
            }
        }
        List<Path> submissions = everyone.stream()
                .filter(p -> part.takes(p.getFileName().toString()))
                .toList();
        Path outDir = SafeFiles.prepareOut(out);
        // in the uid fallback, neither learners' folders nor their reports may be in another learner's reach
        Grader grader = new Grader(layout, options).protecting(List.of(cohort, outDir));
        String refusal = grader.preflight();
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, jobs));
        AtomicInteger finished = new AtomicInteger();
        long start = System.nanoTime();
        List<Future<Grader.Result>> futures = new ArrayList<>();
        for (Path submission : submissions) {
            futures.add(pool.submit(() -> {
                Grader.Result r = refusal != null ? grader.refused(submission, refusal) : gradeOne(grader, submission);
                try {
                    Reports.write(outDir.resolve(submission.getFileName().toString()), r, options);
                } catch (IOException | RuntimeException | Error e) {
                    r = new Grader.Result(
                            r.submission(),
                            r.outcomes(),
                            r.compileErrors(),
                            r.score(),
                            r.maxScore(),
                            r.seconds(),
                            (r.fatal() == null ? "" : r.fatal() + "; ") + "its reports could not be written: " + e,
                            r.sandbox(),
                            r.trust());
                }
                int n = finished.incrementAndGet();
                double elapsed = (System.nanoTime() - start) / 1e9;
                double left = elapsed / n * (submissions.size() - n);
                synchronized (progress) {
                    int width = 30;
                    int filled = width * n / submissions.size();
                    progress.printf(
                            Locale.ROOT,
                            "\r[%s%s] %d/%d  %-24s  %s elapsed, ~%s left ",
                            "#".repeat(filled),
                            ".".repeat(width - filled),
                            n,
                            submissions.size(),
                            trim(submission.getFileName().toString()),
                            clock(elapsed),
                            clock(left));
                    progress.flush();
                }
                return r;
            }));
        }
        pool.shutdown();
        List<Grader.Result> results = new ArrayList<>();
        for (int i = 0; i < futures.size(); i++) {
            try {
                results.add(futures.get(i).get());
            } catch (ExecutionException e) {
                // one learner's failure stays in that learner's row
                results.add(grader.failed(submissions.get(i), "the grader failed: " + e.getCause()));
            }
        }
        progress.println();
        List<String> graded = names(submissions);
        List<CohortManifest.Learner> learners = new ArrayList<>();
        for (int i = 0; i < results.size(); i++) {
            learners.add(new CohortManifest.Learner(graded.get(i), input(layout, submissions.get(i)), results.get(i)));
        }
        writeAll(
                outDir,
                new CohortManifest(
                        CohortManifest.FORMAT,
                        BuildInfo.current(),
                        Oracle.fingerprint(layout),
                        options,
                        layout.names(),
                        names,
                        part,
                        learners),
                painter);
        return results;
    }

    private static List<String> names(List<Path> folders) {
        return folders.stream().map(p -> p.getFileName().toString()).toList();
    }

    /** What the grader takes from a learner's folder, as a hash ({@link SubmissionFiles#fingerprint}). */
    private static String input(KataLayout layout, Path submission) {
        try {
            return SubmissionFiles.fingerprint(submission, Staging.expected(layout), SubmissionFiles.DEFAULT_CAP_BYTES);
        } catch (IOException | RuntimeException e) {
            return "unreadable: " + e.getMessage();
        }
    }

    /** The part's gradebook, summary, histogram, hidden details and manifest: the same for a run and a merge. */
    static void writeAll(Path outDir, CohortManifest manifest, ScoreHistogram.Painter painter) throws IOException {
        List<Grader.Result> results =
                manifest.learners().stream().map(CohortManifest.Learner::result).toList();
        writeGradebook(manifest.exercises(), results, outDir.resolve("gradebook.csv"));
        writeSummary(manifest.exercises(), results, outDir, painter);
        SafeFiles.write(outDir, "hidden-details.md", Reports.hiddenDetails(results));
        SafeFiles.write(outDir, CohortManifest.FILE, manifest.json());
    }

    /** One learner's grade; whatever escapes the grader (it should not) becomes that learner's failed row. */
    private static Grader.Result gradeOne(Grader grader, Path submission) {
        try {
            return grader.grade(submission);
        } catch (RuntimeException | Error e) {
            return grader.failed(submission, "the grader failed: " + e);
        }
    }

    static String trim(String s) {
        return s.length() <= 24 ? s : s.substring(0, 21) + "...";
    }

    static String clock(double seconds) {
        long s = Math.round(seconds);
        return String.format(Locale.ROOT, "%02d:%02d", s / 60, s % 60);
    }

    static void writeGradebook(List<String> exercises, List<Grader.Result> results, Path file) throws IOException {
        StringBuilder sb = new StringBuilder("student");
        exercises.forEach(e -> sb.append(',').append(e));
        sb.append(",total,max,note\n");
        for (Grader.Result r : results) {
            sb.append(csv(r.submission()));
            for (String e : exercises) {
                double score = r.trust() != Grader.Trust.TRUSTED
                        ? 0
                        : r.outcomes().stream()
                                .filter(o -> o.exercise().equals(e))
                                .mapToDouble(Outcome::score)
                                .sum();
                sb.append(',').append(Reports.fmt(Scoring.round(score)));
            }
            sb.append(',')
                    .append(Reports.fmt(r.marks()))
                    .append(',')
                    .append(Reports.fmt(r.maxScore()))
                    .append(',')
                    .append(csv(
                            r.fatal() != null
                                    ? "could not grade: " + r.fatal()
                                    : r.trust() != Grader.Trust.TRUSTED ? "feedback only, no marks" : ""))
                    .append('\n');
        }
        SafeFiles.write(file.getParent(), file.getFileName().toString(), sb);
    }

    static String csv(String s) {
        if (!s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0) {
            s = "'" + s; // a spreadsheet would run a cell that starts like a formula
        }
        return s.contains(",") || s.contains("\"") || s.contains("\n") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }

    /**
     * summary.md (score distribution, the most common diagnosed mistakes per exercise) and, drawn by
     * {@code painter} when there is one, histogram.png.
     */
    static void writeSummary(
            List<String> exercises, List<Grader.Result> results, Path out, ScoreHistogram.Painter painter)
            throws IOException {
        double max = results.stream().mapToDouble(Grader.Result::maxScore).max().orElse(1);
        if (painter != null) {
            SafeFiles.write(out, "histogram.png", painter.png(ScoreHistogram.of(results, max)));
        }

        Map<String, Map<String, Integer>> mistakes = new TreeMap<>();
        Map<String, Integer> failedBy = new LinkedHashMap<>();
        for (Grader.Result r : results) {
            Map<String, Boolean> seen = new LinkedHashMap<>();
            for (Outcome o : r.outcomes()) {
                String m = o.passed() ? null : o.mistake();
                if (m != null && seen.putIfAbsent(o.exercise() + "/" + m, true) == null) {
                    mistakes.computeIfAbsent(o.exercise(), k -> new TreeMap<>()).merge(m, 1, Integer::sum);
                }
            }
            exercises.forEach(e -> {
                if (r.outcomes().stream().anyMatch(o -> o.exercise().equals(e) && !o.passed())) {
                    failedBy.merge(e, 1, Integer::sum);
                }
            });
        }
        StringBuilder sb = new StringBuilder("# Cohort summary\n\n");
        double mean =
                results.stream().mapToDouble(Grader.Result::marks).average().orElse(0);
        sb.append(String.format(
                Locale.ROOT,
                "%d submissions, mean %.2f of %s points.%n%n%s",
                results.size(),
                mean,
                Reports.fmt(max),
                painter == null ? "" : String.format(Locale.ROOT, "![score histogram](histogram.png)%n%n")));
        sb.append(
                "## What to re-teach: the most common diagnosed mistakes\n\n| exercise | submissions failing | mistakes (submissions) |\n|---|---|---|\n");
        for (String e : exercises) {
            Map<String, Integer> m = mistakes.getOrDefault(e, Map.of());
            String list = m.entrySet().stream()
                    .sorted(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder()))
                    .map(x -> x.getKey() + " (" + x.getValue() + ")")
                    .reduce((a, b) -> a + ", " + b)
                    .orElse("—");
            sb.append("| ")
                    .append(e)
                    .append(" | ")
                    .append(failedBy.getOrDefault(e, 0))
                    .append(" | ")
                    .append(list)
                    .append(" |\n");
        }
        SafeFiles.write(out, "summary.md", sb);
    }
}
