package optikata.grade;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import optikata.kata.KataLayout;
import optikata.support.Slow;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A cohort graded on several machines: the same cohort graded whole and as four shards, each shard a
 * process of its own as on four CI runners, merges into the whole run's gradebook, byte for byte; a
 * merge that cannot be right is refused in one line naming the culprit.
 */
@Slow
final class ShardMergeTest {
    static final KataLayout LAYOUT = GraderTest.LAYOUT;
    static final int LEARNERS = 40;

    @TempDir
    static Path dir;

    static Path cohort;
    static Path whole;
    static List<Path> shards = new ArrayList<>();

    /** The cohort: whole solutions, one exercise left as the stub, a known mistake, all stubs, an empty folder. */
    @BeforeAll
    @Timeout(value = 20, unit = TimeUnit.MINUTES)
    static void gradeWholeAndInShards() throws Exception {
        cohort = dir.resolve("cohort");
        for (int k = 0; k < LEARNERS; k++) {
            Path learner = cohort.resolve(String.format("learner-%02d", k));
            switch (k % 5) {
                case 0 -> Submissions.copy(LAYOUT.solutions(), learner);
                case 1 -> {
                    Submissions.copy(LAYOUT.solutions(), learner);
                    String ex = LAYOUT.names().get(k % LAYOUT.names().size());
                    Path stub = KataLayout.sourceDir(LAYOUT.exercises(), ex);
                    try (Stream<Path> files = Files.walk(stub)) {
                        for (Path f : files.filter(Files::isRegularFile).toList()) {
                            Files.copy(
                                    f,
                                    KataLayout.sourceDir(learner, ex)
                                            .resolve(stub.relativize(f).toString()),
                                    StandardCopyOption.REPLACE_EXISTING);
                        }
                    }
                }
                case 2 -> {
                    Submissions.copy(LAYOUT.solutions(), learner);
                    Submissions.edit(
                            learner,
                            "01-one-step",
                            "kata/onestep/OneStep.java",
                            "Math.sqrt(s + epsilon)",
                            "(Math.sqrt(s) + epsilon)");
                }
                case 3 -> Submissions.copy(LAYOUT.exercises(), learner);
                default -> Files.createDirectories(learner);
            }
        }
        whole = dir.resolve("whole");
        assertThat(run("grade", "--cohort", cohort.toString(), "--out", whole.toString(), "--jobs", "2").code)
                .isZero();
        List<Started> running = new ArrayList<>();
        for (int i = 1; i <= 4; i++) {
            Path out = dir.resolve("shard-" + i);
            shards.add(out);
            running.add(start(
                    "grade",
                    "--cohort",
                    cohort.toString(),
                    "--shard",
                    i + "/4",
                    "--out",
                    out.toString(),
                    "--jobs",
                    "1"));
            if (running.size() == 2) {
                for (Started p : running) {
                    assertThat(finish(p).code).isZero();
                }
                running.clear();
            }
        }
    }

    @Test
    @DisplayName("four shards, graded as separate processes and merged, give the whole run's gradebook byte for byte")
    void mergedEqualsWhole() throws Exception {
        Path merged = dir.resolve("merged");
        Run r = merge(merged, shards);
        assertThat(r.code).as(r.err).isZero();
        assertThat(r.out).contains("40 learners");
        for (String file : List.of("gradebook.csv", "summary.md", "hidden-details.md", "histogram.png")) {
            assertThat(Files.readAllBytes(merged.resolve(file)))
                    .as(file)
                    .isEqualTo(Files.readAllBytes(whole.resolve(file)));
        }
        // the shards split the cohort, each learner in one of them
        int graded = 0;
        for (Path shard : shards) {
            graded += (int) Files.readAllLines(shard.resolve("gradebook.csv")).stream()
                    .skip(1)
                    .count();
        }
        assertThat(graded).isEqualTo(LEARNERS);
        assertThat(Files.readAllLines(whole.resolve("gradebook.csv"))).hasSize(LEARNERS + 1);
        // every learner's reports are there too, as the whole run wrote them (timing aside)
        String learner = "learner-02";
        assertThat(Files.readString(merged.resolve(learner).resolve("junit.xml"))
                        .replaceAll("time=\"[^\"]*\"", ""))
                .isEqualTo(Files.readString(whole.resolve(learner).resolve("junit.xml"))
                        .replaceAll("time=\"[^\"]*\"", ""));
        // and the scores are not all alike: the cohort is mixed (the totals, found by the header)
        List<String> rows = Files.readAllLines(whole.resolve("gradebook.csv"));
        int total = List.of(rows.get(0).split(",")).indexOf("total");
        assertThat(total).isPositive();
        assertThat(rows.stream()
                        .skip(1)
                        .map(l -> l.split(",")[total])
                        .distinct()
                        .count())
                .isGreaterThanOrEqualTo(4);
    }

