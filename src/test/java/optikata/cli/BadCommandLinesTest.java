package optikata.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/**
 * Bad command lines as a newcomer types them, across every command: each is refused with exit
 * code 2 and exactly one line on stderr that names the option (or argument) and the value, ends
 * with where to read more, prints no help and no stack trace.
 */
class BadCommandLinesTest {
    @TempDir
    static Path dir;

    static String missing;
    static String folder;
    static String binary;
    static String gradientsOnly;
    static String notNumber;
    static String empty;
    static String traceCsv;
    static String badJson;
    static String nanTrace;
    static String out;
    static String submission;

    @BeforeAll
    static void files() throws IOException {
        missing = dir.resolve("no-such-file.csv").toString();
        folder = Files.createDirectories(dir.resolve("a-folder")).toString();
        binary = Files.write(dir.resolve("binary.csv"), new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1, (byte) 0xc3, 0x28})
                .toString();
        gradientsOnly = Files.writeString(dir.resolve("gradients.csv"), "g1,g2\n1,2\n3,4\n")
                .toString();
        notNumber = Files.writeString(dir.resolve("not-number.csv"), "g1,g2\n1,2\n3,x\n")
                .toString();
        empty = Files.writeString(dir.resolve("empty.csv"), "").toString();
        traceCsv = Files.writeString(
                        dir.resolve("trace.csv"), "step,theta_1,theta_2,loss,grad_1,grad_2\n0,1,2,,,\n1,0.9,1.9,,1,1\n")
                .toString();
        badJson = Files.writeString(dir.resolve("bad.json"), "{\"points\": [1, 2,\n")
                .toString();
        nanTrace = Files.writeString(dir.resolve("zero.csv"), "step,theta_1,grad_1\n0,1,\n1,zero,2\n")
                .toString();
        out = dir.resolve("out").toString();
        submission = Files.createDirectories(dir.resolve("submission")).toString();
    }

    static Stream<Arguments> badLines() {
        List<Arguments> rows = new ArrayList<>();
        // trace: wrong types, out-of-range values, unknown names, typos, files
        rows.add(row(List.of("--lr", "abc"), "trace", "--lr", "abc"));
        rows.add(row(List.of("--learning-rate", "abc"), "trace", "--learning-rate", "abc"));
        rows.add(row(List.of("--steps", "ten"), "trace", "--steps", "ten"));
        rows.add(row(List.of("--steps", "-1"), "trace", "--steps", "-1"));
        rows.add(row(List.of("--steps", "2.5"), "trace", "--steps", "2.5"));
        rows.add(row(List.of("--steps", "99999999999"), "trace", "--steps", "99999999999", "out of range"));
        rows.add(row(List.of("--steps", "5000000"), "trace", "--steps", "5000000", "1000000"));
        rows.add(row(List.of("--decay", "1.5"), "trace", "--decay", "1.5"));
        rows.add(row(List.of("--rho", "-0.1"), "trace", "--rho", "-0.1"));
        rows.add(row(List.of("--eps", "0"), "trace", "--eps", "0"));
        rows.add(row(List.of("--eps", "-1e-8"), "trace", "--eps", "-1.0E-8"));
        rows.add(row(List.of("--lr", "-0.1"), "trace", "--lr", "-0.1"));
        rows.add(row(List.of("--lr", "NaN"), "trace", "--lr", "NaN"));
        rows.add(row(List.of("--momentum", "1"), "trace", "--momentum", "1"));
        rows.add(row(List.of("--optimizer", "adma"), "trace", "--optimizer", "adma", "did you mean adam?"));
        rows.add(row(List.of("--optimizer", "rmsprp"), "trace", "--optimizer", "rmsprp", "did you mean rmsprop?"));
        rows.add(row(List.of("--optimizer", "lbfgs"), "trace", "--optimizer", "lbfgs"));
        rows.add(row(List.of("--preset", "kears"), "trace", "--preset", "kears", "did you mean keras?"));
        rows.add(row(List.of("--preset", "d2l", "--optimizer", "sgd"), "trace", "--preset", "d2l"));
        rows.add(row(List.of("--optimizer", "sgd", "--decay", "0.9"), "trace", "--decay", "0.9"));
        rows.add(row(List.of("--optimizer", "adam", "--momentum", "0.5"), "trace", "--momentum", "0.5"));
        rows.add(row(List.of("--optimizer", "adam", "--beta1", "1.5"), "trace", "--beta1", "1.5"));
        rows.add(row(List.of("--initial-accumulator", "-1"), "trace", "--initial-accumulator", "-1"));
        rows.add(row(List.of("--weight-decay", "-0.1"), "trace", "--weight-decay: invalid weight decay: -0.1", ">= 0"));
        rows.add(row(List.of("--weight-decay", "NaN", "--optimizer", "adamw"), "trace", "--weight-decay", "NaN"));
        rows.add(row(List.of("--weight-decay", "abc"), "trace", "--weight-decay: 'abc' is not a number"));
        rows.add(row(
                List.of("--weight-decay-form", "sideways"),
                "trace",
                "--weight-decay-form: 'sideways' is not one of coupled, decoupled"));
        rows.add(row(List.of("--weight-decay-form", "decoupeld"), "trace", "'decoupeld'", "did you mean decoupled?"));
        rows.add(row(
                List.of("--optimizer", "adamw", "--weight-decay-form", "coupled"),
                "trace",
                "--weight-decay-form: invalid weight decay form: coupled for adamw",
                "adam's"));
        rows.add(row(
                List.of("--objective", "rosenbrok"), "trace", "--objective", "rosenbrok", "did you mean rosenbrock?"));
        rows.add(row(List.of("--objective", "d2l-quadratic", "--start", "1,2,3"), "trace", "--start", "3 values"));
        rows.add(row(List.of("--start", "1,x"), "trace", "--start", "'x'"));
        rows.add(row(List.of("--format", "xml"), "trace", "--format", "xml", "csv, json"));
        rows.add(row(List.of("--eps-placement", "inside"), "trace", "--eps-placement", "inside", "inside_root"));
        rows.add(row(List.of("--centered=maybe"), "trace", "--centered", "maybe"));
        rows.add(row(List.of("--stpes", "3"), "trace", "--stpes", "did you mean --steps?"));
        rows.add(row(List.of("--lr"), "trace", "--lr", "needs a value"));
        rows.add(row(List.of("--lr", "1", "--lr", "2"), "trace", "--lr", "more than once"));
        rows.add(row(List.of("foo"), "trace", "'foo'"));
        rows.add(row(List.of("--replay", "@missing"), "trace", "--replay", "@missing"));
        rows.add(row(List.of("--replay", "@folder"), "trace", "--replay", "@folder"));
        rows.add(row(List.of("--replay", "@binary"), "trace", "--replay", "@binary", "UTF-8"));
        rows.add(row(List.of("--replay", "@gradientsOnly"), "trace", "--replay", "@gradientsOnly", "--start"));
        rows.add(row(List.of("--replay", "@notNumber", "--start", "0,0"), "trace", "--replay", "'x'"));
        rows.add(row(List.of("--replay", "@empty", "--start", "0,0"), "trace", "--replay", "@empty"));
        rows.add(row(List.of("--replay", "@traceCsv", "--start", "1,2,3"), "trace", "--start", "3 values"));
        rows.add(row(List.of("--replay", "@badJson"), "trace", "--replay", "@badJson", "JSON"));
        rows.add(row(List.of("--replay", "@traceCsv", "--plot", "@out/r.png"), "trace", "--plot", "--objective"));
        rows.add(row(List.of("--compare", "adamax"), "trace", "--compare", "adamax"));
        rows.add(row(List.of("--out", "@binary/run.csv"), "trace", "--out", "@binary", "in the way"));
        rows.add(row(List.of("--plot", "@binary/run.png"), "trace", "--plot", "@binary", "in the way"));
        // diagnose
        rows.add(row(List.of(), "diagnose", "--trace", "--exercise"));
        rows.add(row(List.of("--trace", "a.csv", "--exercise", "03"), "diagnose", "--trace", "--exercise", "together"));
        rows.add(row(List.of("--trace", "@missing"), "diagnose", "--trace", "@missing"));
        rows.add(row(List.of("--trace", "@folder"), "diagnose", "--trace", "@folder"));
        rows.add(row(List.of("--trace", "@binary"), "diagnose", "--trace", "@binary"));
        rows.add(row(
                List.of("--trace", "@gradientsOnly"),
                "diagnose",
                "--trace",
                "@gradientsOnly",
                "the header needs step"));
        rows.add(row(List.of("--trace", "@nanTrace"), "diagnose", "--trace", "'zero'"));
        rows.add(row(List.of("--trace", "@badJson"), "diagnose", "--trace", "@badJson"));
        rows.add(row(List.of("--trace", "@empty"), "diagnose", "--trace", "@empty"));
        rows.add(row(List.of("--exercise", "99"), "diagnose", "--exercise", "99"));
        rows.add(row(List.of("--exercise", "03", "--source", "@missing"), "diagnose", "--source", "@missing"));
        rows.add(row(List.of("--tarce", "x.csv"), "diagnose", "--tarce", "did you mean --trace?"));
        // gradcheck
        rows.add(row(List.of(), "gradcheck", "missing required option --objective"));
        rows.add(row(List.of("--objective", "cube"), "gradcheck", "--objective", "cube"));
        rows.add(row(List.of("--objective", "square", "--at", "1,2"), "gradcheck", "--at", "2 values"));
        rows.add(row(List.of("--objective", "square", "--h", "0"), "gradcheck", "--h", "0"));
        rows.add(row(List.of("--objective", "square", "--tolerance", "-1"), "gradcheck", "--tolerance", "-1"));
        rows.add(row(List.of("--objective", "square", "--at", "x"), "gradcheck", "--at", "'x'"));
        rows.add(row(List.of("--objective", "square", "--h", "abc"), "gradcheck", "--h", "'abc'"));
        // claims
        rows.add(row(List.of("--claim", "C99", "--no-report"), "claims", "--claim", "C99"));
        rows.add(row(List.of("--format", "xml", "--no-report"), "claims", "--format", "xml", "table, json, md"));
        rows.add(row(List.of("--claim", "C24", "--data", "@missing", "--no-report"), "claims", "--data", "@missing"));
        rows.add(row(List.of("--clam", "C05"), "claims", "--clam", "did you mean --claim?"));
        // optimizers
        rows.add(row(List.of("--digits", "x"), "optimizers", "--digits", "'x'"));
        rows.add(row(List.of("--digits", "-1"), "optimizers", "--digits", "-1"));
        rows.add(row(List.of("extra"), "optimizers", "'extra'"));
        // check
        rows.add(row(List.of("99"), "check", "EXERCISE", "99"));
        rows.add(row(List.of("--source", "@missing", "01"), "check", "--source", "@missing"));
        rows.add(row(List.of("--source", "@folder", "01"), "check", "--source", "@folder", "01-one-step/src"));
        rows.add(row(List.of("--timeout", "x"), "check", "--timeout", "'x'"));
        rows.add(row(List.of("--timeout", "0", "01"), "check", "--timeout", "0"));
        // grade
        rows.add(row(List.of("--out", "@out"), "grade", "--submission", "--cohort"));
        rows.add(row(
                List.of("--submission", "a", "--cohort", "b", "--out", "@out"),
                "grade",
                "--submission",
                "--cohort",
                "together"));
        rows.add(row(List.of("--submission", "@submission", "--out", "@out", "--jobs", "x"), "grade", "--jobs", "'x'"));
        rows.add(row(List.of("--cohort", "@missing", "--out", "@out"), "grade", "--cohort", "@missing"));
        rows.add(row(List.of("--submission", "@submission", "--out", "@out", "--heap", "10"), "grade", "--heap", "10"));
        rows.add(row(
                List.of("--submission", "@submission", "--out", "@out", "--hidden-visibility", "never"),
                "grade",
                "--hidden-visibility",
                "never"));
        rows.add(row(
                List.of("--submission", "@submission", "--out", "@out", "--points", "99-x=5"),
                "grade",
                "--points",
                "99-x"));
        rows.add(row(List.of("--submission", "@submission"), "grade", "missing required option --out"));
        rows.add(row(
                List.of("--submission", "@submission", "--out", "@out", "--shard", "1/2"),
                "grade",
                "--shard",
                "goes with --cohort"));
        rows.add(row(List.of("--out", "@out"), "grade merge", "SHARD_DIR"));
        rows.add(row(
                List.of("--submission", "@submission", "--out", "@out", "--points", "abc"),
                "grade",
                "--points",
                "'abc'",
                "EX=PTS"));
        // release
        rows.add(row(List.of(), "release", "missing required option --out"));
        rows.add(row(List.of("--gradescope", "--out", "@out/bundle.tar"), "release", "--out", "bundle.tar", ".zip"));
        // the command itself
        rows.add(row(List.of("tutor"), null, "unknown command 'tutor'"));
        rows.add(row(List.of("hlep"), null, "'hlep'", "did you mean help?"));
        rows.add(row(List.of("--verison"), null, "--verison", "did you mean --version?"));
        rows.add(row(List.of("help", "nosuch"), null, "nosuch"));
        rows.add(row(List.of("extra"), "bench", "'extra'"));
        rows.add(row(List.of("--sizes"), "bench", "--sizes", "needs a value"));
        return rows.stream();
    }

    /** {@code @name} in args or expectations stands for the temporary file of that name. */
    static Arguments row(List<String> args, String command, String... expected) {
        List<String> line = new ArrayList<>();
        if (command != null) {
            line.addAll(List.of(command.split(" ")));
        }
        line.addAll(args);
        return Arguments.of(String.join(" ", line), line, command, List.of(expected));
    }

    static String resolve(String s) {
        return s.replace("@missing", missing)
                .replace("@folder", folder)
                .replace("@binary", binary)
                .replace("@gradientsOnly", gradientsOnly)
                .replace("@notNumber", notNumber)
                .replace("@empty", empty)
                .replace("@traceCsv", traceCsv)
                .replace("@badJson", badJson)
                .replace("@nanTrace", nanTrace)
                .replace("@out", out)
                .replace("@submission", submission);
    }

    @ParameterizedTest(name = "optikata {0}")
    @MethodSource("badLines")
    @DisplayName(
            "a bad command line gets one line naming the option and the value, exit code 2, no help, no stack trace")
    void refused(String shown, List<String> line, String command, List<String> expected) {
        String[] args = line.stream().map(BadCommandLinesTest::resolve).toArray(String[]::new);
        StringWriter stdout = new StringWriter();
        StringWriter stderr = new StringWriter();
        int code = Main.execute(args, new PrintWriter(stdout), new PrintWriter(stderr));
        String err = stderr.toString();
        assertThat(code).as(err).isEqualTo(2);
        assertThat(err.lines().toList()).as(err).hasSize(1);
        assertThat(err).doesNotContain("Exception").doesNotContain("\tat ").doesNotContain("Usage:");
        assertThat(stdout.toString()).as("no help after an error").doesNotContain("Usage:");
        String name = command == null ? "optikata" : "optikata " + command;
        assertThat(err).startsWith(name + ": ").endsWith("try: " + name + " --help" + System.lineSeparator());
        for (String e : expected) {
            assertThat(err).contains(resolve(e));
        }
    }

    @Test
    @DisplayName("the table has at least 60 bad command lines, across every command")
    void enoughLines() {
        List<Arguments> rows = badLines().toList();
        assertThat(rows).hasSizeGreaterThanOrEqualTo(60);
        List<Object> commands = rows.stream().map(a -> a.get()[2]).distinct().toList();
        for (String c : List.of(
                "claims", "trace", "optimizers", "check", "diagnose", "gradcheck", "grade", "release", "bench")) {
            assertThat(commands).as("a bad line for " + c).contains(c);
        }
    }

    @Test
    @DisplayName("did you mean only when the name is close")
    void suggestionsOnlyWhenClose() {
        assertThat(Errors.didYouMean("rmsprp", List.of("sgd", "rmsprop"))).contains("rmsprop");
        assertThat(Errors.didYouMean("--stpes", List.of("--start", "--steps"))).contains("--steps");
        assertThat(Errors.didYouMean("hint", List.of("help", "check", "trace"))).isEmpty();
        assertThat(Errors.didYouMean("lbfgs", List.of("sgd", "adam"))).isEmpty();
        assertThat(Errors.distance("keras", "kears")).isEqualTo(1);
        assertThat(Errors.distance("", "abc")).isEqualTo(3);
    }

    @CommandLine.Command(name = "tip", description = "Print a hint.")
    static final class NewCommand implements Callable<Integer> {
        @CommandLine.Option(names = "--level", paramLabel = "N")
        int level;

        @CommandLine.Parameters(paramLabel = "TOPIC")
        String topic;

        @Override
        public Integer call() {
            throw new IllegalArgumentException("Unknown topic: " + topic + " (known: rmsprop, adam)");
        }
    }

    @Test
    @DisplayName(
            "a command added to the tree gets the same one-line errors, its domain errors put behind the argument they came from")
    void newCommandsGetItForFree() {
        CommandLine cl = Main.commandLine();
        cl.addSubcommand("tip", new NewCommand());
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(new StringWriter()));
        cl.setErr(new PrintWriter(err));
        assertThat(cl.execute("tip", "rmsprp")).isEqualTo(2);
        assertThat(err.toString())
                .isEqualTo("optikata tip: TOPIC: unknown topic: rmsprp (known: rmsprop, adam); did you mean rmsprop? "
                        + "try: optikata tip --help" + System.lineSeparator());
        err.getBuffer().setLength(0);
        assertThat(cl.execute("tip", "--level", "high", "adam")).isEqualTo(2);
        assertThat(err.toString())
                .isEqualTo("optikata tip: --level: 'high' is not a whole number; try: optikata tip --help"
                        + System.lineSeparator());
    }

    @Test
    @DisplayName("a command registered without the standard options still gets --help and --version")
    void newCommandsGetHelpAndVersion() {
        CommandLine cl = Main.configure(new CommandLine(new Main()).addSubcommand("tip", new NewCommand()));
        StringWriter out = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(new StringWriter()));
        assertThat(cl.execute("tip", "--version")).isZero();
        assertThat(out.toString()).startsWith("optikata ").contains("commit").contains("java");
        out.getBuffer().setLength(0);
        assertThat(cl.execute("tip", "--help")).isZero();
        assertThat(out.toString()).contains("Usage: optikata tip").contains("Print a hint.");
    }
}
