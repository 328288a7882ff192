package optikata.grade;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the Gradescope bundle's {@code run_autograder} leaves readable to learner code, which runs
 * there as another user in a shared file system (the uid fallback): its permission commands are run
 * on the unpacked bundle, and nothing of {@code /autograder/source} (the tool's jar with the
 * reference optimizers, the hidden specs, the oracle) may stay readable or searchable by others.
 */
class GradescopeScriptTest {
    @Test
    @DisplayName("run_autograder locks the whole source folder, the tool's jar included, away from other users")
    void sourceLockedAway(@TempDir Path dir) throws Exception {
        Path zip = dir.resolve("autograder.zip");
        Release.gradescope(Hostile.LAYOUT, ReleaseAndCohortTest.jar(dir), zip);
        Path root = dir.resolve("autograder");
        Path source = root.resolve("source");
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                Path to = source.resolve(e.getName()).normalize();
                assertThat(to.startsWith(source))
                        .as(e.getName() + " stays in the bundle")
                        .isTrue();
                Files.createDirectories(to.getParent());
                Files.copy(in, to);
            }
        }
        // as Gradescope unpacks it: readable by everyone until the script runs
        new ProcessBuilder("chmod", "-R", "a+rX", root.toString())
                .inheritIO()
                .start()
                .waitFor();
        String script;
        try (ZipFile z = new ZipFile(zip.toFile())) {
            script = new String(z.getInputStream(z.getEntry("run_autograder")).readAllBytes(), StandardCharsets.UTF_8);
        }
        List<String> chmods = script.lines()
                .filter(l -> l.strip().startsWith("chmod"))
                .map(l -> l.replace("/autograder", root.toString()))
                .toList();
        assertThat(chmods).as("run_autograder's permission commands").isNotEmpty();
        for (String c : chmods) {
            Process p = new ProcessBuilder("bash", "-c", c).inheritIO().start();
            assertThat(p.waitFor()).as(c).isZero();
        }
        List<String> open = new ArrayList<>();
        try (var s = Files.walk(source)) {
            for (Path p : s.toList()) {
                Set<PosixFilePermission> perms = Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS);
                if (perms.contains(PosixFilePermission.OTHERS_READ)
                        || perms.contains(PosixFilePermission.OTHERS_EXECUTE)
                        || perms.contains(PosixFilePermission.GROUP_READ)) {
                    open.add(source.relativize(p) + " " + perms);
                }
            }
        }
        assertThat(open)
                .as("entries of /autograder/source open to learner code")
                .isEmpty();
        assertThat(source.resolve("lib/optikata.jar")).as("the tool's jar").isRegularFile();
    }
}
