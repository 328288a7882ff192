package optikata.cli;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import optikata.optim.InvalidArgument;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.ParseResult;

/**
 * One error style for every command: a single line on stderr,
 * {@code optikata CMD: --option: what is wrong with which value (the valid choices or range);
 * try: optikata CMD --help}, and exit code 2. Used both for what picocli rejects while parsing
 * and for the {@link IllegalArgumentException}s and I/O errors the commands and the domain code
 * throw while running; a domain message speaks in domain words ("invalid decay rate") and is put
 * behind the option it came from here. New commands get all of it by being registered.
 */
final class Errors implements CommandLine.IParameterExceptionHandler, CommandLine.IExecutionExceptionHandler {

    /** Exit code of a usage error (bad option, bad value, missing or unreadable file). */
    static final int USAGE = 2;
    /** Exit code of a failure that is a bug, not bad input. */
    static final int INTERNAL = 70;

    /**
     * Which option a domain error is about, by the words the domain uses for it. The first
     * option of a row that the failing command has wins.
     */
    private static final Map<String, List<String>> TERMS = Map.ofEntries(
            Map.entry("learning rate", List.of("--lr")),
            Map.entry("decay rate", List.of("--decay")),
            Map.entry("decay", List.of("--decay")),
            Map.entry("epsilon", List.of("--eps")),
            Map.entry("epsilon placement", List.of("--eps-placement")),
            Map.entry("momentum", List.of("--momentum")),
            Map.entry("initial accumulator", List.of("--initial-accumulator")),
            Map.entry("beta1", List.of("--beta1")),
            Map.entry("beta2", List.of("--beta2")),
            Map.entry("weight decay", List.of("--weight-decay")),
            Map.entry("weight decay form", List.of("--weight-decay-form")),
            Map.entry("optimizer", List.of("--optimizer", "--compare")),
            Map.entry("preset", List.of("--preset")),
            Map.entry("objective", List.of("--objective")),
            Map.entry("claim", List.of("--claim")),
            Map.entry("exercise", List.of("--exercise", "EXERCISE")),
            Map.entry("trace", List.of("--trace", "--replay")),
            Map.entry("trace file", List.of("--trace", "--replay")),
            Map.entry("gradient file", List.of("--replay")),
            Map.entry("airfoil data", List.of("--data")),
            Map.entry("step h", List.of("--h")),
            Map.entry("test timeout", List.of("--test-timeout")),
            Map.entry("deadline", List.of("--deadline")),
            Map.entry("heap cap", List.of("--heap")),
            Map.entry("output cap", List.of("--output-cap")),
            Map.entry("hidden visibility", List.of("--hidden-visibility")),
            Map.entry("points", List.of("--points")),
            Map.entry("cohort", List.of("--cohort")),
            Map.entry("cohort folder", List.of("--cohort")),
            Map.entry("submission", List.of("--submission")),
            Map.entry("submission folder", List.of("--submission")),
            Map.entry("release folder", List.of("--out")),
            Map.entry("autograder bundle", List.of("--out")),
            Map.entry("jar", List.of("--jar")),
            Map.entry("tool jar", List.of("--jar")));

    private static final Pattern DOMAIN =
            Pattern.compile("^(?:Invalid|Unknown) ([a-zA-Z0-9 ]+?): (.*)$", Pattern.DOTALL | Pattern.CASE_INSENSITIVE);
    private static final Pattern OPTION_FOR =
            Pattern.compile("^Invalid option for \\S+: ([a-z0-9 ]+?) = ", Pattern.CASE_INSENSITIVE);
    private static final Pattern KNOWN = Pattern.compile("\\((?:known|must be one of|one of): ([^)]*)\\)");

    // ---- parse errors ----------------------------------------------------------------------

    @Override
    public int handleParseException(CommandLine.ParameterException ex, String[] args) {
        CommandLine cmd = ex.getCommandLine();
        print(cmd, null, parseMessage(ex, cmd, args));
        return USAGE;
    }

