package optikata.cli;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import optikata.kata.KataLayout;
import optikata.kata.Shipped;
import optikata.run.BuildInfo;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The command-line front: parses and delegates; every subcommand has {@code --help}. */
@Command(
        name = "optikata",
        mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        description = {
            "A kata and verification suite for gradient-descent optimizers, centred on RMSProp.",
            "",
            "Start with @|bold ./optikata claims|@ (checks every claim of the reference texts),",
            "or @|bold ./optikata trace --help|@ to watch an optimizer step by step."
        },
        footer = {
            "",
            "Exit codes: 0 done; 1 a finding (a check failed, a run diverged, no form matched: see each",
            "command's help); 2 the command line or an input file is wrong (one line on stderr says which",
            "option and value); 70 an internal error (a bug: please report it)."
        },
        subcommands = {
            ClaimsCommand.class,
            TraceCommand.class,
            OptimizersCommand.class,
            CheckCommand.class,
            DiagnoseCommand.class,
            GradcheckCommand.class,
            ConformanceCommand.class,
            GradeCommand.class,
            ReleaseCommand.class,
            BenchCommand.class,
            WatchCommand.class,
            HintCommand.class,
            ListCommand.class,
            NextCommand.class,
            ResetCommand.class,
            ExerciseCommand.class,
            CommandLine.HelpCommand.class
        })
public final class Main implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static void main(String[] args) {
        // The console's own encoding, as System.out has it.
        Charset console = Charset.defaultCharset();
        System.exit(execute(
                args,
                new PrintWriter(new OutputStreamWriter(System.out, console), true),
                new PrintWriter(new OutputStreamWriter(System.err, console), true)));
    }

    /** Runs the command line with the given streams and returns the exit code (for tests). */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cl = commandLine();
        cl.setOut(out);
        cl.setErr(err);
        return cl.execute(args);
    }

    /**
     * The command tree with what every command shares, set here once so that a command gets it
     * by being registered: the one-line error style ({@link Errors}), {@code -V/--version}, and
     * help that shows the command's description once (the one-line header is kept for the list
     * of commands only).
     */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Main());
        if (new Shipped(KataLayout.fromHome()).isRelease()) {
            forLearners(cl);
        }
        return configure(cl);
    }

    /** In a student release, the learner's commands in the order of the loop, first. */
    static final List<String> LEARNER_ORDER = List.of(
            "next",
            "watch",
            "hint",
            "check",
            "list",
            "reset",
            "trace",
            "diagnose",
            "gradcheck",
            "claims",
            "optimizers");

    /** The instructor's commands, which a student release keeps out of its help (they still run). */
    static final List<String> INSTRUCTOR = List.of("grade", "release", "conformance", "bench", "exercise");

    /**
     * A student release's help opens with the learner's loop ({@code next}, {@code watch}, {@code hint}) and
     * leaves out the instructor's commands, which need the instructor's checkout.
     */
    static void forLearners(CommandLine cl) {
        CommandLine.Model.CommandSpec spec = cl.getCommandSpec();
        spec.usageMessage()
                .description(
                        "The optimizer kata's tool: your exercises checked against their specs.",
                        "",
                        "Start with @|bold ./optikata next|@ (which exercise, and the README to read), then",
                        "@|bold ./optikata watch|@ beside your editor; @|bold ./optikata hint|@ when stuck.");
        Map<String, CommandLine> all = new LinkedHashMap<>(cl.getSubcommands());
        all.keySet().forEach(spec::removeSubcommand);
        List<String> order = new ArrayList<>(LEARNER_ORDER);
        all.keySet().stream().filter(n -> !order.contains(n)).forEach(order::add);
        for (String name : order) {
            CommandLine sub = all.get(name);
            if (sub == null) {
                continue;
            }
            if (INSTRUCTOR.contains(name)) {
                sub.getCommandSpec().usageMessage().hidden(true);
            }
            cl.addSubcommand(name, sub);
        }
    }

    /** Gives the tree {@code cl} (its subcommands included) what every command shares. */
    static CommandLine configure(CommandLine cl) {
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        // Wide enough for the descriptions' own line breaks (they carry formulas and examples).
        cl.setUsageHelpWidth(110);
        Errors errors = new Errors();
        cl.setParameterExceptionHandler(errors);
        cl.setExecutionExceptionHandler(errors);
        Version version = new Version();
        share(cl, version, true);
        return cl;
    }

    private static void share(CommandLine cl, Version version, boolean root) {
        CommandLine.Model.CommandSpec spec = cl.getCommandSpec();
        spec.versionProvider(version);
        // A command written without mixinStandardHelpOptions still gets --help and --version.
        if (spec.findOption("--help") == null) {
            spec.addOption(CommandLine.Model.OptionSpec.builder(free(spec, "-h", "--help"))
                    .usageHelp(true)
                    .description("Show this help message and exit.")
                    .build());
        }
        if (spec.findOption("--version") == null) {
            spec.addOption(CommandLine.Model.OptionSpec.builder(free(spec, "-V", "--version"))
                    .versionHelp(true)
                    .description("Print version information and exit.")
                    .build());
        }
        if (!root && cl.getCommandSpec().usageMessage().description().length > 0) {
            List<String> keys = new ArrayList<>(cl.getHelpSectionKeys());
            keys.remove(CommandLine.Model.UsageMessageSpec.SECTION_KEY_HEADER_HEADING);
            keys.remove(CommandLine.Model.UsageMessageSpec.SECTION_KEY_HEADER);
            cl.setHelpSectionKeys(keys);
        }
        for (CommandLine sub : cl.getSubcommands().values()) {
            share(sub, version, false);
        }
    }

    /** The names that no option of {@code spec} has taken yet. */
    private static String[] free(CommandLine.Model.CommandSpec spec, String... names) {
        return Arrays.stream(names).filter(n -> spec.findOption(n) == null).toArray(String[]::new);
    }

    /**
     * The version, the commit the jar was built from and the Java runtime. The first two are
     * written into {@code optikata/version.properties} by the build; a build without git says
     * "unknown".
     */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            BuildInfo b = BuildInfo.current();
            String commit = b.commit();
            String time = b.commitTime();
            return new String[] {
                "optikata " + b.version(),
                "commit   " + commit
                        + (commit.equals(BuildInfo.UNKNOWN)
                                ? ""
                                : (b.dirty() ? " with uncommitted changes" : "")
                                        + (time.equals(BuildInfo.UNKNOWN) ? "" : " (" + time + ")")),
                "java     " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ", "
                        + System.getProperty("java.vendor") + ")"
            };
        }
    }
}
