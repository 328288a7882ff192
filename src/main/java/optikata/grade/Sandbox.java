package optikata.grade;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Runs the untrusted commands of ONE submission and guarantees that every process the submission
 * started is gone once {@link #close()} returns.
 *
 * <p>Three levels, chosen by {@link #open}:
 * <ul>
 * <li>{@link Isolation#NAMESPACE}: bubblewrap started as the slot's own unprivileged uid
 *     ({@code setpriv}, then an unprivileged user namespace): its own PID, network, IPC, UTS and
 *     user namespaces ({@code --unshare-all --disable-userns}), {@code --die-with-parent},
 *     {@code --new-session}, a fresh {@code /proc}, a tmpfs {@code /tmp}, a minimal {@code /dev},
 *     read-only binds of the JDK, the shared libraries it links, the files its {@code conf/} links
 *     point to, and the caller's read-only paths; the work folder is the only writable place.
 *     When the sandbox's first process ends, the kernel kills everything left in its PID namespace.</li>
 * <li>{@link Isolation#UID}: no namespace can be made (an unprivileged container, such as
 *     Gradescope's) or the fallback is forced: {@code setpriv} to the slot's fresh uid, RLIMITs,
 *     a new session; {@link #close()} kills by process group and by uid, scanning {@code /proc} until
 *     no process of that uid is left, so {@code setsid}, {@code nohup} and double-forked escapees die too,
 *     then removes what that uid left in the shared temporary folders and System V IPC.</li>
 * <li>{@link Isolation#NONE}: not root and no usable bubblewrap: a new session and RLIMITs only;
 *     {@link #describe()} says so loudly.</li>
 * </ul>
 * Each slot owns the uid {@code 61000 + slot}; a slot is open at most once at a time on this machine
 * (in this JVM, and across graders through a file lock when root).
 * Whether this process is root is read from the real uid in {@code /proc/self/status}.
 */
public final class Sandbox implements AutoCloseable {
    /** How the submission's processes are kept apart from the grader and from other submissions. */
    public enum Isolation {
        NAMESPACE,
        UID,
        NONE
    }

    /**
     * Per-process resource limits (RLIMITs, set by {@code prlimit} before the uid is dropped).
     *
     * @param processes  processes and threads of the slot's uid (RLIMIT_NPROC; a JVM needs ~30)
     * @param memoryMb   committed data per process (RLIMIT_DATA: counts what a JVM commits, not what it reserves)
     * @param fileSizeMb largest file a process may write (RLIMIT_FSIZE)
     * @param openFiles  open files per process (RLIMIT_NOFILE)
     */
    public record Limits(int processes, int memoryMb, int fileSizeMb, int openFiles) {
        public Limits {
            if (processes < 4) {
                throw new IllegalArgumentException("Invalid processes limit: " + processes + " (must be >= 4)");
            }
            if (memoryMb < 16) {
                throw new IllegalArgumentException("Invalid memory limit: " + memoryMb + " MB (must be >= 16 MB)");
            }
            if (fileSizeMb < 1) {
                throw new IllegalArgumentException("Invalid file size limit: " + fileSizeMb + " MB (must be >= 1 MB)");
            }
            if (openFiles < 16) {
                throw new IllegalArgumentException("Invalid open files limit: " + openFiles + " (must be >= 16)");
            }
        }

        /** 256 processes, 1024 MB, 64 MB files, 1024 open files: room for a test JVM with a 256 MB heap. */
        public static Limits defaults() {
            return new Limits(256, 1024, 64, 1024);
        }
    }

    /** The first per-submission uid; slot k runs as {@code FIRST_UID + k}. */
    public static final int FIRST_UID = 61000;
    /** Slots 0..MAX_SLOTS-1. */
    public static final int MAX_SLOTS = 4000;

    private static final Path BWRAP = Path.of("/usr/bin/bwrap");
    private static final Path SETPRIV = Path.of("/usr/bin/setpriv");
    private static final Path PRLIMIT = Path.of("/usr/bin/prlimit");
    private static final Path SETSID = Path.of("/usr/bin/setsid");
    private static final Path KILL = Path.of("/usr/bin/kill");
    private static final Path FIND = Path.of("/usr/bin/find");
    private static final Path IPCRM = Path.of("/usr/bin/ipcrm");
    private static final Path ID = Path.of("/usr/bin/id");
    private static final Path NFT = Path.of("/usr/sbin/nft");
    private static final Path IPTABLES = Path.of("/usr/sbin/iptables");
    private static final Path IP6TABLES = Path.of("/usr/sbin/ip6tables");
    /** The tmpfs {@code /tmp} of a namespace: its size counts against the machine's memory. */
    static final long NAMESPACE_TMP_BYTES = 64L * 1024 * 1024;
    /** Why bubblewrap could not make the namespace, as it said so (empty while unknown or when it could). */
    private static volatile String namespaceError = "";
    /** How the uid fallback keeps the sandbox uids off the network: set once per grader, see {@link #guardNetwork}. */
    private static volatile String networkGuard;
    /** Folders every uid may write into, found once per grader: see {@link #worldWritable}. */
    private static volatile List<Path> worldWritable;

    private static final Set<Integer> OPEN_SLOTS = ConcurrentHashMap.newKeySet();
    private static volatile Boolean namespaceWorks;
    private static volatile List<String> jdkBinds;

    private final int slot;
    private final FileLock lock;
    private final int uid;
    private final Limits limits;
    private final Isolation isolation;
    private final boolean root;
    private final String why;
    private final List<Process> started = new ArrayList<>();
    /** Whether each started process leads its own session and process group (setsid was found). */
    private boolean ownGroups;

    private boolean closed;

    private Sandbox(int slot, FileLock lock, int uid, Limits limits, Isolation isolation, boolean root, String why) {
        this.slot = slot;
        this.lock = lock;
        this.uid = uid;
        this.limits = limits;
        this.isolation = isolation;
        this.root = root;
        this.why = why;
    }

    /**
     * Opens the sandbox of one submission.
     *
     * @param slot          0..{@link #MAX_SLOTS}-1; the slot's uid is {@code 61000 + slot}, which no
     *                      account may have and no other open sandbox on this machine may use
     * @param limits        RLIMITs of every process started
     * @param forceFallback skip the namespace even where it can be made (tests, or a machine where it misbehaves)
     * @throws IOException when run as root without {@code setpriv} or {@code prlimit}: learner code never runs as root
     */
    public static Sandbox open(int slot, Limits limits, boolean forceFallback) throws IOException {
        if (slot < 0 || slot >= MAX_SLOTS) {
            throw new IllegalArgumentException(
                    "Invalid sandbox slot: " + slot + " (must be 0.." + (MAX_SLOTS - 1) + ")");
        }
        if (limits == null) {
            throw new IllegalArgumentException("Invalid limits: null");
        }
        boolean root = realUid() == 0;
        if (root && !(Files.isExecutable(SETPRIV) && Files.isExecutable(PRLIMIT))) {
            throw new IOException("refusing to run learner code as root: " + SETPRIV + " and " + PRLIMIT
                    + " (util-linux) are needed to drop to an unprivileged uid");
        }
        if (!OPEN_SLOTS.add(slot)) {
            throw new IllegalStateException("Invalid sandbox slot: " + slot + " (already open in this grader)");
        }
        FileLock lock = null;
        try {
            if (root) {
                lock = lockSlot(slot, false);
                if (lock == null) {
                    throw new IllegalStateException(
                            "Invalid sandbox slot: " + slot + " (in use by another grader on this machine)");
                }
            }
            int uid = root ? FIRST_UID + slot : realUid();
            String account = root ? accountOf(uid) : null;
            if (account != null) {
                // killing "every process of the slot's uid" must never reach a real user's processes
                throw new IllegalStateException(
                        "Invalid sandbox slot: " + slot + " (uid " + uid + " belongs to the account " + account + ")");
            }
            Isolation isolation;
            String why;
            if (!forceFallback && namespaceAvailable()) {
                isolation = Isolation.NAMESPACE;
                why = "";
            } else {
                isolation = root ? Isolation.UID : Isolation.NONE;
                why = forceFallback
                        ? "fallback forced"
                        : !Files.isExecutable(BWRAP)
                                ? "no bubblewrap at " + BWRAP
                                : "bubblewrap cannot make a namespace here: " + namespaceError;
            }
            if (isolation == Isolation.UID) {
                guardNetwork();
            }
            Sandbox s = new Sandbox(slot, lock, uid, limits, isolation, root, why);
            if (root) {
                // A crashed earlier grader may have left processes of this uid behind: start clean.
                s.killUid();
            }
            return s;
        } catch (IOException | RuntimeException e) {
            release(lock);
            OPEN_SLOTS.remove(slot);
            throw e;
        }
    }

    /**
     * Opens the sandbox of one submission in the first slot free in this JVM and on this machine
     * (graders running side by side never share a uid).
     */
    public static Sandbox openFree(Limits limits, boolean forceFallback) throws IOException {
        for (int slot = 0; slot < MAX_SLOTS; slot++) {
            if (OPEN_SLOTS.contains(slot)) {
                continue;
            }
            try {
                return open(slot, limits, forceFallback);
            } catch (IllegalStateException taken) {
                // opened meanwhile by another thread, or held by another grader: try the next
            }
        }
        throw new IllegalStateException("all " + MAX_SLOTS + " sandbox slots are in use");
    }

    /**
     * A lock on the slot's file in a root-owned folder, held while the sandbox is open so that two
     * graders on one machine never use (and kill) the same uid; null when another process holds it.
     */
    private static FileLock lockSlot(int slot, boolean wait) throws IOException {
        Path dir = lockDir();
        try {
            Files.createDirectory(
                    dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } catch (FileAlreadyExistsException exists) {
            // made by an earlier grader: checked below
        }
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)
                || SafeFiles.ownerOf(dir) != realUid()
                || ((Integer) Files.getAttribute(dir, "unix:mode", LinkOption.NOFOLLOW_LINKS) & 0022) != 0) {
            throw new IOException(
                    "refusing the sandbox lock folder " + dir + ": not a folder of this user's that only it can write");
        }
        FileChannel ch = FileChannel.open(
                dir.resolve(slot + ".lock"),
                StandardOpenOption.CREATE,
                StandardOpenOption.WRITE,
                LinkOption.NOFOLLOW_LINKS);
        try {
            FileLock l = wait ? ch.lock() : ch.tryLock();
            if (l == null) {
                ch.close();
            }
            return l;
        } catch (IOException | RuntimeException e) {
            ch.close();
            throw e;
        }
    }

    /** Where the slots' lock files live. */
    static Path lockDir() {
        Path base = Files.isDirectory(Path.of("/run/lock"))
                ? Path.of("/run/lock")
                : Path.of(System.getProperty("java.io.tmpdir"));
        return base.resolve("optikata-sandbox");
    }

    private static void release(FileLock lock) {
        if (lock != null) {
            try {
                lock.channel().close();
            } catch (IOException ignored) {
                // closing releases the lock; nothing else to do
            }
        }
    }

    /** The name of the account with this uid in /etc/passwd, or null. */
    static String accountOf(int uid) {
        try {
            for (String line : Files.readAllLines(Path.of("/etc/passwd"), StandardCharsets.UTF_8)) {
                String[] f = line.split(":", -1);
                if (f.length > 2 && f[2].equals(String.valueOf(uid))) {
                    return f[0];
                }
            }
        } catch (IOException | RuntimeException e) {
            // no readable passwd file: no account to protect
        }
        return null;
    }

    /** This sandbox's slot (its uid is {@code FIRST_UID + slot} when root). */
    public int slot() {
        return slot;
    }

    public Isolation isolation() {
        return isolation;
    }

    /** Why this sandbox has no namespace ("fallback forced", what bubblewrap said), empty in a namespace. */
    public String why() {
        return why;
    }

    /** The uid the submission's processes run as (this process's own uid when not root). */
    public int uid() {
        return uid;
    }

    /**
     * One line for results.json, feedback and the terminal: the isolation and every limit that is
     * really set (the process limit only as root, where it counts the slot's own uid alone), and what
     * is shared with the machine.
     */
    public String describe() {
        String perProcess = String.format(
                Locale.ROOT,
                "%s%d MB per process, files up to %d MB; no bound on the sandbox's total memory or CPU (no cgroup)",
                root ? limits.processes() + " processes of the uid; " : "",
                limits.memoryMb(),
                limits.fileSizeMb());
        return switch (isolation) {
            case NAMESPACE ->
                "namespace (bubblewrap): own PID, network, IPC and /tmp (tmpfs of "
                        + NAMESPACE_TMP_BYTES / (1024 * 1024)
                        + " MB), fresh /proc, read-only JDK; uid " + uid
                        + (root ? "" : " (not root: the grader's own uid)") + "; at most "
                        + DiskWatch.QUOTA_BYTES / (1024 * 1024) + " MB written in the work folder; " + perProcess;
            case UID ->
                "uid fallback (" + why + "): uid " + uid + ", own session, killed by process group and uid; "
                        + "at most " + DiskWatch.QUOTA_BYTES / (1024 * 1024) + " MB written in all; "
                        + (networkGuard == null ? "network shared with the machine" : networkGuard)
                        + "; /proc shared; scratch private to the uid; what the uid leaves in folders every user may"
                        + " write is removed; " + perProcess;
            case NONE ->
                "NO ISOLATION (" + why + ", not root): learner code runs as this user (uid " + uid
                        + ") with its files, network and /tmp; only its process group is killed; " + perProcess;
        };
    }

    /**
     * A new scratch folder for this sandbox's grade: owned by the grader, and open to no other user
     * but the sandbox's uid, which may pass through it (mode 0710, group = the slot's gid, when root;
     * 0700 otherwise, where the sandbox runs as the grader's own uid). Another slot can neither list
     * nor read anything in it, and the sandbox cannot rename what is in it.
     */
    public Path newScratch() throws IOException {
        Path dir = Files.createTempDirectory("optikata-grade-");
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
        if (root) {
            Files.setAttribute(dir, "unix:gid", uid, LinkOption.NOFOLLOW_LINKS);
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx--x---"));
        }
        return dir;
    }

    /**
     * A folder inside {@code scratch} that only the sandbox's uid can write: the place to pass as
     * {@code workDir}. Keep {@code scratch} itself owned by the grader and not writable by others
     * ({@link #newScratch()}), so the sandbox can never swap the work folder for a link.
     */
    public Path newWorkDir(Path scratch, String name) throws IOException {
        Path dir = scratch.resolve(name);
        Files.createDirectory(dir);
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
        if (root) {
            Files.setAttribute(dir, "unix:uid", uid, LinkOption.NOFOLLOW_LINKS);
            Files.setAttribute(dir, "unix:gid", uid, LinkOption.NOFOLLOW_LINKS);
        }
        return dir;
    }

    /**
     * Starts {@code command} in the sandbox.
     *
     * @param command  the program and its arguments; in a namespace the program must lie in the JDK
     *                 or under one of {@code readOnly}
     * @param workDir  the working folder and the only writable folder (see {@link #newWorkDir})
     * @param readOnly folders and files made visible read-only (namespace only; elsewhere file permissions rule);
     *                 they must be readable by the sandbox's uid, which sets up the namespace
     * @param env      the whole environment (nothing is inherited); TMPDIR defaults to the work folder
     *                 outside a namespace
     */
    public synchronized Process start(List<String> command, Path workDir, List<Path> readOnly, Map<String, String> env)
            throws IOException {
        if (closed || stopped) {
            throw new IllegalStateException("sandbox of slot " + slot + " is " + (closed ? "closed" : "stopped"));
        }
        if (command.isEmpty()) {
            throw new IllegalArgumentException("Invalid command: empty");
        }
        Path work = workDir.toAbsolutePath().normalize();
        if (!Files.isDirectory(work, LinkOption.NOFOLLOW_LINKS)) {
            throw new IllegalArgumentException("Invalid workDir: " + workDir + " (not a folder, or a link)");
        }
        Map<String, String> environment = new LinkedHashMap<>(env);
        List<String> argv = new ArrayList<>();
        ownGroups = Files.isExecutable(SETSID);
        if (ownGroups) {
            argv.add(SETSID.toString()); // own session and process group, so the group can be killed at once
        }
        if (Files.isExecutable(PRLIMIT)) {
            argv.add(PRLIMIT.toString());
            if (root) {
                argv.add("--nproc=" + limits.processes()); // per uid: only the slot's own processes count
            }
            argv.addAll(List.of(
                    "--data=" + limits.memoryMb() * 1024L * 1024L,
                    "--fsize=" + limits.fileSizeMb() * 1024L * 1024L,
                    "--nofile=" + limits.openFiles(),
                    "--core=0",
                    "--"));
        }
        if (root) {
            argv.addAll(List.of(
                    SETPRIV.toString(), "--reuid=" + uid, "--regid=" + uid, "--clear-groups", "--no-new-privs", "--"));
        }
        if (isolation == Isolation.NAMESPACE) {
            argv.addAll(bwrapArguments(work, readOnly, environment));
        } else {
            environment.putIfAbsent("TMPDIR", work.toString());
        }
        argv.addAll(command);
        ProcessBuilder pb = new ProcessBuilder(argv).directory(work.toFile());
        pb.environment().clear();
        if (isolation != Isolation.NAMESPACE) {
            pb.environment().putAll(environment);
        } else {
            pb.environment().put("PATH", "/usr/bin:/bin");
        }
        Process p = pb.start();
        started.add(p);
        return p;
    }

    private List<String> bwrapArguments(Path work, List<Path> readOnly, Map<String, String> env) throws IOException {
        List<String> a = new ArrayList<>(List.of(
                BWRAP.toString(),
                "--unshare-all",
                "--unshare-user",
                "--disable-userns",
                "--die-with-parent",
                "--new-session",
                "--cap-drop",
                "ALL",
                "--hostname",
                "sandbox"));
        if (root) {
            a.addAll(List.of("--uid", String.valueOf(uid), "--gid", String.valueOf(uid)));
        }
        a.addAll(List.of(
                "--proc", "/proc", "--dev", "/dev", "--size", String.valueOf(NAMESPACE_TMP_BYTES), "--tmpfs", "/tmp"));
        a.addAll(topLevelLinks());
        a.addAll(jdkBinds());
        // after the JDK's binds: a caller's folder holding the JDK (such as /usr) covers them with the same files
        for (Path p : readOnly) {
            Path abs = p.toAbsolutePath().normalize();
            a.addAll(List.of("--ro-bind", abs.toRealPath().toString(), abs.toString()));
        }
        a.addAll(List.of(
                "--bind",
                work.toString(),
                work.toString(),
                "--remount-ro",
                "/",
                "--chdir",
                work.toString(),
                "--clearenv"));
        env.forEach((k, v) -> a.addAll(List.of("--setenv", k, v)));
        a.add("--");
        return a;
    }

    /** {@code /bin -> usr/bin} and the like, as on the host (merged /usr), so programs and libraries resolve. */
    private static List<String> topLevelLinks() throws IOException {
        List<String> a = new ArrayList<>();
        for (String name : List.of("bin", "sbin", "lib", "lib32", "lib64", "libx32")) {
            Path p = Path.of("/", name);
            if (Files.isSymbolicLink(p)) {
                a.addAll(List.of("--symlink", Files.readSymbolicLink(p).toString(), p.toString()));
            }
        }
        return a;
    }

    /**
     * Read-only binds for the JDK: java.home, the files its links point to outside it (Debian keeps
     * {@code conf/} in {@code /etc/java-17-openjdk}), and the shared libraries its binaries link
     * (from {@code ldd}), each bound at the name the loader looks for.
     */
    static List<String> jdkBinds() throws IOException {
        List<String> cached = jdkBinds;
        if (cached != null) {
            return cached;
        }
        Set<String> pairs = new LinkedHashSet<>();
        Path given = Path.of(System.getProperty("java.home")).toAbsolutePath().normalize();
        Path home = given.toRealPath();
        pairs.add(home + "\0" + home);
        if (!given.equals(home)) {
            pairs.add(home + "\0" + given);
        }
        List<Path> binaries = new ArrayList<>();
        try (Stream<Path> s = Files.walk(home)) {
            for (Path p : s.toList()) {
                String rel = home.relativize(p).toString();
                if (rel.startsWith("legal")
                        || rel.startsWith("man")
                        || rel.startsWith("docs")
                        || rel.endsWith("src.zip")) {
                    continue;
                }
                if (Files.isSymbolicLink(p)) {
                    try {
                        Path target = p.toRealPath();
                        if (!target.startsWith(home)) {
                            pairs.add(target + "\0" + target);
                        }
                    } catch (IOException dangling) {
                        // a link to nothing: nothing to bind
                    }
                } else if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)
                        && (rel.startsWith("bin/") || rel.endsWith(".so"))) {
                    binaries.add(p);
                }
            }
        }
        for (Path lib : linkedLibraries(binaries)) {
            Path dir = lib.getParent() == null ? null : lib.getParent().toRealPath();
            if (dir != null) {
                pairs.add(lib.toRealPath() + "\0" + dir.resolve(lib.getFileName()));
            }
        }
        List<String> a = new ArrayList<>();
        for (String pair : pairs) {
            String[] f = pair.split("\0");
            a.addAll(List.of("--ro-bind", f[0], f[1]));
        }
        jdkBinds = List.copyOf(a);
        return jdkBinds;
    }

    /** The shared libraries {@code ldd} lists for these binaries (missing optional ones, such as X11's, are skipped). */
    private static Set<Path> linkedLibraries(List<Path> binaries) throws IOException {
        Set<Path> libs = new LinkedHashSet<>();
        Path ldd = Files.isExecutable(Path.of("/usr/bin/ldd")) ? Path.of("/usr/bin/ldd") : Path.of("/bin/ldd");
        List<String> cmd = new ArrayList<>(List.of(ldd.toString()));
        binaries.forEach(b -> cmd.add(b.toString()));
        String out = run(cmd, 30);
        for (String line : out.split("\n")) {
            String l = line.trim();
            int arrow = l.indexOf("=> ");
            String path = arrow >= 0 ? l.substring(arrow + 3) : l;
            int paren = path.indexOf(" (");
            path = paren >= 0 ? path.substring(0, paren).trim() : path.trim();
            if (path.startsWith("/") && Files.isRegularFile(Path.of(path))) {
                libs.add(Path.of(path));
            }
        }
        if (libs.isEmpty()) {
            throw new IOException("could not list the JDK's shared libraries with " + ldd + ": "
                    + out.lines().limit(2).reduce((x, y) -> x + " / " + y).orElse("no output"));
        }
        return libs;
    }

    /** Whether bubblewrap can make the namespace here: tried once per grader with {@code java -version}. */
    static synchronized boolean namespaceAvailable() {
        Boolean known = namespaceWorks;
        if (known != null) {
            return known;
        }
        boolean works = false;
        String error = "no bubblewrap at " + BWRAP;
        if (Files.isExecutable(BWRAP)) {
            try {
                Path scratch = Files.createTempDirectory("optikata-probe-");
                Files.setPosixFilePermissions(scratch, PosixFilePermissions.fromString("rwx--x--x"));
                // the probe's uid lies just past the slots' range, so it never meets a submission's processes;
                // its lock keeps probes of graders started together apart
                FileLock probeLock = realUid() == 0 ? lockSlot(MAX_SLOTS, true) : null;
                Sandbox probe = new Sandbox(
                        MAX_SLOTS,
                        probeLock,
                        realUid() == 0 ? FIRST_UID + MAX_SLOTS : realUid(),
                        Limits.defaults(),
                        Isolation.NAMESPACE,
                        realUid() == 0,
                        "");
                try {
                    Path work = probe.newWorkDir(scratch, "work");
                    Process p = probe.start(
                            List.of(
                                    Path.of(System.getProperty("java.home"), "bin", "java")
                                            .toString(),
                                    "-Xshare:auto",
                                    "-version"),
                            work,
                            List.of(),
                            Map.of());
                    p.getOutputStream().close();
                    ByteArrayOutputStream said = new ByteArrayOutputStream();
                    Thread err = new Thread(() -> ChildSetup.drain(p.getErrorStream(), said, 4096));
                    err.setDaemon(true);
                    err.start();
                    p.getInputStream().transferTo(OutputStream.nullOutputStream());
                    boolean ended = p.waitFor(60, TimeUnit.SECONDS);
                    err.join(2000);
                    works = ended && p.exitValue() == 0;
                    String text;
                    synchronized (said) {
                        text = said.toString(StandardCharsets.UTF_8).strip();
                    }
                    error = !ended
                            ? "java -version did not finish in 60 s inside it"
                            : "exit " + p.exitValue() + ": "
                                    + text.lines()
                                            .limit(2)
                                            .reduce((x, y) -> x + " / " + y)
                                            .orElse("no message");
                } finally {
                    try {
                        probe.killAll();
                        SafeFiles.deleteTree(scratch);
                    } finally {
                        release(probeLock);
                    }
                }
            } catch (IOException | RuntimeException e) {
                works = false;
                error = String.valueOf(e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                error = "interrupted";
            }
        }
        namespaceError = works ? "" : error;
        namespaceWorks = works;
        return works;
    }

    /**
     * Kills everything the submission started and waits until none of it is left: the process
     * groups of the started processes and their descendants; as root also every process of the
     * slot's uid (killed with {@code kill -1} as that uid, then by scanning {@code /proc} until
     * none is left). Zombies count as gone: they run nothing and hold no files.
     *
     * @throws IllegalStateException when processes of the slot's uid are still alive after 30 s
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            killAll();
        } finally {
            release(lock);
            OPEN_SLOTS.remove(slot);
        }
    }

    private volatile boolean stopped;

    /** Ends every process the submission started, and starts no more: the grade is over (a limit was passed). */
    void stop() {
        stopped = true;
        killAll();
    }

    /** Ends every process the submission started so far; the sandbox stays open for more. */
    synchronized void killAll() {
        for (Process p : started) {
            if (ownGroups) {
                killGroup(p.pid());
            }
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        }
        if (root) {
            killUid();
        }
        for (Process p : started) {
            try {
                p.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (root && isolation == Isolation.UID) {
            removeLeftovers();
            removeIpc();
        }
    }

    /**
     * Removes the System V shared memory, message queues and semaphores the slot's uid left (uid
     * fallback only; a namespace has its own IPC namespace, gone with it).
     */
    private void removeIpc() {
        for (String[] kind : new String[][] {{"shm", "-m"}, {"msg", "-q"}, {"sem", "-s"}}) {
            for (String id : ipcOwnedBy(kind[0], uid)) {
                try {
                    run(List.of(IPCRM.toString(), kind[1], id), 10);
                } catch (IOException ignored) {
                    // removed meanwhile, or no ipcrm: nothing more to do
                }
            }
        }
    }

    /** The ids of the System V IPC objects of one kind ({@code shm}, {@code msg}, {@code sem}) owned by {@code uid}. */
    static List<String> ipcOwnedBy(String kind, int uid) {
        List<String> ids = new ArrayList<>();
        List<String> lines;
        try {
            lines = Files.readAllLines(Path.of("/proc/sysvipc", kind), StandardCharsets.UTF_8);
        } catch (IOException none) {
            return ids;
        }
        if (lines.isEmpty()) {
            return ids;
        }
        List<String> header = List.of(lines.get(0).trim().split("\\s+"));
        int uidColumn = header.indexOf("uid");
        if (uidColumn < 0) {
            return ids;
        }
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.trim().split("\\s+");
            if (f.length > uidColumn && f[uidColumn].equals(String.valueOf(uid))) {
                ids.add(f[1]);
            }
        }
        return ids;
    }

    /**
     * The folders every user may write into (mode o+w), found once per grader by walking every
     * mounted file system but {@code /proc} and {@code /sys}: whatever a sandbox uid could leave
     * outside its work folder lies in one of them, or under a folder of its own in one of them.
     */
    static synchronized List<Path> worldWritable() {
        List<Path> known = worldWritable;
        if (known != null) {
            return known;
        }
        Set<Path> found = new LinkedHashSet<>();
        for (String usual : List.of("/tmp", "/var/tmp", "/dev/shm", "/run/lock", "/dev/mqueue")) {
            if (Files.isDirectory(Path.of(usual), LinkOption.NOFOLLOW_LINKS)) {
                found.add(Path.of(usual));
            }
        }
        try {
            String out = run(
                    List.of(
                            FIND.toString(),
                            "/",
                            "(",
                            "-path",
                            "/proc",
                            "-o",
                            "-path",
                            "/sys",
                            ")",
                            "-prune",
                            "-o",
                            "-type",
                            "d",
                            "-perm",
                            "-0002",
                            "-print"),
                    300);
            for (String line : out.split("\n")) {
                if (line.startsWith("/") && Files.isDirectory(Path.of(line), LinkOption.NOFOLLOW_LINKS)) {
                    found.add(Path.of(line));
                }
            }
        } catch (IOException | RuntimeException e) {
            // no find: the usual places above are still cleaned
        }
        worldWritable = List.copyOf(found);
        return worldWritable;
    }

    /**
     * Deletes what the slot's uid left in folders every user may write into (uid fallback only; in
     * a namespace /tmp is its own), with everything under it. Safe from races: no process of that uid
     * is alive any more.
     */
    private void removeLeftovers() {
        for (Path p : ownedInShared()) {
            try {
                SafeFiles.deleteTree(p);
            } catch (IOException | RuntimeException ignored) {
                // gone already
            }
        }
    }

    /**
     * Every entry the sandbox's uid owns in the folders every user may write into, at any depth
     * reachable through folders that others may write into (what it owns inside its own entries is
     * not listed: it goes with them).
     */
    List<Path> ownedInShared() {
        List<Path> owned = new ArrayList<>();
        for (Path top : worldWritable()) {
            Deque<Path> folders = new ArrayDeque<>(List.of(top));
            for (int visited = 0; !folders.isEmpty() && visited < 200_000; visited++) {
                Path dir = folders.pop();
                List<Path> entries;
                try (Stream<Path> s = Files.list(dir)) {
                    entries = s.toList();
                } catch (IOException | RuntimeException unreadable) {
                    continue;
                }
                for (Path p : entries) {
                    try {
                        if (SafeFiles.ownerOf(p) == uid) {
                            owned.add(p);
                        } else if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)
                                && ((Integer) Files.getAttribute(p, "unix:mode", LinkOption.NOFOLLOW_LINKS) & 0002)
                                        != 0) {
                            folders.push(p);
                        }
                    } catch (IOException | RuntimeException ignored) {
                        // gone already, or not ours to judge
                    }
                }
            }
        }
        return owned;
    }

    /**
     * Keeps the sandbox uids (the slots' and the probe's) off the IP network, loopback included,
     * with one nftables rule (else an iptables and ip6tables owner match) set once per grader and
     * left in place: it concerns those uids only. Returns the words for the isolation line, or null
     * when no rule could be set (an unprivileged container, or neither program installed).
     */
    static synchronized String guardNetwork() {
        if (networkTried) {
            return networkGuard;
        }
        networkTried = true;
        String range = FIRST_UID + "-" + (FIRST_UID + MAX_SLOTS);
        try {
            if (Files.isExecutable(NFT)) {
                String table = "optikata_sandbox";
                if (!run(List.of(NFT.toString(), "list", "table", "inet", table), 10)
                        .contains("skuid " + range)) {
                    Path script = Files.createTempFile("optikata-nft-", ".nft");
                    try {
                        Files.writeString(
                                script,
                                "table inet " + table + " {\n  chain output {\n"
                                        + "    type filter hook output priority 0; policy accept;\n"
                                        + "    meta skuid " + range + " reject\n  }\n}\n",
                                StandardCharsets.UTF_8);
                        run(List.of(NFT.toString(), "-f", script.toString()), 10);
                    } finally {
                        Files.deleteIfExists(script);
                    }
                }
                if (run(List.of(NFT.toString(), "list", "table", "inet", table), 10)
                        .contains("skuid " + range)) {
                    networkGuard = "IP network closed to the sandbox uids (nftables)";
                    return networkGuard;
                }
            }
            if (Files.isExecutable(IPTABLES)) {
                boolean v4 = ownerRule(IPTABLES, range);
                boolean v6 = Files.isExecutable(IP6TABLES) && ownerRule(IP6TABLES, range);
                if (v4) {
                    networkGuard = "IP" + (v6 ? "" : "v4") + " network closed to the sandbox uids (iptables)";
                }
            }
        } catch (IOException | RuntimeException e) {
            // no rule: the isolation line says the network is shared
        }
        return networkGuard;
    }

    private static boolean networkTried;

    private static boolean ownerRule(Path program, String range) throws IOException {
        List<String> rule = List.of("OUTPUT", "-m", "owner", "--uid-owner", range, "-j", "REJECT");
        List<String> check = new ArrayList<>(List.of(program.toString(), "-w", "5", "-C"));
        check.addAll(rule);
        if (exitOf(check) == 0) {
            return true;
        }
        List<String> insert = new ArrayList<>(List.of(program.toString(), "-w", "5", "-I"));
        insert.addAll(rule);
        return exitOf(insert) == 0 && exitOf(check) == 0;
    }

    /**
     * The first file under each of {@code secrets} that the sandbox's uid can read, asked as that
     * uid ({@code find -readable}: the kernel's own access check with the uid's rights); empty when
     * none is. Only the uid fallback shares the file system with the grader: a namespace sees only
     * what it is given, and without root the sandbox runs as the grader's own uid.
     */
    public List<Path> readableSecrets(List<Path> secrets) throws IOException {
        List<Path> found = new ArrayList<>();
        if (!root || isolation != Isolation.UID) {
            return found;
        }
        for (Path secret : secrets) {
            Path abs = secret.toAbsolutePath().normalize();
            if (!Files.exists(abs, LinkOption.NOFOLLOW_LINKS)) {
                continue;
            }
            String out = run(
                    List.of(
                            SETPRIV.toString(),
                            "--reuid=" + uid,
                            "--regid=" + uid,
                            "--clear-groups",
                            "--no-new-privs",
                            "--",
                            FIND.toString(),
                            abs.toString(),
                            "-readable",
                            "-type",
                            "f",
                            "-print",
                            "-quit"),
                    120);
            out.lines()
                    .filter(l -> l.startsWith("/") && !l.startsWith(FIND + ":"))
                    .findFirst()
                    .ifPresent(l -> found.add(Path.of(l)));
        }
        return found;
    }

    private static void killGroup(long pgid) {
        if (!Files.isExecutable(KILL)) {
            return;
        }
        try {
            run(List.of(KILL.toString(), "-s", "KILL", "--", "-" + pgid), 10);
        } catch (IOException ignored) {
            // the group is already gone
        }
    }

    /** Kills every process of the slot's uid (root only), repeating until none is alive. */
    private void killUid() {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        // a scan of /proc is no snapshot: a process that forks and exits every few milliseconds can be missed by
        // one. So kill(-1) as the uid always runs (it reaches every process of the uid in one pass, under the
        // kernel's task list lock, so no fork slips through it), and the uid counts as gone only after three
        // empty scans in a row
        int emptyScans = 0;
        boolean killedOnce = false;
        while (true) {
            List<Long> alive = processesOf(uid);
            if (alive.isEmpty() && killedOnce && ++emptyScans >= 3) {
                return;
            }
            if (!alive.isEmpty()) {
                emptyScans = 0;
            }
            if (System.nanoTime() > until) {
                throw new IllegalStateException("processes of uid " + uid + " survive being killed: " + alive);
            }
            try {
                run(
                        List.of(
                                SETPRIV.toString(),
                                "--reuid=" + uid,
                                "--regid=" + uid,
                                "--clear-groups",
                                "--",
                                KILL.toString(),
                                "-s",
                                "KILL",
                                "--",
                                "-1"),
                        10);
                killedOnce = true;
            } catch (IOException ignored) {
                // fall through to killing one by one
                killedOnce = true;
            }
            for (long pid : alive) {
                ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Live (not zombie) processes whose real, effective or saved uid is {@code uid}, read from {@code /proc}. */
    static List<Long> processesOf(int uid) {
        List<Long> pids = new ArrayList<>();
        try (Stream<Path> s = Files.list(Path.of("/proc"))) {
            for (Path p : s.toList()) {
                String name = p.getFileName().toString();
                if (!name.chars().allMatch(Character::isDigit)) {
                    continue;
                }
                String status;
                try {
                    status = Files.readString(p.resolve("status"), StandardCharsets.UTF_8);
                } catch (IOException gone) {
                    continue;
                }
                if (statusUidMatches(status, uid) && !status.contains("\nState:\tZ")) {
                    pids.add(Long.parseLong(name));
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read /proc to find processes of uid " + uid, e);
        }
        return pids;
    }

    private static boolean statusUidMatches(String status, int uid) {
        for (String line : status.split("\n")) {
            if (line.startsWith("Uid:")) {
                String[] f = line.substring(4).trim().split("\\s+");
                for (int i = 0; i < Math.min(3, f.length); i++) {
                    if (Integer.parseInt(f[i]) == uid) {
                        return true;
                    }
                }
                return false;
            }
        }
        return false;
    }

    /** This process's real uid, from {@code /proc/self/status} (never from {@code user.name}). */
    public static int realUid() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"), StandardCharsets.UTF_8)) {
                if (line.startsWith("Uid:")) {
                    return Integer.parseInt(line.substring(4).trim().split("\\s+")[0]);
                }
            }
        } catch (IOException | RuntimeException e) {
            // no /proc: ask the OS another way below
        }
        try {
            return Integer.parseInt(run(List.of(ID.toString(), "-ru"), 10).trim());
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("cannot tell this process's uid (no /proc/self/status, no id)", e);
        }
    }

    private static int exitOf(List<String> command) throws IOException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        p.getOutputStream().close();
        try (InputStream in = p.getInputStream()) {
            in.transferTo(OutputStream.nullOutputStream());
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return -1;
            }
            return p.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    private static String run(List<String> command, int timeoutSeconds) throws IOException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        p.getOutputStream().close();
        try (InputStream in = p.getInputStream()) {
            String out = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException(command.get(0) + " did not finish in " + timeoutSeconds + " s");
            }
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }
}
