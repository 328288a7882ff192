package optikata.kata;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Collectors;
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

    /** An empty jar whose manifest's Class-Path is this JVM's class path: the tool, as a class loader sees it. */
    static Path toolJar(Path dir) throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes()
                .put(
                        Attributes.Name.CLASS_PATH,
                        Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                                .map(entry ->
                                        Path.of(entry).toAbsolutePath().toUri().toString())
                                .collect(Collectors.joining(" ")));
        Path jar = dir.resolve("optikata.jar");
        new JarOutputStream(Files.newOutputStream(jar), manifest).close(); // the manifest is the whole jar
        return jar;
    }

    /** {@code text} as an XML attribute holds it. */
    static String xml(String text) {
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;")
                .replace("'", "&apos;");
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
        // the release's KataSpecsTest loads the tool from lib/optikata.jar: a jar whose manifest points at
        // this test's own class path stands in for the shaded one, which `mvn package` builds only after the tests
        Release.student(layout, toolJar(dir), out);
        for (String n : layout.names()) {
            Shipped.copyTree(
                    KataLayout.sourceDir(layout.solutions(), n), KataLayout.sourceDir(out.resolve("exercises"), n));
        }
        String test = mvn(out, "test");
        assertThat(test).startsWith("0\n");
        // one JUnit entry point, a test factory per exercise, a test per case: every exercise's cases ran and passed
        String report = Files.readString(out.resolve("target/surefire-reports/TEST-KataSpecsTest.xml"));
        // cases are named by their titles (Surefire's phrased names), not exercise03_vectors()[2]
        for (String n : layout.names()) {
            assertThat(report).contains(n);
            for (Oracle.BookInfo book : Oracle.of(layout, n).books()) {
                if (!book.hidden()) {
                    book.cases().values().forEach(c -> assertThat(report).contains(xml(c.title())));
                }
            }
        }
        assertThat(report).doesNotContain("()[");
        assertThat(report.split("<testcase ", -1).length - 1)
                .isGreaterThan(3 * layout.names().size());
        assertThat(report).contains("failures=\"0\"").contains("errors=\"0\"").doesNotContain("skipped=\"1");
        // one exercise, as the release's README says
        String one = mvn(out, "test", "-Dtest=KataSpecsTest#exercise03*");
        assertThat(one).startsWith("0\n");
        String only = Files.readString(out.resolve("target/surefire-reports/TEST-KataSpecsTest.xml"));
        assertThat(only)
                .contains("03-vectors")
                .doesNotContain("04-epsilon-outside")
                .doesNotContain("01-one-step");
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
