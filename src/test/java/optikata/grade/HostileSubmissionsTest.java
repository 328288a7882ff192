package optikata.grade;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import optikata.cli.Main;
import optikata.kata.KataLayout;
import optikata.kata.KataRun;
import optikata.kata.Oracle;
import optikata.kata.spec.Observation;
import optikata.support.Slow;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * A dishonest learner against the grader: every attack is a real submission, built from the
 * untouched stubs (or, where said, on a solved exercise), graded end to end, and each test asserts
 * that the attack earned nothing, changed no instructor file, left no process of the submission
 * running, leaked nothing of the hidden specs or solutions into what the learner reads, ran no
 * learner code in this (the grader's) JVM, and that the grade says which isolation it used.
 *
 * <p>Attacks that do not interfere share one submission (one exercise per attack), graded once.
 * Attacks that still succeed are kept, disabled with what succeeded, so that the build stays green
 * until the grader is hardened; enable them then.
 */
@Slow
class HostileSubmissionsTest {
    static final GradeOptions OPTIONS = GraderTest.OPTIONS;
    /** Unique to this run: every payload's processes and properties carry it. */
    static final String MARK =
            "hk" + Long.toHexString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE);

    static Path base;
    /** A port on 127.0.0.1 that payloads try to reach; every line received is kept. */
    static ServerSocket listener;

    static final List<String> received = new CopyOnWriteArrayList<>();
    static Map<String, String> instructorBefore;
    static String machine;

    @BeforeAll
    static void setUp() throws Exception {
        base = Files.createTempDirectory("optikata-hostile-");
        // the unprivileged child must be able to reach the world-writable folder of the --out attack
        Hostile.chmod(base, "rwxr-xr-x");
        instructorBefore = Hostile.instructorFiles();
        machine = Hostile.machine();
        Hostile.secrets(); // fails early (and loudly) if there were nothing to look for
        listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread accept = new Thread(
                () -> {
                    while (!listener.isClosed()) {
                        try (Socket s = listener.accept()) {
                            s.setSoTimeout(2000);
                            received.add(
                                    new String(s.getInputStream().readNBytes(256), StandardCharsets.UTF_8).strip());
                        } catch (IOException e) {
                            // closed, or a client that said nothing
                        }
                    }
                },
                "hostile-listener");
        accept.setDaemon(true);
        accept.start();
    }

    @AfterAll
    static void tearDown() throws IOException {
        if (listener != null) {
            listener.close();
        }
        Hostile.killLeftovers(MARK);
        if (base != null) {
            KataRun.deleteTree(base);
        }
        try (var s = Files.list(Path.of("/tmp"))) {
            for (Path p :
                    s.filter(f -> f.getFileName().toString().startsWith(MARK)).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** One graded submission, with what the checks need. */
    record Graded(
            String marker,
            Path submission,
            Path out,
            Grader.Result result,
            Map<Long, String> survivors,
            Map<String, String> instructorAfter,
            String propertyInGrader) {
        Map<String, Double> perExercise() {
            return GraderTest.perExercise(result);
        }

        List<Outcome> of(String exercise) {
            return result.outcomes().stream()
                    .filter(o -> o.exercise().equals(exercise))
                    .toList();
        }

        String messages(String exercise) {
            StringBuilder sb = new StringBuilder();
            of(exercise).forEach(o -> sb.append(o.message()).append('\n'));
            result.compileErrors()
                    .getOrDefault(exercise, List.of())
                    .forEach(e -> sb.append(e).append('\n'));
            return sb.toString();
        }

        String output(String exercise) {
            StringBuilder sb = new StringBuilder();
            of(exercise).forEach(o -> sb.append(o.output()).append('\n'));
            return sb.toString();
        }
    }

    @FunctionalInterface
    interface Build {
        void into(Path submission, String marker) throws Exception;
    }

    private static final Map<String, Graded> GRADES = new HashMap<>();

    /** Builds and grades the submission {@code name} once; later calls reuse the grade. */
    static synchronized Graded graded(String name, Build build) throws Exception {
        Graded g = GRADES.get(name);
        if (g == null) {
            String marker = MARK + "-" + name;
            Path sub = base.resolve("sub-" + name);
            build.into(sub, marker);
            Path out = base.resolve("out-" + name);
            Grader.Result r = new Grader(Hostile.LAYOUT, OPTIONS).grade(sub);
            Reports.write(out, r, OPTIONS);
            g = new Graded(
                    marker,
                    sub,
                    out,
                    r,
                    Hostile.survivors(marker, 2000),
                    Hostile.instructorFiles(),
                    System.getProperty("optikata.hostile." + marker));
            GRADES.put(name, g);
        }
        return g;
    }

    /**
     * What every attack must leave true: instructor files unchanged, nothing of the submission
     * running, no secret in what the learner reads about {@code exercise} (or anywhere, when null),
     * no learner code in this JVM, none as root, and the isolation named.
     */
    static void assertContained(Graded g, String exercise) throws IOException {
        assertThat(g.instructorAfter())
                .as("instructor files (exercises/, solutions/, hidden specs) after the grade")
                .isEqualTo(instructorBefore);
        assertThat(g.survivors())
                .as("processes of the submission alive after its grade (machine: " + machine + ", isolation: "
                        + g.result().sandbox() + ")")
                .isEmpty();
        assertThat(Hostile.leaked(Hostile.visible(g.out(), exercise)))
                .as("hidden-spec, solution or oracle text in results.json, feedback.md " + "or junit.xml"
                        + (exercise == null ? "" : " about " + exercise))
                .isEmpty();
        assertThat(g.propertyInGrader())
                .as("learner code ran in the grader's own JVM")
                .isNull();
        if (Grader.isRoot()) {
            for (Outcome o : g.result().outcomes()) {
                assertThat(o.output())
                        .as("learner code ran as root")
                        .doesNotContainPattern("HOSTILE-RAN \\S+ .* uid=0 ");
            }
        }
        assertThat(g.result().sandbox())
                .as("the grade names the isolation it used (machine: " + machine + ")")
                .isNotBlank();
    }

    static double score(Graded g, String exercise) {
        return g.perExercise().getOrDefault(exercise, 0.0);
    }

    // ---------------------------------------------------------------------------------------------
    // Shadowing, links, special and oversized files, code for the grader's JVM, a duplicate report:
    // one submission of stubs, one attack per exercise.

    static Path rootOnly;

    static Graded refusals() throws Exception {
        return graded("refusals", (sub, marker) -> {
            Hostile.stubs(sub);
            Hostile.write(sub, "01-one-step", Payloads.shadowBooks());
            // 02: the stub file is a link to the reference solution
            Files.delete(Hostile.file(sub, "02-ema"));
            Files.createSymbolicLink(Hostile.file(sub, "02-ema"), Hostile.file(Hostile.LAYOUT.solutions(), "02-ema"));
            // 03: the whole src/ folder is a link to the solution's
            Path src03 = sub.resolve("03-vectors").resolve("src");
            KataRun.deleteTree(src03);
            Files.createSymbolicLink(
                    src03, Hostile.LAYOUT.solutions().resolve("03-vectors").resolve("src"));
            // 04: the stub file is a link to a file only root may read
            Path secretDir = base.resolve("root-only");
            Files.createDirectories(secretDir);
            rootOnly = secretDir.resolve("secret.txt");
            Files.writeString(rootOnly, "ROOT-ONLY-" + marker + " the instructor's private key\n");
            Hostile.chmod(rootOnly, "rw-------");
            Files.delete(Hostile.file(sub, "04-epsilon-outside"));
            Files.createSymbolicLink(Hostile.file(sub, "04-epsilon-outside"), rootOnly);
            // 05: a FIFO in place of the file (reading it would block for ever)
            Path fifo = Hostile.file(sub, "05-adagrad");
            Files.delete(fifo);
            Process mk =
                    new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start();
            assertThat(mk.waitFor()).as("mkfifo").isZero();
            // 06: 5 MB of source (a valid stub followed by a comment)
            Path big = Hostile.file(sub, "06-centered-momentum");
            try (OutputStream o = Files.newOutputStream(big, StandardOpenOption.APPEND)) {
                byte[] line = ("// " + "x".repeat(1020) + "\n").getBytes(StandardCharsets.UTF_8);
                for (int i = 0; i < 5 * 1024; i++) {
                    o.write(line);
                }
            }
            // 07: a forged report carrying the expected numbers of a case, ahead of the real one
            Hostile.write(
                    sub,
                    "07-adam",
                    Payloads.duplicateReport(
                            marker,
                            Payloads.expectedBlock("07-adam", false, 1),
                            Payloads.expectedBlock("07-adam", true, 1)));
            // 08: JUnit annotations and static initialisers for a grader that would load the class itself
            Hostile.write(sub, "08-debugging", Payloads.parentHooks(marker, listener.getLocalPort()));
        });
    }

    @Test
    @DisplayName(
            "shadowing: top-level classes named like the public and hidden spec books in the stub's file are refused, 0 points")
    void shadowSpecBooks() throws Exception {
        Graded g = refusals();
        assertThat(score(g, "01-one-step")).isZero();
        assertThat(g.messages("01-one-step"))
                .contains("kata.onestep.OneStepSpec")
                .contains("kata.onestep.OneStepHiddenSpec");
        assertContained(g, "01-one-step");
    }

    @Test
    @DisplayName("symlinks: a stub file linked to the reference solution is refused, 0 points")
    void fileLinkedToSolution() throws Exception {
        Graded g = refusals();
        assertThat(score(g, "02-ema")).isZero();
        assertThat(g.messages("02-ema")).containsIgnoringCase("link");
        assertContained(g, "02-ema");
    }

    @Test
    @DisplayName("symlinks: a src/ folder linked to the solution's is refused, 0 points")
    void folderLinkedToSolutions() throws Exception {
        Graded g = refusals();
        assertThat(score(g, "03-vectors")).isZero();
        assertThat(g.messages("03-vectors")).containsIgnoringCase("link");
        assertContained(g, "03-vectors");
    }

    @Test
    @DisplayName("symlinks: a stub file linked to a root-only file is refused and its text is shown nowhere")
    void fileLinkedToRootOnlyFile() throws Exception {
        Graded g = refusals();
        assertThat(score(g, "04-epsilon-outside")).isZero();
        assertThat(g.messages("04-epsilon-outside")).containsIgnoringCase("link");
        assertThat(Hostile.visible(g.out(), null)).doesNotContain("ROOT-ONLY-").doesNotContain("private key");
        assertContained(g, "04-epsilon-outside");
    }

    @Test
    @DisplayName("special files: a FIFO in place of the stub file is refused without blocking the grader")
    void fifoInsteadOfFile() throws Exception {
        Graded g = refusals();
        assertThat(score(g, "05-adagrad")).isZero();
        assertThat(g.messages("05-adagrad")).containsAnyOf("regular file", "special file", "not a file");
        assertContained(g, "05-adagrad");
    }

    @Test
    @DisplayName("oversized sources: a 5 MB file is refused before compiling, 0 points")
    void oversizedSource() throws Exception {
        Graded g = refusals();
        assertThat(score(g, "06-centered-momentum")).isZero();
        assertThat(g.messages("06-centered-momentum")).containsAnyOf("larger than", "too large", "KiB");
        assertContained(g, "06-centered-momentum");
    }

    @Test
    @DisplayName(
            "result channel: a well-formed report with the expected numbers, written ahead of the real one, earns nothing")
    void duplicateReport() throws Exception {
        Graded g = refusals();
        assertThat(score(g, "07-adam"))
                .as("07's score; its messages: " + g.messages("07-adam"))
                .isZero();
        assertThat(g.of("07-adam")).noneMatch(Outcome::passed);
        // not vacuous: the forger ran inside a probe, so its block went out before the real report
        assertThat(g.output("07-adam")).contains("HOSTILE-RAN " + g.marker() + " the forger");
        assertContained(g, "07-adam");
    }

    @Test
    @DisplayName(
            "grader's JVM: JUnit annotations and static initialisers of the learner's class run only in the unprivileged child")
    void nothingRunsInTheGrader() throws Exception {
        Graded g = refusals();
        assertThat(score(g, "08-debugging")).isZero();
        // not vacuous: the payload did run, in the child, and said where
        assertThat(g.output("08-debugging")).contains("HOSTILE-RAN " + g.marker() + " the class initialiser");
        assertThat(g.output("08-debugging"))
                .doesNotContain("a display-name generator")
                .doesNotContain("an extension")
                .doesNotContain("a test method")
                .doesNotContain("beforeAll");
        if (Grader.isRoot()) {
            assertThat(g.output("08-debugging"))
                    .as("the child's uid")
                    .doesNotContain(" uid=0 ")
                    .contains(" uid=");
        }
        assertContained(g, "08-debugging");
    }

    @Test
    @DisplayName("network: the learner's code cannot reach 127.0.0.1")
    void noNetwork() throws Exception {
        Graded g = refusals();
        assertThat(g.output("08-debugging")).as("the payload ran").contains("HOSTILE-RAN " + g.marker());
        assertThat(received)
                .as("what reached a port on 127.0.0.1 (machine: " + machine + ")")
                .noneMatch(l -> l.contains(g.marker()));
        assertContained(g, "08-debugging");
    }

    @Test
    @DisplayName("isolation: results.json and feedback.md say which isolation the grade used")
    void isolationReported() throws Exception {
        Graded g = refusals();
        String json = Files.readString(g.out().resolve("results.json"));
        String md = Files.readString(g.out().resolve("feedback.md"));
        assertThat(json.toLowerCase(Locale.ROOT))
                .as("results.json (machine: " + machine + ")")
                .contains("isolation");
        assertThat(md.toLowerCase(Locale.ROOT))
                .as("feedback.md (machine: " + machine + ")")
                .contains("isolation");
    }

    // ---------------------------------------------------------------------------------------------

    @Test
    @DisplayName(
            "shadowing: a file declaring the spec runtime's Recorder refuses the whole submission; an `exercises` link to solutions/ is not followed")
    void shadowRuntimeAndLinkedTree() throws Exception {
        Graded g = graded("runtime", (sub, marker) -> {
            // the exercises sit at the top of the submission; next to them, a planted exercises/ linked to the
            // solutions
            Hostile.stubs(sub);
            Hostile.write(sub, "02-ema", Payloads.shadowRecorder(marker));
            Files.createSymbolicLink(sub.resolve("exercises"), Hostile.LAYOUT.solutions());
        });
        assertThat(g.result().score()).as("the whole submission's score").isZero();
        // the planted exercises/ link makes the whole tree ungraded (every file refused, the stubs graded in their
        // place); had it
        // been read, the Recorder in 02 would have been refused by name
        assertThat(g.messages("02-ema"))
                .as("02 is refused")
                .containsAnyOf("optikata.kata.spec.Recorder", "exercises is a symbolic link");
        assertContained(g, null);
    }

    // ---------------------------------------------------------------------------------------------

    static Graded oracle() throws Exception {
        return graded("oracle", (sub, marker) -> {
            Hostile.stubs(sub);
            Hostile.write(sub, "01-one-step", Payloads.forgeFromOracle(marker, Hostile.LAYOUT.root()));
            Hostile.write(sub, "08-debugging", Payloads.dollarClass("08-debugging", "TutorialRegression", marker));
        });
    }

    @Test
    @DisplayName(
            "result channel: every report forged from the grader's oracle cache (readable by the child) earns nothing")
    void forgeFromOracleCache() throws Exception {
        Graded g = oracle();
        assertThat(g.result().score())
                .as("score of stubs whose 01 forges every report; per exercise " + g.perExercise())
                .isZero();
        assertContained(g, null);
    }

    // ---------------------------------------------------------------------------------------------
    // Attacks on the numbers and on the reports, one per exercise, on stubs.

    static Graded numbers() throws Exception {
        return graded("numbers", (sub, marker) -> {
            Hostile.stubs(sub);
            Map<Double, double[]> table = new LinkedHashMap<>();
            for (String[] c : Hostile.cases("01-one-step", false)) {
                Observation o = Hostile.expected("01-one-step", c[0], c[1]);
                table.put(o.given("θ before the step").numbers()[0], new double[] {
                    o.entry("the new θ").numbers()[0], o.entry("the new s").numbers()[0]
                });
            }
            Hostile.write(sub, "01-one-step", Payloads.hardCoded(table));
            Hostile.write(sub, "02-ema", Payloads.infinity());
            Hostile.write(sub, "03-vectors", Payloads.delegateRmsProp());
            Hostile.write(sub, "04-epsilon-outside", Payloads.markdown(marker));
            Hostile.write(sub, "05-adagrad", Payloads.delegateAdaGrad());
            Hostile.write(sub, "06-centered-momentum", Payloads.leak(marker, Hostile.LAYOUT.root()));
            Hostile.write(sub, "07-adam", Payloads.otherExercisesPackage(marker));
        });
    }

    @Test
    @DisplayName("hard-coding: returning the public specs' expected values passes no hidden case")
    void hardCodedPublicValues() throws Exception {
        Graded g = numbers();
        double publicShare = g.of("01-one-step").stream()
                .filter(o -> !o.hidden())
                .mapToDouble(Outcome::maxScore)
                .sum();
        assertThat(g.of("01-one-step"))
                .as("01's hidden cases")
                .filteredOn(Outcome::hidden)
                .isNotEmpty()
                .noneMatch(Outcome::passed);
        assertThat(score(g, "01-one-step"))
                .as("01's score (public share " + publicShare + ")")
                .isLessThanOrEqualTo(publicShare);
        assertContained(g, "01-one-step");
    }

    @Test
    @DisplayName(
            "shadowing: a class in another exercise's package, named like its hidden spec, refuses that exercise; neither scores")
    void classInAnotherExercisesPackage() throws Exception {
        Graded g = numbers();
        assertThat(g.messages("07-adam"))
                .as("07's messages: its file declares the class in 08's package")
                .contains("kata.debugging.TutorialRegressionHiddenSpec");
        assertThat(score(g, "07-adam")).isZero();
        assertThat(score(g, "08-debugging")).isZero();
        assertContained(g, "07-adam");
        assertContained(g, "08-debugging");
    }

    @Test
    @DisplayName("numbers: returning +∞ everywhere matches no expected value")
    void infinityEverywhere() throws Exception {
        Graded g = numbers();
        assertThat(score(g, "02-ema"))
                .as("02's score; passed: "
                        + g.of("02-ema").stream()
                                .filter(Outcome::passed)
                                .map(Outcome::name)
                                .toList())
                .isZero();
        assertContained(g, "02-ema");
    }

    @Test
    @DisplayName("delegation: a VectorRmsProp forwarding to optikata.optim.RmsProp does not compile")
    void delegateToRmsProp() throws Exception {
        Graded g = numbers();
        assertThat(score(g, "03-vectors")).as("03's score").isZero();
        assertThat(g.result().compileErrors()).as("compile errors").containsKey("03-vectors");
        assertContained(g, "03-vectors");
    }

    @Test
    @DisplayName("delegation: a MyAdaGrad running optikata.optim.AdaGrad does not compile")
    void delegateToAdaGrad() throws Exception {
        Graded g = numbers();
        assertThat(score(g, "05-adagrad")).as("05's score").isZero();
        assertThat(g.result().compileErrors()).as("compile errors").containsKey("05-adagrad");
        assertContained(g, "05-adagrad");
    }

    @Test
    @DisplayName(
            "Markdown injection: a code fence in an exception message or in printed output stays inside a code block of feedback.md")
    void markdownInjection() throws Exception {
        Graded g = numbers();
        String md = Files.readString(g.out().resolve("feedback.md"));
        assertThat(md)
                .as("the injection reached feedback.md (the test is not vacuous)")
                .contains("INJECTED-" + g.marker());
        assertThat(Hostile.outsideCode(md))
                .as("lines of feedback.md outside code blocks")
                .noneMatch(l -> l.contains("INJECTED-"));
        assertThat(Hostile.outsideCode(md).stream()
                        .filter(l -> l.contains("**Score:"))
                        .count())
                .as("score lines outside code")
                .isEqualTo(1);
        assertThat(score(g, "04-epsilon-outside")).isZero();
        assertContained(g, "04-epsilon-outside");
    }

    @Test
    @DisplayName(
            "leaks: hidden specs, solutions and the oracle cache read by the learner's code appear in no learner-visible output")
    void leakInstructorFiles() throws Exception {
        Graded g = numbers();
        assertThat(g.output("06-centered-momentum") + g.messages("06-centered-momentum"))
                .as("the payload ran")
                .contains("HOSTILE-RAN");
        assertThat(score(g, "06-centered-momentum")).isZero();
        assertContained(g, "06-centered-momentum");
    }

    @Test
    @DisplayName("shadowing: a second top-level class named Stub$Something (its class file looks nested) is refused")
    void dollarNamedTopLevelClass() throws Exception {
        Graded g = oracle();
        assertThat(score(g, "08-debugging")).isZero();
        assertThat(g.messages("08-debugging")).as("08's messages").contains("TutorialRegression$Shadow");
        assertContained(g, "08-debugging");
    }

    // ---------------------------------------------------------------------------------------------
    // Escaping and writing where the grader writes later, through the command line as CI runs it.

    record Cli(
            Path out,
            Path victim,
            String marker,
            int exit,
            String printed,
            Map<Long, String> survivors,
            Map<String, String> instructorAfter,
            String victimAfter,
            String resultsAfter) {}

    static Cli cli;

    static synchronized Cli escape() throws Exception {
        if (cli != null) {
            return cli;
        }
        String marker = MARK + "-escape";
        Path pub = base.resolve("public");
        Files.createDirectories(pub);
        // open to everyone like /tmp (sticky: only a file's owner may rename it); an --out in a folder others can write
        // without the sticky bit is refused outright, which GradeOutTest checks
        new ProcessBuilder("chmod", "1777", pub.toString()).inheritIO().start().waitFor();
        Path out = pub.resolve("grades");
        Path instructor = base.resolve("instructor");
        Files.createDirectories(instructor);
        Path victim = instructor.resolve("victim.txt");
        Files.writeString(victim, "VICTIM-ORIGINAL\n");
        Path sub = base.resolve("sub-escape");
        Hostile.stubs(sub);
        Hostile.write(sub, "04-epsilon-outside", Payloads.escapeAndPlant(marker, out, victim));
        StringWriter printed = new StringWriter();
        int exit = Main.execute(
                new String[] {
                    "grade",
                    "--submission",
                    sub.toString(),
                    "--out",
                    out.toString(),
                    "--test-timeout",
                    "3",
                    "--output-cap",
                    "4096"
                },
                new PrintWriter(printed, true),
                new PrintWriter(printed, true));
        Map<Long, String> survivors = Hostile.survivors(marker, 2000);
        Thread.sleep(1500); // room for a watcher to act on the reports
        String results =
                Files.isRegularFile(out.resolve("results.json")) ? Files.readString(out.resolve("results.json")) : "";
        cli = new Cli(
                out,
                victim,
                marker,
                exit,
                printed.toString(),
                survivors,
                Hostile.instructorFiles(),
                Files.readString(victim),
                results);
        return cli;
    }

    @Test
    @DisplayName(
            "escaping: plain, nohup and setsid processes started by the learner's code are all gone when the grade is written")
    void detachedProcessesDie() throws Exception {
        Cli c = escape();
        assertThat(c.exit()).as("exit code; printed: " + c.printed()).isZero();
        assertThat(c.survivors())
                .as("processes of the submission alive after its grade (machine: " + machine + "; " + c.printed() + ")")
                .isEmpty();
        assertThat(c.instructorAfter()).isEqualTo(instructorBefore);
    }

    @Test
    @DisplayName(
            "--out planted by the learner: a link named feedback.md in a folder the child created does not make the grader overwrite its target")
    void plantedOutLink() throws Exception {
        Cli c = escape();
        assertThat(c.victimAfter()).as("the link's target after the grade").isEqualTo("VICTIM-ORIGINAL\n");
        assertThat(Files.getOwner(c.out()).getName())
                .as("owner of --out")
                .isEqualTo(Files.getOwner(base).getName());
    }

    @Test
    @DisplayName("a watcher left by the learner cannot replace results.json after the grader wrote it")
    void watcherCannotRewriteResults() throws Exception {
        Cli c = escape();
        assertThat(c.resultsAfter()).as("results.json a moment after the grade").doesNotContain("FORGED-");
        JsonNode json = new ObjectMapper().readTree(c.resultsAfter());
        assertThat(json.get("score").asDouble()).isZero();
    }

    // ---------------------------------------------------------------------------------------------

    @Test
    @DisplayName("cohort: a process left by one learner neither raises nor lowers the next learner's grade")
    void cohortNeighbour() throws Exception {
        String marker = MARK + "-cohort";
        String tag = "VICTIM" + marker.replace("-", "");
        // learners' folders and reports out of other learners' reach, as the uid fallback requires
        Path cohortHome = Files.createTempDirectory("optikata-cohort-");
        Path cohort = cohortHome.resolve("cohort");
        Path a = cohort.resolve("a-attacker");
        Hostile.stubs(a);
        Hostile.write(a, "01-one-step", Hostile.solution("01-one-step"));
        Hostile.write(a, "08-debugging", Payloads.cohortAttacker(marker, tag));
        Path b = cohort.resolve("b-victim");
        Hostile.stubs(b);
        Hostile.write(b, "01-one-step", Hostile.stub("01-one-step") + "// " + tag + "\n");
        List<Grader.Result> results = Cohort.grade(
                Hostile.LAYOUT,
                OPTIONS,
                cohort,
                cohortHome.resolve("out-cohort"),
                1,
                new PrintStream(OutputStream.nullOutputStream()));
        Map<Long, String> survivors = Hostile.survivors(marker, 2000);
        Map<String, Grader.Result> byName = new TreeMap<>();
        results.forEach(r -> byName.put(r.submission(), r));
        Grader.Result victim = byName.get("b-victim");
        Grader.Result attacker = byName.get("a-attacker");
        String log = attacker.outcomes().stream().map(Outcome::output).reduce("", String::concat);
        assertThat(attacker.fatal()).as("the attacker's grade").isNull();
        assertThat(attacker.compileErrors())
                .as("the attacker's code compiled, so its payload ran")
                .isEmpty();
        assertThat(GraderTest.perExercise(attacker).get("01-one-step"))
                .as("the attacker's solved 01")
                .isEqualTo(10.0);
        // whether /tmp is the machine's (uid fallback: cleaned of what the uid left) or its own (namespace),
        // nothing of the payload may stay in the machine's /tmp
        try (var tmp = Files.list(Path.of("/tmp"))) {
            assertThat(tmp.map(p -> p.getFileName().toString()))
                    .as("the attacker's files in the machine's /tmp after the cohort (" + attacker.sandbox() + ")")
                    .noneMatch(n -> n.startsWith(marker));
        }
        KataRun.deleteTree(cohortHome);
        assertThat(victim.score())
                .as("the victim (untouched stubs)'s score; per exercise " + GraderTest.perExercise(victim)
                        + "; attacker's log: " + log)
                .isZero();
        assertThat(victim.outcomes())
                .as("the victim's specs killed by someone else")
                .noneMatch(o -> o.message().startsWith("0 points:"));
        assertThat(survivors)
                .as("processes of the attacker alive after the cohort (machine: " + machine + ")")
                .isEmpty();
        assertThat(Hostile.instructorFiles()).isEqualTo(instructorBefore);
    }

    // ---------------------------------------------------------------------------------------------

    @Test
    @DisplayName("oracle cache: a cache folder planted in /tmp by a learner cannot decide the next grade")
    void poisonedOracleCache() throws Exception {
        // a checkout whose target/ cannot hold the cache (a file stands there), as in a read-only install
        Path ro = base.resolve("checkout");
        for (String part : new String[] {"exercises", "solutions", "src/kata"}) {
            Submissions.copy(Hostile.LAYOUT.root().resolve(part), ro.resolve(part));
        }
        try (var s = Files.walk(Hostile.LAYOUT.root().resolve("src/kata/catalogue"))) {
            for (Path f : s.filter(Files::isRegularFile).toList()) {
                Files.copy(
                        f,
                        ro.resolve("src/kata/catalogue").resolve(f.getFileName().toString()),
                        StandardCopyOption.REPLACE_EXISTING);
            }
        }
        Files.writeString(ro.resolve("target"), "not a folder\n");
        KataLayout layout = new KataLayout(ro);
        Path cache = Path.of(System.getProperty("java.io.tmpdir"))
                .resolve("optikata-kata-oracle-"
                        + Integer.toHexString(layout.root().hashCode()));
        Assumptions.assumeTrue(
                Grader.isRoot() && !Files.exists(cache), "needs root (to act as user nobody) and a fresh cache name");
        try {
            // the learner (user nobody) creates the cache folder before any grade
            Files.createDirectories(cache);
            Files.setOwner(
                    cache, cache.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("nobody"));
            // a first grade builds 02's oracle: never in a folder someone else made
            Oracle.of(layout, "02-ema");
            try (var s = Files.list(cache)) {
                assertThat(s.map(p -> p.getFileName().toString()))
                        .as("oracle entries in the folder the learner made first")
                        .isEmpty();
            }
        } finally {
            KataRun.deleteTree(cache);
        }
    }
}
