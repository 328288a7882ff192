package optikata.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The sharded grading pipelines of docs/ci parse as YAML, and their parts agree: as many shards in the
 * matrix (or {@code parallel:}) as the {@code --shard i/N} arguments say, every shard's output folder
 * matched by what the merge job collects, the merge after the grading, the commands the ones this
 * build accepts, and the safety rules kept (the token only where learners' repositories are pulled,
 * their {@code .git} removed, grading as root with bubblewrap installed).
 */
final class CiFilesTest {
    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    static final Pattern OPTIKATA = Pattern.compile("optikata (grade [^\\n|;&]*)");

    static JsonNode read(String name) throws IOException {
        return YAML.readTree(Path.of("docs", "ci", name).toFile());
    }

    static String script(JsonNode job) {
        StringBuilder sb = new StringBuilder();
        if (job.has("steps")) {
            job.get("steps").forEach(s -> sb.append(s.path("run").asText("")).append('\n'));
        }
        if (job.has("script")) {
            job.get("script").forEach(s -> sb.append(s.asText()).append('\n'));
        }
        return sb.toString();
    }

    /** Every {@code optikata grade ...} command of a script, with variables replaced, parsed by this build's CLI. */
    static List<CommandLine.ParseResult> commands(String script, String... vars) {
        String s = script;
        for (int i = 0; i < vars.length; i += 2) {
            s = s.replace(vars[i], vars[i + 1]);
        }
        List<CommandLine.ParseResult> out = new ArrayList<>();
        Matcher m = OPTIKATA.matcher(s);
        while (m.find()) {
            String[] words = m.group(1).replace("\"", "").strip().split("\\s+");
            out.add(Main.commandLine().parseArgs(words));
        }
        return out;
    }

    static CommandLine.ParseResult leaf(CommandLine.ParseResult r) {
        while (r.hasSubcommand()) {
            r = r.subcommand();
        }
        return r;
    }

    static List<CommandLine.ParseResult> named(List<CommandLine.ParseResult> all, String name) {
        return all.stream()
                .filter(r -> leaf(r).commandSpec().name().equals(name))
                .toList();
    }

    static boolean matches(String glob, String path) {
        PathMatcher m = FileSystems.getDefault().getPathMatcher("glob:" + glob);
        return m.matches(Path.of(path));
    }

