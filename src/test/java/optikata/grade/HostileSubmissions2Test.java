package optikata.grade;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import optikata.kata.KataRun;
import optikata.support.Slow;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * More of a dishonest learner against the grader, besides {@link HostileSubmissionsTest}: what the
 * learner's code can make the grader say about a hidden case (its inputs, its expected numbers),
 * characters in learner text that break a report or a terminal, exceptions whose own methods turn
 * on the grading child, and a submission that does no work but refuses every call. Each attack is a
 * real submission graded end to end; the attacks that do not interfere share one submission, one
 * exercise each, graded once with the hidden cases' details shown ({@code --show-hidden-details}),
 * the setting under which a hidden case's message must still carry none of its inputs or numbers.
 */
@Slow
class HostileSubmissions2Test {
    /** As the other grader tests, but hidden cases' messages shown: what a learner reads then must not leak. */
    static final GradeOptions DETAILS =
            new GradeOptions(3, 240, 256, 4096, Map.of(), "after_published", true, !GraderTest.FALLBACK);
    /** Unique to this run. */
    static final String MARK =
            "hl" + Long.toHexString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE);
    /** An exit code unlikely to appear in any message by chance. */
    static final int EXIT_CODE = 97;
    /** A line number and method-name prefix a forged stack frame carries. */
    static final int FORGED_LINE = 4242;

    static final String ALWAYS = "if (System.nanoTime() != 0L) ";
    static final String STUB_THROW = "throw new UnsupportedOperationException(";

    static Path base;
    static Map<String, String> instructorBefore;
    static Graded leaks;
    static Graded refuser;
    static Graded idle;

    record Graded(Path out, Grader.Result result, Map<Long, String> survivors) {
        List<Outcome> of(String exercise, boolean hidden) {
            return result.outcomes().stream()
                    .filter(o -> o.exercise().equals(exercise) && o.hidden() == hidden)
                    .toList();
        }

        String messages(String exercise, boolean hidden) {
            StringBuilder sb = new StringBuilder();
            of(exercise, hidden).forEach(o -> sb.append(o.message()).append('\n'));
            return sb.toString();
        }

        double score(String exercise) {
            return GraderTest.perExercise(result).getOrDefault(exercise, 0.0);
        }
    }

    @BeforeAll
    static void grade() throws Exception {
        base = Files.createTempDirectory("optikata-hostile2-");
        Hostile.chmod(base, "rwxr-xr-x");
        instructorBefore = Hostile.instructorFiles();
        leaks = grade("leaks", DETAILS, HostileSubmissions2Test::buildLeaks);
        refuser = grade("refuser", GraderTest.OPTIONS, HostileSubmissions2Test::buildRefuser);
        idle = grade("idle", GraderTest.OPTIONS, HostileSubmissions2Test::buildIdle);
    }

    @AfterAll
    static void tearDown() throws IOException {
        Hostile.killLeftovers(MARK);
        if (base != null) {
            KataRun.deleteTree(base);
        }
    }

    @FunctionalInterface
    interface Build {
        void into(Path submission) throws Exception;
    }

    static Graded grade(String name, GradeOptions options, Build build) throws Exception {
        Path sub = base.resolve("sub-" + name);
        build.into(sub);
        Path out = base.resolve("out-" + name);
        Grader.Result r = new Grader(Hostile.LAYOUT, options).grade(sub);
        Reports.write(out, r, options);
        return new Graded(out, r, Hostile.survivors(MARK, 2000));
    }

    /** The stub of {@code exercise} with {@code code} run in place of its first "not started" throw. */
    static String beforeFirstThrow(String exercise, String code) throws IOException {
        return Hostile.replace(Hostile.stub(exercise), STUB_THROW, ALWAYS + "{ " + code + " }\n        " + STUB_THROW);
    }

    static void buildLeaks(Path sub) throws Exception {
        Hostile.stubs(sub);
        // 01: a constant answer, so that a message comparing it with the expected one reveals the expected one
        Hostile.write(sub, "01-one-step", beforeFirstThrow("01-one-step", "return new Result(1.0, 1.0);"));
        // 02: a forged stack frame whose method name and line carry the case's inputs
        String ema = beforeFirstThrow(
                "02-ema",
                "RuntimeException e = new RuntimeException(\"MSG-" + MARK + "\");\n"
                        + "            e.setStackTrace(new StackTraceElement[] {new StackTraceElement(\"kata.ema.Leak\", "
                        + "\"LEAK_" + MARK + "_\" + Long.toHexString(Double.doubleToLongBits(value)), \"Leak.java\", "
                        + FORGED_LINE + ")});\n"
                        + "            throw e;");
        Hostile.write(sub, "02-ema", ema);
        // 03: an exit code of the learner's choosing (it could carry 8 bits of a hidden input)
        Hostile.write(sub, "03-vectors", beforeFirstThrow("03-vectors", "System.exit(" + EXIT_CODE + ");"));
        // 04: terminal escapes, NUL, XML-forbidden characters in an exception's message and in printed output
        String nasty = "CTRL-" + MARK + " \u001b[2J\u001b[H\u001b]0;owned\u0007 nul\u0000 del\u007f c1\u009b"
                + " nonchar\uffff\ufffe bell\u0007 bs\b vt\u000b ff\f"
                + "\n  likely mistake [epsilon-misplaced]: a diagnosis forged by the learner's message";
        Hostile.write(
                sub,
                "04-epsilon-outside",
                beforeFirstThrow(
                        "04-epsilon-outside",
                        "System.out.print(" + Hostile.lit(nasty) + ");\n"
                                + "            throw new IllegalStateException(" + Hostile.lit(nasty) + ");"));
        // 05: an exception whose getMessage() throws, in the child's main thread that reads it
        String adagrad = Hostile.withMembers(
                Hostile.stub("05-adagrad"),
                "public final class MyAdaGrad",
                "    static final class Boom extends RuntimeException {\n"
                        + "        private static final long serialVersionUID = 1L;\n"
                        + "        @Override public String getMessage() { throw new IllegalStateException(\"BOOM\"); }\n"
                        + "        @Override public StackTraceElement[] getStackTrace() { throw new IllegalStateException(); }\n"
                        + "        @Override public synchronized Throwable getCause() { return this; }\n"
                        + "    }\n");
        Hostile.write(
                sub,
                "05-adagrad",
                Hostile.replace(adagrad, STUB_THROW, ALWAYS + "{ throw new Boom(); }\n" + STUB_THROW));
        // 07: its own reports, one per case, each with megabytes of message, recorded text and output, then a halt
        StringBuilder keys = new StringBuilder();
        for (boolean hidden : new boolean[] {false, true}) {
            for (String[] c : Hostile.cases("07-adam", hidden)) {
                keys.append(keys.length() == 0 ? "" : ", ").append(Hostile.lit(c[0] + " " + c[1]));
            }
        }
        Hostile.write(
                sub,
                "07-adam",
                beforeFirstThrow(
                        "07-adam",
                        "String big = \"HUGE-" + MARK + " \" + \"x\".repeat(1_200_000);\n"
                                + "            StringBuilder sb = new StringBuilder();\n"
                                + "            for (String key : new String[] {" + keys + "}) {\n"
                                + "                new optikata.kata.spec.Observation(java.util.List.of(new optikata.kata.spec.Observation.Entry("
                                + "\"θ after step 1\", false, null, big)), optikata.kata.spec.Observation.End.THREW, \"RuntimeException\", big, \"\", big, 0)"
                                + ".encode(key, sb);\n"
                                + "            }\n"
                                + "            try { java.io.FileOutputStream fd = new java.io.FileOutputStream(java.io.FileDescriptor.out);"
                                + " fd.write((sb + \"D\\n\").getBytes(java.nio.charset.StandardCharsets.UTF_8)); fd.flush(); }"
                                + " catch (java.io.IOException e) { }\n"
                                + "            Runtime.getRuntime().halt(0);"));
        // 08: a second top-level class named Stub$X, hidden from a reader of the source by a Unicode escape that javac
        // reads as a line end (the comment ends there for javac, not for a scanner of the text)
        Hostile.write(
                sub,
                "08-debugging",
                Hostile.stub("08-debugging")
                        + "\n// a comment \\u000a final class TutorialRegression$Shadow { static final String MARK = \""
                        + MARK + "\"; }\n");
        // 06: solved, to show the attacks before it did not stop the grade
        Hostile.write(sub, "06-centered-momentum", Hostile.solution("06-centered-momentum"));
    }

    /** Every method of every stub throws IllegalArgumentException naming two shapes: refuses all, computes nothing. */
    static void buildRefuser(Path sub) throws Exception {
        Hostile.stubs(sub);
        for (String ex : Hostile.LAYOUT.names()) {
            String stub = Hostile.stub(ex);
            Hostile.write(
                    sub,
                    ex,
                    stub.replace(STUB_THROW, "throw new IllegalArgumentException(\"2x1 and 3x1 do not match; \" + "));
        }
    }

    /** A method's return type before its "not started" throw. */
    static final Pattern SIGNATURE = Pattern.compile("\\b(void|double|Result)\\s+\\w+\\s*\\(");

    /**
     * Every stub method returns at once without computing: void methods do nothing, numbers are 0, and
     * 01's step gives back the θ and s it was given (the state's buffers stay as the base class made them).
     */
    static void buildIdle(Path sub) throws Exception {
        Hostile.stubs(sub);
        for (String ex : Hostile.LAYOUT.names()) {
            String stub = Hostile.stub(ex);
            StringBuilder out = new StringBuilder();
            int from = 0;
            for (int at = stub.indexOf(STUB_THROW); at >= 0; at = stub.indexOf(STUB_THROW, from)) {
                Matcher m = SIGNATURE.matcher(stub.substring(0, at));
                String type = null;
                while (m.find()) {
                    type = m.group(1);
                }
                String ret = switch (type == null ? "" : type) {
                    case "void" -> "return;";
                    case "double" -> "return 0;";
                    case "Result" -> "return new Result(theta, squaredGradientAverage);";
                    default -> throw new IllegalStateException("no return type before a throw in " + ex);
                };
                out.append(stub, from, at)
                        .append(ALWAYS)
                        .append("{ ")
                        .append(ret)
                        .append(" }\n        ");
                out.append(STUB_THROW);
                from = at + STUB_THROW.length();
            }
            out.append(stub.substring(from));
            Hostile.write(sub, ex, out.toString());
        }
    }

    static void assertContained(Graded g) throws Exception {
        assertThat(Hostile.instructorFiles())
                .as("instructor files after the grade")
                .isEqualTo(instructorBefore);
        assertThat(g.survivors()).as("processes alive after the grade").isEmpty();
        assertThat(Hostile.leaked(Hostile.visible(g.out(), null)))
                .as("hidden-spec, solution or oracle text in what the learner reads")
                .isEmpty();
        new ObjectMapper().readTree(g.out().resolve("results.json").toFile());
        DocumentBuilderFactory.newInstance()
                .newDocumentBuilder()
                .parse(new ByteArrayInputStream(Files.readAllBytes(g.out().resolve("junit.xml"))));
    }

    /** Decimals, exponents and numbers of three or more digits: what could carry a hidden case's input or expected value. */
    static final Pattern NUMBERS = Pattern.compile("\\d[.,]\\d|\\d[eE][-+]?\\d|\\d{3,}");

    @Test
    @DisplayName(
            "hidden numbers: a constant answer does not make a hidden case's message reveal the expected value (no ratio, no decimals)")
    void hiddenExpectedValueNotRevealed() throws Exception {
        String hidden = leaks.messages("01-one-step", true);
        assertThat(leaks.of("01-one-step", true)).as("01's hidden cases").isNotEmpty();
        // not vacuous: the same answer's public messages do compare numbers
        assertThat(leaks.messages("01-one-step", false)).containsPattern(NUMBERS);
        assertThat(hidden)
                .as("01's hidden messages (shown with --show-hidden-details)")
                .doesNotContain("times what it should be")
                .doesNotContainPattern(NUMBERS);
        assertThat(leaks.score("01-one-step")).isZero();
        assertContained(leaks);
    }

    @Test
    @DisplayName(
            "hidden inputs: a forged stack frame of the learner's exception does not carry text out of a hidden case")
    void forgedStackFrameStaysOutOfHiddenMessages() throws Exception {
        String hidden = leaks.messages("02-ema", true);
        assertThat(leaks.of("02-ema", true)).as("02's hidden cases").isNotEmpty();
        assertThat(leaks.messages("02-ema", false))
                .as("02's public messages: the payload ran")
                .contains("LEAK_" + MARK);
        assertThat(hidden)
                .as("02's hidden messages")
                .doesNotContain("LEAK_")
                .doesNotContain(String.valueOf(FORGED_LINE))
                .doesNotContain("MSG-" + MARK);
        assertThat(Hostile.visible(leaks.out(), "02-ema").split("LEAK_", -1).length - 1)
                .as("forged frames in what the learner reads: public cases only")
                .isLessThanOrEqualTo(3 * leaks.of("02-ema", false).size());
        assertThat(leaks.score("02-ema")).isZero();
        assertContained(leaks);
    }

    @Test
    @DisplayName("hidden inputs: the exit code a hidden case's code chose is not shown (the public case's is)")
    void exitCodeOfHiddenCaseNotShown() throws Exception {
        assertThat(leaks.messages("03-vectors", false))
                .as("03's public messages")
                .contains("System.exit")
                .contains("code " + EXIT_CODE);
        List<Outcome> hidden = leaks.of("03-vectors", true);
        assertThat(hidden).as("03's hidden cases").isNotEmpty();
        assertThat(leaks.messages("03-vectors", true))
                .as("03's hidden messages")
                .contains("System.exit")
                .doesNotContain(String.valueOf(EXIT_CODE));
        assertThat(leaks.score("03-vectors")).isZero();
        assertContained(leaks);
    }

    @Test
    @DisplayName(
            "control characters: escapes, NUL and non-characters in a message and in output leave feedback.md plain and junit.xml well-formed")
    void controlCharactersInLearnerText() throws Exception {
        String md = Files.readString(leaks.out().resolve("feedback.md"), StandardCharsets.UTF_8);
        assertThat(md).as("the payload reached feedback.md").contains("CTRL-" + MARK);
        for (String file : List.of("feedback.md", "junit.xml")) {
            String text = Files.readString(leaks.out().resolve(file), StandardCharsets.UTF_8);
            assertThat(text.chars().filter(c -> (c < 0x20 && c != '\n' && c != '\t') || (c >= 0x7f && c <= 0x9f)))
                    .as("control characters in " + file)
                    .isEmpty();
            assertThat(text).as(file).doesNotContain("\uffff").doesNotContain("\ufffe");
        }
        assertThat(leaks.score("04-epsilon-outside")).isZero();
        assertContained(leaks);
    }

    @Test
    @DisplayName(
            "exceptions: an exception whose getMessage() and getStackTrace() throw and whose cause is itself is reported as thrown; the next exercise is graded")
    void exceptionWhoseMethodsThrow() throws Exception {
        assertThat(leaks.of("05-adagrad", false)).as("05's public cases").isNotEmpty();
        // read under the case's time limit and reported as what the code threw: not a dead or stuck grading child
        assertThat(leaks.messages("05-adagrad", false))
                .as("05's public messages")
                .contains("threw Boom")
                .contains("getMessage() threw IllegalStateException")
                .doesNotContain("System.exit")
                .doesNotContain("did not finish");
        assertThat(leaks.score("05-adagrad")).isZero();
        assertThat(leaks.score("06-centered-momentum"))
                .as("06 (the reference solution) after 05's attack; its messages: "
                        + leaks.messages("06-centered-momentum", false)
                        + leaks.messages("06-centered-momentum", true))
                .isEqualTo(GradeOptions.DEFAULT_POINTS);
        assertContained(leaks);
    }

    @Test
    @DisplayName(
            "no work: a submission whose every method refuses its input (IllegalArgumentException naming two shapes) earns nothing")
    void refuseEverything() throws Exception {
        StringBuilder passed = new StringBuilder();
        refuser.result().outcomes().stream()
                .filter(Outcome::passed)
                .forEach(o -> passed.append(o.exercise())
                        .append(' ')
                        .append(o.hidden() ? "(hidden) " : "")
                        .append(o.name())
                        .append('\n'));
        assertThat(refuser.result().score())
                .as("score of a submission that refuses every call; per exercise "
                        + GraderTest.perExercise(refuser.result()) + "; passed:\n" + passed)
                .isZero();
        assertThat(refuser.result().compileErrors())
                .as("compile errors (the attack must run)")
                .isEmpty();
        assertThat(refuser.result().outcomes())
                .as("cases still not started (the attack must replace every stub's throw)")
                .noneMatch(o -> o.status().equals("not started"));
        assertContained(refuser);
    }

    @Test
    @DisplayName("no work: a submission whose every method returns at once (nothing updated, numbers 0) earns nothing")
    void doNothing() throws Exception {
        StringBuilder passed = new StringBuilder();
        idle.result().outcomes().stream()
                .filter(Outcome::passed)
                .forEach(o -> passed.append(o.exercise())
                        .append(' ')
                        .append(o.hidden() ? "(hidden) " : "")
                        .append(o.name())
                        .append('\n'));
        assertThat(idle.result().score())
                .as("score of a submission that computes nothing; per exercise " + GraderTest.perExercise(idle.result())
                        + "; passed:\n" + passed)
                .isZero();
        assertThat(idle.result().compileErrors())
                .as("compile errors (the attack must run)")
                .isEmpty();
        assertThat(idle.result().outcomes())
                .as("cases still not started (the attack must replace every stub's throw)")
                .noneMatch(o -> o.status().equals("not started"));
        assertContained(idle);
    }

    @Test
    @DisplayName(
            "huge reports: reports the learner's code writes itself, megabytes of message each, stay small in every report file")
    void hugeForgedMessages() throws Exception {
        assertThat(leaks.messages("07-adam", false))
                .as("07's messages: the payload ran")
                .contains("HUGE-" + MARK);
        for (String file : List.of("feedback.md", "results.json", "junit.xml")) {
            assertThat(Files.size(leaks.out().resolve(file)))
                    .as(file + "'s size")
                    .isLessThan(512 * 1024);
        }
        assertThat(leaks.score("07-adam")).isZero();
        assertContained(leaks);
    }

    @Test
    @DisplayName(
            "shadowing: a top-level Stub$X class behind a Unicode-escaped line end in a comment is refused, as without the escape")
    void unicodeEscapedTopLevelClass() throws Exception {
        assertThat(leaks.result().compileErrors())
                .as("08 is refused before it runs")
                .containsKey("08-debugging");
        assertThat(String.join("\n", leaks.result().compileErrors().get("08-debugging")))
                .contains("TutorialRegression$Shadow");
        assertThat(leaks.score("08-debugging")).isZero();
        assertContained(leaks);
    }

    /**
     * 03's VectorRmsProp forwarding, through reflection, to the library's RmsProp loaded from {@code tool} (the
     * grader's own code): it compiles against the contract alone, and runs the reference implementation when the
     * learner's uid can read the tool.
     */
    static String delegateThroughTheTool(Path tool) throws IOException {
        String s = Payloads.delegateRmsProp();
        s = Hostile.replace(
                s,
                "private final optikata.optim.RmsProp answerRef;",
                "private final optikata.optim.Optimizer answerRef;");
        s = s.replaceFirst(
                "this\\.answerRef = new optikata\\.optim\\.RmsProp\\([^;]*;",
                "this.answerRef = load(learningRate, decay, epsilon);");
        s = s.replaceFirst(
                "throw new UnsupportedOperationException\\(\\s*\"Exercise 03 is not started: fill in VectorRmsProp.step[^;]*;",
                "answerRef.step(params, gradient);");
        return Hostile.withMembers(s, "public final class VectorRmsProp", """
                    @SuppressWarnings({"unchecked", "rawtypes"})
                    private static optikata.optim.Optimizer load(double learningRate, double decay, double epsilon) {
                        try {
                            java.net.URLClassLoader cl = new java.net.URLClassLoader(
                                    new java.net.URL[] {java.nio.file.Path.of(%s).toUri().toURL()}, VectorRmsProp.class.getClassLoader());
                            Class<?> c = cl.loadClass("optikata.optim.RmsPropConfig");
                            Object conf = c.getMethod("defaults").invoke(null);
                            conf = c.getMethod("withLearningRate", double.class).invoke(conf, learningRate);
                            conf = c.getMethod("withDecay", double.class).invoke(conf, decay);
                            conf = c.getMethod("withEpsilon", double.class).invoke(conf, epsilon);
                            Class pl = cl.loadClass("optikata.optim.EpsilonPlacement");
                            conf = c.getMethod("withEpsilonPlacement", pl).invoke(conf, Enum.valueOf(pl, "INSIDE_ROOT"));
                            return (optikata.optim.Optimizer) cl.loadClass("optikata.optim.RmsProp").getConstructor(c).newInstance(conf);
                        } catch (Exception e) {
                            throw new IllegalStateException("could not load the tool: " + e, e);
                        }
                    }
                """.formatted(Hostile.lit(tool.toString())));
    }

    @Test
    @DisplayName(
            "uid fallback: a VectorRmsProp that loads the library's RmsProp from the grader's own code at run time earns nothing")
    void delegationThroughTheToolInTheFallback() throws Exception {
        Assumptions.assumeTrue(Grader.isRoot(), "the uid fallback needs root");
        Path tool = Path.of(
                Grader.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        GradeOptions fallback = GraderTest.OPTIONS.withFallbackForced();
        Graded g = grade("fallback-delegation", fallback, sub -> {
            Hostile.stubs(sub);
            Hostile.write(sub, "03-vectors", delegateThroughTheTool(tool));
        });
        assertThat(g.result().compileErrors())
                .as("compile errors (the attack must run)")
                .isEmpty();
        assertThat(g.score("03-vectors"))
                .as("03's score in " + g.result().sandbox() + "; messages: " + g.messages("03-vectors", false))
                .isZero();
        assertContained(g);
    }

    @Test
    @DisplayName(
            "uid fallback: while the sandbox's uid can read a secret, the grade is refused with the fix, and the results say so")
    void fallbackRefusesWhileASecretIsReadable() throws Exception {
        Assumptions.assumeTrue(Grader.isRoot(), "the uid fallback needs root");
        Path open = Files.createTempDirectory("optikata-open-secret-");
        try {
            Hostile.chmod(open, "rwxr-xr-x");
            Path secret = open.resolve("answers.txt");
            Files.writeString(secret, "the instructor's answers\n");
            Hostile.chmod(secret, "rw-r--r--");
            GradeOptions fallback = GraderTest.OPTIONS.withFallbackForced();
            Path sub = Files.createTempDirectory("optikata-refused-sub-");
            Path out = Files.createTempDirectory("optikata-refused-out-");
            try {
                Hostile.stubs(sub.resolve("s"));
                Grader.Result r = new Grader(Hostile.LAYOUT, fallback)
                        .protecting(List.of(open))
                        .grade(sub.resolve("s"));
                Reports.write(out, r, fallback);
                assertThat(r.trust()).isEqualTo(Grader.Trust.REFUSED);
                assertThat(r.fatal()).contains("can read " + secret).contains("chmod 700 " + open);
                assertThat(r.outcomes()).as("nothing was run").isEmpty();
                JsonNode json = GraderTest.validResults(out);
                assertThat(json.get("score").asDouble()).isZero();
                assertThat(json.get("extra_data").get("trusted").asBoolean()).isFalse();
                // made private, the same grade goes ahead
                Hostile.chmod(open, "rwx------");
                Grader.Result ok = new Grader(Hostile.LAYOUT, fallback)
                        .protecting(List.of(open))
                        .grade(sub.resolve("s"));
                assertThat(ok.trust()).as(String.valueOf(ok.fatal())).isEqualTo(Grader.Trust.TRUSTED);
                assertThat(ok.sandbox()).startsWith("uid fallback");
            } finally {
                KataRun.deleteTree(sub);
                KataRun.deleteTree(out);
            }
        } finally {
            KataRun.deleteTree(open);
        }
    }

    @Test
    @DisplayName(
            "forged diagnosis: a line 'likely mistake [id]' in the learner's message names no mistake in the reports")
    void forgedDiagnosis() throws Exception {
        assertThat(leaks.messages("04-epsilon-outside", false))
                .as("04's messages: the forged line came through as the learner's text")
                .contains("likely mistake [epsilon-misplaced]: a diagnosis forged");
        assertThat(leaks.of("04-epsilon-outside", false))
                .as("04's outcomes with a diagnosed mistake")
                .allMatch(o -> o.mistake() == null);
        String md = Files.readString(leaks.out().resolve("feedback.md"), StandardCharsets.UTF_8);
        assertThat(md).as("feedback.md").doesNotContain("Diagnosed mistake: **epsilon-misplaced**");
        assertContained(leaks);
    }
}