    static String parseMessage(CommandLine.ParameterException ex, CommandLine cmd, String[] args) {
        CommandSpec spec = cmd.getCommandSpec();
        if (ex instanceof CommandLine.UnmatchedArgumentException u
                && !u.getUnmatched().isEmpty()) {
            String first = u.getUnmatched().get(0);
            if (first.startsWith("-") && first.length() > 1) {
                String name = first.contains("=") ? first.substring(0, first.indexOf('=')) : first;
                List<String> names = new ArrayList<>();
                spec.options().forEach(o -> names.addAll(Arrays.asList(o.names())));
                return "unknown option " + name + didYouMean(name, names);
            }
            if (!cmd.getSubcommands().isEmpty()) {
                List<String> commands = new ArrayList<>(cmd.getSubcommands().keySet());
                return "unknown command '" + first + "' (commands: " + String.join(", ", commands) + ")"
                        + didYouMean(first, commands);
            }
            return "unexpected argument '" + first + "' (" + spec.qualifiedName() + " takes "
                    + (spec.positionalParameters().isEmpty()
                            ? "no arguments, only options"
                            : "at most " + spec.positionalParameters().size() + " argument"
                                    + plural(spec.positionalParameters().size()))
                    + ")";
        }
        if (ex instanceof CommandLine.MissingParameterException m) {
            String msg = String.valueOf(m.getMessage());
            if ((msg.startsWith("Missing required parameter for option") || msg.startsWith("Expected parameter"))
                    && !m.getMissing().isEmpty()
                    && m.getMissing().get(0) instanceof OptionSpec o) {
                return typed(o, args) + ": needs a value (" + o.paramLabel() + ")";
            }
            List<String> missing = new ArrayList<>();
            for (ArgSpec a : m.getMissing()) {
                missing.add(a instanceof OptionSpec o ? o.longestName() + " " + o.paramLabel() : a.paramLabel());
            }
            boolean oneOf = msg.contains("one of");
            boolean options = m.getMissing().stream().allMatch(a -> a instanceof OptionSpec);
            String what = options ? "option" : "argument";
            return missing.size() == 1
                    ? "missing required " + what + " " + missing.get(0)
                    : "missing required " + what + ": " + (oneOf ? "one of " : "")
                            + String.join(oneOf ? " or " : " and ", missing);
        }
        if (ex instanceof CommandLine.MutuallyExclusiveArgsException) {
            List<String> names = new ArrayList<>();
            Matcher mm = Pattern.compile("(--[a-z0-9-]+)").matcher(String.valueOf(ex.getMessage()));
            while (mm.find()) {
                names.add(mm.group(1));
            }
            return String.join(" and ", names) + " cannot be used together (give one of them)";
        }
        if (ex instanceof CommandLine.OverwrittenOptionException o && o.getOverwritten() instanceof OptionSpec os) {
            return typed(os, args) + ": given more than once (give it once)";
        }
        ArgSpec arg = ex.getArgSpec();
        String value = ex.getValue();
        if (arg != null && value != null) {
            String name = arg instanceof OptionSpec o ? typed(o, args) : arg.paramLabel();
            return name + ": " + typeProblem(arg, value, ex.getMessage());
        }
        String msg = String.valueOf(ex.getMessage());
        Matcher expected = Pattern.compile("^Expected parameter for option '([^']+)' but found '([^']*)'")
                .matcher(msg);
        if (expected.find()) {
            OptionSpec o = spec.findOption(expected.group(1));
            String name = o == null ? expected.group(1) : typed(o, args);
            return name + ": needs a value" + (o == null ? "" : " (" + o.paramLabel() + ")") + " but got '"
                    + expected.group(2) + "'";
        }
        return lowerFirst(msg.replaceFirst("^Error: ", ""));
    }

