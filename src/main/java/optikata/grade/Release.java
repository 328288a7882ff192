package optikata.grade;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import optikata.kata.Completion;
import optikata.kata.Contract;
import optikata.kata.GraderCases;
import optikata.kata.KataLayout;
import optikata.kata.KataRun;
import optikata.kata.Oracle;
import optikata.kata.Shipped;

/**
 * Writes what learners get (exercises with stubs and public specs, the library jar, a launcher and
 * a README; never solutions or hidden specs) and the Gradescope autograder bundle (which carries
 * the hidden specs, since only the instructor uploads it).
 */
public final class Release {
    private Release() {}

    static final String STUDENT_README = """
            # Optimizer kata

            COUNT exercises, from one RMSProp step by hand to Adam, a debugged regression and AdamW.
            You need a JDK 17 (`java -version`) and nothing else: `./mvnw` fetches Maven by itself
            when you want `mvn test` or an IDE.

            ## The first three commands

            ```sh
            ./optikata next       # which exercise to do (the first: 01-one-step) and which README to read
            ./optikata watch      # leave it running beside your editor: every save re-checks the exercise
            ./optikata hint 01    # stuck? one more hint each time you ask: the idea, the formula, the line
            ```

            `watch` shows the first failing spec's message (the formula, what was expected, what your
            code gave, and the likely mistake) and a progress line; when an exercise passes it moves
            to the next one. Keys while it runs: `h` a hint, `l` the list, `q` quit.

            Fill in the stubs in `exercises/NN-name/src/` (read `exercises/NN-name/README.md` first).
            Other commands:

            ```sh
            ./optikata check 01     # one exercise, once
            ./optikata check        # all of them
            ./optikata list         # every exercise: not started / failing: k of n / done
            ./optikata reset 01     # put the stub back as shipped (asks first; your file is backed up)
            ./optikata trace --exercise 03 --plot mine.png   # your optimizer on a test function, beside the library's
            ```

            `check` takes your files as the grader does: only the stub's files (a helper class goes
            inside the stub's class, not in a file of its own), and when an exercise passes it lists
            the cases the grader runs besides the public ones.

            ## In an IDE, or with Maven

            This folder is a Maven project: open it in IntelliJ IDEA (File › Open, pick this folder),
            VS Code (with the Extension Pack for Java) or Eclipse (File › Import › Existing Maven
            Project). The stubs are main sources, the public specs test sources. The specs run through
            one JUnit class, `lib/spec-runner/KataSpecsTest.java`, with one test per exercise and each
            case a test named by its title: run it, or one exercise's method, with the run icon in the
            editor's margin beside the class or the method, or from a terminal:

            ```sh
            ./mvnw -q test                                      # every exercise's public cases
            ./mvnw -q test -Dtest='KataSpecsTest#exercise03*'   # one exercise (here 03-vectors)
            ```

            `./mvnw` (`mvnw.cmd` on Windows) downloads Maven into `~/.m2/wrapper` on first use; after
            one `./mvnw -q test` with a network, `./mvnw -o -q test` works offline.

            Your code compiles against the optimizer contract only (`lib/repo`, the
            `optikata-contract` artifact: `Optimizer`, `OptimizerState`, `AbstractOptimizer`, ...),
            not against the library's own optimizers: the answer is not on your class path.

            Your progress (and the hints you have seen) is kept in `.optikata/`. The file formats of
            `trace` and `diagnose` are in `docs/FORMATS.md`.
            """;

    static final String LAUNCHER = """
            #!/usr/bin/env bash
            # Runs the optikata tool shipped in lib/ with this folder as its home.
            set -euo pipefail
            here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
            command -v java >/dev/null 2>&1 || { echo "optikata: java is needed (JDK 17 or newer)" >&2; exit 1; }
            exec java -Djava.awt.headless=true -Doptikata.home="$here" -jar "$here/lib/optikata.jar" "$@"
            """;

    /** What a student release holds beyond the files: the files of the working copy left out, and the artifacts' version. */
    public record StudentRelease(
            Path out,
            List<String> notShipped,
            String contractVersion,
            Set<String> contractClasses,
            Set<String> specRuntimeClasses) {}

    /** The student README with the number of exercises the release ships. */
    static String studentReadme(KataLayout shipped) {
        return STUDENT_README.replace(
                "COUNT exercises", Completion.countWord(shipped.names().size()) + " exercises");
    }

