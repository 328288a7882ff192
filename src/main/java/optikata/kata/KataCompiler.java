package optikata.kata;

import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/** Compiles kata sources with the JDK's compiler against the library's class path. */
public final class KataCompiler {
    private KataCompiler() {}

    /** The outcome: errors as {@code file:line: message} with paths as given (relative where possible). */
    public record Result(boolean ok, List<String> errors) {}

    /**
     * Compiles source files together into a class folder.
     *
     * @param sources   source files to compile together
     * @param out       class output folder (created)
     * @param classpath extra class path entries before the tool's own
     * @param display   turns a source path into the form shown to people (e.g. relative to the checkout)
     */
    public static Result compile(List<Path> sources, Path out, List<Path> classpath, Function<Path, String> display)
            throws IOException {
        return compile(sources, out, classpath, true, display);
    }

    /**
     * Compiles a learner's sources against the contract only ({@link Contract#learnerClassPath}):
     * a stub that reaches for a reference implementation ({@code optikata.optim.RmsProp}) does not
     * compile.
     */
    public static Result compileLearner(List<Path> sources, Path out, Function<Path, String> display)
            throws IOException {
        return compile(sources, out, Contract.learnerClassPath(contractDir()), false, display);
    }

    private static Path contractDir;

    private static synchronized Path contractDir() throws IOException {
        if (contractDir == null) {
            contractDir = Files.createTempDirectory("optikata-contract-");
            contractDir.toFile().deleteOnExit();
            Path dir = contractDir;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    FileTrees.deleteTree(dir);
                } catch (IOException ignored) {
                    // a leftover temporary folder
                }
            }));
        }
        return contractDir;
    }

    private static Result compile(
            List<Path> sources, Path out, List<Path> classpath, boolean toolClassPath, Function<Path, String> display)
            throws IOException {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            throw new IllegalStateException("No Java compiler: run optikata with a JDK, not a JRE");
        }
        Files.createDirectories(out);
        StringBuilder cp = new StringBuilder();
        for (Path p : classpath) {
            cp.append(p).append(File.pathSeparator);
        }
        if (toolClassPath) {
            cp.append(System.getProperty("java.class.path"));
        }
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager fm =
                javac.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
            Iterable<? extends JavaFileObject> units = fm.getJavaFileObjectsFromPaths(sources);
            List<String> options = List.of(
                    "-d",
                    out.toString(),
                    "-classpath",
                    cp.toString(),
                    "--release",
                    "17",
                    "-encoding",
                    "UTF-8",
                    "-proc:none",
                    // as the grader: no other source is looked for (a class in a file the stub does not have stays
                    // unknown)
                    "-sourcepath",
                    "",
                    "-implicit:none",
                    "-Xlint:none",
                    "-nowarn");
            StringWriter noise = new StringWriter();
            boolean ok =
                    javac.getTask(noise, fm, diagnostics, options, null, units).call();
            List<String> errors = new ArrayList<>();
            for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
                if (d.getKind() != Diagnostic.Kind.ERROR) {
                    continue;
                }
                String file = d.getSource() == null
                        ? "?"
                        : display.apply(Path.of(d.getSource().toUri()));
                errors.add(file + ":" + d.getLineNumber() + ": " + d.getMessage(Locale.ROOT));
            }
            return new Result(ok, errors);
        }
    }
}
