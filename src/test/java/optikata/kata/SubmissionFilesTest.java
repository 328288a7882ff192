package optikata.kata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Staging a submission's sources: only expected regular files, never through a link, never huge. */
class SubmissionFilesTest {
    static final Path A = Path.of("kata/a/A.java");
    static final Path B = Path.of("kata/b/B.java");
    static final Map<String, List<Path>> EXPECTED = Map.of("01-a", List.of(A), "02-b", List.of(B));

    @TempDir
    Path dir;

    Path stubs;
    Path solutions;
    Path submission;
    Path dest;

    @BeforeEach
    void tree() throws IOException {
        stubs = dir.resolve("kata/exercises");
        write(stubs.resolve("01-a/src").resolve(A), "stub A");
        write(stubs.resolve("02-b/src").resolve(B), "stub B");
        solutions = dir.resolve("kata/solutions");
        write(solutions.resolve("01-a/src").resolve(A), "SOLUTION A");
        submission = dir.resolve("learner");
        write(submission.resolve("exercises/01-a/src").resolve(A), "learner A");
        dest = Files.createDirectories(dir.resolve("scratch"));
    }

    static void write(Path p, String text) throws IOException {
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }

    SubmissionFiles.Staged stage() throws IOException {
        return SubmissionFiles.stage(
                submission, new TreeMap<>(EXPECTED), stubs, dest, SubmissionFiles.DEFAULT_CAP_BYTES);
    }

    String staged(String ex, Path rel) throws IOException {
        return Files.readString(dest.resolve(ex).resolve(rel.toString()));
    }

    @Test
    @DisplayName(
            "the learner's file is copied as it is; a missing one is the stub; nothing else is copied, and a source the stub does not have is named")
    void copiesOnlyExpected() throws IOException {
        write(submission.resolve("exercises/01-a/src/kata/a/Extra.java"), "class Extra {}");
        write(submission.resolve("exercises/01-a/src/kata/a/notes.txt"), "not a source");
        write(submission.resolve("exercises/01-a/spec/kata/a/ASpec.java"), "class ASpec {}");
        SubmissionFiles.Staged s = stage();
        assertThat(s.refused()).isEmpty();
        assertThat(s.unexpected())
                .extracting(SubmissionFiles.Unexpected::message)
                .containsExactly("exercises/01-a/src/kata/a/Extra.java: a file the stub does not have is neither"
                        + " compiled nor graded (only A.java is). Keep only the stub's files; put helpers inside its"
                        + " class as nested classes.");
        assertThat(staged("01-a", A)).isEqualTo("learner A");
        assertThat(staged("02-b", B)).isEqualTo("stub B");
        assertThat(s.stubbed()).containsExactly(Map.entry("02-b", List.of(B)));
        assertThat(s.sources().get("01-a")).containsExactly(dest.resolve("01-a").resolve(A.toString()));
        try (var files = Files.walk(dest)) {
            assertThat(files.filter(Files::isRegularFile)
                            .map(p -> p.getFileName().toString())
                            .toList())
                    .containsExactlyInAnyOrder("A.java", "B.java");
        }
    }

    @Test
    @DisplayName("a copy of exercises/ itself (no exercises/ folder inside) is read the same way")
    void exercisesTreeItself() throws IOException {
        submission = submission.resolve("exercises");
        SubmissionFiles.Staged s = stage();
        assertThat(s.refused()).isEmpty();
        assertThat(staged("01-a", A)).isEqualTo("learner A");
    }

    /** Replaces {@code link} (inside the submission) by a symbolic link to {@code target}. */
    void link(String link, Path target) throws IOException {
        Path p = submission.resolve(link);
        KataRun.deleteTree(p);
        Files.createDirectories(p.getParent());
        Files.createSymbolicLink(p, target);
    }

    void assertRefusedAsLink(String shownPrefix) throws IOException {
        SubmissionFiles.Staged s = stage();
        assertThat(s.refused()).hasSize(1);
        SubmissionFiles.Refusal r = s.refused().get(0);
        assertThat(r.exercise()).isEqualTo("01-a");
        assertThat(r.path()).isEqualTo("exercises/01-a/src/kata/a/A.java");
        assertThat(r.reason()).isEqualTo(shownPrefix + " is a symbolic link");
        assertThat(r.message()).contains("stub").doesNotContain("SOLUTION").doesNotContain(solutions.toString());
        assertThat(staged("01-a", A)).isEqualTo("stub A");
    }

    @Test
    @DisplayName("a source file that is a link to the solution is refused and graded as the stub")
    void fileLink() throws IOException {
        link("exercises/01-a/src/kata/a/A.java", solutions.resolve("01-a/src").resolve(A));
        assertRefusedAsLink("exercises/01-a/src/kata/a/A.java");
    }

    @Test
    @DisplayName("src/ as a link to the solutions is refused")
    void srcLink() throws IOException {
        link("exercises/01-a/src", solutions.resolve("01-a/src"));
        assertRefusedAsLink("exercises/01-a/src");
    }