    /** Libraries the contract and spec-runtime classes may refer to (the student pom provides them). */
    static final List<String> PROVIDED_PREFIXES =
            List.of("java.", "javax.", "jdk.", "org.ejml.", "org.junit.", "org.opentest4j.", "org.apiguardian.");

    /**
     * The student release in {@code out}: exercises as committed (in a git checkout; working-copy
     * changes are left out and named), their pristine stubs for {@code reset}, the tool's jar and
     * launcher, a README, and a Maven project ({@code pom.xml}) that IDEs open: stubs as main
     * sources compiled against the contract only, public specs as test sources.
     */
    public static StudentRelease student(KataLayout layout, Path jar, Path out) throws IOException {
        requireJar(jar);
        if (Files.exists(out)) {
            try (Stream<Path> entries = Files.list(out)) {
                if (entries.findAny().isPresent()) {
                    throw new IllegalArgumentException(
                            "Invalid release folder: " + out + " (not empty; give a new folder)");
                }
            }
        }
        requireCheckout(layout);
        Files.createDirectories(out);
        List<String> notShipped = exportExercises(layout, out.resolve("exercises"));
        KataLayout shipped = new KataLayout(out);
        for (String name : shipped.names()) {
            Path src = KataLayout.sourceDir(shipped.exercises(), name);
            if (Files.isDirectory(src)) {
                Shipped.copyTree(
                        src, out.resolve(Shipped.PRISTINE_DIR).resolve(name).resolve("src"));
            }
        }
        Files.createDirectories(out.resolve("lib"));
        Files.copy(jar, out.resolve("lib").resolve("optikata.jar"), StandardCopyOption.REPLACE_EXISTING);
        // what the public cases should observe (and what the named and generated mistakes observe), since the
        // release has no solutions to compute it from; nothing of the hidden specs goes there
        for (String name : shipped.names()) {
            Oracle.export(layout, name, Oracle.shipped(shipped, name), shipped.exercises());
            // the hidden cases' titles only, so that check names what else the grader runs
            GraderCases.export(layout, name, Oracle.shipped(shipped, name));
        }
        Path runner = out.resolve("lib").resolve("spec-runner");
        Files.createDirectories(runner);
        Files.writeString(runner.resolve("KataSpecsTest.java"), specRunner(shipped.names()), StandardCharsets.UTF_8);

        Set<String> contract = Contract.closure(Contract.LEARNER);
        List<String> specRoots = new ArrayList<>(Contract.SPEC_RUNTIME);
        specRoots.addAll(specImports(shipped));
        Set<String> specRuntime = new TreeSet<>(Contract.closure(specRoots));
        specRuntime.removeAll(contract);
        requireProvided(contract);
        requireProvided(specRuntime);
        String version = "1-" + digest(contract, specRuntime);
        Path repo = out.resolve("lib").resolve("repo");
        Path sources = layout.root().resolve("src").resolve("main").resolve("java");
        writeArtifact(repo, "optikata-contract", version, contract, sources);
        writeArtifact(repo, "optikata-spec-runtime", version, specRuntime, sources);

        Files.writeString(out.resolve("pom.xml"), studentPom(shipped, version), StandardCharsets.UTF_8);
        // lib/repo is a file:// repository: let `mvn -o` (offline) read it too.
        Files.createDirectories(out.resolve(".mvn"));
        Files.writeString(
                out.resolve(".mvn").resolve("maven.config"),
                "-Daether.offline.protocols=file\n",
                StandardCharsets.UTF_8);
        writeWrapper(out);
        Files.writeString(
                out.resolve(".gitignore"),
                "target/\n.optikata/\n.idea/\n*.iml\n.classpath\n.project\n.settings/\n.vscode/\n",
                StandardCharsets.UTF_8);
        Files.writeString(out.resolve("README.md"), studentReadme(shipped), StandardCharsets.UTF_8);
        Path formats = layout.root().resolve("docs").resolve("FORMATS.md");
        if (Files.isRegularFile(formats)) {
            // trace --help and diagnose --help point there
            Files.createDirectories(out.resolve("docs"));
            Files.writeString(
                    out.resolve("docs").resolve("FORMATS.md"),
                    learnerFormats(Files.readString(formats, StandardCharsets.UTF_8)),
                    StandardCharsets.UTF_8);
        }
        Path launcher = out.resolve("optikata");
        Files.writeString(launcher, LAUNCHER, StandardCharsets.UTF_8);
        executable(launcher);
        return new StudentRelease(out, notShipped, version, contract, specRuntime);
    }

