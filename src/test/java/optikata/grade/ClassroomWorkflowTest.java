package optikata.grade;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import optikata.kata.KataLayout;
import optikata.kata.ScratchKata;
import optikata.support.Slow;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The GitHub Classroom workflow reports and stays green while exercises fail: its steps' scripts run in
 * a release whose exercises are all stubs, each ends with 0, and the progress table is in the step
 * summary. The Maven step runs only with {@code -Doptikata.release.mvn=true} (a nested Maven build).
 */
@Slow
class ClassroomWorkflowTest {
    @TempDir
    Path dir;

    /** The workflow's steps that run a script: name → script (a YAML block or one line). */
    static Map<String, String> scripts(String workflow) {
        Map<String, String> out = new LinkedHashMap<>();
        List<String> lines = workflow.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).trim();
            if (!line.startsWith("- name: ") || i + 1 >= lines.size()) {
                continue;
            }
            String name = line.substring("- name: ".length());
            String run = lines.get(i + 1).trim();
            if (!run.startsWith("run:")) {
                continue;
            }
            String value = run.substring(4).trim();
            if (!value.equals("|")) {
                out.put(name, value);
                continue;
            }
            int indent =
                    lines.get(i + 2).length() - lines.get(i + 2).stripLeading().length();
            StringBuilder block = new StringBuilder();
            for (int j = i + 2; j < lines.size(); j++) {
                String l = lines.get(j);
                if (!l.isBlank() && l.length() - l.stripLeading().length() < indent) {
                    break;
                }
                block.append(l.length() >= indent ? l.substring(indent) : "").append('\n');
            }
            out.put(name, block.toString());
        }
        return out;
    }

    @Test
    @DisplayName("with every exercise failing, each step of the workflow ends with 0 and the summary holds the table")
    void greenWhileExercisesFail() throws Exception {
        KataLayout instructor = ScratchKata.create(dir.resolve("checkout"));
        Path out = dir.resolve("release");
        Release.githubClassroom(instructor, launchable(dir), out);
        String workflow = Files.readString(out.resolve(".github/workflows/kata.yml"));
        assertThat(workflow).contains("cache: maven").contains("-ntp").contains("GITHUB_STEP_SUMMARY");
        Map<String, String> steps = scripts(workflow);
        assertThat(steps).containsKeys("Progress (which exercises pass)", "Public specs");

        Path summary = dir.resolve("summary.md");
        Files.writeString(summary, "");
        String progress = run(out, steps.get("Progress (which exercises pass)"), summary);
        assertThat(progress).startsWith("0\n");
        String table = Files.readString(summary);
        assertThat(table)
                .contains("## Kata progress")
                .contains("0 of " + instructor.names().size() + " done");
        for (String ex : instructor.names()) {
            assertThat(table).contains(ex);
        }
        if (Boolean.getBoolean("optikata.release.mvn")) {
            String specs = run(out, steps.get("Public specs"), summary);
            assertThat(specs).startsWith("0\n").contains("Tests run:");
        }
    }

    /** Runs a step's script with bash -e, as GitHub's runner does; returns the exit code, a newline, the output. */
    static String run(Path dir, String script, Path summary) throws Exception {
        ProcessBuilder pb = new ProcessBuilder("bash", "-e", "-c", script)
                .directory(dir.toFile())
                .redirectErrorStream(true);
        pb.environment().put("GITHUB_STEP_SUMMARY", summary.toString());
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        Process p = pb.start();
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(10, TimeUnit.MINUTES)).isTrue();
        return p.exitValue() + "\n" + text;
    }

    /** The tool for {@code java -jar}: this JVM's class path in the manifest, and the command line as its main class. */
    static Path launchable(Path dir) throws Exception {
        Path plain = LocalPassTest.toolJar(dir.resolve("plain"));
        Manifest manifest;
        try (JarFile jar = new JarFile(plain.toFile())) {
            manifest = new Manifest(jar.getManifest());
        }
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, "optikata.cli.Main");
        Path jar = dir.resolve("optikata.jar");
        new JarOutputStream(Files.newOutputStream(jar), manifest).close();
        return jar;
    }

    @Test
    @DisplayName("the step reader takes one-line runs and blocks")
    void readsSteps() {
        Map<String, String> s = scripts("""
                steps:
                  - name: A
                    run: echo a
                  - name: B
                    run: |
                      echo b
                      echo c
                  - uses: x
                """);
        assertThat(s).containsExactly(Map.entry("A", "echo a"), Map.entry("B", "echo b\necho c\n"));
        assertThat(new ArrayList<>(s.keySet())).containsExactly("A", "B");
    }
}
