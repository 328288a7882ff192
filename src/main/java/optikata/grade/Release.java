package optikata.grade;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import optikata.kata.KataLayout;

/**
 * Writes what learners get (exercises with stubs and public specs, the library jar, a launcher and
 * a README; never solutions or hidden specs) and the Gradescope autograder bundle (which carries
 * the hidden specs, since only the instructor uploads it).
 */
public final class Release {
    private Release() {
    }

    static final String STUDENT_README = """
            # Optimizer kata

            Eight exercises, from one RMSProp step by hand to Adam and a debugged regression.
            You need a JDK 17 (`java -version`).

            1. Read `exercises/README.md`, then `exercises/01-one-step/README.md`.
            2. Fill in the stub in `exercises/01-one-step/src/`.
            3. Check your work:

            ```sh
            ./optikata check 01     # one exercise
            ./optikata check        # all of them
            ```

            A failing check prints the formula, what was expected, what your code produced, and the
            likely mistake. Other commands: `./optikata trace --help` (watch an optimizer step by step),
            `./optikata claims` (what the reference texts get right and wrong).
            """;

    static final String LAUNCHER = """
            #!/usr/bin/env bash
            # Runs the optikata tool shipped in lib/ with this folder as its home.
            set -euo pipefail
            here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
            command -v java >/dev/null 2>&1 || { echo "optikata: java is needed (JDK 17 or newer)" >&2; exit 1; }
            exec java -Djava.awt.headless=true -Doptikata.home="$here" -jar "$here/lib/optikata.jar" "$@"
            """;

    /** The student release in {@code out}. */
    public static void student(KataLayout layout, Path jar, Path out) throws IOException {
        requireJar(jar);
        if (Files.exists(out) && Files.list(out).findAny().isPresent()) {
            throw new IllegalArgumentException("Invalid release folder: " + out + " (not empty; give a new folder)");
        }
        Files.createDirectories(out);
        copyTree(layout.exercises(), out.resolve("exercises"));
        Files.createDirectories(out.resolve("lib"));
        Files.copy(jar, out.resolve("lib").resolve("optikata.jar"), StandardCopyOption.REPLACE_EXISTING);
        Files.writeString(out.resolve("README.md"), STUDENT_README, StandardCharsets.UTF_8);
        Path launcher = out.resolve("optikata");
        Files.writeString(launcher, LAUNCHER, StandardCharsets.UTF_8);
        executable(launcher);
    }

    /** The Gradescope autograder zip: setup.sh, run_autograder, the jar, the exercises and the hidden specs. */
    public static void gradescope(KataLayout layout, Path jar, Path zip) throws IOException {
        requireJar(jar);
        if (zip.getParent() != null) {
            Files.createDirectories(zip.getParent());
        }
        try (OutputStream os = Files.newOutputStream(zip); ZipOutputStream z = new ZipOutputStream(os)) {
            put(z, "setup.sh", """
                    #!/usr/bin/env bash
                    # Gradescope runs this once when it builds the autograder image.
                    set -euo pipefail
                    apt-get update
                    apt-get install -y --no-install-recommends openjdk-17-jdk-headless
                    """, true);
            put(z, "run_autograder", """
                    #!/usr/bin/env bash
                    # Gradescope runs this for every submission. The grader always writes a results file,
                    # even when nothing compiles, and exits 0 whenever it could grade.
                    set -uo pipefail
                    mkdir -p /autograder/results/optikata
                    java -Djava.awt.headless=true -Doptikata.home=/autograder/source -jar /autograder/source/lib/optikata.jar \\
                        grade --submission /autograder/submission --out /autograder/results/optikata
                    cp /autograder/results/optikata/results.json /autograder/results/results.json
                    """, true);
            z.putNextEntry(new ZipEntry("lib/optikata.jar"));
            Files.copy(jar, z);
            z.closeEntry();
            zipTree(z, layout.exercises(), "exercises/");
            zipTree(z, layout.hidden(), "src/kata/hidden/");
        }
    }

    private static void requireJar(Path jar) {
        if (jar == null || !Files.isRegularFile(jar)) {
            throw new IllegalArgumentException("Invalid tool jar: " + jar + " (build it first: ./optikata --help builds target/optikata.jar)");
        }
    }

    private static void put(ZipOutputStream z, String name, String text, boolean executable) throws IOException {
        ZipEntry e = new ZipEntry(name);
        z.putNextEntry(e);
        z.write(text.getBytes(StandardCharsets.UTF_8));
        z.closeEntry();
    }

    private static void zipTree(ZipOutputStream z, Path dir, String prefix) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.filter(Files::isRegularFile).sorted().toList()) {
                z.putNextEntry(new ZipEntry(prefix + dir.relativize(p).toString().replace('\\', '/')));
                Files.copy(p, z);
                z.closeEntry();
            }
        }
    }

    static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    private static void executable(Path p) throws IOException {
        try {
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
        } catch (UnsupportedOperationException ignored) {
            // not a POSIX file system
        }
    }
}
