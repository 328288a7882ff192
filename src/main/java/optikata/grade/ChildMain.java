package optikata.grade;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectUniqueId;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.FileOutputStream;
import java.io.FileDescriptor;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * The grader's child JVM: runs the spec classes named on the command line with the JUnit Platform
 * launcher and reports each test on the original standard output, one line per event, prefixed
 * with a token the parent sends on standard input (student code prints into a capped buffer per
 * test, so it cannot mix into the report). Arguments: the per-test timeout in seconds and the
 * output cap in bytes; standard input: the token, then the unique ids of the tests to run, one per
 * line, then an empty line. Ends with Runtime.halt, so threads left running cannot keep it alive.
 */
public final class ChildMain {
    private ChildMain() {
    }

    /** Captured output per test; bytes past the cap are dropped and counted. */
    static final class CappedBuffer extends OutputStream {
        private final int cap;
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private long dropped;

        CappedBuffer(int cap) {
            this.cap = cap;
        }

        @Override
        public synchronized void write(int b) {
            if (bytes.size() < cap) {
                bytes.write(b);
            } else {
                dropped++;
            }
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) {
            int room = Math.max(0, cap - bytes.size());
            bytes.write(b, off, Math.min(room, len));
            dropped += Math.max(0, len - room);
        }

        synchronized String takeText() {
            String s = bytes.toString(StandardCharsets.UTF_8);
            if (dropped > 0) {
                s += "\n[... " + dropped + " more bytes of output cut]";
            }
            bytes.reset();
            dropped = 0;
            return s;
        }
    }

    public static void main(String[] args) throws Exception {
        PrintStream report = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String token = in.readLine();
        List<String> run = new java.util.ArrayList<>();
        for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
            run.add(line);
        }
        int timeout = Integer.parseInt(args[0]);
        int cap = Integer.parseInt(args[1]);
        CappedBuffer captured = new CappedBuffer(cap);
        PrintStream studentOut = new PrintStream(captured, true, StandardCharsets.UTF_8);
        System.setOut(studentOut);
        System.setErr(studentOut);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> report.println(token + " EXIT")));

        LauncherDiscoveryRequestBuilder request = LauncherDiscoveryRequestBuilder.request()
                .configurationParameter("junit.jupiter.execution.timeout.default", timeout + " s")
                .configurationParameter("junit.jupiter.execution.timeout.thread.mode.default", "SEPARATE_THREAD");
        for (String id : run) {
            request.selectors(selectUniqueId(id));
        }
        LauncherDiscoveryRequest built = request.build();
        LauncherFactory.create().execute(built, new TestExecutionListener() {
            @Override
            public void executionStarted(TestIdentifier id) {
                if (id.isTest()) {
                    captured.takeText();
                    report.println(token + " START " + id.getUniqueId() + "\t" + b64(id.getDisplayName()) + "\t" + b64(className(id)));
                }
            }

            @Override
            public void executionFinished(TestIdentifier id, TestExecutionResult result) {
                if (id.isTest()) {
                    Throwable t = result.getThrowable().orElse(null);
                    String status = result.getStatus() == TestExecutionResult.Status.SUCCESSFUL ? "PASSED"
                            : optikata.kata.SpecRunner.isNotStarted(t) ? "NOT_STARTED" : "FAILED";
                    report.println(token + " END " + id.getUniqueId() + "\t" + status + "\t"
                            + b64(t == null ? "" : cut(optikata.kata.SpecRunner.describe(t), 16384)) + "\t" + b64(captured.takeText()));
                }
            }
        });
        report.println(token + " DONE");
        report.flush();
        Runtime.getRuntime().halt(0);
    }

    static String className(TestIdentifier id) {
        return id.getSource().map(s -> s instanceof org.junit.platform.engine.support.descriptor.MethodSource m ? m.getClassName() : "")
                .orElse("");
    }

    static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max) + "\n[... message cut at " + max + " characters]";
    }

    static String b64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }
}
