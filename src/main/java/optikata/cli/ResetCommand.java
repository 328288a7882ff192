package optikata.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import optikata.kata.KataLayout;
import optikata.kata.Shipped;
import optikata.kata.Stubs;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
        name = "reset",
        mixinStandardHelpOptions = true,
        header = "Put an exercise's stub back as it was shipped (your file is backed up first).",
        description = {
            "Replace your files in exercises/NN-name/src with the stub as shipped: the committed",
            "version in a git checkout, or the release's pristine copy (lib/stubs/). Your files are",
            "first copied to .optikata/backups/NN-name/<time>/ and the command says where.",
            "Asks before doing it; --yes skips the question (needed when not run from a terminal).",
            "",
            "Examples:",
            "  ./optikata reset 03",
            "  ./optikata reset 03 --yes"
        })
public final class ResetCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "EXERCISE", description = "the exercise to reset (01, 01-one-step or one-step)")
    String wanted;

    @Option(
            names = {"-y", "--yes"},
            description = "do not ask")
    boolean yes;

    @Override
    public Integer call() throws Exception {
        KataLayout layout = KataLayout.fromHome();
        String name = layout.resolve(wanted);
        Shipped shipped = new Shipped(layout);
        Map<Path, byte[]> stubs = shipped.stubs(name);
        if (stubs.isEmpty()) {
            throw new IllegalArgumentException("Invalid exercise: " + name + " has no shipped stub to put back");
        }
        PrintWriter out = spec.commandLine().getOut();
        Path dir = KataLayout.sourceDir(layout.exercises(), name);
        List<Path> current = KataLayout.javaFiles(dir);
        boolean same = current.equals(stubs.keySet().stream().sorted().toList());
        for (Path rel : current) {
            same &= stubs.containsKey(rel) && Arrays.equals(stubs.get(rel), Files.readAllBytes(dir.resolve(rel)));
        }
        if (same) {
            out.println(name + " is already as shipped: nothing to reset.");
            out.flush();
            return 0;
        }
        if (!yes) {
            if (!Terminal.isTerminal(0)) {
                throw new IllegalArgumentException(
                        "Refusing to reset " + name + " without asking: not run from a terminal (add --yes)");
            }
            out.print("Put " + name + "'s stub back as shipped? Your files are backed up first. [y/N] ");
            out.flush();
            String answer = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            if (answer == null || !answer.strip().toLowerCase(Locale.ROOT).startsWith("y")) {
                out.println("Nothing changed.");
                out.flush();
                return 1;
            }
        }
        Path backup = backup(layout, name, dir, current);
        for (Path rel : current) {
            if (!stubs.containsKey(rel)) {
                Files.delete(dir.resolve(rel));
            }
        }
        for (Map.Entry<Path, byte[]> e : stubs.entrySet()) {
            Path f = dir.resolve(e.getKey());
            Files.createDirectories(f.getParent());
            if (Files.isSymbolicLink(f)) {
                Files.delete(f);
            }
            Files.write(f, e.getValue());
        }
        out.println("Reset " + name + ": the stub is back as shipped.");
        if (backup != null) {
            out.println("Your files were kept in " + Stubs.show(layout, backup) + "/");
        }
        out.flush();
        return 0;
    }

    /** Copies the learner's files to .optikata/backups/NAME/TIME/ (null when there was nothing to keep). */
    static Path backup(KataLayout layout, String name, Path dir, List<Path> files) throws IOException {
        if (files.isEmpty()) {
            return null;
        }
        String time =
                LocalDateTime.now(ZoneId.systemDefault()).format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS"));
        Path to = layout.root()
                .resolve(".optikata")
                .resolve("backups")
                .resolve(name)
                .resolve(time);
        for (Path rel : files) {
            Path src = dir.resolve(rel);
            if (!Files.isRegularFile(src, LinkOption.NOFOLLOW_LINKS)) {
                continue;
            }
            Path target = to.resolve(rel.toString());
            Files.createDirectories(target.getParent());
            Files.copy(src, target);
        }
        return to;
    }
}
