package optikata.kata;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import optikata.support.Slow;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The mutant-feedback benchmark: hand-written learner mistakes ({@code src/kata/benchmark/}, see its
 * README) are put one at a time into a copy of the solutions and graded with the public and hidden
 * specs by {@link KataRun}. A mistake is <b>caught</b> when some spec does not pass, and <b>named</b>
 * when the failure messages contain one of its keywords (case-insensitive), not counting the lines
 * that every failure prints (the formula, the input, the expected and the actual numbers).
 *
 * <p>The thresholds are the rates the specs reach today; raise them as the specs and the diagnosis
 * improve (the goal is every mistake caught and at least 90 % named).
 */
@Slow
class MistakeBenchmarkTest {
    /** At least this share (in %) of the benchmark's mistakes must lose points (measured: 144 of 144 with 09's sixteen; 104 of 128 with the specs before the case format). */
    static final double MIN_CAUGHT_PERCENT = 100.0;
    /**
     * At least this share (in %) must get feedback that names or describes the mistake (measured: 122 of 144 with the
     * same slip made everywhere and the operators added after a held-out set; before them 119 of 144, 09's
     * sixteen and 103 of the first eight exercises' 128; before 09, 102 of 128 since a cause is named only when a
     * program reproduces every case; 118 of 128 before, 72 of them with a wrong cause beside; 24 before the case
     * format).
     */
    static final double MIN_NAMED_PERCENT = 83.0;
    /** At most this many mistakes may get feedback that states a cause that is not theirs (measured: 0 of 144; 72 of 128 before causes had to be proven). */
    static final long MAX_MISNAMED = 0;
    /** Every exercise has at least this many mistakes, at least two thirds of them outside the catalogue. */
    static final int MIN_MISTAKES_PER_EXERCISE = 15;
    /** Seconds each spec may run before it counts as failed (a mistake may loop forever). */
    static final int SPEC_TIMEOUT_SECONDS = 30;

    static final KataLayout LAYOUT = new KataLayout(Path.of(System.getProperty("user.dir")));
    static final Path BENCHMARK = LAYOUT.root().resolve("src").resolve("kata").resolve("benchmark");
    /** Lines every failure prints whatever the mistake: they do not name anything. */
    static final List<String> NEUTRAL_LINE_PREFIXES = List.of("formula:", "input:", "expected:", "actual:");

    /**
     * Words that state a cause rather than an observation ("η applied twice", "one step behind", "a loop runs past
     * the end of an array"): a line of feedback holding one states a cause, and so does every line naming a
     * mistake ("likely mistake"). The list is fixed, the same for every version of the engine, so that misnamed is
     * measured alike before and after a change.
     */
    static final List<String> CAUSE_PHRASES = List.of(
            "likely mistake",
            "applied twice",
            "too many",
            "is missing",
            "is not applied",
            "one step behind",
            "off by one",
            "one step too",
            "a count one too",
            "swapped",
            "wrong variable",
            "is not updated",
            "goes the wrong way",
            "sign is flipped",
            "divided by the step count",
            "is inverted",
            "outside the division",
            "precedence",
            "as if ",
            "never reached it",
            "stale state",
            "does the loop",
            "the loop stops",
            "write every entry",
            "a cast to int",
            "integer division",
            "done in float",
            "a small term is off",
            "nothing divided it",
            "instead of √s",
            "taken twice",
            "puts ε elsewhere",
            "check where ε goes",
            "division by zero",
            "runs past the end",
            "calls itself",
            "grows without bound",
            "something is still null",
            "loop that never ends",
            "look at what is carried",
            "where the formula normalises",
            "shared state written from several threads",
            "is shared between");

    /** One entry of {@code mistakes.json}. */
    record Mistake(
            String exercise, String id, String learner, String teacher, List<String> keywords, String catalogued) {}

    /** What the specs made of one mistake. */
    record Outcome(
            Mistake mistake,
            List<String> compileErrors,
            boolean caught,
            boolean named,
            List<String> wrongCauses,
            String feedback) {
        boolean compiled() {
            return compileErrors.isEmpty();
        }

        /** Whether the feedback states a cause that is not this mistake (a cause line without any of its keywords). */
        boolean misnamed() {
            return !wrongCauses.isEmpty();
        }
    }

