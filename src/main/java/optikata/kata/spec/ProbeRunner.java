package optikata.kata.spec;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs one case's probe on its own thread, with a time limit, and turns whatever happens into an
 * {@link Observation}: the recorded quantities, and the exception, time-out or not-started state
 * that ended it. Standard output and error are captured (capped) while the probe runs.
 */
public final class ProbeRunner {
    private ProbeRunner() {}

    /** Runs {@code c}; never throws for anything the code under test does. */
    public static Observation run(Case c, long timeoutMillis, int outputCap) {
        Recorder recorder = new Recorder();
        AtomicReference<Thrown> failure = new AtomicReference<>();
        CappedBuffer captured = new CappedBuffer(outputCap);
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        PrintStream capture = new PrintStream(captured, true, StandardCharsets.UTF_8);
        long start = System.nanoTime();
        Thread worker = new Thread(
                () -> {
                    try {
                        c.probe().run(recorder);
                    } catch (Throwable t) {
                        // read here, under the time limit: getMessage(), getStackTrace() and getCause() are the
                        // learner's code when the exception is the learner's class
                        failure.set(Thrown.of(t));
                    }
                },
                "optikata-probe-" + c.id());
        worker.setDaemon(true);
        boolean timedOut;
        System.setOut(capture);
        System.setErr(capture);
        try {
            worker.start();
            worker.join(timeoutMillis);
            timedOut = worker.isAlive();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            timedOut = true;
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        String output = captured.text();
        if (timedOut) {
            worker.interrupt();
            return new Observation(
                    recorder.entries(),
                    Observation.End.TIMED_OUT,
                    "",
                    "",
                    where(worker.getStackTrace()),
                    output,
                    millis);
        }
        Thrown t = failure.get();
        if (t == null) {
            return new Observation(recorder.entries(), Observation.End.COMPLETED, "", "", "", output, millis);
        }
        return new Observation(
                recorder.entries(),
                t.notStarted() ? Observation.End.NOT_STARTED : Observation.End.THREW,
                t.name(),
                t.message(),
                t.where(),
                output,
                millis);
    }

    /** What ended a probe, read on the probe's thread; a method of the exception that throws is reported, not obeyed. */
    record Thrown(String name, String message, String where, boolean notStarted) {
        static Thrown of(Throwable t) {
            String name = t.getClass().getSimpleName();
            String message;
            try {
                message = cut(String.valueOf(t.getMessage()), 2000);
            } catch (Throwable bad) {
                message = "(its getMessage() threw " + bad.getClass().getSimpleName() + ")";
            }
            String where;
            try {
                where = ProbeRunner.where(t.getStackTrace());
            } catch (Throwable bad) {
                where = "";
            }
            boolean notStarted;
            try {
                notStarted = ProbeRunner.notStarted(t);
            } catch (Throwable bad) {
                notStarted = false;
            }
            return new Thrown(name, message, where, notStarted);
        }
    }

    /** Whether the stub's UnsupportedOperationException is in {@code t}'s causes (at most 64 deep: a chain may loop). */
    static boolean notStarted(Throwable t) {
        Throwable c = t;
        for (int depth = 0; c != null && depth < 64; depth++, c = c.getCause()) {
            if (c instanceof UnsupportedOperationException) {
                return true;
            }
        }
        return false;
    }

    /** The first frame in the learner's code (package kata, not a spec), as "Class.method, line N". */
    static String where(StackTraceElement[] trace) {
        for (StackTraceElement e : trace) {
            String cls = e.getClassName();
            if (cls.startsWith("kata.") && !cls.contains("Spec")) {
                return cls.substring(cls.lastIndexOf('.') + 1) + "." + e.getMethodName() + ", line "
                        + e.getLineNumber();
            }
        }
        return "";
    }

    static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max) + " [...]";
    }

    /** Captured output; bytes past the cap are dropped and counted. */
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

        synchronized String text() {
            String s = bytes.toString(StandardCharsets.UTF_8);
            return dropped > 0 ? s + "\n[... " + dropped + " more bytes of output cut]" : s;
        }
    }
}
