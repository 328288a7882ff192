package optikata.grade;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import optikata.support.Slow;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The output folder, report writes and scratch deletion of a grader that runs with more rights than the code it grades. */
class SafeFilesTest {
    @TempDir
    Path dir;

    static Grader.Result result(String submission) {
        return new Grader.Result(
                submission,
                List.of(new Outcome("01-one-step", "OneStepSpec", "one step", "passed", "", "", false, 10, 10)),
                Map.of(),
                10,
                10,
                1.5,
                null,
                "test isolation");
    }

    static boolean root() {
        return Sandbox.realUid() == 0;
    }

    @Test
    @DisplayName("a missing --out is created, mode 0700, owned by the grader")
    void createsOut() throws IOException {
        Path out = SafeFiles.prepareOut(dir.resolve("a/b/out"));
        assertThat(out).isDirectory();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(out)))
                .isEqualTo("rwx------");
        assertThat(SafeFiles.ownerOf(out)).isEqualTo(Sandbox.realUid());
    }

    @Test
    @DisplayName("an existing --out loses group and other write permission")
    void tightensOut() throws IOException {
        Path out = Files.createDirectory(dir.resolve("out"));
        Files.setPosixFilePermissions(out, PosixFilePermissions.fromString("rwxrwxrwx"));
        SafeFiles.prepareOut(out);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(out)))
                .isEqualTo("rwxr-xr-x");
    }

    @Test
    @DisplayName("an --out that is a link is refused, and nothing is written where it points")
    void outLinkRefused() throws IOException {
        Path elsewhere = Files.createDirectory(dir.resolve("elsewhere"));
        Path out = Files.createSymbolicLink(dir.resolve("out"), elsewhere);
        assertThatThrownBy(() -> Reports.write(out, result("ada"), GradeOptions.defaults()))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("Invalid output folder")
                .hasMessageContaining("symbolic link");
        assertThat(elsewhere.toFile().list()).isEmpty();
    }

    @Test
    @DisplayName("an --out owned by another user is refused")
    void outOfAnotherUserRefused() throws IOException {
        assumeTrue(root(), "only root can make a folder owned by someone else");
        Path out = Files.createDirectory(dir.resolve("out"));
        Files.setAttribute(out, "unix:uid", 61050, LinkOption.NOFOLLOW_LINKS);
        assertThatThrownBy(() -> SafeFiles.prepareOut(out))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("owned by uid 61050");
    }

    @Test
    @DisplayName("an --out in a folder others may write (not sticky) is refused; in a sticky one like /tmp it is fine")
    void outInWorldWritableFolder() throws IOException {
        Path open = Files.createDirectory(dir.resolve("open"));
        Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rwxrwxrwx"));
        assertThatThrownBy(() -> SafeFiles.prepareOut(open.resolve("out")))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("writable by others");
        Files.setAttribute(open, "unix:mode", 01777);
        assertThat(SafeFiles.prepareOut(open.resolve("out"))).isDirectory();
    }

    @Test
    @DisplayName("a link planted as results.json is replaced by the report; its target is untouched")
    void plantedReportLink() throws IOException {
        Path out = SafeFiles.prepareOut(dir.resolve("out"));
        Path victim = dir.resolve("victim.txt");
        Files.writeString(victim, "precious");
        Files.createSymbolicLink(out.resolve("results.json"), victim);
        Files.createSymbolicLink(out.resolve("feedback.md"), dir.resolve("would-be-created.md"));
        Reports.write(out, result("ada"), GradeOptions.defaults());
        assertThat(Files.readString(victim)).isEqualTo("precious");
        assertThat(dir.resolve("would-be-created.md")).doesNotExist();
        assertThat(Files.isSymbolicLink(out.resolve("results.json"))).isFalse();
        assertThat(Files.readString(out.resolve("results.json"))).contains("\"score\" : 10");
        assertThat(Files.isSymbolicLink(out.resolve("feedback.md"))).isFalse();
        try (var files = Files.list(out)) {
            assertThat(files.map(p -> p.getFileName().toString()).toList())
                    .as("no temporary file left")
                    .containsExactlyInAnyOrder("results.json", "feedback.md", "junit.xml");
        }
    }

    @Test
    @DisplayName("deleting a tree removes links as links and never what they point at")
    void deleteDoesNotFollow() throws IOException {
        Path outside = Files.createDirectories(dir.resolve("outside/keep"));
        Files.writeString(outside.resolve("file.txt"), "keep me");
        Path tree = Files.createDirectories(dir.resolve("tree/a/b"));
        Files.writeString(tree.resolve("x.txt"), "x");
        Files.createSymbolicLink(tree.resolve("to-dir"), outside);
        Files.createSymbolicLink(dir.resolve("tree/a/to-file"), outside.resolve("file.txt"));
        Path locked = Files.createDirectories(dir.resolve("tree/locked"));
        Files.writeString(locked.resolve("y.txt"), "y");
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("r-x------"));
        if (!root()) {
            Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rwx------"));
        }
        SafeFiles.deleteTree(dir.resolve("tree"));
        assertThat(dir.resolve("tree")).doesNotExist();
        assertThat(Files.readString(outside.resolve("file.txt"))).isEqualTo("keep me");
        SafeFiles.deleteTree(dir.resolve("tree"));
    }

    @Test
    @DisplayName("deleting a link removes the link only")
    void deleteLinkItself() throws IOException {
        Path outside = Files.createDirectories(dir.resolve("outside"));
        Files.writeString(outside.resolve("file.txt"), "keep me");
        Path link = Files.createSymbolicLink(dir.resolve("link"), outside);
        SafeFiles.deleteTree(link);
        assertThat(Files.exists(link, LinkOption.NOFOLLOW_LINKS)).isFalse();
        assertThat(outside.resolve("file.txt")).hasContent("keep me");
    }

    @Test
    @DisplayName("scratch is 0711 and the grader's; a work folder inside is the sandbox uid's alone")
    void scratchOwnership() throws IOException {
        Path scratch = SafeFiles.createScratch();
        try (Sandbox s = Sandbox.openFree(Sandbox.Limits.defaults(), true)) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(scratch)))
                    .isEqualTo("rwx--x--x");
            assertThat(SafeFiles.ownerOf(scratch)).isEqualTo(Sandbox.realUid());
            Path work = s.newWorkDir(scratch, "work");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(work)))
                    .isEqualTo("rwx------");
            assertThat(SafeFiles.ownerOf(work)).isEqualTo(s.uid());
            if (root()) {
                assertThat(s.uid()).isEqualTo(Sandbox.FIRST_UID + s.slot());
            }
        } finally {
            SafeFiles.deleteTree(scratch);
        }
        assertThat(scratch).doesNotExist();
    }

    @Test
    @DisplayName("the sandbox uid cannot rename its work folder out of the scratch folder, nor write next to it")
    void sandboxCannotSwapWork() throws Exception {
        assumeTrue(root(), "needs another uid");
        Path scratch = SafeFiles.createScratch();
        try (Sandbox s = Sandbox.openFree(Sandbox.Limits.defaults(), true)) {
            Path work = s.newWorkDir(scratch, "work");
            Process p = s.start(
                    List.of(
                            "/bin/bash",
                            "-c",
                            "mv " + work + " " + scratch + "/moved 2>/dev/null && echo MOVED; " + "ln -s / " + scratch
                                    + "/evil 2>/dev/null && echo LINKED; touch " + work + "/mine && echo MINE"),
                    work,
                    List.of(),
                    Map.of("PATH", "/usr/bin:/bin"));
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor();
            assertThat(out).isEqualTo("MINE\n");
            assertThat(work.resolve("mine")).exists();
            assertThat(SafeFiles.ownerOf(work.resolve("mine"))).isEqualTo(s.uid());
        } finally {
            SafeFiles.deleteTree(scratch);
        }
        assertThat(scratch).doesNotExist();
    }

    @Test
    @Slow
    @DisplayName("a folder chain 60,000 levels deep is deleted, without recursion and with no path past one name")
    void deletesAVeryDeepTree(@TempDir Path dir) throws Exception {
        Path base = Files.createDirectory(dir.resolve("base"));
        Path chain = Files.createDirectory(base.resolve("chain"));
        for (int i = 0; i < 60_000; i++) {
            Path next = Files.createDirectory(base.resolve("next"));
            Files.move(chain, next.resolve("c"));
            Files.move(next, chain);
            if (i % 10_000 == 0) {
                Files.writeString(base.resolve("f" + i), "x");
                Files.move(base.resolve("f" + i), chain.resolve("f"));
            }
        }
        SafeFiles.deleteTree(base);
        assertThat(base).doesNotExist();
    }
}
