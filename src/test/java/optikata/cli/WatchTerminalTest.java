package optikata.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import optikata.kata.KataLayout;
import optikata.kata.ScratchKata;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code watch} in a real terminal: a detached tmux session (120 × 40) runs a shell, the shell runs
 * watch, keys are sent with {@code send-keys} and the screen is read with {@code capture-pane}.
 */
class WatchTerminalTest {
    private String session;

    static boolean hasTmux() {
        try {
            Process p =
                    new ProcessBuilder("tmux", "-V").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (Exception e) {
            return false;
        }
    }

    /** A tmux server of its own (its own socket), so a learner's or CI's tmux is never touched. */
    static final String SOCKET = "optikata-test-" + ProcessHandle.current().pid();

    static String tmux(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("tmux", "-L", SOCKET));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(20, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException("tmux " + String.join(" ", args) + " failed: " + out);
        }
        return out;
    }

    String screen() throws Exception {
        return tmux("capture-pane", "-p", "-t", session);
    }

    String await(String text, int seconds) throws Exception {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        String s = screen();
        while (!s.contains(text)) {
            if (System.nanoTime() > end) {
                throw new AssertionError("the terminal never showed '" + text + "'; it shows:\n" + s);
            }
            Thread.sleep(100);
            s = screen();
        }
        return s;
    }

    /** Waits for a line of the screen that starts with {@code prefix} (not the command line that typed it). */
    String awaitLineStart(String prefix, int seconds) throws Exception {
        Pattern p = Pattern.compile("(?m)^" + Pattern.quote(prefix));
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        String s = screen();
        while (!p.matcher(s).find()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("the terminal never showed a line starting '" + prefix + "'; it shows:\n" + s);
            }
            Thread.sleep(100);
            s = screen();
        }
        return s;
    }

    @AfterEach
    void kill() throws Exception {
        if (session != null) {
            try {
                tmux("kill-server");
            } catch (IllegalStateException e) {
                // already gone
            }
        }
    }

    @Test
    @DisplayName(
            "in tmux: watch redraws, h shows a hint, saving the solution says done and moves to 02, l lists, q quits and restores the terminal")
    void watchInATerminal(@TempDir Path dir) throws Exception {
        if (!hasTmux()) {
            System.out.println("WatchTerminalTest skipped: tmux is not installed (apt-get install tmux)");
            Assumptions.abort("tmux is not installed");
        }
        KataLayout layout = ScratchKata.create(dir);
        session = "optikata-watch-" + ProcessHandle.current().pid() + "-" + System.nanoTime();
        Path script = dir.resolve("watch.sh");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Files.writeString(
                script,
                "#!/bin/sh\ncd '" + dir + "'\nexec '" + java + "' -cp '" + System.getProperty("java.class.path")
                        + "' -Djava.awt.headless=true -Doptikata.home='" + dir + "' optikata.cli.Main watch 01\n");
        new File(script.toString()).setExecutable(true);
        tmux("new-session", "-d", "-s", session, "-x", "120", "-y", "40", "sh");
        tmux(
                "send-keys",
                "-t",
                session,
                "stty -a | tr ' ' '\\n' | grep -x -e icanon -e -icanon; " + script + "; echo WATCH-EXIT=$?",
                "Enter");

        String s = await("01-one-step: 0 of", 120);
        assertThat(s)
                .contains("optikata watch · 01-one-step")
                .contains("not started")
                .contains("h hint · l list · q quit");
        // Cleared and redrawn: the command line typed into the shell is gone from the screen.
        assertThat(s).doesNotContain("WATCH-EXIT");

        tmux("send-keys", "-t", session, "h");
        s = await("Hint 1 of", 30);
        assertThat(s).contains("the idea");

        Path stub = KataLayout.sourceDir(layout.exercises(), "01-one-step").resolve("kata/onestep/OneStep.java");
        Files.writeString(
                stub,
                Files.readString(
                        KataLayout.sourceDir(layout.solutions(), "01-one-step").resolve("kata/onestep/OneStep.java")));
        s = await("optikata watch · 02-ema", 120);
        assertThat(s)
                .contains("01-one-step is done")
                .contains("Next: 02-ema")
                .contains("kata: 1 of " + layout.names().size() + " done");

        tmux("send-keys", "-t", session, "l");
        s = await("Exercises (recorded results)", 30);
        assertThat(s).containsPattern("✔ 01-one-step\\s+done");

        tmux("send-keys", "-t", session, "q");
        awaitLineStart("WATCH-EXIT=0", 30);
        // The terminal is back in canonical (line) mode after watch.
        tmux(
                "send-keys",
                "-t",
                session,
                "stty -a | tr ' ' '\\n' | grep -x -e icanon -e -icanon | sed 's/^/AFTER:/'",
                "Enter");
        s = awaitLineStart("AFTER:", 30);
        assertThat(s).contains("AFTER:icanon").doesNotContain("AFTER:-icanon");

        // Ctrl-C while watching also gives the terminal back.
        tmux("send-keys", "-t", session, "clear; " + script + "; echo WATCH-EXIT2=$?", "Enter");
        await("optikata watch · 01-one-step", 120);
        tmux("send-keys", "-t", session, "C-c");
        awaitLineStart("WATCH-EXIT2=", 30);
        tmux(
                "send-keys",
                "-t",
                session,
                "stty -a | tr ' ' '\\n' | grep -x -e icanon -e -icanon | sed 's/^/AGAIN:/'",
                "Enter");
        s = awaitLineStart("AGAIN:", 30);
        assertThat(s).contains("AGAIN:icanon").doesNotContain("AGAIN:-icanon");
    }
}
