package optikata.kata;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import optikata.grade.Release;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The student release built with Maven itself, as an IDE's import would: opt-in because it starts
 * a nested Maven build (about 20 s): {@code mvn verify -Doptikata.release.mvn=true}.
 */
class ReleaseMavenBuildTest {

    static String mvn(Path dir, String... goals) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("mvn", "-q", "-o", "-B"));
        cmd.addAll(List.of(goals));
        Process p = new ProcessBuilder(cmd)
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(10, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError("mvn " + String.join(" ", goals) + " timed out");
        }
        return p.exitValue() + "\n" + out;
    }

    @Test
    @DisplayName(
            "mvn -o test in a fresh release with the solutions copied in passes; a stub importing RmsProp fails to compile")
    void mavenBuildsTheRelease(@TempDir Path dir) throws Exception {
        if (!Boolean.getBoolean("optikata.release.mvn")) {
            System.out.println("ReleaseMavenBuildTest skipped: opt-in, run with -Doptikata.release.mvn=true");
            Assumptions.abort("opt-in: -Doptikata.release.mvn=true");
        }
        KataLayout layout = ScratchKata.create(dir.resolve("checkout"));
        Path out = dir.resolve("release");
        Release.student(layout, Files.writeString(dir.resolve("optikata.jar"), "stand-in"), out);
        for (String n : layout.names()) {
            Shipped.copyTree(
                    KataLayout.sourceDir(layout.solutions(), n), KataLayout.sourceDir(out.resolve("exercises"), n));
        }
        String test = mvn(out, "test");
        assertThat(test).startsWith("0\n");
        try (var s = Files.list(out.resolve("target/surefire-reports"))) {
            assertThat(s.filter(p -> p.toString().endsWith(".xml")).count())
                    .isEqualTo(layout.names().size());
        }
        Path stub = KataLayout.sourceDir(out.resolve("exercises"), "04-epsilon-outside")
                .resolve("kata/epsilon/OutsideRmsProp.java");
        Files.writeString(
                stub,
                Files.readString(stub)
                        .replace(
                                "import optikata.optim.AbstractOptimizer;",
                                "import optikata.optim.AbstractOptimizer;\nimport optikata.optim.RmsProp;"));
        String compile = mvn(out, "compile");
        assertThat(compile)
                .doesNotStartWith("0\n")
                .contains("OutsideRmsProp.java")
                .contains("cannot find symbol");
    }
}
