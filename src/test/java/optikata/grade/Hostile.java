package optikata.grade;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import optikata.kata.KataLayout;
import optikata.kata.Oracle;
import optikata.kata.spec.Observation;

/**
 * What the hostile-submission tests need besides the grader: submissions built from the untouched
 * stubs with an attack written into one exercise's file, the instructor's secrets (lines of the
 * solutions and hidden specs a learner never sees, the oracle's encoded expectations), the
 * learner-visible text of a grade, the processes a payload left behind, and a Markdown reader that
 * says which lines of feedback.md are outside code blocks.
 */
final class Hostile {
    static final KataLayout LAYOUT = GraderTest.LAYOUT;

    private Hostile() {}

    // ---- submissions ----

    /** A submission of untouched stubs at {@code to} (laid out like exercises/). */
    static Path stubs(Path to) throws IOException {
        return Submissions.copy(LAYOUT.exercises(), to);
    }

    /** The one source file of {@code exercise} in a submission (every exercise has exactly one). */
    static Path file(Path submission, String exercise) {
        List<Path> sources = LAYOUT.exercise(exercise).sources();
        if (sources.size() != 1) {
            throw new IllegalStateException(exercise + " has " + sources.size() + " source files");
        }
        return KataLayout.sourceDir(submission, exercise).resolve(sources.get(0));
    }

    /** The stub's text of {@code exercise}. */
    static String stub(String exercise) throws IOException {
        return Files.readString(file(LAYOUT.exercises(), exercise));
    }

    /** The reference solution's text of {@code exercise}. */
    static String solution(String exercise) throws IOException {
        return Files.readString(file(LAYOUT.solutions(), exercise));
    }

    /** Replaces the learner's file of {@code exercise}. */
    static void write(Path submission, String exercise, String text) throws IOException {
        Path f = file(submission, exercise);
        Files.deleteIfExists(f);
        Files.writeString(f, text, StandardCharsets.UTF_8);
    }

    /** Inserts {@code member} (fields, methods, a static initialiser) right after the class declaration line of the stub. */
    static String withMembers(String source, String classDeclaration, String member) {
        int at = source.indexOf(classDeclaration);
        if (at < 0) {
            throw new IllegalStateException("no '" + classDeclaration + "' in the stub");
        }
        int brace = source.indexOf('{', at);
        return source.substring(0, brace + 1) + "\n" + member + "\n" + source.substring(brace + 1);
    }

    /** Replaces the first {@code from} of {@code source}, which must be there. */
    static String replace(String source, String from, String to) {
        if (!source.contains(from)) {
            throw new IllegalStateException("no '" + from + "' in the source");
        }
        return source.replaceFirst(Pattern.quote(from), Matcher.quoteReplacement(to));
    }

    /** A Java string literal holding {@code s}. */
    static String lit(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> sb.append("\\\\");
                case '"' -> sb.append("\\\"");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                default -> {
                    if (c < 0x20 || c > 0x7e) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }

    /** The expected observation of a case, as the grader's oracle computed it from the reference solution. */
    static Observation expected(String exercise, String book, String caseId) {
        Observation o = Oracle.of(LAYOUT, exercise).expected(book, caseId);
        if (o == null) {
            throw new IllegalStateException("no expected observation for " + book + " " + caseId);
        }
        return o;
    }

    /** The case ids of the first public and the first hidden book of {@code exercise}: [book, id] pairs. */
    static List<String[]> cases(String exercise, boolean hidden) {
        List<String[]> out = new ArrayList<>();
        for (Oracle.BookInfo b : Oracle.of(LAYOUT, exercise).books()) {
            if (b.hidden() == hidden) {
                b.cases().keySet().forEach(id -> out.add(new String[] {b.className(), id}));
            }
        }
        return out;
    }

    /** A well-formed report block for {@code book id} carrying {@code o}, as the grading child writes it. */
    static String block(String book, String id, Observation o) {
        StringBuilder sb = new StringBuilder();
        o.encode(book + " " + id, sb);
        return sb.toString();
    }

    // ---- file system ----

    static void chmod(Path p, String perms) throws IOException {
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(perms));
    }