    @Test
    @DisplayName("merging is refused, in one line naming the problem, with a shard missing")
    void missingShard() throws Exception {
        Run r = merge(dir.resolve("m-missing"), List.of(shards.get(0), shards.get(1), shards.get(3)));
        assertThat(r.code).isEqualTo(2);
        assertThat(r.err.strip()).doesNotContain("\n").contains("shard 3/4 is missing");
        assertThat(dir.resolve("m-missing").resolve("gradebook.csv")).doesNotExist();
    }

    @Test
    @DisplayName("merging is refused with a shard graded against other specs, or by another build")
    void otherSpecsOrBuild() throws Exception {
        Path other = copyShard(shards.get(1), "shard-2-other-specs");
        edit(other, m -> m.put("specs", "0".repeat(64)));
        Run r = merge(dir.resolve("m-specs"), List.of(shards.get(0), other, shards.get(2), shards.get(3)));
        assertThat(r.code).isEqualTo(2);
        assertThat(r.err.strip())
                .doesNotContain("\n")
                .contains(other.toString())
                .contains("other specs");

        Path build = copyShard(shards.get(2), "shard-3-other-build");
        edit(build, m -> ((ObjectNode) m.get("tool")).put("commit", "0000000"));
        r = merge(dir.resolve("m-build"), List.of(shards.get(0), shards.get(1), build, shards.get(3)));
        assertThat(r.code).isEqualTo(2);
        assertThat(r.err.strip())
                .doesNotContain("\n")
                .contains(build.toString())
                .contains("0000000");
    }

    @Test
    @DisplayName("merging is refused with a learner in two shards, or a learner no shard graded")
    void learnerTwiceOrNever() throws Exception {
        ObjectMapper json = new ObjectMapper();
        ObjectNode first = (ObjectNode)
                json.readTree(shards.get(0).resolve(CohortManifest.FILE).toFile());
        ObjectNode stray = (ObjectNode) first.get("learners").get(0);
        String name = stray.get("name").asText();
        Path twice = copyShard(shards.get(1), "shard-2-twice");
        edit(twice, m -> ((ArrayNode) m.get("learners")).add(stray));
        Run r = merge(dir.resolve("m-twice"), List.of(shards.get(0), twice, shards.get(2), shards.get(3)));
        assertThat(r.code).isEqualTo(2);
        assertThat(r.err.strip()).doesNotContain("\n").contains("learner " + name + " was graded twice");

        Path lacking = copyShard(shards.get(0), "shard-1-lacking");
        edit(lacking, m -> ((ArrayNode) m.get("learners")).remove(0));
        r = merge(dir.resolve("m-never"), List.of(lacking, shards.get(1), shards.get(2), shards.get(3)));
        assertThat(r.code).isEqualTo(2);
        assertThat(r.err.strip()).doesNotContain("\n").contains("learner " + name + " was not graded");
    }

