package optikata.kata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipFile;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import javax.xml.parsers.DocumentBuilderFactory;
import optikata.grade.Release;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The student release: built from the committed stubs, a Maven project whose main sources see the contract only. */
class ReleaseContractTest {

    static Path jarNamed(String prefix) {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .map(Path::of)
                .filter(p -> p.getFileName().toString().startsWith(prefix)
                        && p.toString().endsWith(".jar"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + prefix + "*.jar on the test class path"));
    }

    static Path artifact(Path release, String name) throws Exception {
        try (Stream<Path> s = Files.walk(release.resolve("lib/repo/io/optikata").resolve(name))) {
            return s.filter(p -> p.toString().endsWith(".jar") && !p.toString().endsWith("-sources.jar"))
                    .findFirst()
                    .orElseThrow();
        }
    }

    /** Compiles {@code sources} with javac against exactly {@code classpath} (not the tool's class path). */
    static List<String> javac(List<Path> sources, List<Path> classpath, Path out) throws Exception {
        JavaCompiler c = ToolProvider.getSystemJavaCompiler();
        List<String> args = new ArrayList<>(List.of(
                "--release",
                "17",
                "-encoding",
                "UTF-8",
                "-proc:none",
                "-d",
                out.toString(),
                "-cp",
                String.join(
                        File.pathSeparator,
                        classpath.stream().map(Path::toString).toList())));
        sources.forEach(p -> args.add(p.toString()));
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = c.run(null, null, err, args.toArray(String[]::new));
        return code == 0
                ? List.of()
                : List.of(err.toString(StandardCharsets.UTF_8).split("\n"));
    }

