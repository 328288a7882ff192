package optikata.grade;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import optikata.support.Slow;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real processes in real sandboxes. Namespace tests run, and must pass, wherever bubblewrap itself
 * can make a namespace (as in CI, root with bubblewrap installed); elsewhere they are skipped with
 * the reason printed. The uid fallback is forced and checked wherever this is root.
 */
@Slow
class SandboxTest {
    static final Path BWRAP = Path.of("/usr/bin/bwrap");
    /** Shell tools for the test commands (the JDK is always bound). */
    static final List<Path> SHELL = List.of(Path.of("/usr"));

    static final Map<String, String> ENV = Map.of("PATH", "/usr/bin:/bin", "LANG", "C.UTF-8");

    @TempDir
    Path tmp;

    final List<Path> scratches = new ArrayList<>();

    @AfterEach
    void cleanUp() throws IOException {
        for (Path s : scratches) {
            SafeFiles.deleteTree(s);
        }
    }

    static boolean root() {
        return Sandbox.realUid() == 0;
    }

    /**
     * Skips (saying why) where this machine cannot make a namespace; fails where it can but the
     * sandbox does not. Whether the machine can is asked of bubblewrap directly, with the least
     * it needs (the whole file system read-only, run as an unprivileged uid when root), so a fault
     * in the sandbox's own binds or probe cannot pass as "no namespace here".
     */
    static void requireNamespace() throws IOException, InterruptedException {
        String why = machineCannotMakeNamespace();
        if (why == null) {
            assertThat(Sandbox.namespaceAvailable())
                    .as("bubblewrap makes a namespace on this machine, so the sandbox must")
                    .isTrue();
            return;
        }
        System.out.println("SandboxTest: namespace checks skipped: " + why + "; the fallback is checked instead");
        assumeTrue(false, why);
    }

    /** Null when bubblewrap can make a PID/network/user namespace here, else why not. */
    static String machineCannotMakeNamespace() throws IOException, InterruptedException {
        if (!Files.isExecutable(BWRAP)) {
            return "bubblewrap is not installed (apt-get install bubblewrap)";
        }
        List<String> probe = new ArrayList<>();
        if (root()) {
            probe.addAll(List.of("/usr/bin/setpriv", "--reuid=65001", "--regid=65001", "--clear-groups", "--"));
        }
        probe.addAll(List.of(
                BWRAP.toString(),
                "--unshare-all",
                "--unshare-user",
                "--die-with-parent",
                "--ro-bind",
                "/",
                "/",
                "--proc",
                "/proc",
                "--",
                "/bin/true"));
        Process p = new ProcessBuilder(probe).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        return p.waitFor() == 0 ? null : "bubblewrap cannot make a namespace here (" + out + ")";
    }

    static void requireRoot() {
        if (!root()) {
            System.out.println(
                    "SandboxTest: uid fallback checks skipped: not root, so there is no other uid to drop to");
        }
        assumeTrue(root(), "the uid fallback needs root");
    }

    Path work(Sandbox s) throws IOException {
        Path scratch = SafeFiles.createScratch();
        scratches.add(scratch);
        return s.newWorkDir(scratch, "work");
    }

