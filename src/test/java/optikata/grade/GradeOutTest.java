package optikata.grade;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import optikata.cli.Main;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code optikata grade} refuses an --out planted in advance before it runs anything. */
class GradeOutTest {
    @TempDir
    Path dir;

    record Run(int code, String out, String err) {}

    static Run grade(Path submission, Path out) {
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        int code = Main.execute(
                new String[] {"grade", "--submission", submission.toString(), "--out", out.toString()},
                new PrintWriter(o),
                new PrintWriter(e));
        return new Run(code, o.toString(), e.toString());
    }

    @Test
    @DisplayName("an --out that is a link to another folder is refused and nothing is written there")
    void outLink() throws Exception {
        Path target = Files.createDirectory(dir.resolve("instructor-files"));
        Path out = Files.createSymbolicLink(dir.resolve("out"), target);
        Run r = grade(dir.resolve("no-such-submission"), out);
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).containsIgnoringCase("invalid output folder: " + out + " (a symbolic link");
        assertThat(r.out()).isEmpty();
        assertThat(target.toFile().list()).isEmpty();
    }

    @Test
    @DisplayName("an --out created in advance by another user is refused")
    void outOfAnotherUser() throws Exception {
        assumeTrue(Sandbox.realUid() == 0, "only root can make a folder owned by someone else");
        Path out = Files.createDirectory(dir.resolve("out"));
        Files.setAttribute(out, "unix:uid", Sandbox.FIRST_UID + 7, LinkOption.NOFOLLOW_LINKS);
        Run r = grade(dir.resolve("no-such-submission"), out);
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err())
                .containsIgnoringCase("invalid output folder")
                .contains("owned by uid " + (Sandbox.FIRST_UID + 7));
        assertThat(out.toFile().list()).isEmpty();
    }

    @Test
    @DisplayName("an --out not yet made, in a folder anyone may write (not sticky), is refused")
    void outInOpenFolder() throws Exception {
        Path open = Files.createDirectory(dir.resolve("open"));
        Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rwxrwxrwx"));
        Run r = grade(dir.resolve("no-such-submission"), open.resolve("out"));
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).containsIgnoringCase("invalid output folder").contains("writable by others");
        assertThat(open.resolve("out")).doesNotExist();
    }

    @Test
    @DisplayName(
            "a good --out is made by the grader, mode 0700, and gets the reports even when the submission is missing")
    void goodOut() throws Exception {
        Path out = dir.resolve("out");
        Run r = grade(dir.resolve("no-such-submission"), out);
        assertThat(r.code()).isEqualTo(2);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(out)))
                .isEqualTo("rwx------");
        assertThat(out.resolve("results.json")).isRegularFile();
        assertThat(out.resolve("feedback.md")).content().contains("Could not grade");
    }
}
