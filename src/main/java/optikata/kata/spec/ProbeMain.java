package optikata.kata.spec;

import java.io.BufferedReader;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.lang.reflect.Constructor;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The grading child: runs cases of the spec books named on standard input against the learner's
 * classes on its class path and writes each observation to standard output. It judges nothing:
 * the grader reads the observations as untrusted data and judges them itself, so nothing printed
 * here (or by the learner's code) can make a case pass unless the numbers are right.
 *
 * <p>Arguments: the time limit per case in milliseconds and the output cap per case in bytes.
 * Standard input: lines {@code BOOK-CLASS CASE-ID}, then an empty line. Ends with
 * {@link Runtime#halt}, so threads left running cannot keep it alive.
 */
public final class ProbeMain {
    /** The line after the last observation: every case asked for was run. */
    public static final String DONE = "D";
    /** The line the shutdown hook writes: the JVM is exiting (after {@link #DONE}, or cut short by the code). */
    public static final String EXITING = "X";

    private ProbeMain() {}

    public static void main(String[] args) throws Exception {
        PrintStream report = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            report.println(EXITING);
            report.flush();
        }));
        long timeout = Long.parseLong(args[0]);
        int cap = Integer.parseInt(args[1]);
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        List<String[]> todo = new ArrayList<>();
        for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
            todo.add(line.split(" ", 2));
        }
        Map<String, Map<String, Case>> books = new HashMap<>();
        for (String[] job : todo) {
            Map<String, Case> book;
            try {
                book = books.computeIfAbsent(job[0], ProbeMain::load);
            } catch (RuntimeException | LinkageError e) {
                book = Map.of();
            }
            Case c = book.get(job[1]);
            Observation o = c == null
                    ? new Observation(List.of(), Observation.End.THREW, "SpecNotLoaded", "", "", "", 0)
                    : ProbeRunner.run(c, timeout, cap);
            StringBuilder sb = new StringBuilder();
            o.encode(job[0] + " " + job[1], sb);
            report.print(sb);
            report.flush();
        }
        report.println(DONE);
        report.flush();
        Runtime.getRuntime().halt(0);
    }

    static Map<String, Case> load(String className) {
        try {
            Class<?> cls = Class.forName(className);
            Constructor<?> ctor = cls.getDeclaredConstructor();
            ctor.setAccessible(true);
            return CaseBook.casesOf((CaseBook) ctor.newInstance());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