    @Test
    @DisplayName("a regrade of one learner merges over its shard's grade; re-running a shard and merging again is safe")
    void regradeAndRerun() throws Exception {
        Path regrade = dir.resolve("regrade");
        Run g = run("grade", "--cohort", cohort.toString(), "--only", "learner-03", "--out", regrade.toString());
        assertThat(g.code).as(g.err).isZero();
        assertThat(Files.readAllLines(regrade.resolve("gradebook.csv"))).hasSize(2);
        List<Path> all = new ArrayList<>(shards);
        all.add(regrade);
        Path merged = dir.resolve("m-regrade");
        Run r = merge(merged, all);
        assertThat(r.code).as(r.err).isZero();
        assertThat(Files.readAllBytes(merged.resolve("gradebook.csv")))
                .isEqualTo(Files.readAllBytes(whole.resolve("gradebook.csv")));
        // the same merge again, into the same folder
        r = merge(merged, all);
        assertThat(r.code).as(r.err).isZero();
        assertThat(Files.readAllBytes(merged.resolve("gradebook.csv")))
                .isEqualTo(Files.readAllBytes(whole.resolve("gradebook.csv")));
        // two regrades of one learner: which one counts is not for the merge to guess
        Path again = copyShard(regrade, "regrade-again");
        all.add(again);
        r = merge(dir.resolve("m-regrade-twice"), all);
        assertThat(r.code).isEqualTo(2);
        assertThat(r.err.strip()).doesNotContain("\n").contains("learner-03 was regraded twice");
    }

    @Test
    @DisplayName("bad --shard and --only values are refused naming the flag")
    void badArguments() throws Exception {
        for (String[] args : List.of(
                new String[] {"--shard", "5/4"},
                new String[] {"--shard", "0/4"},
                new String[] {"--shard", "two"},
                new String[] {"--only", "nobody"})) {
            Run r = run(
                    "grade",
                    "--cohort",
                    cohort.toString(),
                    "--out",
                    dir.resolve("bad").toString(),
                    args[0],
                    args[1]);
            assertThat(r.code).as(String.join(" ", args)).isEqualTo(2);
            assertThat(r.err.strip())
                    .doesNotContain("\n")
                    .contains(args[0])
                    .contains(args[1].equals("two") ? "two" : "");
        }
    }

    // --- helpers ---

    record Run(int code, String out, String err) {}

    interface Edit {
        void apply(ObjectNode manifest);
    }

    static Path copyShard(Path shard, String name) throws IOException {
        Path to = dir.resolve(name);
        Files.createDirectories(to);
        Files.copy(shard.resolve(CohortManifest.FILE), to.resolve(CohortManifest.FILE));
        return to;
    }

    static void edit(Path shard, Edit edit) throws IOException {
        ObjectMapper json = new ObjectMapper();
        ObjectNode m =
                (ObjectNode) json.readTree(shard.resolve(CohortManifest.FILE).toFile());
        edit.apply(m);
        json.writeValue(shard.resolve(CohortManifest.FILE).toFile(), m);
    }

    static Run merge(Path out, List<Path> dirs) throws Exception {
        List<String> args = new ArrayList<>(List.of("grade", "merge"));
        dirs.forEach(d -> args.add(d.toString()));
        args.add("--out");
        args.add(out.toString());
        return run(args.toArray(String[]::new));
    }

    static Run run(String... args) throws Exception {
        return finish(start(args));
    }

    /** A command running in its own JVM, its output going to two files. */
    record Started(Process process, Path out, Path err) {}

    static Started start(String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                "-Doptikata.home=" + LAYOUT.root(),
                "optikata.cli.Main"));
        cmd.addAll(List.of(args));
        if (GraderTest.FALLBACK && !args[1].equals("merge")) {
            cmd.add("--no-sandbox");
        }
        Path out = Files.createTempFile(dir, "out", ".txt");
        Path err = Files.createTempFile(dir, "err", ".txt");
        Process p = new ProcessBuilder(cmd)
                .redirectOutput(out.toFile())
                .redirectError(err.toFile())
                .start();
        return new Started(p, out, err);
    }

    static Run finish(Started s) throws Exception {
        if (!s.process().waitFor(10, TimeUnit.MINUTES)) {
            s.process().destroyForcibly();
            throw new AssertionError("the command did not finish");
        }
        return new Run(
                s.process().exitValue(),
                Files.readString(s.out(), StandardCharsets.UTF_8),
                Files.readString(s.err(), StandardCharsets.UTF_8));
    }
}