    /**
     * The trace formats of docs/FORMATS.md, which {@code trace} and {@code diagnose} point to: its sections
     * from "Trace CSV" to the data table, and "Errors" (the rest is about the instructor's commands).
     */
    static String learnerFormats(String full) {
        int from = full.indexOf("\n## Trace CSV");
        int to = full.indexOf("\n## Data table");
        int errors = full.indexOf("\n## Errors");
        if (from < 0 || to < from || errors < to) {
            throw new IllegalStateException(
                    "docs/FORMATS.md no longer has the sections Trace CSV ... Data table ... Errors in that order");
        }
        return "# File formats\n\nThe files `trace` writes and `trace --replay` and `diagnose --trace` read.\n"
                + full.substring(from, to) + full.substring(errors);
    }

    /** The GitHub Classroom starter repository: the student release plus a workflow that runs the public specs on push. */
    public static StudentRelease githubClassroom(KataLayout layout, Path jar, Path out) throws IOException {
        StudentRelease r = student(layout, jar, out);
        Path wf = out.resolve(".github").resolve("workflows").resolve("kata.yml");
        Files.createDirectories(wf.getParent());
        Files.writeString(wf, CLASSROOM_WORKFLOW, StandardCharsets.UTF_8);
        Files.writeString(
                out.resolve("README.md"), studentReadme(new KataLayout(out)) + CLASSROOM_NOTE, StandardCharsets.UTF_8);
        return r;
    }

    /*
     * Green while exercises fail: it reports, the grade comes from the instructor. A red job would also
     * keep setup-java from saving its Maven cache, so every push would download everything again.
     */
    static final String CLASSROOM_WORKFLOW = """
            # Runs the kata's public specs on every push, for feedback (a learner can edit this file:
            # it is never a source of marks; the instructor grades with ./optikata grade or Gradescope).
            # The job stays green while exercises fail: the progress table is in the run's summary, and
            # each failing spec's message is in the log of "Public specs".
            name: kata
            on: [push, pull_request, workflow_dispatch]
            permissions:
              contents: read
            jobs:
              specs:
                runs-on: ubuntu-latest
                timeout-minutes: 15
                steps:
                  - uses: actions/checkout@v4
                    with:
                      persist-credentials: false
                  - uses: actions/setup-java@v4
                    with:
                      distribution: temurin
                      java-version: '17'
                      cache: maven
                  - name: Progress (which exercises pass)
                    run: |
                      ./optikata list --verify | tee progress.txt
                      {
                        echo '## Kata progress'
                        echo
                        echo '```text'
                        cat progress.txt
                        echo '```'
                      } >> "$GITHUB_STEP_SUMMARY"
                  - name: Public specs
                    run: |
                      ./mvnw -B -ntp test -Dmaven.test.failure.ignore=true \\
                        || echo "::warning title=Public specs::the Maven build stopped (an exercise that does not compile?): see the log above"
            """;

    static final String CLASSROOM_NOTE = """

            ## On GitHub

            Every push runs the public specs (`.github/workflows/kata.yml`): the Actions tab shows
            which exercises pass and each failing spec's message. That run is feedback for you; it
            is not your grade.
            """;

    /** Copies exercises/ into {@code target}: the committed version in a git checkout. Returns the working-copy files left out. */
    static List<String> exportExercises(KataLayout layout, Path target) throws IOException {
        requireCheckout(layout);
        Shipped shipped = new Shipped(layout);
        List<String> changed = shipped.changedSince("exercises");
        shipped.exportCommittedExercises(target);
        return changed;
    }

    /** Refuses a kata folder whose committed stubs cannot be told from its working copy. */
    private static void requireCheckout(KataLayout layout) {
        Shipped shipped = new Shipped(layout);
        if (!shipped.isGitCheckout()) {
            if (shipped.isRelease()) {
                throw new IllegalArgumentException("Invalid kata folder: " + layout.root()
                        + " is a student release; write releases from the instructor's checkout");
            }
            throw new IllegalArgumentException("Invalid kata folder: " + layout.root()
                    + " is not a git checkout, so the stubs as committed cannot be told from a solved working copy; "
                    + "commit the kata first (git init; git add exercises; git commit)");
        }
    }

