package optikata.cli;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * The process's terminal: whether standard input and output are terminals (asked of the real file
 * descriptors with {@code test -t}, which sees through any Java wrapping), and cbreak mode for
 * single-key input through {@code stty}, restored on exit (also on Ctrl-C, by a shutdown hook).
 */
final class Terminal implements AutoCloseable {
    private String saved;
    private Thread hook;

    /** True when file descriptor {@code fd} (0 = input, 1 = output) of this process is a terminal. */
    static boolean isTerminal(int fd) {
        if (System.getenv("TERM") != null && System.getenv("TERM").equals("dumb")) {
            return false;
        }
        ProcessBuilder pb = new ProcessBuilder("sh", "-c", "test -t " + fd);
        if (fd == 0) {
            pb.redirectInput(ProcessBuilder.Redirect.INHERIT);
        } else {
            pb.redirectOutput(ProcessBuilder.Redirect.INHERIT);
        }
        try {
            Process p = pb.start();
            return p.waitFor(5, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Puts the terminal on standard input in cbreak mode (keys arrive one by one, not echoed); a no-op when it is not a terminal. */
    static Terminal cbreak() {
        Terminal t = new Terminal();
        if (!isTerminal(0)) {
            return t;
        }
        String state = stty("-g");
        if (state == null || state.isBlank()) {
            return t;
        }
        t.saved = state.strip();
        stty("-icanon -echo min 1 time 0");
        t.hook = new Thread(t::restore, "optikata-restore-terminal");
        Runtime.getRuntime().addShutdownHook(t.hook);
        return t;
    }

    private synchronized void restore() {
        if (saved != null) {
            stty(saved);
            saved = null;
        }
    }

    @Override
    public void close() {
        restore();
        if (hook != null) {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // already shutting down: the hook restores
            }
        }
    }

    private static String stty(String args) {
        ProcessBuilder pb = new ProcessBuilder("sh", "-c", "stty " + args)
                .redirectInput(ProcessBuilder.Redirect.INHERIT)
                .redirectError(ProcessBuilder.Redirect.to(new File("/dev/null")));
        try {
            Process p = pb.start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return p.waitFor(5, TimeUnit.SECONDS) && p.exitValue() == 0 ? out : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
