package optikata.grade;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import optikata.kata.KataLayout;
import optikata.kata.ScratchKata;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a learner reads in a student release (its READMEs, hints, the formats page and the learner
 * commands' help) names no instructor command and no claim id, and points at no file the release
 * lacks; the tool's help opens with the learner's loop.
 */
class ReleaseTextTest {
    static final Pattern INSTRUCTOR = Pattern.compile(
            "optikata\\s+(grade|release|conformance|bench)\\b|--gradescope|--cohort|--github-classroom");
    static final Pattern CLAIM_ID = Pattern.compile("\\b[CL]\\d{2}\\b");
    static final Pattern LINK = Pattern.compile("\\]\\(([^)#\\s]+)");
    /** A path in backticks: a folder and a file of the kinds a learner would open. */
    static final Pattern PATH = Pattern.compile("`((?:\\.?[\\w.-]+/)+[\\w.-]+\\.(?:md|java))`");

    static final List<String> LEARNER_COMMANDS =
            List.of("next", "watch", "hint", "check", "list", "reset", "trace", "diagnose", "gradcheck");

    @TempDir
    Path dir;

    @Test
    @DisplayName("the release's learner texts: no instructor command, no claim id, no link to a missing file")
    void learnerTextsStandAlone() throws Exception {
        KataLayout instructor = ScratchKata.create(dir.resolve("checkout"));
        Files.createDirectories(instructor.root().resolve("docs"));
        Files.copy(
                ScratchKata.CHECKOUT.resolve("docs/FORMATS.md"),
                instructor.root().resolve("docs/FORMATS.md"));
        Path out = dir.resolve("release");
        Release.githubClassroom(instructor, LocalPassTest.toolJar(dir), out);
        KataLayout release = new KataLayout(out);

        Map<String, String> texts = new LinkedHashMap<>();
        try (Stream<Path> files = Files.walk(out)) {
            for (Path p : files.filter(f -> f.toString().endsWith(".md")
                            && !out.relativize(f).startsWith(".kata")
                            && !out.relativize(f).startsWith("lib"))
                    .sorted()
                    .toList()) {
                texts.put(out.relativize(p).toString(), Files.readString(p));
            }
        }
        assertThat(texts).containsKeys("README.md", "exercises/README.md", "docs/FORMATS.md");
        ScratchKata.Run help = ScratchKata.cli(release, "--help");
        texts.put("./optikata --help", help.out());
        for (String command : LEARNER_COMMANDS) {
            texts.put(
                    "./optikata " + command + " --help",
                    ScratchKata.cli(release, command, "--help").out());
        }

        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, String> t : texts.entrySet()) {
            Path base = t.getKey().startsWith("./optikata")
                    ? out
                    : out.resolve(t.getKey()).getParent();
            Matcher m = INSTRUCTOR.matcher(t.getValue());
            while (m.find()) {
                problems.add(t.getKey() + ": instructor command '" + m.group() + "'");
            }
            m = CLAIM_ID.matcher(t.getValue());
            while (m.find()) {
                problems.add(t.getKey() + ": claim id " + m.group());
            }
            for (Pattern p : List.of(LINK, PATH)) {
                m = p.matcher(t.getValue());
                while (m.find()) {
                    String target = m.group(1);
                    if (target.contains("://") || target.contains("NN")) {
                        continue;
                    }
                    if (!Files.exists(base.resolve(target)) && !Files.exists(out.resolve(target))) {
                        problems.add(t.getKey() + ": points at " + target + ", which the release lacks");
                    }
                }
            }
        }
        assertThat(problems).isEmpty();

        // the help opens with the learner's loop: its first command is next
        String commands = help.out().substring(help.out().indexOf("Commands:"));
        assertThat(commands.lines().skip(1).findFirst().orElse("").trim()).startsWith("next");
        assertThat(help.out()).contains("./optikata next").doesNotContain("Start with ./optikata claims");

        // javac's "variable config of type C" for a wrong accessor: check says what C is and names its accessors
        Path stub = KataLayout.sourceDir(release.exercises(), "04-epsilon-outside")
                .resolve("kata/epsilon/OutsideRmsProp.java");
        String text = Files.readString(stub);
        String wrong =
                text.replaceFirst("(protected void update\\([^)]*\\) \\{)", "$1\n        double lr = config.lr();");
        assertThat(wrong).isNotEqualTo(text);
        Files.writeString(stub, wrong);
        ScratchKata.Run check = ScratchKata.cli(release, "check", "04");
        assertThat(check.out())
                .contains("variable config of type C")
                .contains("(C is this exercise's Config record")
                .contains("config.learningRate(), config.decay(), config.epsilon()");
    }

    @Test
    @DisplayName("the text check finds what it looks for")
    void theCheckCanFail() {
        assertThat(INSTRUCTOR.matcher("run ./optikata grade --submission x").find())
                .isTrue();
        assertThat(CLAIM_ID.matcher("(claim C12)").find()).isTrue();
        Matcher m = PATH.matcher("see `docs/CLAIMS.md` and [x](../docs/GRADING.md)");
        assertThat(m.find()).isTrue();
        assertThat(m.group(1)).isEqualTo("docs/CLAIMS.md");
        Matcher l = LINK.matcher("[x](../docs/GRADING.md)");
        assertThat(l.find()).isTrue();
        assertThat(l.group(1)).isEqualTo("../docs/GRADING.md");
    }
}