    /** The optikata classes the shipped public specs import (the spec runtime they need). */
    static List<String> specImports(KataLayout shipped) throws IOException {
        Set<String> out = new TreeSet<>();
        Pattern imp = Pattern.compile("(?m)^import\\s+(optikata\\.[\\w.]+?)(?:\\.\\*)?\\s*;");
        for (String name : shipped.names()) {
            Path dir = shipped.publicSpecDir(name);
            for (Path rel : KataLayout.javaFiles(dir)) {
                Matcher m = imp.matcher(Files.readString(dir.resolve(rel), StandardCharsets.UTF_8));
                while (m.find()) {
                    out.add(m.group(1));
                }
            }
        }
        return new ArrayList<>(out);
    }

    private static void requireProvided(Set<String> classes) throws IOException {
        for (String c : classes) {
            for (String ref : Contract.references(c)) {
                if (!ref.startsWith("optikata.") && PROVIDED_PREFIXES.stream().noneMatch(ref::startsWith)) {
                    throw new IllegalStateException("The learner's class path would need " + ref + " (used by " + c
                            + "), which the student pom does not provide");
                }
            }
        }
    }

    private static String digest(Set<String> a, Set<String> b) throws IOException {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (Set<String> set : List.of(a, b)) {
                for (String c : set) {
                    md.update(c.getBytes(StandardCharsets.UTF_8));
                    md.update(Contract.bytes(c));
                }
                md.update((byte) 0);
            }
            return HexFormat.of().formatHex(md.digest()).substring(0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A jar, its sources jar and a pom in Maven's repository layout under {@code repo}. */
    private static void writeArtifact(Path repo, String artifact, String version, Set<String> classes, Path sourceRoot)
            throws IOException {
        Path dir = repo.resolve("io").resolve("optikata").resolve(artifact).resolve(version);
        Files.createDirectories(dir);
        Contract.writeJar(classes, dir.resolve(artifact + "-" + version + ".jar"));
        if (Files.isDirectory(sourceRoot)) {
            Contract.writeSourcesJar(classes, sourceRoot, dir.resolve(artifact + "-" + version + "-sources.jar"));
        }
        Files.writeString(
                dir.resolve(artifact + "-" + version + ".pom"),
                """
                <?xml version="1.0" encoding="UTF-8"?>
                <project xmlns="http://maven.apache.org/POM/4.0.0">
                  <modelVersion>4.0.0</modelVersion>
                  <groupId>io.optikata</groupId>
                  <artifactId>%s</artifactId>
                  <version>%s</version>
                  <packaging>jar</packaging>
                </project>
                """.formatted(artifact, version),
                StandardCharsets.UTF_8);
    }

    /**
     * The JUnit entry point of a release's specs: one test factory per exercise (a gutter icon in
     * every IDE), each running the exercise's public cases with the tool shipped in lib/ (loaded in
     * a class loader of its own, so that its classes never mix with the build's) and judging them
     * against the release's oracle, with the same messages as {@code ./optikata check}.
     */
    static String specRunner(List<String> exercises) {
        StringBuilder methods = new StringBuilder();
        for (String name : exercises) {
            methods.append("""

                        @TestFactory
                        @DisplayName("%s")
                        Stream<DynamicTest> exercise%s() throws Exception {
                            return cases("%s");
                        }
                    """.formatted(name, name.replaceAll("[^A-Za-z0-9]", "_"), name));
        }
        return """
                import java.net.URL;
                import java.net.URLClassLoader;
                import java.nio.file.Path;
                import java.util.ArrayList;
                import java.util.List;
                import java.util.stream.Stream;
                import org.junit.jupiter.api.DisplayName;
                import org.junit.jupiter.api.DynamicTest;
                import org.junit.jupiter.api.TestFactory;
                import org.opentest4j.AssertionFailedError;

                /** Runs each exercise's public specs as ./optikata check does; generated by optikata release. */
                class KataSpecsTest {
                    static Stream<DynamicTest> cases(String exercise) throws Exception {
                        Path root = Path.of(System.getProperty("user.dir")).toAbsolutePath();
                        System.setProperty("optikata.home", root.toString());
                        List<DynamicTest> tests = new ArrayList<>();
                        try (URLClassLoader tool = new URLClassLoader(new URL[] {root.resolve("lib/optikata.jar").toUri().toURL()},
                                ClassLoader.getPlatformClassLoader())) {
                            Class<?> layoutClass = tool.loadClass("optikata.kata.KataLayout");
                            Object layout = layoutClass.getConstructor(Path.class).newInstance(root);
                            Object report = tool.loadClass("optikata.kata.KataRun").getMethod("run", layoutClass, Path.class, String.class,
                                    boolean.class, int.class).invoke(null, layout, root.resolve("exercises"), exercise, false, 10);
                            List<?> errors = (List<?>) report.getClass().getMethod("compileErrors").invoke(report);
                            if (!errors.isEmpty()) {
                                String text = errors.toString();
                                tests.add(DynamicTest.dynamicTest("compiles", () -> {
                                    throw new AssertionFailedError("Does not compile:\\n" + text);
                                }));
                            }
                            for (Object r : (List<?>) report.getClass().getMethod("results").invoke(report)) {
                                String name = (String) r.getClass().getMethod("name").invoke(r);
                                String status = String.valueOf(r.getClass().getMethod("status").invoke(r));
                                String message = (String) r.getClass().getMethod("message").invoke(r);
                                tests.add(DynamicTest.dynamicTest(name, () -> {
                                    if (!status.equals("PASSED")) {
                                        throw new AssertionFailedError(message);
                                    }
                                }));
                            }
                        }
                        return tests.stream();
                    }
                %s}
                """.formatted(methods);
    }

    static String studentPom(KataLayout shipped, String contractVersion) {
        StringBuilder mainDirs = new StringBuilder();
        StringBuilder testDirs = new StringBuilder();
        testDirs.append("                <source>lib/spec-runner</source>\n");
        for (String name : shipped.names()) {
            mainDirs.append("                <source>exercises/").append(name).append("/src</source>\n");
            if (Files.isDirectory(shipped.publicSpecDir(name))) {
                testDirs.append("                <source>exercises/")
                        .append(name)
                        .append("/spec</source>\n");
            }
        }
        return STUDENT_POM
                .replace("@CONTRACT@", contractVersion)
                .replace("@MAIN@", mainDirs.toString().stripTrailing())
                .replace("@TEST@", testDirs.toString().stripTrailing());
    }

    /*
     * The learner's build. Stubs are main sources: they see EJML and the contract only. Specs are
     * test sources: they also see JUnit and the spec runtime. Both optikata artifacts come from the
     * in-project repository lib/repo (a plain Maven repository layout), which every IDE's Maven
     * import resolves like any other repository, with sources jars for Javadoc on hover.
     */
    static final String STUDENT_POM = """
            <?xml version="1.0" encoding="UTF-8"?>
            <project xmlns="http://maven.apache.org/POM/4.0.0"
                     xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                     xsi:schemaLocation="http://maven.apache.org/POM/4.0.0 https://maven.apache.org/xsd/maven-4.0.0.xsd">
              <modelVersion>4.0.0</modelVersion>
              <groupId>io.optikata.learner</groupId>
              <artifactId>optikata-kata</artifactId>
              <version>1.0</version>
              <name>optikata kata</name>

              <properties>
                <maven.compiler.release>17</maven.compiler.release>
                <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>
                <optikata.contract.version>@CONTRACT@</optikata.contract.version>
              </properties>

              <repositories>
                <!-- The contract and the spec runtime ship with the kata, in Maven's repository layout. -->
                <repository>
                  <id>optikata-lib</id>
                  <url>file://${project.basedir}/lib/repo</url>
                </repository>
              </repositories>

              <dependencyManagement>
                <dependencies>
                  <dependency>
                    <groupId>org.junit</groupId>
                    <artifactId>junit-bom</artifactId>
                    <version>6.1.3</version>
                    <type>pom</type>
                    <scope>import</scope>
                  </dependency>
                </dependencies>
              </dependencyManagement>

              <dependencies>
                <!-- What your exercises compile against: EJML and the optimizer contract. -->
                <dependency>
                  <groupId>org.ejml</groupId>
                  <artifactId>ejml-ddense</artifactId>
                  <version>0.46.1</version>
                </dependency>
                <dependency>
                  <groupId>io.optikata</groupId>
                  <artifactId>optikata-contract</artifactId>
                  <version>${optikata.contract.version}</version>
                </dependency>
                <!-- What the specs need besides: JUnit Jupiter and the specs' runtime. -->
                <dependency>
                  <groupId>org.junit.jupiter</groupId>
                  <artifactId>junit-jupiter</artifactId>
                  <scope>test</scope>
                </dependency>
                <dependency>
                  <groupId>io.optikata</groupId>
                  <artifactId>optikata-spec-runtime</artifactId>
                  <version>${optikata.contract.version}</version>
                  <scope>test</scope>
                </dependency>
              </dependencies>

              <build>
                <pluginManagement>
                  <plugins>
                    <plugin><groupId>org.apache.maven.plugins</groupId><artifactId>maven-resources-plugin</artifactId><version>3.3.1</version></plugin>
                    <plugin><groupId>org.apache.maven.plugins</groupId><artifactId>maven-compiler-plugin</artifactId><version>3.14.1</version></plugin>
                    <plugin><groupId>org.apache.maven.plugins</groupId><artifactId>maven-surefire-plugin</artifactId><version>3.5.4</version></plugin>
                  </plugins>
                </pluginManagement>
                <plugins>
                  <!-- Each exercise's stub folder is a main source folder, its spec folder a test source folder. -->
                  <plugin>
                    <groupId>org.codehaus.mojo</groupId>
                    <artifactId>build-helper-maven-plugin</artifactId>
                    <version>3.6.1</version>
                    <executions>
                      <execution>
                        <id>stubs</id>
                        <phase>generate-sources</phase>
                        <goals><goal>add-source</goal></goals>
                        <configuration>
                          <sources>
            @MAIN@
                          </sources>
                        </configuration>
                      </execution>
                      <execution>
                        <id>specs</id>
                        <phase>generate-test-sources</phase>
                        <goals><goal>add-test-source</goal></goals>
                        <configuration>
                          <sources>
            @TEST@
                          </sources>
                        </configuration>
                      </execution>
                    </executions>
                  </plugin>
                  <plugin>
                    <groupId>org.apache.maven.plugins</groupId>
                    <artifactId>maven-surefire-plugin</artifactId>
                    <configuration>
                      <!-- Every spec class runs (the default *Test pattern would skip *Spec). -->
                      <includes><include>**/*.java</include></includes>
                      <trimStackTrace>true</trimStackTrace>
                      <!-- Reports and the console name an exercise and its cases by their titles, not exercise03_vectors()[2]. -->
                      <statelessTestsetReporter implementation="org.apache.maven.plugin.surefire.extensions.junit5.JUnit5Xml30StatelessReporter">
                        <usePhrasedFileName>true</usePhrasedFileName>
                        <usePhrasedTestSuiteClassName>true</usePhrasedTestSuiteClassName>
                        <usePhrasedTestCaseClassName>true</usePhrasedTestCaseClassName>
                        <usePhrasedTestCaseMethodName>true</usePhrasedTestCaseMethodName>
                      </statelessTestsetReporter>
                      <consoleOutputReporter implementation="org.apache.maven.plugin.surefire.extensions.junit5.JUnit5ConsoleOutputReporter">
                        <usePhrasedFileName>true</usePhrasedFileName>
                      </consoleOutputReporter>
                      <statelessTestsetInfoReporter implementation="org.apache.maven.plugin.surefire.extensions.junit5.JUnit5StatelessTestsetInfoReporter">
                        <usePhrasedFileName>true</usePhrasedFileName>
                        <usePhrasedClassNameInRunning>true</usePhrasedClassNameInRunning>
                        <usePhrasedClassNameInTestCaseSummary>true</usePhrasedClassNameInTestCaseSummary>
                      </statelessTestsetInfoReporter>
                    </configuration>
                  </plugin>
                </plugins>
              </build>
            </project>
            """;

    /** The Gradescope autograder zip: setup.sh, run_autograder, the jar, the exercises and the hidden specs. */
    public static void gradescope(KataLayout layout, Path jar, Path zip) throws IOException {
        requireJar(jar);
        if (zip.getParent() != null) {
            Files.createDirectories(zip.getParent());
        }
        try (OutputStream os = Files.newOutputStream(zip);
                ZipOutputStream z = new ZipOutputStream(os)) {
            put(z, "setup.sh", """
                    #!/usr/bin/env bash
                    # Gradescope runs this once when it builds the autograder image.
                    set -euo pipefail
                    apt-get update
                    # bubblewrap isolates each submission where the container allows namespaces (else a uid per submission)
                    apt-get install -y --no-install-recommends openjdk-17-jdk-headless bubblewrap
                    """);
            put(z, "run_autograder", """
                    #!/usr/bin/env bash
                    # Gradescope runs this for every submission. The grader always writes a results file,
                    # even when nothing compiles, and exits 0 whenever it could grade.
                    set -uo pipefail
                    # the solutions, hidden specs and oracle are the grader's alone, and so is the tool: its jar holds the
                    # reference optimizers, which learner code running as another user could load and call. The grading
                    # children never read it (their class path is a copy of the contract and EJML in a temp folder)
                    chmod -R go-rwx /autograder/source
                    mkdir -p /autograder/results/optikata
                    java -Djava.awt.headless=true -Doptikata.home=/autograder/source -jar /autograder/source/lib/optikata.jar \\
                        grade --submission /autograder/submission --out /autograder/results/optikata
                    cp /autograder/results/optikata/results.json /autograder/results/results.json
                    """);
            z.putNextEntry(new ZipEntry("lib/optikata.jar"));
            Files.copy(jar, z);
            z.closeEntry();
            Path committed = Files.createTempDirectory("optikata-exercises-");
            Path oracle = Files.createTempDirectory("optikata-oracle-");
            try {
                exportExercises(layout, committed);
                zipTree(z, committed, "exercises/");
                // what every case should observe, public and hidden, computed here: the solutions' code stays with the
                // instructor
                for (String name : layout.names()) {
                    Oracle.export(layout, name, oracle.resolve(name), committed, true);
                }
                zipTree(z, oracle, ".kata/oracle/");
            } finally {
                KataRun.deleteTree(committed);
                KataRun.deleteTree(oracle);
            }
            zipTree(z, layout.hidden(), "src/kata/hidden/");
        }
    }

    private static void requireJar(Path jar) {
        if (jar == null || !Files.isRegularFile(jar)) {
            throw new IllegalArgumentException(
                    "Invalid tool jar: " + jar + " (build it first: ./optikata --help builds target/optikata.jar)");
        }
    }

    private static void put(ZipOutputStream z, String name, String text) throws IOException {
        ZipEntry e = new ZipEntry(name);
        z.putNextEntry(e);
        z.write(text.getBytes(StandardCharsets.UTF_8));
        z.closeEntry();
    }

    private static void zipTree(ZipOutputStream z, Path dir, String prefix) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.filter(Files::isRegularFile).sorted().toList()) {
                z.putNextEntry(
                        new ZipEntry(prefix + dir.relativize(p).toString().replace('\\', '/')));
                Files.copy(p, z);
                z.closeEntry();
            }
        }
    }

    /**
     * The Maven Wrapper (only-script, 3.3.2, as Apache's maven-wrapper-plugin writes it): {@code ./mvnw}
     * fetches the Maven version the release was tried with on first use, so a learner needs no Maven of
     * their own, and it runs offline once that and the build's plugins are in {@code ~/.m2}.
     */
    static void writeWrapper(Path out) throws IOException {
        Path wrapper = out.resolve(".mvn").resolve("wrapper");
        Files.createDirectories(wrapper);
        copyResource("mvnw", out.resolve("mvnw"));
        executable(out.resolve("mvnw"));
        copyResource("mvnw.cmd", out.resolve("mvnw.cmd"));
        copyResource("maven-wrapper.properties", wrapper.resolve("maven-wrapper.properties"));
        // the scripts keep their line ends on every checkout (mvnw fails with CRLF, mvnw.cmd wants it)
        Files.writeString(out.resolve(".gitattributes"), "mvnw text eol=lf\nmvnw.cmd text eol=crlf\n");
    }

    private static void copyResource(String name, Path to) throws IOException {
        try (var in = Release.class.getResourceAsStream("/optikata/release/" + name)) {
            if (in == null) {
                throw new IllegalStateException("The tool's jar lacks optikata/release/" + name);
            }
            Files.copy(in, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void executable(Path p) throws IOException {
        try {
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
        } catch (UnsupportedOperationException ignored) {
            // not a POSIX file system
        }
    }
}
