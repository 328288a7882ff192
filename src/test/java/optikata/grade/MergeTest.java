package optikata.grade;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import optikata.run.BuildInfo;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link Merge} on manifests written here (no grading): the split's rules, and grades no grader writes.
 * ShardMergeTest merges real shards graded in separate processes.
 */
final class MergeTest {
    static final List<String> EXERCISES = List.of("01-a", "02-b");
    static final List<String> COHORT = List.of("ada", "bo", "cy", "dee", "eve", "fin", "gus");
    static final BuildInfo TOOL = BuildInfo.current();

    static Grader.Result result(String name, double a, double b) {
        List<Outcome> outcomes = List.of(
                new Outcome("01-a", "ASpec", "a case", a == 10 ? "passed" : "failed", "m", "", false, a, 10),
                new Outcome("02-b", "BSpec", "b case", b == 10 ? "passed" : "failed", "m", "", true, b, 10));
        return new Grader.Result(name, outcomes, Map.of(), a + b, 20, 1.5, null, "namespace");
    }

    static CohortManifest.Learner learner(String name) {
        int k = COHORT.indexOf(name);
        return new CohortManifest.Learner(name, "hash-" + name, result(name, k % 3 * 5, 10));
    }

    static CohortManifest manifest(Part part, List<CohortManifest.Learner> learners) {
        return new CohortManifest(
                CohortManifest.FORMAT, TOOL, "specs-1", GradeOptions.defaults(), EXERCISES, COHORT, part, learners);
    }

