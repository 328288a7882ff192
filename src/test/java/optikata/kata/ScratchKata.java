package optikata.kata;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import optikata.cli.Main;

/** A scratch git checkout holding a copy of the kata's exercises/ and solutions/, committed; and a way to run the CLI in it. */
public final class ScratchKata {
    public static final Path CHECKOUT = Path.of(System.getProperty("user.dir"));

    private ScratchKata() {}

    /** Copies exercises/, solutions/ and the hidden specs into {@code dir} and commits them. */
    public static KataLayout create(Path dir) throws Exception {
        Shipped.copyTree(CHECKOUT.resolve("exercises"), dir.resolve("exercises"));
        Shipped.copyTree(CHECKOUT.resolve("solutions"), dir.resolve("solutions"));
        for (String part : new String[] {"src/kata/hidden", "src/kata/catalogue"}) {
            if (Files.isDirectory(CHECKOUT.resolve(part))) {
                Shipped.copyTree(CHECKOUT.resolve(part), dir.resolve(part));
            }
        }
        Files.writeString(dir.resolve(".gitignore"), ".optikata/\n");
        git(dir, "init", "-q");
        git(dir, "add", "-A");
        git(dir, "-c", "user.name=kata", "-c", "user.email=kata@example.org", "commit", "-q", "-m", "kata");
        return new KataLayout(dir);
    }

    /** Puts the reference solution of {@code exercise} into the learner's exercises/ of the scratch checkout. */
    public static void solve(KataLayout layout, String exercise) throws IOException {
        Shipped.copyTree(
                KataLayout.sourceDir(layout.solutions(), exercise), KataLayout.sourceDir(layout.exercises(), exercise));
    }

    public static void git(Path dir, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("git", "-C", dir.toString()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException("git " + String.join(" ", args) + " failed: " + out);
        }
    }

    /** What a CLI run printed and returned. */
    public record Run(int code, String out, String err) {}

    /** Runs the CLI with {@code optikata.home} set to the scratch checkout (restored afterwards). */
    public static synchronized Run cli(KataLayout layout, String... args) {
        String before = System.getProperty("optikata.home");
        System.setProperty("optikata.home", layout.root().toString());
        try {
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            int code = Main.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
            return new Run(code, out.toString(), err.toString());
        } finally {
            if (before == null) {
                System.clearProperty("optikata.home");
            } else {
                System.setProperty("optikata.home", before);
            }
        }
    }
}
