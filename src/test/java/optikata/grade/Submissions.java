package optikata.grade;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import optikata.kata.KataLayout;

/** Builds submissions for the grader's end-to-end tests from the reference solutions. */
final class Submissions {
    private Submissions() {}

    /** Copies {@code tree} (laid out like exercises/) to {@code to}. */
    static Path copy(Path tree, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(tree)) {
            for (Path p : s.toList()) {
                Path target = to.resolve(tree.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else if (p.toString().endsWith(".java")) {
                    Files.copy(p, target);
                }
            }
        }
        return to;
    }

    /** Replaces the first occurrence of {@code from} in one file of a submission. */
    static void edit(Path submission, String exercise, String file, String from, String to) throws IOException {
        Path p = KataLayout.sourceDir(submission, exercise).resolve(file);
        String text = Files.readString(p);
        if (!text.contains(from)) {
            throw new IllegalStateException("no '" + from + "' in " + p);
        }
        Files.writeString(p, text.replaceFirst(Pattern.quote(from), Matcher.quoteReplacement(to)));
    }

    /** The JVM-killing behaviours: System.exit, running out of memory, an output flood, Runtime.halt. */
    static final Set<String> KILLERS = Set.of("01-one-step", "03-vectors", "06-centered-momentum", "07-adam");
    /** An endless loop, a stack overflow, a thread that never ends. */
    static final Set<String> OTHERS = Set.of("02-ema", "04-epsilon-outside", "05-adagrad");
    /** Rewriting every .java file of the instructor's checkout it can reach. */
    static final Set<String> FILESYSTEM = Set.of("08-debugging");

    /** Each hostile behaviour of {@code only}, injected into its exercise: exercise → the reason its specs must report. */
    static Map<String, String> hostile(Path submission, Path checkout, Set<String> only) throws IOException {
        Map<String, String> all = hostileAll(submission.resolveSibling(submission.getFileName() + "-all"), checkout);
        for (String ex : only) {
            Path from = KataLayout.sourceDir(submission.resolveSibling(submission.getFileName() + "-all"), ex);
            Path to = KataLayout.sourceDir(submission, ex);
            try (Stream<Path> s = Files.walk(from)) {
                for (Path p : s.filter(Files::isRegularFile).toList()) {
                    Files.copy(p, to.resolve(from.relativize(p).toString()), StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        Map<String, String> out = new TreeMap<>(all);
        out.keySet().retainAll(only);
        return out;
    }

    private static Map<String, String> hostileAll(Path submission, Path checkout) throws IOException {
        copy(checkout.resolve("solutions"), submission);
        edit(
                submission,
                "01-one-step",
                "kata/onestep/OneStep.java",
                "double s = decay * squaredGradientAverage",
                "if (theta == theta) { System.exit(3); }\n        double s = decay * squaredGradientAverage");
        edit(
                submission,
                "02-ema",
                "kata/ema/Ema.java",
                "return decay * average + (1 - decay) * value;",
                "while (value == value) { Thread.onSpinWait(); }\n        return 0;");
        edit(
                submission,
                "03-vectors",
                "kata/vectors/VectorRmsProp.java",
                "if (squaredGradientAverage == null) {",
                "java.util.List<long[]> hog = new java.util.ArrayList<>();\n        while (hog.size() >= 0) { hog.add(new long[1 << 20]); }\n"
                        + "        if (squaredGradientAverage == null) {");
        edit(
                submission,
                "04-epsilon-outside",
                "kata/epsilon/OutsideRmsProp.java",
                "double[] s = buffers[0].data;",
                "update(theta, g, from, to, t, buffers);\n        double[] s = buffers[0].data;");
        edit(
                submission,
                "05-adagrad",
                "kata/adagrad/MyAdaGrad.java",
                "double[] s = buffers[0].data;",
                "new Thread(() -> { while (true) { try { Thread.sleep(1000); } catch (InterruptedException e) { } } }).start();\n"
                        + "        if (from >= 0) { throw new IllegalStateException(\"left a thread running\"); }\n        double[] s = buffers[0].data;");
        edit(
                submission,
                "06-centered-momentum",
                "kata/centered/CenteredMomentumRmsProp.java",
                "double[] s = buffers[0].data;",
                "try { java.io.FileOutputStream out = new java.io.FileOutputStream(java.io.FileDescriptor.out); byte[] junk = new byte[65536];"
                        + " java.util.Arrays.fill(junk, (byte) 'x'); while (junk.length > 0) { out.write(junk); } }"
                        + " catch (java.io.IOException e) { throw new java.io.UncheckedIOException(e); }\n        double[] s = buffers[0].data;");
        edit(
                submission,
                "07-adam",
                "kata/adam/MyAdam.java",
                "double[] m = buffers[0].data;",
                "Runtime.getRuntime().halt(7);\n        double[] m = buffers[0].data;");
        String root = checkout.toString().replace("\\", "\\\\");
        edit(
                submission,
                "08-debugging",
                "kata/debugging/TutorialRegression.java",
                "double[] gradients = new double[theta.length];",
                "int rewritten = 0;\n        try (java.util.stream.Stream<java.nio.file.Path> all = java.nio.file.Files.walk(java.nio.file.Path.of(\""
                        + root + "\"))) {\n"
                        + "            for (java.nio.file.Path p : (Iterable<java.nio.file.Path>) all.filter(f -> f.toString().endsWith(\".java\"))::iterator) {\n"
                        + "                try { java.nio.file.Files.writeString(p, \"// overwritten\"); rewritten++; } catch (Exception e) { }\n"
                        + "            }\n        } catch (Exception e) { }\n"
                        + "        if (rewritten >= 0) { throw new IllegalStateException(rewritten == 0 ? \"could not rewrite any file\" : \"rewrote \" + rewritten + \" files\"); }\n"
                        + "        double[] gradients = new double[theta.length];");
        return Map.of(
                "01-one-step", "called System.exit",
                "02-ema", "did not finish",
                "03-vectors", "ran out of memory",
                "04-epsilon-outside", "StackOverflowError",
                "05-adagrad", "left a thread running",
                "06-centered-momentum", "flooded the output",
                "07-adam", "stopped the JVM",
                "08-debugging", "could not rewrite any file");
    }
}