    static Path write(Path dir, CohortManifest m) throws Exception {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(CohortManifest.FILE), m.json());
        return dir;
    }

    /** The shards of a split in {@code total}, as each would write them. */
    static List<Path> shards(Path root, int total) throws Exception {
        List<Path> dirs = new ArrayList<>();
        for (int i = 1; i <= total; i++) {
            Part part = Part.shard(i, total);
            List<CohortManifest.Learner> ls =
                    COHORT.stream().filter(part::takes).map(MergeTest::learner).toList();
            dirs.add(write(root.resolve("shard-" + i), manifest(part, ls)));
        }
        return dirs;
    }

    @Test
    @DisplayName("shards merge into the whole cohort's grades, in cohort order, whatever order the folders come in")
    void merges(@TempDir Path dir) throws Exception {
        List<Path> dirs = new ArrayList<>(shards(dir, 3));
        java.util.Collections.reverse(dirs);
        CohortManifest merged = Merge.merge(dirs, dir.resolve("out"));
        assertThat(merged.learners().stream().map(CohortManifest.Learner::name)).containsExactlyElementsOf(COHORT);
        assertThat(merged.part()).isEqualTo(Part.all());
        assertThat(Files.readAllLines(dir.resolve("out").resolve("gradebook.csv")))
                .hasSize(COHORT.size() + 1);
        assertThat(dir.resolve("out").resolve("bo").resolve("results.json")).isRegularFile();
        // the merged folder is itself a whole run: it merges alone into the same
        CohortManifest again = Merge.merge(List.of(dir.resolve("out")), dir.resolve("out2"));
        assertThat(again.learners()).isEqualTo(merged.learners());
    }

    @Test
    @DisplayName(
            "a grade no grader writes is refused: a total that is not its cases' sum, points above the maximum, another learner's grade")
    void forgedGrades(@TempDir Path dir) throws Exception {
        List<Path> dirs = shards(dir, 2);
        CohortManifest first = Merge.read(dirs.get(0));
        CohortManifest.Learner l = first.learners().get(0);
        Grader.Result r = l.result();
        List<Grader.Result> forged = List.of(
                new Grader.Result(r.submission(), r.outcomes(), Map.of(), 20, 20, 1, null, "namespace"),
                new Grader.Result(
                        r.submission(),
                        List.of(new Outcome("01-a", "ASpec", "a case", "passed", "m", "", false, 50, 10)),
                        Map.of(),
                        50,
                        20,
                        1,
                        null,
                        "namespace"),
                result("someone-else", 10, 10));
        for (Grader.Result f : forged) {
            List<CohortManifest.Learner> ls = new ArrayList<>(first.learners());
            ls.set(0, new CohortManifest.Learner(l.name(), l.input(), f));
            write(dirs.get(0), manifest(first.part(), ls));
            assertThatThrownBy(() -> Merge.merge(dirs, dir.resolve("out")))
                    .isInstanceOf(Merge.Refused.class)
                    .hasMessageContaining("the grade of " + l.name());
        }
        assertThat(dir.resolve("out").resolve("gradebook.csv")).doesNotExist();
    }

    @Test
    @DisplayName("shards of two splits, the same folder twice, a link for a manifest, and regrades alone are refused")
    void notOneSplit(@TempDir Path dir) throws Exception {
        List<Path> three = shards(dir.resolve("three"), 3);
        List<Path> two = shards(dir.resolve("two"), 2);
        assertThatThrownBy(() -> Merge.merge(List.of(three.get(0), three.get(1), two.get(0)), dir.resolve("o")))
                .hasMessageContaining("a shard of 3");
        assertThatThrownBy(() -> Merge.merge(List.of(two.get(0), two.get(0), two.get(1)), dir.resolve("o")))
                .hasMessageContaining("given twice");
        Path linked = Files.createDirectories(dir.resolve("linked"));
        Files.createSymbolicLink(linked.resolve(CohortManifest.FILE), two.get(0).resolve(CohortManifest.FILE));
        assertThatThrownBy(() -> Merge.merge(List.of(linked, two.get(1)), dir.resolve("o")))
                .hasMessageContaining("no " + CohortManifest.FILE);
        Path regrade = write(dir.resolve("regrade"), manifest(Part.regrade(List.of("bo")), List.of(learner("bo"))));
        assertThatThrownBy(() -> Merge.merge(List.of(regrade), dir.resolve("o")))
                .hasMessageContaining("only regrades");
        // the output among the inputs: the merge would overwrite a shard
        assertThatThrownBy(() -> Merge.merge(two, two.get(0)))
                .isInstanceOf(Merge.Refused.class)
                .hasMessageContaining("one of the folders merged");
        assertThatThrownBy(() -> Merge.merge(two, two.get(0).getParent()))
                .hasMessageContaining("one of the folders merged");
        // shards graded by another build: their reports would be written again by this one
        CohortManifest other = Merge.read(two.get(0));
        write(
                two.get(0),
                new CohortManifest(
                        other.format(),
                        new BuildInfo("0.9", "fedcba9", false, "before"),
                        other.specs(),
                        other.options(),
                        other.exercises(),
                        other.cohort(),
                        other.part(),
                        other.learners()));
        CohortManifest second = Merge.read(two.get(1));
        Path otherBuild = write(
                dir.resolve("two-other-build"),
                new CohortManifest(
                        second.format(),
                        new BuildInfo("0.9", "fedcba9", false, "before"),
                        second.specs(),
                        second.options(),
                        second.exercises(),
                        second.cohort(),
                        second.part(),
                        second.learners()));
        assertThatThrownBy(() -> Merge.merge(List.of(two.get(0), otherBuild), dir.resolve("o")))
                .hasMessageContaining("merge with the build that graded them");
        // a field this version does not know
        String text = Files.readString(two.get(1).resolve(CohortManifest.FILE));
        Files.writeString(
                two.get(1).resolve(CohortManifest.FILE),
                text.replaceFirst("\"heapMb\"", "\"sandboxCpu\" : 2, \"heapMb\""));
        assertThatThrownBy(() -> Merge.merge(two, dir.resolve("o")))
                .isInstanceOf(Merge.Refused.class)
                .hasMessageContaining("sandboxCpu");
        Files.writeString(two.get(1).resolve(CohortManifest.FILE), "{\"format\": 1, \"learners\": [");
        assertThatThrownBy(() -> Merge.merge(two, dir.resolve("o")))
                .isInstanceOf(Merge.Refused.class)
                .hasMessageContaining("not a manifest this version can read");
        assertThat(dir.resolve("o")).doesNotExist();
    }
}