    static List<Mistake> read(String exercise) throws IOException {
        Path json = BENCHMARK.resolve(exercise).resolve("mistakes.json");
        List<Mistake> out = new ArrayList<>();
        for (JsonNode n : new ObjectMapper().readTree(json.toFile())) {
            List<String> keywords = new ArrayList<>();
            n.path("keywords").forEach(k -> keywords.add(k.asText()));
            JsonNode cat = n.get("catalogued");
            out.add(new Mistake(
                    exercise,
                    n.path("id").asText(""),
                    n.path("learner").asText(""),
                    n.path("teacher").asText(""),
                    keywords,
                    cat == null || cat.isNull() ? null : cat.asText()));
        }
        return out;
    }

    /** The mistake's files, relative to its folder (the same paths as in the solution's src/). */
    static List<Path> files(Mistake m) {
        return KataLayout.javaFiles(BENCHMARK.resolve(m.exercise()).resolve(m.id()));
    }

    /** Stack frames ("at a.b.C.m(C.java:12)", "... 3 more") that a property test's report may quote. */
    static final Pattern STACK_FRAME = Pattern.compile("^(at [\\w.$<>/-]+\\(.*\\)|\\.\\.\\. \\d+ more)$");

    /** The feedback without the lines that every failure prints and without stack frames, lower-cased. */
    static String namingText(String feedback) {
        return feedback.lines()
                .map(l -> l.strip().toLowerCase(Locale.ROOT))
                .filter(l -> NEUTRAL_LINE_PREFIXES.stream().noneMatch(l::startsWith))
                .filter(l -> !STACK_FRAME.matcher(l).matches())
                .collect(Collectors.joining("\n"));
    }

    static Outcome grade(Mistake m, Path work) throws IOException {
        Path tree = work.resolve(m.id());
        Path src = KataLayout.sourceDir(LAYOUT.solutions(), m.exercise());
        Path target = KataLayout.sourceDir(tree, m.exercise());
        for (Path rel : KataLayout.javaFiles(src)) {
            Files.createDirectories(target.resolve(rel).getParent());
            Files.copy(src.resolve(rel), target.resolve(rel));
        }
        Path folder = BENCHMARK.resolve(m.exercise()).resolve(m.id());
        for (Path rel : files(m)) {
            Files.copy(folder.resolve(rel), target.resolve(rel), StandardCopyOption.REPLACE_EXISTING);
        }
        KataRun.Report r = KataRun.runInProcess(LAYOUT, tree, m.exercise(), true, SPEC_TIMEOUT_SECONDS);
        KataRun.deleteTree(tree);
        if (!r.compiled()) {
            return new Outcome(m, r.compileErrors(), false, false, List.of(), "");
        }
        List<SpecResult> failed = r.results().stream()
                .filter(s -> s.status() != SpecResult.Status.PASSED)
                .toList();
        String feedback = failed.stream().map(SpecResult::message).collect(Collectors.joining("\n"));
        String text = namingText(feedback);
        boolean named = m.keywords().stream().anyMatch(k -> text.contains(k.toLowerCase(Locale.ROOT)));
        return new Outcome(m, List.of(), !failed.isEmpty(), named, wrongCauses(m, text), feedback);
    }

    /** The lines of {@code text} (a naming text) that state a cause and hold none of the mistake's keywords. */
    static List<String> wrongCauses(Mistake m, String text) {
        // a named mistake's "what to change" belongs to its "likely mistake" line: one statement
        return text.replace("\nwhat to change:", " what to change:")
                .lines()
                .filter(l -> CAUSE_PHRASES.stream().anyMatch(l::contains))
                .filter(l -> m.keywords().stream().noneMatch(k -> l.contains(k.toLowerCase(Locale.ROOT))))
                .distinct()
                .toList();
    }

