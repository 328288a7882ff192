package optikata.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The command-line front: parses and delegates; every subcommand has {@code --help}. */
@Command(name = "optikata", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = {
            "A kata and verification suite for gradient-descent optimizers, centred on RMSProp.",
            "",
            "Start with @|bold ./optikata claims|@ (checks every claim of the reference texts),",
            "or @|bold ./optikata trace --help|@ to watch an optimizer step by step."
        },
        subcommands = {ClaimsCommand.class, TraceCommand.class, OptimizersCommand.class, CheckCommand.class, DiagnoseCommand.class, GradcheckCommand.class, GradeCommand.class, ReleaseCommand.class, BenchCommand.class,
            WatchCommand.class, HintCommand.class, ListCommand.class, NextCommand.class, ResetCommand.class,
            CommandLine.HelpCommand.class})
public final class Main implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static void main(String[] args) {
        System.exit(execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs the command line with the given streams and returns the exit code (for tests). */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cl = commandLine();
        cl.setOut(out);
        cl.setErr(err);
        return cl.execute(args);
    }

    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Main());
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        // Wide enough for the descriptions' own line breaks (they carry formulas and examples).
        cl.setUsageHelpWidth(110);
        cl.setExecutionExceptionHandler((ex, line, parseResult) -> {
            if (ex instanceof IllegalArgumentException || ex instanceof java.io.UncheckedIOException
                    || ex instanceof java.io.IOException) {
                line.getErr().println("optikata " + line.getCommandName() + ": " + ex.getMessage());
                line.getErr().flush();
                return 2;
            }
            throw ex;
        });
        return cl;
    }

    /** Version from the jar manifest when packaged. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Main.class.getPackage().getImplementationVersion();
            return new String[] {"optikata " + (v == null ? "development build" : v)};
        }
    }
}