    @Test
    @DisplayName("GitHub Actions: a matrix of N shards grading i/N, each uploaded, one merge job collecting all N")
    void githubActions() throws IOException {
        JsonNode wf = read("github-actions.yml");
        int n = wf.path("env").path("SHARDS").asInt();
        JsonNode grade = wf.path("jobs").path("grade");
        List<Integer> matrix = StreamSupport.stream(
                        grade.path("strategy").path("matrix").path("shard").spliterator(), false)
                .map(JsonNode::asInt)
                .toList();
        assertThat(n).isGreaterThan(1);
        assertThat(matrix).as("the matrix lists shards 1..SHARDS").hasSize(n);
        for (int i = 1; i <= n; i++) {
            assertThat(matrix).contains(i);
        }
        JsonNode merge = wf.path("jobs").path("merge");
        assertThat(merge.path("needs").asText()).isEqualTo("grade");

        String gradeScript = script(grade);
        String upload = null;
        for (JsonNode step : grade.get("steps")) {
            if (step.path("uses").asText().startsWith("actions/upload-artifact")) {
                upload = step.path("with").path("name").asText();
            }
            if (step.path("run").asText().contains("optikata grade --cohort")) {
                assertThat(step.path("env").path("SHARD").asText()).isEqualTo("${{ matrix.shard }}");
                assertThat(step.path("env").has("TOKEN"))
                        .as("no token where learner code runs")
                        .isFalse();
                assertThat(step.path("run").asText()).startsWith("sudo ");
            }
        }
        assertThat(upload).isNotNull();
        String pattern = null;
        String into = null;
        for (JsonNode step : merge.get("steps")) {
            if (step.path("uses").asText().startsWith("actions/download-artifact")) {
                pattern = step.path("with").path("pattern").asText();
                into = step.path("with").path("path").asText();
            }
        }
        assertThat(pattern).isNotNull();
        List<String> shardDirs = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            String artifact = upload.replace("${{ matrix.shard }}", Integer.toString(i));
            assertThat(matches(pattern, artifact))
                    .as(artifact + " downloaded by " + pattern)
                    .isTrue();
            shardDirs.add(into + "/" + artifact);
            List<CommandLine.ParseResult> graded = named(
                    commands(gradeScript, "$SHARDS", Integer.toString(n), "$SHARD", Integer.toString(i)), "grade");
            assertThat(graded).hasSize(1);
            assertThat(leaf(graded.get(0)).matchedOptionValue("--shard", "")).isEqualTo(i + "/" + n);
            assertThat(leaf(graded.get(0)).matchedOptionValue("--cohort", (Path) null))
                    .isNotNull();
        }
        List<CommandLine.ParseResult> merges = named(commands(script(merge)), "merge");
        assertThat(merges).hasSize(1);
        List<Path> given = leaf(merges.get(0)).matchedPositionalValue(0, List.of());
        for (String d : shardDirs) {
            assertThat(given.stream().anyMatch(g -> matches(g.toString(), d)))
                    .as(d + " is merged")
                    .isTrue();
        }
        // the learners' repositories: pulled with the token in that step only, their .git removed
        assertThat(gradeScript).contains("rm -rf \"cohort/$name/.git\"").contains("apt-get install -y -qq bubblewrap");
        assertThat(wf.path("permissions").path("contents").asText()).isEqualTo("read");
    }

    @Test
    @DisplayName("GitLab: parallel: N shards grading CI_NODE_INDEX/CI_NODE_TOTAL, a merge stage after them")
    void gitlab() throws IOException {
        JsonNode ci = read("gitlab-ci.yml");
        JsonNode grade = ci.path("grade-cohort");
        int n = grade.path("parallel").asInt();
        assertThat(n).isGreaterThan(1);
        JsonNode merge = ci.path("merge-grades");
        List<String> stages = StreamSupport.stream(ci.path("stages").spliterator(), false)
                .map(JsonNode::asText)
                .toList();
        assertThat(stages.indexOf(grade.path("stage").asText()))
                .isGreaterThanOrEqualTo(0)
                .isLessThan(stages.indexOf(merge.path("stage").asText()));
        assertThat(merge.path("needs").toString()).contains("grade-cohort");
        String artifacts = grade.path("artifacts").path("paths").get(0).asText();
        String gradeScript = script(grade);
        List<String> outs = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            List<CommandLine.ParseResult> graded = named(
                    commands(gradeScript, "$CI_NODE_INDEX", Integer.toString(i), "$CI_NODE_TOTAL", Integer.toString(n)),
                    "grade");
            assertThat(graded).hasSize(1);
            CommandLine.ParseResult g = leaf(graded.get(0));
            assertThat(g.matchedOptionValue("--shard", "")).isEqualTo(i + "/" + n);
            String out = g.matchedOptionValue("--out", (Path) null).toString();
            assertThat(matches(artifacts.replaceAll("/$", ""), out))
                    .as(out + " kept as an artifact")
                    .isTrue();
            outs.add(out);
        }
        List<CommandLine.ParseResult> merges = named(commands(script(merge)), "merge");
        assertThat(merges).hasSize(1);
        List<Path> given = leaf(merges.get(0)).matchedPositionalValue(0, List.of());
        for (String d : outs) {
            assertThat(given.stream().anyMatch(g -> matches(g.toString(), d)))
                    .as(d + " is merged")
                    .isTrue();
        }
        assertThat(gradeScript)
                .contains("env -u LEARNER_REPOS_TOKEN ./optikata grade")
                .contains("rm -rf \"cohort/$name/.git\"")
                .contains("apt-get install -y -qq bubblewrap");
    }
}
