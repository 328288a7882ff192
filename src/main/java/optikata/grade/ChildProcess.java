package optikata.grade;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Starts the processes that run a submission's code and ends every one of them afterwards. As
 * root it drops to the unprivileged user {@code nobody} with setpriv; otherwise it runs as the
 * current user. (The isolation layer with namespaces and a user per submission replaces this.)
 */
final class ChildProcess implements AutoCloseable {
    private final boolean dropRoot;
    private final List<Process> started = new ArrayList<>();

    ChildProcess(boolean sandbox) {
        this.dropRoot = sandbox && Grader.isRoot() && Files.isExecutable(Path.of("/usr/bin/setpriv"));
    }

    Process start(List<String> command, Path workDir, List<Path> readOnly, Map<String, String> env) throws IOException {
        List<String> full = new ArrayList<>();
        if (dropRoot) {
            full.addAll(List.of("/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", "--"));
        }
        full.addAll(command);
        ProcessBuilder pb = new ProcessBuilder(full).directory(workDir.toFile());
        pb.environment().clear();
        pb.environment().putAll(env);
        Process p = pb.start();
        started.add(p);
        return p;
    }

    String describe() {
        return dropRoot ? "child JVM as user nobody (setpriv)" : "child JVM as the current user (not root, so no user to drop to)";
    }

    @Override
    public void close() {
        for (Process p : started) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        }
    }
}