    @Test
    @DisplayName("the hand-written mistakes correspond to their folders, one to one, each with every field filled in")
    void layout() throws IOException {
        List<String> folders;
        try (Stream<Path> s = Files.list(BENCHMARK)) {
            folders = s.filter(Files::isDirectory)
                    .map(p -> p.getFileName().toString())
                    .sorted()
                    .toList();
        }
        assertThat(folders).as("one benchmark folder per exercise").isEqualTo(LAYOUT.names());
        for (String exercise : LAYOUT.names()) {
            List<Mistake> mistakes = read(exercise);
            List<String> ids = mistakes.stream().map(Mistake::id).toList();
            List<String> dirs;
            try (Stream<Path> s = Files.list(BENCHMARK.resolve(exercise))) {
                dirs = s.filter(Files::isDirectory)
                        .map(p -> p.getFileName().toString())
                        .sorted()
                        .toList();
            }
            assertThat(ids)
                    .as(exercise + ": mistakes.json ids vs folders")
                    .doesNotHaveDuplicates()
                    .containsExactlyInAnyOrderElementsOf(dirs);
            assertThat(mistakes)
                    .as(exercise + ": number of mistakes")
                    .hasSizeGreaterThanOrEqualTo(MIN_MISTAKES_PER_EXERCISE);
            long outside = mistakes.stream().filter(m -> m.catalogued() == null).count();
            assertThat(3 * outside)
                    .as(exercise + ": at least two thirds outside the catalogue (%d of %d)", outside, mistakes.size())
                    .isGreaterThanOrEqualTo(2L * mistakes.size());
            Path solution = KataLayout.sourceDir(LAYOUT.solutions(), exercise);
            List<Path> solutionFiles = KataLayout.javaFiles(solution);
            for (Mistake m : mistakes) {
                assertThat(m.id()).as(exercise + " id").matches("\\d\\d-[a-z0-9]+(-[a-z0-9]+)*");
                assertThat(m.learner()).as(m.id() + " learner").isNotBlank();
                assertThat(m.teacher()).as(m.id() + " teacher").isNotBlank();
                assertThat(m.keywords())
                        .as(m.id() + " keywords")
                        .isNotEmpty()
                        .allSatisfy(k -> assertThat(k).isNotBlank());
                List<Path> files = files(m);
                assertThat(files).as(m.id() + ": files").isNotEmpty();
                assertThat(solutionFiles)
                        .as(m.id() + ": every file replaces a solution file")
                        .containsAll(files);
                boolean differs = false;
                for (Path rel : files) {
                    differs |= !Files.readString(
                                    BENCHMARK.resolve(exercise).resolve(m.id()).resolve(rel))
                            .equals(Files.readString(solution.resolve(rel)));
                }
                assertThat(differs).as(m.id() + " differs from the solution").isTrue();
            }
        }
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.MINUTES)
    @DisplayName("every mistake compiles; the specs catch and name at least the declared share of them")
    void caughtAndNamed(@TempDir Path work) throws IOException {
        Map<String, List<Outcome>> byExercise = new LinkedHashMap<>();
        long start = System.nanoTime();
        for (String exercise : LAYOUT.names()) {
            List<Outcome> outcomes = new ArrayList<>();
            for (Mistake m : read(exercise)) {
                outcomes.add(grade(m, work));
            }
            byExercise.put(exercise, outcomes);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        String report = report(byExercise, seconds);
        System.out.println(report);
        Files.createDirectories(LAYOUT.root().resolve("target"));
        Files.writeString(LAYOUT.root().resolve("target").resolve("mistake-benchmark.txt"), report);
        Files.writeString(
                LAYOUT.root().resolve("target").resolve("mistake-benchmark-feedback.txt"), feedback(byExercise));

        List<Outcome> all = byExercise.values().stream().flatMap(List::stream).toList();
        assertThat(all)
                .as("mistakes that do not compile")
                .allSatisfy(o -> assertThat(o.compileErrors())
                        .as(o.mistake().exercise() + "/" + o.mistake().id())
                        .isEmpty());
        long caught = all.stream().filter(Outcome::caught).count();
        long named = all.stream().filter(Outcome::named).count();
        long misnamed = all.stream().filter(Outcome::misnamed).count();
        assertThat(100.0 * caught / all.size())
                .as("%% of mistakes caught (%d of %d)%n%s", caught, all.size(), report)
                .isGreaterThanOrEqualTo(MIN_CAUGHT_PERCENT);
        assertThat(100.0 * named / all.size())
                .as("%% of mistakes named (%d of %d)%n%s", named, all.size(), report)
                .isGreaterThanOrEqualTo(MIN_NAMED_PERCENT);
        assertThat(misnamed)
                .as(
                        "mistakes whose feedback states a cause that is not theirs (%d of %d)%n%s",
                        misnamed, all.size(), report)
                .isLessThanOrEqualTo(MAX_MISNAMED);
    }

    /** Every mistake's feedback and the keyword it matched, for whoever improves the specs. */
    static String feedback(Map<String, List<Outcome>> byExercise) {
        StringBuilder sb = new StringBuilder();
        for (List<Outcome> os : byExercise.values()) {
            for (Outcome o : os) {
                Mistake m = o.mistake();
                String text = namingText(o.feedback());
                String matched = m.keywords().stream()
                        .filter(k -> text.contains(k.toLowerCase(Locale.ROOT)))
                        .findFirst()
                        .orElse("none");
                sb.append("=== ")
                        .append(m.exercise())
                        .append('/')
                        .append(m.id())
                        .append(o.caught() ? "  caught" : "  NOT CAUGHT")
                        .append(", keyword matched: ")
                        .append(matched)
                        .append(o.misnamed() ? ", MISNAMED" : "")
                        .append('\n');
                for (String wrong : o.wrongCauses()) {
                    sb.append("a cause that is not this mistake: ")
                            .append(wrong)
                            .append('\n');
                }
                sb.append("learner: ").append(m.learner()).append('\n');
                sb.append(o.feedback().isEmpty() ? "(no feedback)" : o.feedback())
                        .append("\n\n");
            }
        }
        return sb.toString();
    }

    static String report(Map<String, List<Outcome>> byExercise, double seconds) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "Mistake benchmark (%.0f s)%n", seconds));
        sb.append(String.format(
                Locale.ROOT, "%-22s %8s %8s %8s %8s%n", "exercise", "mistakes", "caught", "named", "misnamed"));
        int n = 0;
        int c = 0;
        int nm = 0;
        int mis = 0;
        for (Map.Entry<String, List<Outcome>> e : byExercise.entrySet()) {
            List<Outcome> os = e.getValue();
            int caught = (int) os.stream().filter(Outcome::caught).count();
            int named = (int) os.stream().filter(Outcome::named).count();
            int misnamed = (int) os.stream().filter(Outcome::misnamed).count();
            sb.append(String.format(
                    Locale.ROOT,
                    "%-22s %8d %5d/%-3d %5d/%-3d %5d/%-3d%n",
                    e.getKey(),
                    os.size(),
                    caught,
                    os.size(),
                    named,
                    os.size(),
                    misnamed,
                    os.size()));
            n += os.size();
            c += caught;
            nm += named;
            mis += misnamed;
        }
        sb.append(String.format(
                Locale.ROOT,
                "%-22s %8d %5d/%-3d %5d/%-3d %5d/%-3d  (caught %.0f %%, named %.0f %%, misnamed %.0f %%)%n",
                "total",
                n,
                c,
                n,
                nm,
                n,
                mis,
                n,
                100.0 * c / n,
                100.0 * nm / n,
                100.0 * mis / n));
        sb.append(String.format(Locale.ROOT, "%nPer mistake (C = caught, N = named, M = misnamed):%n"));
        for (List<Outcome> os : byExercise.values()) {
            for (Outcome o : os) {
                String status = !o.compiled()
                        ? "does not compile: " + o.compileErrors().get(0)
                        : (o.caught() ? "C" : "-") + (o.named() ? "N" : "-") + (o.misnamed() ? "M" : "-");
                sb.append(String.format(
                        Locale.ROOT,
                        "  %-3s %s/%s%n",
                        status,
                        o.mistake().exercise(),
                        o.mistake().id()));
            }
        }
        return sb.toString();
    }
}