    /** SHA-256 of every entry (files, links, folders) under the instructor's exercises/, solutions/ and hidden specs. */
    static Map<String, String> instructorFiles() throws Exception {
        Map<String, String> out = new TreeMap<>();
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        for (Path top : List.of(LAYOUT.exercises(), LAYOUT.solutions(), LAYOUT.hidden())) {
            try (Stream<Path> s = Files.walk(top)) {
                for (Path p : s.toList()) {
                    String key = LAYOUT.root().relativize(p).toString();
                    if (Files.isSymbolicLink(p)) {
                        out.put(key, "link -> " + Files.readSymbolicLink(p));
                    } else if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                        out.put(
                                key,
                                HexFormat.of().formatHex(sha.digest(Files.readAllBytes(p))) + " "
                                        + PosixFilePermissions.toString(
                                                Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS)));
                    } else {
                        out.put(
                                key,
                                "dir "
                                        + PosixFilePermissions.toString(
                                                Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS)));
                    }
                }
            }
        }
        return out;
    }

    // ---- secrets and what a learner sees ----

    private static Set<String> secrets;

    /**
     * Text a learner must never see: every line (trimmed, 20 characters or more) of the solutions and
     * the hidden specs that appears nowhere in exercises/, and every encoded value line of the oracle's
     * caches (the expected observations, hidden ones included).
     */
    static synchronized Set<String> secrets() throws IOException {
        if (secrets != null) {
            return secrets;
        }
        StringBuilder shipped = new StringBuilder();
        try (Stream<Path> s = Files.walk(LAYOUT.exercises())) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                shipped.append(Files.readString(p)).append('\n');
            }
        }
        Set<String> out = new LinkedHashSet<>();
        for (Path top : List.of(LAYOUT.solutions(), LAYOUT.hidden())) {
            try (Stream<Path> s = Files.walk(top)) {
                for (Path p : s.filter(Files::isRegularFile).toList()) {
                    for (String line : Files.readAllLines(p)) {
                        String t = line.strip();
                        if (t.length() >= 20 && shipped.indexOf(t) < 0) {
                            out.add(t);
                        }
                    }
                }
            }
        }
        Path cache = Oracle.cacheRoot(LAYOUT);
        if (Files.isDirectory(cache)) {
            try (Stream<Path> s = Files.walk(cache)) {
                for (Path p : s.filter(f -> f.getFileName().toString().equals("oracle.txt"))
                        .toList()) {
                    for (String line : Files.readAllLines(p)) {
                        if (line.startsWith("V ") && line.length() >= 30) {
                            out.add(line.substring(line.indexOf(' ', 2) + 1));
                        }
                    }
                }
            }
        }
        if (out.size() < 20) {
            throw new IllegalStateException(
                    "too few secrets found (" + out.size() + "): the leak checks would be vacuous");
        }
        secrets = out;
        return out;
    }

    /** The secrets found in {@code text}. */
    static List<String> leaked(String text) throws IOException {
        List<String> found = new ArrayList<>();
        for (String s : secrets()) {
            if (text.contains(s)) {
                found.add(s);
            }
        }
        return found;
    }

    /**
     * What a learner reads of a grade: results.json's strings, feedback.md and junit.xml (its
     * entities decoded); with {@code exercise}, only the parts about that exercise plus the parts
     * about no exercise (score lines, headers).
     */
    static String visible(Path out, String exercise) throws IOException {
        StringBuilder sb = new StringBuilder();
        Path results = out.resolve("results.json");
        if (Files.isRegularFile(results)) {
            JsonNode json = new ObjectMapper().readTree(results.toFile());
            json.properties().forEach(f -> {
                if (!f.getKey().equals("tests")) {
                    sb.append(f.getValue().asText()).append('\n');
                }
            });
            for (JsonNode t : json.path("tests")) {
                if (exercise == null || t.path("name").asText().startsWith(exercise)) {
                    sb.append(t.path("name").asText())
                            .append('\n')
                            .append(t.path("output").asText())
                            .append('\n');
                }
            }
        }
        Path feedback = out.resolve("feedback.md");
        if (Files.isRegularFile(feedback)) {
            String md = Files.readString(feedback);
            if (exercise == null) {
                sb.append(md);
            } else {
                int at = md.indexOf("\n## ");
                sb.append(at < 0 ? md : md.substring(0, at)).append('\n');
                int mine = md.indexOf("\n## " + exercise + "\n");
                if (mine >= 0) {
                    int next = md.indexOf("\n## ", mine + 4);
                    sb.append(md, mine, next < 0 ? md.length() : next);
                }
            }
        }
        Path junit = out.resolve("junit.xml");
        if (Files.isRegularFile(junit)) {
            String xml = Files.readString(junit);
            if (exercise != null) {
                int mine = xml.indexOf("<testsuite name=\"" + exercise + "\"");
                xml = mine < 0 ? "" : xml.substring(mine, xml.indexOf("</testsuite>", mine));
            }
            sb.append(xml.replace("&lt;", "<")
                    .replace("&gt;", ">")
                    .replace("&quot;", "\"")
                    .replace("&amp;", "&"));
        }
        return sb.toString();
    }

    /**
     * The lines of a Markdown text that are outside code (fenced blocks closed by a fence of the same
     * character at least as long, and indented blocks after a blank line), as CommonMark reads them.
     */
    static List<String> outsideCode(String markdown) {
        Pattern fencePattern = Pattern.compile("^ {0,3}(`{3,}|~{3,})(.*)$");
        List<String> out = new ArrayList<>();
        String fence = null;
        boolean blankBefore = true;
        boolean indented = false;
        for (String line : markdown.split("\n", -1)) {
            Matcher m = fencePattern.matcher(line);
            if (fence != null) {
                if (m.matches()
                        && m.group(1).charAt(0) == fence.charAt(0)
                        && m.group(1).length() >= fence.length()
                        && m.group(2).isBlank()) {
                    fence = null;
                }
                continue;
            }
            if (line.isBlank()) {
                blankBefore = true;
                continue;
            }
            if ((blankBefore || indented) && (line.startsWith("    ") || line.startsWith("\t"))) {
                indented = true;
                blankBefore = false;
                continue;
            }
            indented = false;
            blankBefore = false;
            if (m.matches() && !(m.group(1).charAt(0) == '`' && m.group(2).contains("`"))) {
                fence = m.group(1);
                continue;
            }
            out.add(line);
        }
        return out;
    }

    // ---- processes ----

    /** Processes whose command line contains {@code marker}: pid → command line. */
    static Map<Long, String> processes(String marker) {
        Map<Long, String> out = new TreeMap<>();
        long self = ProcessHandle.current().pid();
        try (Stream<Path> s = Files.list(Path.of("/proc"))) {
            for (Path p :
                    s.filter(d -> d.getFileName().toString().matches("\\d+")).toList()) {
                long pid = Long.parseLong(p.getFileName().toString());
                if (pid == self) {
                    continue;
                }
                try {
                    String cmd = new String(Files.readAllBytes(p.resolve("cmdline")), StandardCharsets.UTF_8)
                            .replace('\0', ' ')
                            .strip();
                    if (cmd.contains(marker)) {
                        out.put(pid, cmd);
                    }
                } catch (IOException gone) {
                    // the process ended while the folder was read
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot list /proc: the process checks need Linux", e);
        }
        return out;
    }

    /** Kills, by pid, the processes a payload of these tests left (found by its marker), and waits for them. */
    static void killLeftovers(String marker) {
        for (long pid : processes(marker).keySet()) {
            ProcessHandle.of(pid).ifPresent(h -> {
                h.destroyForcibly();
                try {
                    h.onExit().get(5, TimeUnit.SECONDS);
                } catch (Exception ignored) {
                    // reported by the next scan
                }
            });
        }
    }

    /** Processes with {@code marker} still alive after a grace of up to {@code millis}. */
    static Map<Long, String> survivors(String marker, long millis) throws InterruptedException {
        long end = System.nanoTime() + millis * 1_000_000;
        Map<Long, String> alive = processes(marker);
        while (!alive.isEmpty() && System.nanoTime() < end) {
            Thread.sleep(100);
            alive = processes(marker);
        }
        return alive;
    }

    // ---- the machine ----

    /** What isolation this machine can give a submission: root, bubblewrap, user namespaces. */
    static String machine() {
        boolean bwrap = Files.isExecutable(Path.of("/usr/bin/bwrap"));
        boolean userns = false;
        try {
            Process p = new ProcessBuilder("unshare", "-Ur", "true")
                    .redirectErrorStream(true)
                    .start();
            p.getInputStream().readAllBytes();
            userns = p.waitFor() == 0;
        } catch (IOException | InterruptedException e) {
            // no unshare: no namespaces from here
        }
        return (Grader.isRoot() ? "root" : "not root") + ", bubblewrap " + (bwrap ? "installed" : "absent")
                + ", user namespaces " + (userns ? "available" : "unavailable");
    }
}
