package optikata.kata;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The exercises as they were shipped, whatever the learner (or an instructor trying the kata) has
 * done to the working copy since: the committed version in a git checkout ({@code git show HEAD:path}),
 * or the pristine copy a student release keeps in {@code lib/stubs/}. Used by {@code reset} and by
 * the release, which must never ship a solved stub.
 */
public final class Shipped {
    /** Where a release keeps the stubs as shipped, relative to its root. */
    public static final String PRISTINE_DIR = "lib/stubs";

    private final KataLayout layout;

    public Shipped(KataLayout layout) {
        this.layout = layout;
    }

    /** True when the kata folder is a release with its pristine copy. */
    public boolean isRelease() {
        return Files.isDirectory(layout.root().resolve(PRISTINE_DIR));
    }

    /** True when the kata folder is inside a git checkout with a commit. */
    public boolean isGitCheckout() {
        try {
            return git(layout.root(), "rev-parse", "--verify", "-q", "HEAD").exitCode == 0;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * The shipped stub files of {@code exercise}: path relative to the exercise's {@code src/}
     * folder → content. Empty when the exercise shipped no stub.
     */
    public Map<Path, byte[]> stubs(String exercise) throws IOException {
        Map<Path, byte[]> out = new LinkedHashMap<>();
        if (isRelease()) {
            Path dir = layout.root().resolve(PRISTINE_DIR).resolve(exercise).resolve("src");
            for (Path rel : KataLayout.javaFiles(dir)) {
                out.put(rel, Files.readAllBytes(dir.resolve(rel)));
            }
            return out;
        }
        if (!isGitCheckout()) {
            throw new IllegalArgumentException("No shipped copy of the stubs: " + layout.root()
                    + " is neither a student release (no " + PRISTINE_DIR + "/) nor a git checkout");
        }
        String prefix = "exercises/" + exercise + "/src/";
        for (String path : committedFiles("exercises/" + exercise + "/src")) {
            if (path.endsWith(".java")) {
                out.put(Path.of(path.substring(prefix.length())), committed(path));
            }
        }
        return out;
    }

    /** Paths (relative to the kata root, with '/') of every committed file under {@code dir}. */
    public List<String> committedFiles(String dir) throws IOException {
        Git r = git(layout.root(), "ls-tree", "-r", "--name-only", "--full-tree", "HEAD", "--", prefix() + dir);
        if (r.exitCode != 0) {
            throw new IOException("git ls-tree failed: " + r.text().strip());
        }
        String p = prefix();
        List<String> out = new ArrayList<>();
        for (String line : r.text().split("\n")) {
            if (!line.isBlank()) {
                out.add(line.substring(p.length()));
            }
        }
        return out;
    }

    /** The committed content of {@code path} (relative to the kata root). */
    public byte[] committed(String path) throws IOException {
        Git r = git(layout.root(), "show", "HEAD:" + prefix() + path);
        if (r.exitCode != 0) {
            throw new IOException(
                    "git show HEAD:" + path + " failed: " + r.text().strip());
        }
        return r.out;
    }

    /** Files under {@code dir} (relative to the kata root) that differ from the commit or are not committed. */
    public List<String> changedSince(String dir) throws IOException {
        Git r = git(layout.root(), "status", "--porcelain", "--untracked-files=all", "--", dir);
        if (r.exitCode != 0) {
            throw new IOException("git status failed: " + r.text().strip());
        }
        List<String> out = new ArrayList<>();
        String p = prefix();
        for (String line : r.text().split("\n")) {
            if (line.length() > 3) {
                String f = line.substring(3).strip();
                if (f.contains(" -> ")) {
                    f = f.substring(f.indexOf(" -> ") + 4);
                }
                // git status prints paths relative to the top of the repository.
                out.add(f.startsWith(p) ? f.substring(p.length()) : f);
            }
        }
        return out;
    }

    /** Copies the shipped {@code exercises/} (committed version) into {@code target}. */
    public void exportCommittedExercises(Path target) throws IOException {
        for (String path : committedFiles("exercises")) {
            Path to = target.resolve(path.substring("exercises/".length()));
            Files.createDirectories(to.getParent());
            Files.write(to, committed(path));
        }
    }

    /** Copies a folder's regular files (no links) into {@code to}. */
    public static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                    Files.createDirectories(target);
                } else if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                    Files.createDirectories(target.getParent());
                    Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    private String prefixCache;

    /** The kata root's path inside its repository ("" at the top, else "sub/dir/"). */
    private String prefix() throws IOException {
        if (prefixCache == null) {
            Git r = git(layout.root(), "rev-parse", "--show-prefix");
            prefixCache = r.exitCode == 0 ? r.text().strip() : "";
        }
        return prefixCache;
    }

    private record Git(int exitCode, byte[] out) {
        String text() {
            return new String(out, StandardCharsets.UTF_8);
        }
    }

    private static Git git(Path dir, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of("git", "-C", dir.toString()));
        cmd.addAll(List.of(args));
        Process p;
        try {
            p = new ProcessBuilder(cmd)
                    .redirectErrorStream(true)
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .start();
        } catch (IOException e) {
            return new Git(127, ("git is not available: " + e.getMessage()).getBytes(StandardCharsets.UTF_8));
        }
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try (InputStream in = p.getInputStream()) {
            in.transferTo(b);
        }
        try {
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return new Git(124, "git timed out".getBytes(StandardCharsets.UTF_8));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while running git");
        }
        return new Git(p.exitValue(), b.toByteArray());
    }
}