    static List<Path> javaUnder(Path dir) throws Exception {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        }
    }

    @Test
    @DisplayName("a stub solved (and a file added) in the working copy is not shipped, and the release names both")
    void shipsTheCommittedStubs(@TempDir Path dir) throws Exception {
        KataLayout layout = ScratchKata.create(dir.resolve("checkout"));
        Path stub = KataLayout.sourceDir(layout.exercises(), "01-one-step").resolve("kata/onestep/OneStep.java");
        String committed = Files.readString(stub);
        ScratchKata.solve(layout, "01-one-step");
        Files.writeString(stub.resolveSibling("Extra.java"), "package kata.onestep; class Extra {}");
        Path out = dir.resolve("release");

        Release.StudentRelease r =
                Release.student(layout, Files.writeString(dir.resolve("optikata.jar"), "stand-in"), out);

        assertThat(r.notShipped())
                .containsExactlyInAnyOrder(
                        "exercises/01-one-step/src/kata/onestep/OneStep.java",
                        "exercises/01-one-step/src/kata/onestep/Extra.java");
        Path shipped =
                KataLayout.sourceDir(out.resolve("exercises"), "01-one-step").resolve("kata/onestep/OneStep.java");
        assertThat(Files.readString(shipped)).isEqualTo(committed);
        assertThat(shipped.resolveSibling("Extra.java")).doesNotExist();
        assertThat(out.resolve("lib/stubs/01-one-step/src/kata/onestep/OneStep.java"))
                .content()
                .isEqualTo(committed);
        assertThat(out.resolve("solutions")).doesNotExist();

        // The Gradescope bundle takes the committed stubs too.
        Path zip = dir.resolve("autograder.zip");
        Release.gradescope(layout, dir.resolve("optikata.jar"), zip);
        try (ZipFile z = new ZipFile(zip.toFile())) {
            String inZip = new String(
                    z.getInputStream(z.getEntry("exercises/01-one-step/src/kata/onestep/OneStep.java"))
                            .readAllBytes(),
                    StandardCharsets.UTF_8);
            assertThat(inZip).isEqualTo(committed);
        }
    }

    @Test
    @DisplayName("a folder that is not a git checkout is refused: a solved stub could not be told from a shipped one")
    void refusesWithoutACommit(@TempDir Path dir) throws Exception {
        Path plain = dir.resolve("plain");
        Shipped.copyTree(ScratchKata.CHECKOUT.resolve("exercises"), plain.resolve("exercises"));
        KataLayout layout = new KataLayout(plain);
        Assumptions.assumeFalse(new Shipped(layout).isGitCheckout(), "the temporary folder is inside a git checkout");
        assertThatThrownBy(
                        () -> Release.student(layout, Files.writeString(dir.resolve("j.jar"), "x"), dir.resolve("out")))
                .hasMessageContaining("not a git checkout");
        assertThat(dir.resolve("out")).as("nothing written when refused").doesNotExist();
    }

    @Test
    @DisplayName("the contract holds the optimizer contract and what it needs, and no reference optimizer or mistake")
    void contractIsTheContractOnly() throws Exception {
        var contract = Contract.closure(Contract.LEARNER);
        assertThat(contract)
                .contains(
                        "optikata.optim.Optimizer",
                        "optikata.optim.OptimizerState",
                        "optikata.optim.AbstractOptimizer",
                        "optikata.optim.Hyperparameters",
                        "optikata.optim.NonFinitePolicy");
        assertThat(contract)
                .noneMatch(c -> c.matches("optikata\\.optim\\.(RmsProp|Adam|AdaGrad|AdaDelta|Sgd|Momentum)(\\$.*)?")
                        || c.startsWith("optikata.mistakes.")
                        || c.startsWith("optikata.kata.")
                        || c.startsWith("optikata.claims."));
        // Closed: everything it refers to is in it, or EJML / the JDK.
        for (String c : contract) {
            for (String ref : Contract.references(c)) {
                assertThat(
                                ref.startsWith("optikata.")
                                        ? contract.contains(ref)
                                        : ref.startsWith("java.") || ref.startsWith("org.ejml."))
                        .as(c + " refers to " + ref)
                        .isTrue();
            }
        }
    }

    @Test
    @DisplayName(
            "in the release, the solutions compile against EJML and the contract jar, the specs against those plus JUnit and the spec runtime, and a stub that imports RmsProp does not compile")
    void releaseCompilesAgainstTheContract(@TempDir Path dir) throws Exception {
        KataLayout layout = ScratchKata.create(dir.resolve("checkout"));
        Path out = dir.resolve("release");
        Release.student(layout, Files.writeString(dir.resolve("optikata.jar"), "stand-in"), out);
        Path contract = artifact(out, "optikata-contract");
        Path specRuntime = artifact(out, "optikata-spec-runtime");
        try (ZipFile z = new ZipFile(contract.toFile())) {
            assertThat(z.stream().map(e -> e.getName()))
                    .contains("optikata/optim/Optimizer.class")
                    .noneMatch(n -> n.equals("optikata/optim/RmsProp.class") || n.startsWith("optikata/mistakes/"));
        }
        List<Path> ejml = List.of(jarNamed("ejml-ddense"), jarNamed("ejml-core"));
        List<Path> mainCp = new ArrayList<>(ejml);
        mainCp.add(contract);

        Path classes = dir.resolve("classes");
        List<Path> solutions = javaUnder(layout.solutions());
        assertThat(javac(solutions, mainCp, classes))
                .as("the solutions compile against the contract")
                .isEmpty();

        List<Path> testCp = new ArrayList<>(mainCp);
        testCp.addAll(List.of(
                classes,
                specRuntime,
                jarNamed("junit-jupiter-api"),
                jarNamed("opentest4j"),
                jarNamed("apiguardian"),
                jarNamed("junit-platform-commons")));
        List<Path> specs = new ArrayList<>();
        for (String n : new KataLayout(out).names()) {
            specs.addAll(javaUnder(out.resolve("exercises").resolve(n).resolve("spec")));
        }
        assertThat(javac(specs, testCp, dir.resolve("test-classes")))
                .as("the public specs compile")
                .isEmpty();

        Path cheat = dir.resolve("cheat/kata/epsilon/OutsideRmsProp.java");
        Files.createDirectories(cheat.getParent());
        String solution = Files.readString(KataLayout.sourceDir(layout.solutions(), "04-epsilon-outside")
                .resolve("kata/epsilon/OutsideRmsProp.java"));
        Files.writeString(
                cheat,
                solution.replace(
                        "import optikata.optim.AbstractOptimizer;",
                        "import optikata.optim.AbstractOptimizer;\nimport optikata.optim.RmsProp;"));
        List<String> errors = javac(List.of(cheat), mainCp, dir.resolve("cheat-classes"));
        assertThat(String.join("\n", errors))
                .contains("optikata.optim.RmsProp")
                .containsAnyOf("cannot find symbol", "does not exist");
    }

    @Test
    @DisplayName(
            "the release is a Maven project: every stub folder a source folder, every spec folder a test folder; README gives the first three commands")
    void releaseIsAMavenProject(@TempDir Path dir) throws Exception {
        KataLayout layout = ScratchKata.create(dir.resolve("checkout"));
        Path out = dir.resolve("release");
        Release.StudentRelease r =
                Release.githubClassroom(layout, Files.writeString(dir.resolve("optikata.jar"), "stand-in"), out);
        String pom = Files.readString(out.resolve("pom.xml"));
        for (String n : layout.names()) {
            assertThat(pom)
                    .contains("<source>exercises/" + n + "/src</source>")
                    .contains("<source>exercises/" + n + "/spec</source>");
        }
        assertThat(pom)
                .contains("<maven.compiler.release>17</maven.compiler.release>")
                .contains("<optikata.contract.version>" + r.contractVersion() + "</optikata.contract.version>")
                .contains("optikata-contract")
                .contains("junit-jupiter")
                .contains("file://${project.basedir}/lib/repo");
        DocumentBuilderFactory.newInstance()
                .newDocumentBuilder()
                .parse(out.resolve("pom.xml").toFile());
        // Same library versions as the tool's own build.
        String toolPom = Files.readString(ScratchKata.CHECKOUT.resolve("pom.xml"));
        for (String prop : List.of("ejml.version", "junit.version")) {
            Matcher m = Pattern.compile("<" + prop + ">([^<]+)</" + prop + ">").matcher(toolPom);
            assertThat(m.find()).as(prop + " in the tool's pom").isTrue();
            assertThat(pom)
                    .as("the student pom uses " + prop + " " + m.group(1))
                    .contains("<version>" + m.group(1) + "</version>");
        }
        assertThat(out.resolve(".mvn/maven.config")).content().contains("aether.offline.protocols=file");
        assertThat(out.resolve("README.md"))
                .content()
                .contains("./optikata next")
                .contains("./optikata watch")
                .contains("./optikata hint 01");
        assertThat(out.resolve(".github/workflows/kata.yml"))
                .content()
                .contains("on: [push")
                .contains("./mvnw -B -ntp test");
        assertThat(out.resolve("mvnw")).isExecutable().content().startsWith("#!/bin/sh");
        assertThat(out.resolve(".mvn/wrapper/maven-wrapper.properties"))
                .content()
                .contains("distributionType=only-script");
        assertThat(out.resolve(".gitignore")).content().contains(".optikata/");
        for (String n : layout.names()) {
            assertThat(out.resolve("exercises").resolve(n).resolve("hints.md")).exists();
        }
    }

    @Test
    @DisplayName(
            "a release judges its public cases without the solutions: a solution passes, a mistake is named, a stub is not started, nothing hidden is shipped")
    void releaseJudgesWithoutSolutions(@TempDir Path dir) throws Exception {
        KataLayout layout = ScratchKata.create(dir.resolve("checkout"));
        ScratchKata.solve(layout, "01-one-step"); // solved in the working copy, not committed
        Path out = dir.resolve("release");
        Release.student(layout, Files.writeString(dir.resolve("optikata.jar"), "stand-in"), out);
        KataLayout shipped = new KataLayout(out);
        assertThat(shipped.solutions()).doesNotExist();
        // the classes that stand in for the reference when the books are read are the committed stub's, not the working
        // copy's
        try (URLClassLoader l = new URLClassLoader(
                new URL[] {
                    Oracle.shipped(shipped, "01-one-step")
                            .resolve("reference")
                            .toUri()
                            .toURL()
                },
                getClass().getClassLoader())) {
            Method step = l.loadClass("kata.onestep.OneStep")
                    .getMethod(
                            "step", double.class, double.class, double.class, double.class, double.class, double.class);
            assertThatThrownBy(() -> step.invoke(null, 1.0, 2.0, 0.0, 0.01, 0.9, 1e-8))
                    .hasCauseInstanceOf(UnsupportedOperationException.class);
        }

        KataRun.Report stub = KataRun.run(shipped, shipped.exercises(), "03-vectors", false, 10);
        assertThat(stub.notStarted()).as("the stub: " + stub.results()).isTrue();

        Path tree = dir.resolve("learner");
        Shipped.copyTree(
                KataLayout.sourceDir(layout.solutions(), "03-vectors"), KataLayout.sourceDir(tree, "03-vectors"));
        KataRun.Report solved = KataRun.run(shipped, tree, "03-vectors", false, 10);
        assertThat(solved.allPassed()).as("the solution: " + solved.results()).isTrue();

        Path file = KataLayout.sourceDir(tree, "03-vectors").resolve("kata/vectors/VectorRmsProp.java");
        Files.writeString(file, Files.readString(file).replace("(1 - config.decay()) * g * g", "g * g"));
        KataRun.Report mistaken = KataRun.run(shipped, tree, "03-vectors", false, 10);
        assertThat(mistaken.results()).anyMatch(r -> r.message().contains("[one-minus-beta-missing]"));

        // the shipped oracle: public books only
        try (Stream<Path> s = Files.walk(out.resolve(".kata"))) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                assertThat(p.toString()).doesNotContain("Hidden");
                if (p.getFileName().toString().equals("oracle.txt")) {
                    for (String line : Files.readAllLines(p)) {
                        String shown = line.startsWith("C ")
                                ? new String(Base64.getDecoder().decode(line.substring(2)), StandardCharsets.UTF_8)
                                : line;
                        assertThat(shown).as(p.toString()).doesNotContain("Hidden");
                    }
                }
            }
        }
    }
}
