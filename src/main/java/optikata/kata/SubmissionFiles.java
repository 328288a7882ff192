package optikata.kata;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SecureDirectoryStream;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Stages a submission's exercise sources into a scratch folder: ONLY the expected source files
 * are copied, each reached from the submission folder one component at a time without following
 * any link ({@code openat} with no-follow, so nothing can be swapped in between the check and the
 * read). A path is refused, with a reason the learner sees, when any component is a symbolic link
 * ({@code exercises/}, the exercise folder, {@code src/}, a package folder, the file), when it is not
 * a regular file, when it has other hard links, or when it is larger than the cap (found from its
 * size, or by reading at most cap + 1 bytes). A missing or refused file is replaced by the shipped stub
 * (when one is given). A {@code .java} file under an exercise's {@code src/} that the stub does not have (a
 * helper class in a file of its own) is never copied and is named in {@link Staged#unexpected}: the learner's
 * tools ({@code check}, {@code watch}, the release's {@code mvn test}) and the grader stage a tree with this
 * one class, so both refuse the same files with the same words.
 */
public final class SubmissionFiles {
    /** Sources larger than this are refused: the biggest stub is a few KiB. */
    public static final long DEFAULT_CAP_BYTES = 256 * 1024;

    private static final LinkOption NOFOLLOW = LinkOption.NOFOLLOW_LINKS;
    private static final Pattern SAFE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

    private SubmissionFiles() {}

    /**
     * One source not taken from the submission.
     *
     * @param exercise the exercise folder name
     * @param path     the file as the learner knows it, e.g. {@code exercises/01-one-step/src/kata/onestep/OneStep.java}
     * @param reason   why, in a sentence fragment
     */
    public record Refusal(String exercise, String path, String reason) {
        /** What the learner reads. */
        public String message() {
            return path + " was not graded: " + reason + ". The untouched stub was graded in its place.";
        }
    }

    /**
     * A source file the stub does not have, which is neither compiled nor graded.
     *
     * @param exercise the exercise folder name
     * @param path     the file as the learner knows it, e.g. {@code exercises/02-ema/src/kata/ema/Helper.java}
     * @param stubFiles the file names the stub has, e.g. {@code Ema.java}
     */
    public record Unexpected(String exercise, String path, List<String> stubFiles) {
        /** What the learner reads. */
        public String message() {
            return path + ": a file the stub does not have is neither compiled nor graded (only "
                    + String.join(", ", stubFiles)
                    + " is). Keep only the stub's files; put helpers inside its class as nested classes.";
        }
    }

    /**
     * What was staged.
     *
     * @param sources    per exercise, the staged copies (learner's or stub) under the destination, in the expected order
     * @param refused    files refused, with reasons
     * @param stubbed    per exercise, the relative paths for which the stub was used (missing or refused)
     * @param unexpected source files the stubs do not have, left out
     */
    public record Staged(
            Map<String, List<Path>> sources,
            List<Refusal> refused,
            Map<String, List<Path>> stubbed,
            List<Unexpected> unexpected) {}

    /**
     * Copies the expected sources of each exercise.
     *
     * @param submission the submission folder: a clone holding {@code exercises/}, or a copy of {@code exercises/} itself
     * @param expected   per exercise, the source paths relative to {@code <exercise>/src/}
     * @param stubs      the shipped {@code exercises/} folder (trusted), whose stubs stand in for missing or refused
     *                   files; null to leave such files out (a learner's own check, which names them instead)
     * @param dest       an empty folder of the grader's; the copies go to {@code dest/<exercise>/<relative path>}
     * @param capBytes   the largest source accepted
     */
    public static Staged stage(Path submission, Map<String, List<Path>> expected, Path stubs, Path dest, long capBytes)
            throws IOException {
        if (capBytes < 1) {
            throw new IllegalArgumentException("Invalid capBytes: " + capBytes + " (must be >= 1)");
        }
        Path root = submission.toRealPath();
        if (!Files.isDirectory(root)) {
            throw new IOException("the submission " + submission + " is not a folder");
        }
        // a clone holds exercises/; otherwise the folder is the exercises tree itself
        List<String> prefix = Files.exists(root.resolve("exercises"), NOFOLLOW) ? List.of("exercises") : List.of();
        Map<String, List<Path>> sources = new LinkedHashMap<>();
        Map<String, List<Path>> stubbed = new LinkedHashMap<>();
        List<Refusal> refused = new ArrayList<>();
        List<Unexpected> unexpected = new ArrayList<>();
        for (Map.Entry<String, List<Path>> e : expected.entrySet()) {
            String ex = e.getKey();
            List<Path> copies = new ArrayList<>();
            for (Path rel : e.getValue()) {
                List<String> components = new ArrayList<>(prefix);
                components.add(ex);
                components.add("src");
                String shown =
                        String.join("/", components) + "/" + rel.toString().replace('\\', '/');
                String bad = checkRelative(rel);
                if (bad != null || !SAFE_NAME.matcher(ex).matches()) {
                    // the expected paths come from the kata's own layout: a bad one is the grader's bug
                    throw new IllegalArgumentException(
                            "Invalid expected source: " + ex + "/src/" + rel + " (" + bad + ")");
                }
                Path to = dest.resolve(ex).resolve(rel.toString());
                Files.createDirectories(to.getParent());
                String problem = null;
                rel.forEach(c -> components.add(c.toString()));
                try {
                    byte[] bytes = read(root, components, capBytes);
                    if (bytes != null) {
                        Files.write(to, bytes, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                        copies.add(to);
                        continue;
                    }
                } catch (Refused r) {
                    problem = r.getMessage();
                }
                if (problem != null) {
                    refused.add(new Refusal(ex, shown, problem));
                }
                if (stubs == null) {
                    continue;
                }
                Files.copy(stubs.resolve(ex).resolve("src").resolve(rel.toString()), to);
                copies.add(to);
                stubbed.computeIfAbsent(ex, k -> new ArrayList<>()).add(rel);
            }
            sources.put(ex, List.copyOf(copies));
            unexpected.addAll(unexpected(root, prefix, ex, e.getValue()));
        }
        stubbed.replaceAll((k, v) -> List.copyOf(v));
        return new Staged(sources, List.copyOf(refused), stubbed, List.copyOf(unexpected));
    }

    /**
     * A SHA-256 of what {@link #stage} would take from {@code submission}: each expected source's path and
     * bytes, read the same way (no link followed, within the cap), or that it is missing or refused. Two
     * submissions with the same fingerprint are graded alike; anything else in their folders is ignored,
     * as the grader ignores it.
     */
    public static String fingerprint(Path submission, Map<String, List<Path>> expected, long capBytes)
            throws IOException {
        MessageDigest md;
        try {
            md = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        Path root = submission.toRealPath();
        List<String> prefix = Files.exists(root.resolve("exercises"), NOFOLLOW) ? List.of("exercises") : List.of();
        for (Map.Entry<String, List<Path>> e : expected.entrySet()) {
            for (Path rel : e.getValue()) {
                List<String> components = new ArrayList<>(prefix);
                components.add(e.getKey());
                components.add("src");
                rel.forEach(c -> components.add(c.toString()));
                md.update(String.join("/", components).getBytes(StandardCharsets.UTF_8));
                byte[] bytes;
                try {
                    bytes = read(root, components, capBytes);
                } catch (Refused r) {
                    bytes = null;
                    md.update((byte) 2);
                }
                if (bytes == null) {
                    md.update((byte) 0);
                } else {
                    md.update((byte) 1);
                    md.update(Long.toString(bytes.length).getBytes(StandardCharsets.UTF_8));
                    md.update((byte) 0);
                    md.update(bytes);
                }
            }
        }
        return HexFormat.of().formatHex(md.digest());
    }

    /**
     * The {@code .java} files under the exercise's {@code src/} that are not among {@code expected}, found
     * without following links (a linked folder is not entered; the expected files are refused through it
     * anyway). Only their names are read.
     */
    private static List<Unexpected> unexpected(Path root, List<String> prefix, String ex, List<Path> expected)
            throws IOException {
        Path src = root;
        for (String c : prefix) {
            src = src.resolve(c);
        }
        src = src.resolve(ex).resolve("src");
        if (!Files.isDirectory(src, NOFOLLOW)) {
            return List.of();
        }
        Set<String> wanted = new TreeSet<>();
        expected.forEach(rel -> wanted.add(rel.toString().replace('\\', '/')));
        List<String> stubFiles =
                expected.stream().map(rel -> rel.getFileName().toString()).toList();
        String shownDir = String.join("/", prefix) + (prefix.isEmpty() ? "" : "/") + ex + "/src/";
        List<Unexpected> out = new ArrayList<>();
        Path from = src;
        try (Stream<Path> s = Files.walk(src)) {
            for (Path p : s.sorted().toList()) {
                String rel = from.relativize(p).toString().replace('\\', '/');
                if (rel.endsWith(".java") && !wanted.contains(rel) && !Files.isDirectory(p, NOFOLLOW)) {
                    out.add(new Unexpected(ex, shownDir + rel, stubFiles));
                }
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return out;
    }

    /** A reason when {@code rel} could leave its folder (absolute, {@code ..}, empty), else null. */
    static String checkRelative(Path rel) {
        if (rel.isAbsolute() || rel.toString().isEmpty()) {
            return "the path is not relative";
        }
        for (Path c : rel) {
            String s = c.toString();
            if (s.equals("..") || s.equals(".") || s.isEmpty()) {
                return "it would resolve outside the submission";
            }
        }
        return null;
    }

    /** A path the grader will not read. */
    static final class Refused extends Exception {
        private static final long serialVersionUID = 1L;

        Refused(String why) {
            super(why, null, false, false);
        }
    }

    /** The file's bytes, or null when a component is missing; {@link Refused} when it may not be read. */
    private static byte[] read(Path root, List<String> components, long cap) throws IOException, Refused {
        try (DirectoryStream<Path> top = Files.newDirectoryStream(root)) {
            if (top instanceof SecureDirectoryStream<Path> secure) {
                return readSecure(secure, root, components, 0, cap, "");
            }
        }
        return readByPath(root, components, cap);
    }

    private static byte[] readSecure(
            SecureDirectoryStream<Path> dir, Path root, List<String> components, int i, long cap, String walked)
            throws IOException, Refused {
        Path name = Path.of(components.get(i));
        String here = walked.isEmpty() ? components.get(i) : walked + "/" + components.get(i);
        BasicFileAttributes a;
        try {
            a = dir.getFileAttributeView(name, BasicFileAttributeView.class, NOFOLLOW)
                    .readAttributes();
        } catch (NoSuchFileException missing) {
            return null;
        }
        boolean last = i == components.size() - 1;
        check(a, here, last, cap);
        if (!last) {
            SecureDirectoryStream<Path> next;
            try {
                next = dir.newDirectoryStream(name, NOFOLLOW);
            } catch (FileSystemException swapped) {
                throw new Refused(here + " changed while being read (a link or not a folder)");
            }
            try (next) {
                return readSecure(next, root, components, i + 1, cap, here);
            }
        }
        checkLinks(root.resolve(here));
        try (SeekableByteChannel ch = dir.newByteChannel(name, Set.of(StandardOpenOption.READ, NOFOLLOW))) {
            return readCapped(ch, cap);
        } catch (FileSystemException swapped) {
            throw new Refused(here + " could not be opened without following a link");
        }
    }

    /** Where no secure directory stream exists: the same checks by path (not race-free). */
    private static byte[] readByPath(Path root, List<String> components, long cap) throws IOException, Refused {
        Path p = root;
        String walked = "";
        for (int i = 0; i < components.size(); i++) {
            p = p.resolve(components.get(i));
            walked = walked.isEmpty() ? components.get(i) : walked + "/" + components.get(i);
            BasicFileAttributes a;
            try {
                a = Files.readAttributes(p, BasicFileAttributes.class, NOFOLLOW);
            } catch (NoSuchFileException missing) {
                return null;
            }
            check(a, walked, i == components.size() - 1, cap);
        }
        checkLinks(p);
        try (SeekableByteChannel ch = Files.newByteChannel(p, Set.of(StandardOpenOption.READ, NOFOLLOW))) {
            return readCapped(ch, cap);
        }
    }

    private static void check(BasicFileAttributes a, String here, boolean last, long cap) throws Refused {
        if (a.isSymbolicLink()) {
            throw new Refused(here + " is a symbolic link");
        }
        if (!last && !a.isDirectory()) {
            throw new Refused(here + " is not a folder");
        }
        if (last && !a.isRegularFile()) {
            throw new Refused("it is not a regular file");
        }
        if (last && a.size() > cap) {
            throw new Refused("it is " + size(a.size()) + ", more than the " + size(cap) + " a source may have");
        }
    }

    /** Reads at most cap + 1 bytes: a file that grew past the cap is refused without reading the rest. */
    private static byte[] readCapped(SeekableByteChannel ch, long cap) throws IOException, Refused {
        InputStream in = Channels.newInputStream(ch);
        byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, cap + 1));
        if (bytes.length > cap) {
            throw new Refused("it is more than the " + size(cap) + " a source may have");
        }
        return bytes;
    }

    /** A file with other hard links may be someone else's file (a root-only one, say) linked into the tree. */
    private static void checkLinks(Path file) throws IOException, Refused {
        Object links = Files.getAttribute(file, "unix:nlink", NOFOLLOW);
        if (links instanceof Integer n && n > 1) {
            throw new Refused("it has other hard links (it may be someone else's file)");
        }
    }

    static String size(long bytes) {
        if (bytes >= 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f MiB", bytes / 1048576.0);
        }
        return bytes >= 1024 ? (bytes / 1024) + " KiB" : bytes + " bytes";
    }
}