    /** Runs a shell script in the sandbox to its end and returns its standard output (and error). */
    static String run(Sandbox s, Path work, List<Path> readOnly, String script)
            throws IOException, InterruptedException {
        Process p = s.start(List.of("/bin/bash", "-c", script), work, readOnly, ENV);
        p.getOutputStream().close();
        String out;
        try (InputStream in = p.getInputStream();
                InputStream err = p.getErrorStream()) {
            out = new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    + new String(err.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(p.waitFor(60, TimeUnit.SECONDS))
                .as("the sandboxed script ends")
                .isTrue();
        return out;
    }

    /** Live processes whose command line is exactly {@code argv}, from the host's /proc. */
    static List<Long> live(String... argv) throws IOException {
        byte[] wanted = (String.join("\0", argv) + "\0").getBytes(StandardCharsets.UTF_8);
        List<Long> pids = new ArrayList<>();
        try (Stream<Path> s = Files.list(Path.of("/proc"))) {
            for (Path p : s.toList()) {
                if (!p.getFileName().toString().chars().allMatch(Character::isDigit)) {
                    continue;
                }
                try {
                    if (Arrays.equals(Files.readAllBytes(p.resolve("cmdline")), wanted)
                            && !Files.readString(p.resolve("status")).contains("\nState:\tZ")) {
                        pids.add(Long.parseLong(p.getFileName().toString()));
                    }
                } catch (IOException gone) {
                    // ended while being read
                }
            }
        }
        return pids;
    }

    static int uidOf(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
            if (line.startsWith("Uid:")) {
                return Integer.parseInt(line.substring(4).trim().split("\\s+")[0]);
            }
        }
        throw new IOException("no Uid line for " + pid);
    }

    /**
     * A submission starts sleepers every way a process can leave its parent: setsid, nohup, a double
     * fork, and the main process itself. All four are seen alive (and as the slot's uid when root)
     * before close, and none is alive after.
     */
    void escapeesDie(Sandbox s) throws Exception {
        int base = 600_000 + ThreadLocalRandom.current().nextInt(300_000) * 4;
        String[] marks = {
            String.valueOf(base), String.valueOf(base + 1), String.valueOf(base + 2), String.valueOf(base + 3)
        };
        String script = "setsid sleep " + marks[0] + " </dev/null >/dev/null 2>&1 &\n"
                + "nohup sleep " + marks[1] + " </dev/null >/dev/null 2>&1 &\n"
                + "( sleep " + marks[2] + " </dev/null >/dev/null 2>&1 & ) &\n"
                + "echo started\n"
                + "exec sleep " + marks[3] + "\n";
        Process p = s.start(List.of("/bin/bash", "-c", script), work(s), SHELL, ENV);
        p.getOutputStream().close();
        byte[] first = p.getInputStream().readNBytes(8);
        assertThat(new String(first, StandardCharsets.UTF_8)).isEqualTo("started\n");
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        List<Long> before = new ArrayList<>();
        while (System.nanoTime() < until) {
            before.clear();
            for (String m : marks) {
                before.addAll(live("sleep", m));
            }
            if (before.size() == 4) {
                break;
            }
            Thread.sleep(20);
        }
        assertThat(before).as("all four sleepers run before close").hasSize(4);
        if (root()) {
            for (long pid : before) {
                assertThat(uidOf(pid))
                        .as("uid of sleeper %d", pid)
                        .isEqualTo(s.uid())
                        .isNotZero();
            }
        }
        s.close();
        for (String m : marks) {
            assertThat(live("sleep", m))
                    .as("sleepers 'sleep %s' after close", m)
                    .isEmpty();
        }
        assertThat(p.isAlive()).isFalse();
        if (root()) {
            assertThat(Sandbox.processesOf(s.uid()))
                    .as("processes of uid %d after close", s.uid())
                    .isEmpty();
        }
    }

    @Test
    @DisplayName("namespace: setsid, nohup and double-forked processes are all dead after close")
    void namespaceEscapeesDie() throws Exception {
        requireNamespace();
        try (Sandbox s = Sandbox.openFree(Sandbox.Limits.defaults(), false)) {
            assertThat(s.isolation()).isEqualTo(Sandbox.Isolation.NAMESPACE);
            escapeesDie(s);
        }
    }

    @Test
    @DisplayName("namespace: when the grader itself is killed (SIGKILL), every process of the submission dies with it")
    void namespaceDiesWithGrader() throws Exception {
        requireNamespace();
        String mark = String.valueOf(700_000 + ThreadLocalRandom.current().nextInt(90_000));
        Path grader = tmp.resolve("CrashingGrader.java");
        Files.writeString(
                grader,
                String.join(
                        "\n",
                        "import java.nio.file.*; import java.util.*; import optikata.grade.*;",
                        "public class CrashingGrader { public static void main(String[] a) throws Exception {",
                        "  Sandbox s = Sandbox.openFree(Sandbox.Limits.defaults(), false);",
                        "  Path scratch = SafeFiles.createScratch(); Path work = s.newWorkDir(scratch, \"work\");",
                        "  Process p = s.start(List.of(\"/bin/bash\", \"-c\", \"setsid sleep " + mark
                                + " </dev/null >/dev/null 2>&1 & " + "nohup sleep " + mark
                                + " </dev/null >/dev/null 2>&1 & exec sleep " + mark + "\"),",
                        "      work, List.of(Path.of(\"/usr\")), Map.of(\"PATH\", \"/usr/bin:/bin\"));",
                        "  System.out.println(\"started\"); System.out.println(scratch); System.out.flush(); Thread.sleep(600_000); } }"));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process parent = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), grader.toString())
                .redirectErrorStream(true)
                .start();
        BufferedReader lines =
                new BufferedReader(new InputStreamReader(parent.getInputStream(), StandardCharsets.UTF_8));
        Path leftScratch = null;
        try {
            assertThat(lines.readLine()).isEqualTo("started");
            leftScratch = Path.of(lines.readLine());
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (live("sleep", mark).size() < 3 && System.nanoTime() < until) {
                Thread.sleep(20);
            }
            assertThat(live("sleep", mark))
                    .as("the submission's sleepers before the grader dies")
                    .hasSize(3);
        } finally {
            parent.destroyForcibly();
            parent.waitFor(20, TimeUnit.SECONDS);
        }
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!live("sleep", mark).isEmpty() && System.nanoTime() < until) {
            Thread.sleep(20);
        }
        assertThat(live("sleep", mark))
                .as("the submission's sleepers after the grader was killed")
                .isEmpty();
        SafeFiles.deleteTree(leftScratch);
    }

    @Test
    @DisplayName(
            "uid fallback (forced): setsid, nohup and double-forked processes are all dead after close, and it says UID")
    void fallbackEscapeesDie() throws Exception {
        requireRoot();
        try (Sandbox s = Sandbox.openFree(Sandbox.Limits.defaults(), true)) {
            assertThat(s.isolation()).isEqualTo(Sandbox.Isolation.UID);
            assertThat(s.uid()).isEqualTo(Sandbox.FIRST_UID + s.slot());
            assertThat(s.describe())
                    .startsWith("uid fallback (fallback forced)")
                    .contains("uid " + (Sandbox.FIRST_UID + s.slot()) + ",");
            escapeesDie(s);
        }
    }

    @Test
    @DisplayName("uid fallback: what the submission left in /tmp, /var/tmp and /dev/shm is deleted on close")
    void fallbackRemovesTempLeftovers() throws Exception {
        requireRoot();
        String mark = "optikata-left-" + ThreadLocalRandom.current().nextLong(Long.MAX_VALUE);
        List<Path> left = List.of(Path.of("/tmp", mark), Path.of("/var/tmp", mark), Path.of("/dev/shm", mark));
        Path others = Files.createTempFile(Path.of("/tmp"), "optikata-not-the-sandbox-", ".txt");
        Path canary = Files.createTempDirectory("optikata-canary-");
        Files.writeString(canary.resolve("keep.txt"), "keep");
        try (Sandbox s = Sandbox.openFree(Sandbox.Limits.defaults(), true)) {
            StringBuilder script = new StringBuilder();
            for (Path p : left) {
                if (Files.isDirectory(p.getParent())) {
                    script.append("mkdir -p ")
                            .append(p)
                            .append("/d && echo x > ")
                            .append(p)
                            .append("/d/f && ln -s ")
                            .append(canary)
                            .append(' ')
                            .append(p)
                            .append("/link; ");
                }
            }
            script.append("echo done");
            assertThat(run(s, work(s), SHELL, script.toString())).endsWith("done\n");
            assertThat(Path.of("/tmp", mark, "d", "f")).exists();
        }
        for (Path p : left) {
            assertThat(Files.exists(p, LinkOption.NOFOLLOW_LINKS))
                    .as("%s after close", p)
                    .isFalse();
        }
        assertThat(others).as("another user's file in /tmp").exists();
        assertThat(canary.resolve("keep.txt"))
                .as("the target of a link the submission left")
                .hasContent("keep");
        Files.delete(others);
        SafeFiles.deleteTree(canary);
    }

    @Test
    @DisplayName(
            "uid fallback: the System V shared memory, queues and semaphores the submission made are removed on close")
    @SuppressWarnings("try") // closed inside the block on purpose, to look at what close removed
    void fallbackRemovesIpc() throws Exception {
        requireRoot();
        try (Sandbox s = Sandbox.openFree(Sandbox.Limits.defaults(), true)) {
            assertThat(run(s, work(s), SHELL, "ipcmk -M 4096 && ipcmk -Q && ipcmk -S 1 && echo made"))
                    .endsWith("made\n");
            for (String kind : List.of("shm", "msg", "sem")) {
                assertThat(Sandbox.ipcOwnedBy(kind, s.uid()))
                        .as("%s of uid %d before close", kind, s.uid())
                        .hasSize(1);
            }
            s.close();
            for (String kind : List.of("shm", "msg", "sem")) {
                assertThat(Sandbox.ipcOwnedBy(kind, s.uid()))
                        .as("%s of uid %d after close", kind, s.uid())
                        .isEmpty();
            }
        }
    }

    @Test
    @DisplayName("uid fallback: a process that forks a copy of itself and exits every 10 ms is dead after close")
    @SuppressWarnings("try") // closed inside the block on purpose, to look at what close left
    void fallbackKillsAHopper() throws Exception {
        requireRoot();
        try (Sandbox s = Sandbox.openFree(Sandbox.Limits.defaults(), true)) {
            Process p = s.start(
                    List.of("/bin/bash", "-c", "h() { sleep 0.01; h & exit 0; }; h & sleep 0.3; exit 0"),
                    work(s),
                    SHELL,
                    ENV);
            p.waitFor();
            s.close();
            for (int i = 0; i < 20; i++) {
                assertThat(Sandbox.processesOf(s.uid()))
                        .as("processes of uid %d after close (scan %d)", s.uid(), i)
                        .isEmpty();
                Thread.sleep(50);
            }
        }
    }

    @Test
    @DisplayName(
            "uid fallback: what the uid leaves in any folder every user may write into (/run/lock, nested ones) is removed on close")
    @SuppressWarnings("try") // closed inside the block on purpose, to look at what close removed
    void fallbackRemovesLeftoversEverywhere() throws Exception {
        requireRoot();
        String mark = "optikata-left-" + Long.toHexString(System.nanoTime());
        Path nested = Files.createTempDirectory("optikata-open-");
        Files.setPosixFilePermissions(nested, PosixFilePermissions.fromString("rwxrwxrwx"));
        try (Sandbox s = Sandbox.openFree(Sandbox.Limits.defaults(), true)) {
            assertThat(Sandbox.worldWritable()).contains(Path.of("/tmp"));
            String script = "for d in /tmp /var/tmp /dev/shm /run/lock " + nested + "; do "
                    + "[ -w $d ] && mkdir -p $d/" + mark + "/deep && echo x > $d/" + mark + "/deep/f && echo wrote $d; "
                    + "done; echo x > " + nested + "/" + mark + ".file";
            assertThat(run(s, work(s), SHELL, script)).contains("wrote /tmp").contains("wrote " + nested);
            s.close();
            for (String d : List.of("/tmp", "/var/tmp", "/dev/shm", "/run/lock", nested.toString())) {
                assertThat(Path.of(d, mark)).as("left in " + d).doesNotExist();
            }
            assertThat(nested.resolve(mark + ".file")).doesNotExist();
        } finally {
            SafeFiles.deleteTree(nested);
        }
    }

    @Test
    @DisplayName(
            "uid fallback: a file any user may read is found as the sandbox's uid; behind a private folder it is not")
    void fallbackFindsReadableSecrets() throws Exception {
        requireRoot();
        Path dir = Files.createTempDirectory("optikata-secret-");
        try (Sandbox s = Sandbox.openFree(Sandbox.Limits.defaults(), true)) {
            Path secret = Files.writeString(dir.resolve("answers.txt"), "42\n");
            Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("rw-r--r--"));
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
            assertThat(s.readableSecrets(List.of(dir))).containsExactly(secret);
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
            assertThat(s.readableSecrets(List.of(dir))).isEmpty();
        } finally {
            SafeFiles.deleteTree(dir);
        }
    }

    @Test
    @DisplayName("uid fallback: another slot can neither list nor read a slot's scratch; the slot itself can read it")
    void fallbackScratchIsPrivateToItsSlot() throws Exception {
        requireRoot();
        try (Sandbox a = Sandbox.openFree(Sandbox.Limits.defaults(), true);
                Sandbox b = Sandbox.openFree(Sandbox.Limits.defaults(), true)) {
            Path scratch = a.newScratch();
            scratches.add(scratch);
            Path books = Files.createDirectories(scratch.resolve("books"));
            ChildSetup.openTree(books);
            Path book = Files.writeString(books.resolve("Hidden.class"), "secret");
            book.toFile().setReadable(true, false);
            Path workA = a.newWorkDir(scratch, "work");
            assertThat(run(a, workA, SHELL, "cat " + book)).isEqualTo("secret");
            String seen = run(b, work(b), SHELL, "cat " + book + " 2>&1; ls " + scratch + " 2>&1; echo end");
            assertThat(seen)
                    .doesNotContain("secret")
                    .contains("cannot open directory")
                    .contains("Permission denied");
        }
    }

    @Test
    @DisplayName(
            "uid fallback: 127.0.0.1 is closed to the sandbox's uid where an nftables or iptables rule can be set, and the line says which")
    void fallbackNetwork() throws Exception {
        requireRoot();
        try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getByAddress(new byte[] {127, 0, 0, 1}));
                Sandbox s = Sandbox.openFree(Sandbox.Limits.defaults(), true)) {
            String probe = "if (echo > /dev/tcp/127.0.0.1/" + server.getLocalPort()
                    + ") 2>/dev/null; then echo CONNECTED; else echo UNREACHABLE; fi";
            String inside = run(s, work(s), SHELL, probe).strip();
            if (Sandbox.guardNetwork() == null) {
                System.out.println("SandboxTest: no nftables/iptables rule could be set here: the line must say so");
                assertThat(s.describe()).contains("network shared with the machine");
            } else {
                assertThat(s.describe()).contains("IP network closed to the sandbox uids");
                assertThat(inside)
                        .as("a connection to 127.0.0.1 from the sandbox's uid")
                        .isEqualTo("UNREACHABLE");
            }
        }
    }

    @Test
    @DisplayName("not root: the forced fallback is NONE and says so loudly; its process group still dies")
    void notRootFallbackIsNone() throws Exception {
        assumeTrue(!root(), "this is root: the uid fallback is checked instead");
        try (Sandbox s = Sandbox.openFree(Sandbox.Limits.defaults(), true)) {
            assertThat(s.isolation()).isEqualTo(Sandbox.Isolation.NONE);
            assertThat(s.describe()).startsWith("NO ISOLATION");
        }
    }

    @Test
    @DisplayName(
            "namespace: its /tmp is a tmpfs of 64 MB, so writing 80 MB there fails instead of filling the machine's memory")
    void namespaceTmpIsSized() throws Exception {
        requireNamespace();
        try (Sandbox s = Sandbox.openFree(Sandbox.Limits.defaults(), false)) {
            String out = run(
                    s,
                    work(s),
                    SHELL,
                    "head -c 41943040 /dev/zero > /tmp/a 2>/dev/null; head -c 41943040 /dev/zero > /tmp/b 2>/dev/null;"
                            + " echo rc=$?; echo MB=$(du -sm /tmp | cut -f1)");
            assertThat(out).as("the second 40 MB file").doesNotContain("rc=0");
            assertThat(Integer.parseInt(out.replaceAll("(?s).*MB=(\\d+).*", "$1")))
                    .as("MB written to the namespace's /tmp (du rounds up): " + out)
                    .isLessThanOrEqualTo((int) (Sandbox.NAMESPACE_TMP_BYTES / (1024 * 1024)) + 1);
            assertThat(s.describe()).contains("tmpfs of 64 MB");
        }
    }

    @Test
    @DisplayName("namespace: 127.0.0.1 is unreachable from inside, though it is reachable from outside")
    void namespaceHasNoNetwork() throws Exception {
        requireNamespace();
        try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getByAddress(new byte[] {127, 0, 0, 1}))) {
            String probe = "if (echo > /dev/tcp/127.0.0.1/" + server.getLocalPort()
                    + ") 2>/dev/null; then echo CONNECTED; else echo UNREACHABLE; fi";
            Process outside = new ProcessBuilder("/bin/bash", "-c", probe)
                    .redirectErrorStream(true)
                    .start();
            String control = new String(outside.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            outside.waitFor();
            assertThat(control).as("the same probe outside the sandbox").contains("CONNECTED");
            try (Sandbox s = Sandbox.openFree(Sandbox.Limits.defaults(), false)) {
                assertThat(run(s, work(s), SHELL, probe))
                        .contains("UNREACHABLE")
                        .doesNotContain("CONNECTED");
            }
        }
    }

    @Test
    @DisplayName("namespace: /tmp is private both ways")
    void namespaceHasPrivateTmp() throws Exception {
        requireNamespace();
        Path hostFile = Files.createTempFile(Path.of("/tmp"), "optikata-sandbox-host-", ".txt");
        Path innerFile = Path.of(
                "/tmp", "optikata-sandbox-inner-" + ThreadLocalRandom.current().nextLong(Long.MAX_VALUE));
        try (Sandbox s = Sandbox.openFree(Sandbox.Limits.defaults(), false)) {
            assertThat(Files.exists(hostFile)).isTrue();
            String out = run(
                    s,
                    work(s),
                    SHELL,
                    "test -e " + hostFile + " && echo VISIBLE || echo INVISIBLE; " + "echo x > " + innerFile
                            + " && echo WROTE");
            assertThat(out.lines().toList()).containsExactly("INVISIBLE", "WROTE");
            assertThat(innerFile).doesNotExist();
        } finally {
            Files.deleteIfExists(hostFile);
        }
    }

    @Test
    @DisplayName("namespace: /proc shows only the sandbox's own processes")
    void namespaceHasOwnProc() throws Exception {
        requireNamespace();
        String self = Files.readString(Path.of("/proc/self/comm")).trim();
        assertThat(self).as("this test's own process, seen in the host /proc").isEqualTo("java");
        try (Sandbox s = Sandbox.openFree(Sandbox.Limits.defaults(), false)) {
            String out = run(s, work(s), SHELL, "for f in /proc/[0-9]*/comm; do cat $f; done");
            Set<String> names = new TreeSet<>(
                    out.lines().map(String::trim).filter(l -> !l.isEmpty()).toList());
            assertThat(names)
                    .as("process names visible inside")
                    .doesNotContain("java")
                    .isSubsetOf("bwrap", "bash", "cat");
            assertThat(out.lines().count()).isLessThanOrEqualTo(4);
        }
    }

    @Test
    @DisplayName("namespace: runs as the slot's uid, two slots get different uids, never root")
    void namespaceUidPerSlot() throws Exception {
        requireNamespace();
        try (Sandbox a = Sandbox.openFree(Sandbox.Limits.defaults(), false);
                Sandbox b = Sandbox.openFree(Sandbox.Limits.defaults(), false)) {
            String ua = run(a, work(a), SHELL, "id -u; id -g; id -G").trim();
            String ub = run(b, work(b), SHELL, "id -u").trim();
            assertThat(ua).isNotEqualTo(ub);
            assertThat(ua.lines().toList()).doesNotContain("0");
            if (root()) {
                String expected = String.valueOf(Sandbox.FIRST_UID + a.slot());
                assertThat(ua.lines().toList()).containsExactly(expected, expected, expected);
                assertThat(ub).isEqualTo(String.valueOf(Sandbox.FIRST_UID + b.slot()));
                assertThat(a.describe()).startsWith("namespace (bubblewrap)").contains("uid " + expected + ";");
            }
        }
    }

    @Test
    @DisplayName("a slot cannot be opened twice at once")
    void slotIsExclusive() throws Exception {
        int slot;
        try (Sandbox a = Sandbox.openFree(Sandbox.Limits.defaults(), true)) {
            slot = a.slot();
            Assertions.assertThatThrownBy(() -> Sandbox.open(slot, Sandbox.Limits.defaults(), true))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("slot: " + slot + " (already open");
        }
        Sandbox.open(slot, Sandbox.Limits.defaults(), true).close();
    }

    @Test
    @DisplayName("a slot held by another grader process on this machine is not opened, and openFree takes another")
    void slotHeldByAnotherProcess() throws Exception {
        requireRoot();
        int slot;
        try (Sandbox free = Sandbox.openFree(Sandbox.Limits.defaults(), true)) {
            slot = free.slot();
        }
        Path holder = tmp.resolve("Holder.java");
        Files.writeString(
                holder,
                String.join(
                        "\n",
                        "import java.nio.channels.FileChannel; import java.nio.file.*;",
                        "public class Holder { public static void main(String[] a) throws Exception {",
                        "  try (FileChannel c = FileChannel.open(Path.of(a[0]), StandardOpenOption.WRITE); var l = c.lock()) {",
                        "    System.out.println(\"locked\"); System.out.flush(); System.in.read(); } } }"));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process other = new ProcessBuilder(
                        java,
                        holder.toString(),
                        Sandbox.lockDir().resolve(slot + ".lock").toString())
                .start();
        try {
            assertThat(new String(other.getInputStream().readNBytes(7), StandardCharsets.UTF_8))
                    .isEqualTo("locked\n");
            Assertions.assertThatThrownBy(() -> Sandbox.open(slot, Sandbox.Limits.defaults(), true))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("in use by another grader");
            try (Sandbox s = Sandbox.openFree(Sandbox.Limits.defaults(), true)) {
                assertThat(s.slot()).isNotEqualTo(slot);
            }
        } finally {
            other.getOutputStream().close();
            other.waitFor(20, TimeUnit.SECONDS);
            other.destroyForcibly();
        }
        Sandbox.open(slot, Sandbox.Limits.defaults(), true).close();
    }

    @Test
    @DisplayName("namespace: only the work folder is writable")
    void namespaceWritesOnlyWork() throws Exception {
        requireNamespace();
        Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path shared = Files.createDirectories(tmp.resolve("shared"));
        Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rwxrwxrwx"));
        try (Sandbox s = Sandbox.openFree(Sandbox.Limits.defaults(), false)) {
            Path work = work(s);
            String out = run(
                    s,
                    work,
                    List.of(Path.of("/usr"), shared),
                    String.join(
                            "; ",
                            "touch " + work + "/ok && echo WORK-OK",
                            "touch " + shared + "/x 2>/dev/null && echo SHARED-WRITTEN",
                            "touch /usr/x 2>/dev/null && echo USR-WRITTEN",
                            "touch /x 2>/dev/null && echo ROOT-WRITTEN",
                            "touch " + System.getProperty("java.home") + "/x 2>/dev/null && echo JDK-WRITTEN"));
            assertThat(out).contains("WORK-OK").doesNotContain("WRITTEN");
            assertThat(work.resolve("ok")).exists();
            assertThat(shared.resolve("x")).doesNotExist();
        }
    }

    @Test
    @DisplayName("the limits are set on every process, in both modes")
    void limitsApply() throws Exception {
        Sandbox.Limits limits = new Sandbox.Limits(64, 700, 5, 200);
        List<Boolean> modes = new ArrayList<>(List.of(true));
        if (Sandbox.namespaceAvailable()) {
            modes.add(false);
        }
        for (boolean fallback : modes) {
            try (Sandbox s = Sandbox.openFree(limits, fallback)) {
                String out = run(
                        s,
                        work(s),
                        SHELL,
                        "cat /proc/self/limits; head -c 6000000 /dev/zero > big 2>/dev/null; stat -c 'size %s' big");
                if (root()) {
                    assertThat(out).containsPattern("Max processes\\s+64\\s+64");
                }
                assertThat(out)
                        .containsPattern("Max data size\\s+" + 700L * 1024 * 1024 + "\\s+" + 700L * 1024 * 1024)
                        .containsPattern("Max open files\\s+200\\s+200")
                        .contains("size " + 5 * 1024 * 1024);
            }
        }
    }

    @Test
    @DisplayName("memory: a child JVM's whole heap, touched, fits the grade's limits; a limit below the heap stops it")
    void memoryLimitFitsTheHeapAndBites() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        GradeOptions options = GradeOptions.defaults();
        List<String> fullHeap = List.of(
                java,
                "-Xms" + options.heapMb() + "m",
                "-Xmx" + options.heapMb() + "m",
                "-XX:+AlwaysPreTouch",
                "-XX:TieredStopAtLevel=1",
                "-version");
        List<Boolean> modes = new ArrayList<>(List.of(true));
        if (Sandbox.namespaceAvailable()) {
            modes.add(false);
        }
        for (boolean fallback : modes) {
            for (Sandbox.Limits limits :
                    List.of(options.sandboxLimits(), new Sandbox.Limits(256, options.heapMb() / 2, 64, 1024))) {
                try (Sandbox s = Sandbox.openFree(limits, fallback)) {
                    Process p = s.start(fullHeap, work(s), List.of(), Map.of());
                    p.getOutputStream().close();
                    String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
                    p.getInputStream().readAllBytes();
                    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
                    if (limits.memoryMb() > options.heapMb()) {
                        assertThat(p.exitValue())
                                .as("%s with %d MB: %s", s.isolation(), limits.memoryMb(), err)
                                .isZero();
                    } else {
                        assertThat(p.exitValue())
                                .as("%s with %d MB", s.isolation(), limits.memoryMb())
                                .isNotZero();
                    }
                }
            }
        }
    }

    @Test
    @DisplayName("a JVM starts in the namespace with only the JDK bound")
    void javaRunsInNamespace() throws Exception {
        requireNamespace();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        try (Sandbox s = Sandbox.openFree(Sandbox.Limits.defaults(), false)) {
            Path work = work(s);
            long t0 = System.nanoTime();
            Process p = s.start(List.of(java, "-Xshare:auto", "-version"), work, List.of(), Map.of());
            String out = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
            long inside = System.nanoTime() - t0;
            assertThat(p.exitValue()).as(out).isZero();
            assertThat(out).contains("version \"");
            t0 = System.nanoTime();
            Process plain = new ProcessBuilder(java, "-Xshare:auto", "-version")
                    .redirectErrorStream(true)
                    .start();
            plain.getInputStream().readAllBytes();
            plain.waitFor();
            long outside = System.nanoTime() - t0;
            System.out.printf(
                    "SandboxTest: java -version took %d ms in the namespace, %d ms outside%n",
                    inside / 1_000_000, outside / 1_000_000);
        }
    }

    @Test
    @DisplayName("namespace: javac compiles and java runs a learner's class; the grader's files stay invisible to it")
    void compileAndRunInNamespace() throws Exception {
        requireNamespace();
        Path secretDir = Files.createTempDirectory(Path.of("/tmp"), "optikata-instructor-");
        Files.setPosixFilePermissions(secretDir, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path secret = Files.writeString(secretDir.resolve("HiddenSpec.java"), "expected = 0.968");
        Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("rw-r--r--"));
        Path bin = Path.of(System.getProperty("java.home"), "bin");
        try (Sandbox s = Sandbox.openFree(Sandbox.Limits.defaults(), false)) {
            Path work = work(s);
            Path source = work.resolve("Learner.java");
            Files.writeString(
                    source,
                    String.join(
                            "\n",
                            "import java.nio.file.*;",
                            "public class Learner { public static void main(String[] a) throws Exception {",
                            "  System.out.println(\"hello from \" + ProcessHandle.current().pid());",
                            "  try { System.out.println(Files.readString(Path.of(a[0]))); } catch (java.io.IOException e) { System.out.println(\"cannot read: \" + e); }",
                            "} }"));
            if (root()) {
                Files.setAttribute(source, "unix:uid", s.uid(), LinkOption.NOFOLLOW_LINKS);
            }
            Process javac = s.start(
                    List.of(bin.resolve("javac").toString(), "-d", work.toString(), source.toString()),
                    work,
                    List.of(),
                    ENV);
            String compiled = new String(javac.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(javac.waitFor(120, TimeUnit.SECONDS)).isTrue();
            assertThat(javac.exitValue()).as(compiled).isZero();
            assertThat(work.resolve("Learner.class")).exists();
            Process java = s.start(
                    List.of(bin.resolve("java").toString(), "-cp", work.toString(), "Learner", secret.toString()),
                    work,
                    List.of(),
                    ENV);
            String out = new String(java.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(java.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(out)
                    .startsWith("hello from ")
                    .contains("cannot read: java.nio.file.NoSuchFileException")
                    .doesNotContain("0.968");
            Process outside = new ProcessBuilder(
                            bin.resolve("java").toString(), "-cp", work.toString(), "Learner", secret.toString())
                    .start();
            assertThat(new String(outside.getInputStream().readAllBytes(), StandardCharsets.UTF_8))
                    .as("the same class outside the sandbox")
                    .contains("0.968");
            outside.waitFor();
        } finally {
            SafeFiles.deleteTree(secretDir);
        }
    }

    @Test
    @DisplayName("a leftover process of a slot's uid is killed when the slot is opened again")
    @SuppressWarnings("try") // opening the slot is what the test watches; the sandbox itself goes unused
    void openStartsClean() throws Exception {
        requireRoot();
        String mark = String.valueOf(900_000 + ThreadLocalRandom.current().nextInt(90_000));
        int slot;
        try (Sandbox free = Sandbox.openFree(Sandbox.Limits.defaults(), true)) {
            slot = free.slot();
        }
        int uid = Sandbox.FIRST_UID + slot;
        Process stray = new ProcessBuilder(
                        "/usr/bin/setsid",
                        "/usr/bin/setpriv",
                        "--reuid=" + uid,
                        "--regid=" + uid,
                        "--clear-groups",
                        "--",
                        "/usr/bin/sleep",
                        mark)
                .start();
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (live("/usr/bin/sleep", mark).isEmpty() && System.nanoTime() < until) {
            Thread.sleep(10);
        }
        assertThat(live("/usr/bin/sleep", mark)).hasSize(1);
        try (Sandbox s = Sandbox.open(slot, Sandbox.Limits.defaults(), true)) {
            assertThat(live("/usr/bin/sleep", mark)).isEmpty();
        }
        stray.waitFor(5, TimeUnit.SECONDS);
    }

    @Test
    @DisplayName("a slot whose uid belongs to an account is refused, so its owner's processes are never killed")
    void accountUidsAreNotSlots() {
        assertThat(Sandbox.accountOf(0)).isEqualTo("root");
        assertThat(Sandbox.accountOf(Sandbox.FIRST_UID + Sandbox.MAX_SLOTS + 123))
                .isNull();
    }

    @Test
    @DisplayName("root is read from the real uid, as id -ru says")
    void realUidMatchesId() throws Exception {
        Process id = new ProcessBuilder("id", "-ru").start();
        String out = new String(id.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        id.waitFor();
        assertThat(Sandbox.realUid()).isEqualTo(Integer.parseInt(out));
    }
}
