package optikata.grade;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SecureDirectoryStream;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * File operations of a grader running with more rights than the code it grades: an output folder
 * the grader owns, reports written to a temporary file and renamed (never through a link), and
 * trees deleted without following links.
 */
public final class SafeFiles {
    private static final LinkOption NOFOLLOW = LinkOption.NOFOLLOW_LINKS;

    private SafeFiles() {}

    /**
     * Makes {@code out} ready before anything runs: created (mode 0700) when missing; when it
     * exists it must be a real folder (not a link) owned by this process's user, and loses group
     * and other write permission. The folder holding it must not be writable by other users unless
     * sticky (as /tmp is), so nobody else can swap {@code out} later.
     *
     * @return the absolute path of the folder
     * @throws IOException naming {@code --out} and why it is refused
     */
    public static Path prepareOut(Path out) throws IOException {
        Path abs = out.toAbsolutePath().normalize();
        Path parent = abs.getParent();
        if (parent != null) {
            Files.createDirectories(parent);
            checkHolder(out, parent.toRealPath());
        }
        BasicFileAttributes a;
        try {
            a = Files.readAttributes(abs, BasicFileAttributes.class, NOFOLLOW);
        } catch (NoSuchFileException missing) {
            try {
                Files.createDirectory(
                        abs, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            } catch (FileAlreadyExistsException raced) {
                return prepareOut(out);
            }
            Files.setPosixFilePermissions(abs, PosixFilePermissions.fromString("rwx------"));
            return abs;
        }
        if (a.isSymbolicLink()) {
            throw new IOException("Invalid output folder: " + out + " (a symbolic link: give a real folder)");
        }
        if (!a.isDirectory()) {
            throw new IOException("Invalid output folder: " + out + " (exists and is not a folder)");
        }
        int owner = ownerOf(abs);
        int me = Sandbox.realUid();
        if (owner != me) {
            throw new IOException("Invalid output folder: " + out + " (owned by uid " + owner
                    + ", not by the grader's uid " + me + ": someone else could change it)");
        }
        Set<PosixFilePermission> perms = Files.getPosixFilePermissions(abs, NOFOLLOW);
        boolean groupWritable = perms.remove(PosixFilePermission.GROUP_WRITE);
        boolean othersWritable = perms.remove(PosixFilePermission.OTHERS_WRITE);
        if (groupWritable || othersWritable) {
            Files.setPosixFilePermissions(abs, perms);
        }
        return abs;
    }

    /** Refuses a holding folder that another user owns, or that others may write into without the sticky bit. */
    private static void checkHolder(Path out, Path holder) throws IOException {
        int owner = ownerOf(holder);
        int me = Sandbox.realUid();
        if (owner != me && owner != 0) {
            throw new IOException("Invalid output folder: " + out + " (its folder " + holder + " belongs to uid "
                    + owner + ", who could replace it)");
        }
        int mode = (Integer) Files.getAttribute(holder, "unix:mode", NOFOLLOW);
        boolean sticky = (mode & 01000) != 0;
        if ((mode & 0022) != 0 && !sticky) {
            throw new IOException("Invalid output folder: " + out + " (its folder " + holder
                    + " is writable by others, mode " + Integer.toOctalString(mode & 07777) + ")");
        }
    }

    static int ownerOf(Path p) throws IOException {
        return (Integer) Files.getAttribute(p, "unix:uid", NOFOLLOW);
    }

    /** Writes {@code text} as UTF-8 into {@code dir/name}; see {@link #write(Path, String, byte[])}. */
    public static void write(Path dir, String name, CharSequence text) throws IOException {
        write(dir, name, text.toString().getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Writes {@code dir/name} atomically: into a new temporary file in {@code dir} (created
     * exclusively, so never through a link), then renamed over {@code name}. A link planted under
     * that name is replaced; its target is untouched. The file is readable by all (0644): the
     * folder's own mode decides who may reach it.
     *
     * @throws IOException when {@code dir} is a link or not this user's folder, or {@code name} is not a plain file name
     */
    public static void write(Path dir, String name, byte[] bytes) throws IOException {
        if (name.isEmpty() || name.contains("/") || name.equals(".") || name.equals("..")) {
            throw new IllegalArgumentException("Invalid report name: " + name);
        }
        BasicFileAttributes a = Files.readAttributes(dir, BasicFileAttributes.class, NOFOLLOW);
        if (!a.isDirectory()) {
            throw new IOException("Cannot write " + name + ": " + dir + " is "
                    + (a.isSymbolicLink() ? "a symbolic link" : "not a folder"));
        }
        if (ownerOf(dir) != Sandbox.realUid()) {
            throw new IOException("Cannot write " + name + ": " + dir + " belongs to uid " + ownerOf(dir));
        }
        Path tmp = Files.createTempFile(dir, "." + name + ".", ".tmp");
        try {
            Files.write(tmp, bytes);
            Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-r--r--"));
            Files.move(tmp, dir.resolve(name), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            Files.deleteIfExists(tmp);
            throw new IOException("Cannot write " + dir.resolve(name) + ": " + e.getMessage(), e);
        }
    }

    /**
     * A new scratch folder owned by this user with mode 0711: others may pass through it to a
     * folder they own inside ({@link Sandbox#newWorkDir}) but can neither list it nor rename what is in it.
     */
    public static Path createScratch() throws IOException {
        Path dir = Files.createTempDirectory("optikata-grade-");
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx--x--x"));
        return dir;
    }

    /**
     * Deletes {@code path} and everything under it without following any link and without
     * recursion, however deep the tree: links are removed as links, each folder is opened relative
     * to its parent with no-follow ({@code openat}), and every folder found is first moved up to sit
     * directly under {@code path} ({@code renameat}), so at most three folders are open at once, no
     * path grows past one name, and a folder swapped for a link while deleting cannot redirect the
     * deletion elsewhere. A folder its owner made unwritable is opened for deletion first. Nothing
     * happens when {@code path} does not exist.
     */
    public static void deleteTree(Path path) throws IOException {
        Path abs = path.toAbsolutePath().normalize();
        BasicFileAttributes a;
        try {
            a = Files.readAttributes(abs, BasicFileAttributes.class, NOFOLLOW);
        } catch (NoSuchFileException gone) {
            return;
        }
        if (!a.isDirectory() || abs.getParent() == null) {
            Files.deleteIfExists(abs);
            return;
        }
        try (DirectoryStream<Path> parent = Files.newDirectoryStream(abs.getParent())) {
            if (parent instanceof SecureDirectoryStream<Path> secure) {
                deleteFlat(secure, abs.getFileName());
                return;
            }
        }
        deleteWalking(abs);
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    /** Deletes the folder {@code name} of {@code parent}: folders inside are moved up into it, then emptied one by one. */
    private static void deleteFlat(SecureDirectoryStream<Path> parent, Path name) throws IOException {
        SecureDirectoryStream<Path> top;
        try {
            top = openForDeletion(parent, name);
        } catch (NoSuchFileException gone) {
            return;
        }
        try (top) {
            String prefix = ".optikata-deleting-" + Long.toHexString(RANDOM.nextLong()) + "-";
            long moved = 0;
            Deque<Path> folders = new ArrayDeque<>();
            for (Path e : entries(top)) {
                if (isFolder(top, e)) {
                    folders.add(e);
                } else {
                    deleteEntry(top, e);
                }
            }
            while (!folders.isEmpty()) {
                Path folder = folders.poll();
                SecureDirectoryStream<Path> dir;
                try {
                    dir = openForDeletion(top, folder);
                } catch (NoSuchFileException gone) {
                    continue;
                }
                try (dir) {
                    for (Path e : entries(dir)) {
                        if (isFolder(dir, e)) {
                            Path flat = Path.of(prefix + moved++);
                            dir.move(e, top, flat);
                            folders.add(flat);
                        } else {
                            deleteEntry(dir, e);
                        }
                    }
                }
                top.deleteDirectory(folder);
            }
        }
        parent.deleteDirectory(name);
    }

    /** Opens a folder for deletion, first giving its owner (this user, or root) back the right to change it. */
    private static SecureDirectoryStream<Path> openForDeletion(SecureDirectoryStream<Path> parent, Path name)
            throws IOException {
        try {
            PosixFileAttributeView view = parent.getFileAttributeView(name, PosixFileAttributeView.class, NOFOLLOW);
            if (view != null && !view.readAttributes().isSymbolicLink()) {
                Set<PosixFilePermission> perms = view.readAttributes().permissions();
                if (!perms.containsAll(OWNER_ALL)) {
                    perms.addAll(OWNER_ALL);
                    view.setPermissions(perms);
                }
            }
        } catch (NoSuchFileException gone) {
            throw gone;
        } catch (IOException | UnsupportedOperationException notMine) {
            // not this user's folder (root needs no permission), or no POSIX view: try to open it as it is
        }
        return parent.newDirectoryStream(name, NOFOLLOW);
    }

    private static final Set<PosixFilePermission> OWNER_ALL =
            Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE);

    private static List<Path> entries(SecureDirectoryStream<Path> dir) {
        List<Path> names = new ArrayList<>();
        dir.forEach(e -> names.add(e.getFileName()));
        return names;
    }

    private static boolean isFolder(SecureDirectoryStream<Path> dir, Path name) throws IOException {
        try {
            return dir.getFileAttributeView(name, BasicFileAttributeView.class, NOFOLLOW)
                    .readAttributes()
                    .isDirectory();
        } catch (NoSuchFileException gone) {
            return false;
        }
    }

    private static void deleteEntry(SecureDirectoryStream<Path> dir, Path name) throws IOException {
        try {
            dir.deleteFile(name);
        } catch (NoSuchFileException gone) {
            // removed meanwhile
        }
    }

    /**
     * Where the file system offers no secure directory stream: children before their folder, links
     * never followed, with a stack of its own instead of recursion.
     */
    private static void deleteWalking(Path root) throws IOException {
        Deque<Path> toVisit = new ArrayDeque<>(List.of(root));
        Deque<Path> toRemove = new ArrayDeque<>();
        while (!toVisit.isEmpty()) {
            Path dir = toVisit.pop();
            toRemove.push(dir);
            try (Stream<Path> s = Files.list(dir)) {
                for (Path e : s.toList()) {
                    if (Files.isDirectory(e, NOFOLLOW)) {
                        toVisit.push(e);
                    } else {
                        Files.deleteIfExists(e);
                    }
                }
            } catch (NoSuchFileException gone) {
                // removed meanwhile
            }
        }
        while (!toRemove.isEmpty()) {
            Files.deleteIfExists(toRemove.pop());
        }
    }
}