    @Test
    @DisplayName("the exercise folder as a link is refused")
    void exerciseLink() throws IOException {
        link("exercises/01-a", solutions.resolve("01-a"));
        assertRefusedAsLink("exercises/01-a");
    }

    @Test
    @DisplayName("a package folder as a link is refused")
    void packageLink() throws IOException {
        link("exercises/01-a/src/kata/a", solutions.resolve("01-a/src/kata/a"));
        assertRefusedAsLink("exercises/01-a/src/kata/a");
    }

    @Test
    @DisplayName("exercises/ as a link is refused (for every exercise)")
    void exercisesLink() throws IOException {
        link("exercises", solutions);
        SubmissionFiles.Staged s = stage();
        assertThat(s.refused())
                .extracting(SubmissionFiles.Refusal::reason)
                .containsOnly("exercises is a symbolic link")
                .hasSize(2);
        assertThat(staged("01-a", A)).isEqualTo("stub A");
    }

    @Test
    @DisplayName("a link to a root-only file (/etc/shadow) is never copied")
    void rootOnlyLink() throws IOException {
        Path shadow = Path.of("/etc/shadow");
        assumeTrue(Files.exists(shadow), "no /etc/shadow here");
        link("exercises/01-a/src/kata/a/A.java", shadow);
        assertRefusedAsLink("exercises/01-a/src/kata/a/A.java");
        String shadowText = Files.isReadable(shadow) ? Files.readString(shadow) : null;
        try (var files = Files.walk(dest)) {
            for (Path p : files.filter(Files::isRegularFile).toList()) {
                String text = Files.readString(p);
                assertThat(text).startsWith("stub");
                if (shadowText != null && !shadowText.isEmpty()) {
                    assertThat(text).isNotEqualTo(shadowText);
                }
            }
        }
    }

    @Test
    @DisplayName("a hard link to a file outside the tree is refused")
    void hardLink() throws IOException {
        Path target = solutions.resolve("01-a/src").resolve(A);
        Path file = submission.resolve("exercises/01-a/src").resolve(A);
        Files.delete(file);
        Files.createLink(file, target);
        SubmissionFiles.Staged s = stage();
        assertThat(s.refused())
                .extracting(SubmissionFiles.Refusal::reason)
                .containsExactly("it has other hard links (it may be someone else's file)");
        assertThat(staged("01-a", A)).isEqualTo("stub A");
    }

    @Test
    @DisplayName("a folder or a FIFO in place of the source is refused without blocking")
    void notRegular() throws Exception {
        Path file = submission.resolve("exercises/01-a/src").resolve(A);
        Files.delete(file);
        Files.createDirectory(file);
        Path fifo = submission.resolve("exercises/02-b/src").resolve(B);
        Files.createDirectories(fifo.getParent());
        Process mk = new ProcessBuilder("mkfifo", fifo.toString()).start();
        assertThat(mk.waitFor()).isZero();
        SubmissionFiles.Staged s = stage();
        assertThat(s.refused())
                .extracting(SubmissionFiles.Refusal::reason)
                .containsExactly("it is not a regular file", "it is not a regular file");
        assertThat(staged("01-a", A)).isEqualTo("stub A");
        assertThat(staged("02-b", B)).isEqualTo("stub B");
    }

    @Test
    @DisplayName("a 50 MB source is refused from its size; one at the cap is taken, one byte more is not")
    void sizeCap() throws IOException {
        Path file = submission.resolve("exercises/01-a/src").resolve(A);
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            f.setLength(50L * 1024 * 1024);
        }
        SubmissionFiles.Staged s = stage();
        assertThat(s.refused())
                .extracting(SubmissionFiles.Refusal::reason)
                .containsExactly("it is 50.0 MiB, more than the 256 KiB a source may have");
        assertThat(staged("01-a", A)).isEqualTo("stub A");

        KataRun.deleteTree(dest);
        Files.writeString(file, "x".repeat(100));
        s = SubmissionFiles.stage(submission, EXPECTED, stubs, dest, 100);
        assertThat(s.refused()).isEmpty();
        assertThat(staged("01-a", A)).hasSize(100);

        KataRun.deleteTree(dest);
        Files.writeString(file, "x".repeat(101));
        s = SubmissionFiles.stage(submission, EXPECTED, stubs, dest, 100);
        assertThat(s.refused())
                .extracting(SubmissionFiles.Refusal::reason)
                .containsExactly("it is 101 bytes, more than the 100 bytes a source may have");
    }

    @Test
    @DisplayName("an expected path that climbs out of the tree is the grader's error, and nothing is written")
    void climbingPath() {
        Assertions.assertThatThrownBy(() -> SubmissionFiles.stage(
                        submission,
                        Map.of("01-a", List.of(Path.of("../../../kata/solutions/01-a/src/kata/a/A.java"))),
                        stubs,
                        dest,
                        1024))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("would resolve outside the submission");
        assertThat(dest.toFile().list()).isEmpty();
    }
}