    private static String typeProblem(ArgSpec arg, String value, String picocliMessage) {
        if (Map.class.isAssignableFrom(arg.type())) {
            return "'" + value + "' is not of the form " + arg.paramLabel();
        }
        Class<?> type = arg.auxiliaryTypes().length > 0
                        && (arg.type().isArray() || Collection.class.isAssignableFrom(arg.type()))
                ? arg.auxiliaryTypes()[0]
                : arg.type();
        if (type.isArray()) {
            type = type.getComponentType();
        }
        if (type == double.class || type == Double.class || type == float.class || type == Float.class) {
            return "'" + value + "' is not a number";
        }
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            if (value.strip().matches("[-+]?\\d+")) {
                return "'" + value + "' is out of range (at most "
                        + (type == int.class || type == Integer.class ? Integer.MAX_VALUE : Long.MAX_VALUE) + ")";
            }
            return "'" + value + "' is not a whole number";
        }
        if (type.isEnum()) {
            List<String> choices = new ArrayList<>();
            for (Object c : type.getEnumConstants()) {
                choices.add(c.toString().toLowerCase(Locale.ROOT));
            }
            return "'" + value + "' is not one of " + String.join(", ", choices)
                    + didYouMean(value.toLowerCase(Locale.ROOT), choices);
        }
        String tail = String.valueOf(picocliMessage)
                .replaceFirst("^Invalid value for (option|positional parameter) '[^']*': ", "");
        return lowerFirst(tail);
    }

    /** The option's name as the user typed it ({@code --lr} rather than {@code --learning-rate}). */
    static String typed(OptionSpec o, String[] args) {
        if (args != null) {
            for (String a : args) {
                for (String n : o.names()) {
                    if (a.equals(n) || a.startsWith(n + "=")) {
                        return n;
                    }
                }
            }
        }
        return o.names()[0];
    }

    // ---- errors while running --------------------------------------------------------------

    @Override
    public int handleExecutionException(Exception ex, CommandLine cmd, ParseResult parseResult) {
        Throwable e = ex;
        if (e instanceof UncheckedIOException u && u.getCause() != null) {
            e = u.getCause();
        }
        String[] args =
                parseResult == null ? new String[0] : parseResult.originalArgs().toArray(String[]::new);
        ParseResult own = parseResult == null ? null : leaf(parseResult);
        if (e instanceof IllegalArgumentException iae) {
            String option = iae instanceof OptionException oe && oe.option() != null
                    ? oe.option()
                    : optionFor(iae, cmd.getCommandSpec());
            if (option == null) {
                option = optionWithValueIn(own, String.valueOf(iae.getMessage()));
            }
            if (option == null) {
                option = optionGivenValue(own, String.valueOf(iae.getMessage()));
            }
            print(
                    cmd,
                    option == null ? null : typedName(option, cmd.getCommandSpec(), args),
                    withSuggestion(String.valueOf(iae.getMessage())));
            return USAGE;
        }
        if (e instanceof IOException io) {
            String file = io instanceof FileSystemException fse ? fse.getFile() : null;
            String option = file == null ? onlyPathOption(own) : optionWithValue(own, file);
            print(cmd, option == null ? null : typedName(option, cmd.getCommandSpec(), args), ioMessage(io, file));
            return USAGE;
        }
        PrintWriter err = cmd.getErr();
        err.println(cmd.getCommandSpec().qualifiedName() + ": internal error: " + e
                + " (a bug, not your input: please report it with the command line"
                + (System.getenv("OPTIKATA_STACKTRACE") == null
                        ? "; OPTIKATA_STACKTRACE=1 shows where it happened)"
                        : ")"));
        if (System.getenv("OPTIKATA_STACKTRACE") != null) {
            e.printStackTrace(err);
        }
        err.flush();
        return INTERNAL;
    }

    private static ParseResult leaf(ParseResult pr) {
        while (pr.subcommand() != null) {
            pr = pr.subcommand();
        }
        return pr;
    }

    static String ioMessage(IOException io, String file) {
        if (io instanceof NoSuchFileException) {
            return "no such file: " + file;
        }
        if (io instanceof AccessDeniedException) {
            return "cannot read " + file + " (permission denied)";
        }
        if (io instanceof FileAlreadyExistsException) {
            return "cannot create " + file + " (something of that name is in the way)";
        }
        if (io instanceof NotDirectoryException) {
            return "not a folder: " + file;
        }
        if (io instanceof FileNotFoundException
                && io.getMessage() != null
                && io.getMessage().endsWith(")")) {
            // "path (No such file or directory)", as java.io reports it
            String m = io.getMessage();
            int open = m.lastIndexOf(" (");
            return open < 0
                    ? "cannot open " + m
                    : "cannot open " + m.substring(0, open) + " ("
                            + m.substring(open + 2, m.length() - 1).toLowerCase(Locale.ROOT) + ")";
        }
        if (io instanceof CharacterCodingException) {
            return "the file is not UTF-8 text";
        }
        if (io instanceof FileSystemException fse) {
            return "cannot use " + file
                    + (fse.getReason() == null ? "" : " (" + fse.getReason().toLowerCase(Locale.ROOT) + ")");
        }
        return lowerFirst(String.valueOf(io.getMessage()));
    }

    /**
     * The option a rejected argument is about: from the parameter an {@link InvalidArgument} (or its cause)
     * names, through {@link #TERMS}; otherwise from the words a domain message starts with.
     */
    static String optionFor(Throwable e, CommandSpec spec) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof InvalidArgument ia) {
                return optionForTerm(ia.parameter(), spec);
            }
        }
        return optionFor(e.getMessage(), spec);
    }

    /** The option a domain message is about, from the words it starts with. */
    static String optionFor(String message, CommandSpec spec) {
        if (message == null) {
            return null;
        }
        String term = null;
        Matcher m = OPTION_FOR.matcher(message);
        if (m.find()) {
            term = m.group(1);
        } else {
            Matcher d = DOMAIN.matcher(message);
            if (d.find()) {
                term = d.group(1);
            }
        }
        return optionForTerm(term, spec);
    }

    /** The option of {@code spec} that {@link #TERMS} gives for a parameter's name, or null. */
    private static String optionForTerm(String term, CommandSpec spec) {
        if (term == null) {
            return null;
        }
        for (String candidate : TERMS.getOrDefault(term.toLowerCase(Locale.ROOT).strip(), List.of())) {
            if (candidate.startsWith("-")
                    ? spec.findOption(candidate) != null
                    : spec.positionalParameters().stream()
                            .anyMatch(p -> p.paramLabel().equals(candidate))) {
                return candidate;
            }
        }
        return null;
    }

    private static String typedName(String option, CommandSpec spec, String[] args) {
        OptionSpec o = option.startsWith("-") ? spec.findOption(option) : null;
        return o == null ? option : typed(o, args);
    }

    private static String optionWithValue(ParseResult pr, String file) {
        if (pr == null) {
            return null;
        }
        for (OptionSpec o : pr.matchedOptions()) {
            for (String v : o.originalStringValues()) {
                if (v.equals(file)
                        || Path.of(v).normalize().equals(Path.of(file).normalize())) {
                    return o.longestName();
                }
            }
        }
        for (PositionalParamSpec p : pr.matchedPositionals()) {
            if (p.originalStringValues().contains(file)) {
                return p.paramLabel();
            }
        }
        return onlyPathOption(pr);
    }

    /**
     * For a message about a file ({@code "run.csv:3: ..."}, {@code "No such file: run.csv"}): the
     * file option whose value it names.
     */
    private static String optionWithValueIn(ParseResult pr, String message) {
        if (pr == null) {
            return null;
        }
        for (OptionSpec o : pr.matchedOptions()) {
            if (o.type() == Path.class) {
                for (String v : o.originalStringValues()) {
                    if (message.startsWith(v + ":")
                            || message.startsWith(v + " ")
                            || message.endsWith(": " + v)
                            || message.contains(": " + v + " ")) {
                        return o.longestName();
                    }
                }
            }
        }
        return null;
    }

    /**
     * For a domain message {@code "Invalid thing: VALUE ..."} whose words are not in the table
     * (a new command's): the one option or argument that was given VALUE.
     */
    private static String optionGivenValue(ParseResult pr, String message) {
        Matcher d = DOMAIN.matcher(message);
        if (pr == null || !d.find()) {
            return null;
        }
        String value = d.group(2).split("[\\s(]", 2)[0].strip();
        if (value.isEmpty()) {
            return null;
        }
        List<String> found = new ArrayList<>();
        for (OptionSpec o : pr.matchedOptions()) {
            if (o.originalStringValues().contains(value)) {
                found.add(o.longestName());
            }
        }
        for (PositionalParamSpec p : pr.matchedPositionals()) {
            if (p.originalStringValues().contains(value)) {
                found.add(p.paramLabel());
            }
        }
        return found.size() == 1 ? found.get(0) : null;
    }

    private static String onlyPathOption(ParseResult pr) {
        if (pr == null) {
            return null;
        }
        List<OptionSpec> paths =
                pr.matchedOptions().stream().filter(o -> o.type() == Path.class).toList();
        return paths.size() == 1 ? paths.get(0).longestName() : null;
    }

    /** Adds "did you mean X?" when the message lists the known names and one is close to the value. */
    static String withSuggestion(String message) {
        Matcher k = KNOWN.matcher(message);
        Matcher d = DOMAIN.matcher(message);
        if (k.find() && d.find() && !message.contains("did you mean")) {
            String rest = d.group(2);
            String value = rest.split("[\\s(]", 2)[0].strip();
            List<String> known = Arrays.stream(k.group(1).split(",\\s*|\\s+or\\s+|\\s+to\\s+"))
                    .map(String::strip)
                    .toList();
            return message + didYouMean(value, known);
        }
        return message;
    }

    static String didYouMean(String value, List<String> candidates) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        String v = value.toLowerCase(Locale.ROOT);
        for (String c : candidates) {
            int d = distance(v, c.toLowerCase(Locale.ROOT));
            if (d < bestDistance) {
                bestDistance = d;
                best = c;
            }
        }
        // Close means a typo: one or two edits, and fewer than a third of the word.
        int allowed = Math.min(2, Math.max(1, v.replaceFirst("^-+", "").length() / 3));
        return best != null && bestDistance > 0 && bestDistance <= allowed ? "; did you mean " + best + "?" : "";
    }

    /** Edit distance counting a swap of two neighbouring letters as one edit (optimal string alignment). */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }

    // ---- output ----------------------------------------------------------------------------

    /** Prints the one line: {@code optikata CMD: [option: ]message; try: optikata CMD --help}. */
    static void print(CommandLine cmd, String option, String message) {
        String m = message.strip().replaceAll("\\s*\\R\\s*", "; ");
        if (m.endsWith(".") && !m.endsWith("..")) {
            m = m.substring(0, m.length() - 1);
        }
        if (option != null && !m.startsWith(option)) {
            m = option + ": " + lowerFirst(m);
        } else {
            m = lowerFirst(m);
        }
        String name = cmd.getCommandSpec().qualifiedName();
        PrintWriter err = cmd.getErr();
        err.println(name + ": " + m + (m.endsWith("?") ? " " : "; ") + "try: " + name + " --help");
        err.flush();
    }

    static String plural(int n) {
        return n == 1 ? "" : "s";
    }

    private static String lowerFirst(String s) {
        if (s.length() > 1 && Character.isUpperCase(s.charAt(0)) && !Character.isUpperCase(s.charAt(1))) {
            return Character.toLowerCase(s.charAt(0)) + s.substring(1);
        }
        return s;
    }
}
