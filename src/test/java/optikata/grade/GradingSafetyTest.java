package optikata.grade;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import optikata.support.Slow;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * One learner's attack on the bookkeeping stays in that learner's row: a cohort with a learner
 * whose code leaves a 60,000-level folder chain and stashes in the shared folders, one whose source
 * keeps javac busy for minutes, and one that fills the disk, beside an honest learner, finishes,
 * writes every row, and gives the honest learner full marks. Runs at whatever isolation the
 * machine gives ({@code -Doptikata.test.fallback=true} forces the uid fallback).
 */
@Slow
class GradingSafetyTest {
    static final String MARK =
            "gs" + Long.toHexString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE);

    /** Nine nested conditionals over overloaded generic calls: javac types every branch for every overload (minutes). */
    static String compilerBomb() {
        String e = "1";
        for (int i = 0; i < 12; i++) {
            e = i < 9 ? "f(b ? " + e + " : " + e + ")" : "f(" + e + ")";
        }
        return """
                    static <T> T f(T t) { return t; }
                    static <T> java.util.List<T> f(java.util.List<T> t) { return t; }
                    static <T extends Number> T f(T t, int k) { return t; }
                    static Object bomb(boolean b) { return %s; }
                """.formatted(e);
    }

    /** A folder chain 60,000 levels deep in the working folder, grown at its top so no path gets long, and stashes. */
    static String deepTreeAndStashes() {
        return """
                    static {
                        try {
                            java.nio.file.Path base = java.nio.file.Path.of("").toAbsolutePath();
                            java.nio.file.Path chain = base.resolve("chain");
                            java.nio.file.Files.createDirectory(chain);
                            for (int i = 0; i < 60000; i++) {
                                java.nio.file.Path next = base.resolve("next");
                                java.nio.file.Files.createDirectory(next);
                                java.nio.file.Files.move(chain, next.resolve("c"));
                                java.nio.file.Files.move(next, chain);
                            }
                        } catch (Exception e) {
                            // made by the first child already
                        }
                        for (String shared : new String[] {"/tmp", "/var/tmp", "/dev/shm", "/run/lock"}) {
                            try {
                                java.nio.file.Path d = java.nio.file.Path.of(shared, "%s-stash");
                                java.nio.file.Files.createDirectories(d.resolve("inner"));
                                java.nio.file.Files.writeString(d.resolve("inner").resolve("books.txt"), "stash");
                            } catch (Exception e) {
                                // not writable here (a namespace)
                            }
                        }
                    }
                """.formatted(MARK);
    }

    /** 9 files of 60 MB in the working folder: each under the per-file limit, 540 MB in all. */
    static String diskFiller() {
        return """
                    static {
                        try {
                            byte[] block = new byte[1 << 20];
                            for (int f = 0; f < 9; f++) {
                                try (java.io.OutputStream o = java.nio.file.Files.newOutputStream(
                                        java.nio.file.Path.of("fill-" + f))) {
                                    for (int k = 0; k < 60; k++) {
                                        o.write(block);
                                    }
                                }
                            }
                            Thread.sleep(5000);
                        } catch (Exception e) {
                            // stopped
                        }
                    }
                """;
    }

    @Test
    @Timeout(value = 6, unit = TimeUnit.MINUTES)
    @DisplayName(
            "cohort: a 60,000-level folder chain, a compiler bomb and a disk filler each stay in their own row; the honest learner gets full marks")
    void oneLearnersFailureStaysInItsRow(@TempDir Path dir) throws Exception {
        Path cohort = dir.resolve("cohort");
        Submissions.copy(GraderTest.LAYOUT.solutions(), cohort.resolve("a-honest"));
        Path deep = Hostile.stubs(cohort.resolve("b-deep"));
        Hostile.write(
                deep,
                "01-one-step",
                Hostile.withMembers(
                        Hostile.solution("01-one-step"), "public final class OneStep", deepTreeAndStashes()));
        Path bomb = Hostile.stubs(cohort.resolve("c-bomb"));
        Hostile.write(
                bomb, "02-ema", Hostile.withMembers(Hostile.stub("02-ema"), "public final class Ema", compilerBomb()));
        Path filler = Hostile.stubs(cohort.resolve("d-filler"));
        Hostile.write(
                filler,
                "03-vectors",
                Hostile.withMembers(Hostile.stub("03-vectors"), "public final class VectorRmsProp", diskFiller()));
        // a short deadline bounds the compiler bomb (compiling ends within it)
        GradeOptions options =
                new GradeOptions(3, 25, 256, 4096, Map.of(), "after_published", false, GraderTest.OPTIONS.sandbox());
        Path out = dir.resolve("out");

        List<Grader.Result> results = Cohort.grade(
                GraderTest.LAYOUT, options, cohort, out, 2, new PrintStream(new ByteArrayOutputStream(), true));

        Map<String, Grader.Result> by = new TreeMap<>();
        results.forEach(r -> by.put(r.submission(), r));
        assertThat(by).containsOnlyKeys("a-honest", "b-deep", "c-bomb", "d-filler");
        Grader.Result a = by.get("a-honest");
        assertThat(a.score())
                .as("the honest learner beside the attackers: " + a.fatal() + " " + a.sandbox())
                .isEqualTo(a.maxScore());
        assertThat(by.get("b-deep").fatal()).as("the deep tree's grade").isNull();
        results.forEach(r -> System.out.println(r.submission() + ": " + r.seconds() + " s, " + r.score() + " points"));
        assertThat(String.join("\n", by.get("c-bomb").compileErrors().getOrDefault("02-ema", List.of())))
                .as("the compiler bomb's 02")
                .contains("did not finish within");
        assertThat(by.get("c-bomb").seconds())
                .as("the bomb's grade, deadline 45 s")
                .isLessThan(75);
        assertThat(by.get("d-filler").fatal()).as("the disk filler's row").contains("wrote more than");
        String gradebook = Files.readString(out.resolve("gradebook.csv"));
        assertThat(gradebook.lines()).as(gradebook).hasSize(5);
        assertThat(gradebook).contains("d-filler").contains("could not grade: the code wrote more than");
        for (String shared : List.of("/tmp", "/var/tmp", "/dev/shm", "/run/lock")) {
            Path p = Path.of(shared);
            if (!Files.isDirectory(p)) {
                continue;
            }
            try (Stream<Path> s = Files.list(p)) {
                assertThat(s.map(f -> f.getFileName().toString()))
                        .as("stashes left in " + shared + " ("
                                + by.get("b-deep").sandbox() + ")")
                        .noneMatch(n -> n.startsWith(MARK));
            }
        }
    }
}
