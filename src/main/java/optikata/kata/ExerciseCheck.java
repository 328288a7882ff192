package optikata.kata;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import optikata.kata.spec.Case;

/**
 * Whether an exercise is sound, for the instructor who writes one: one rule per line, each held or not with what
 * is wrong. The stub compiles and fails every case; the solution passes every case; every item of the README's
 * "What the specs check" section has a case; there are hidden cases; no other exercise has its number; the
 * catalogue's patches still apply to the solution; the student release carries it; no TODO is left; and, when
 * asked, the mutation score ({@link Strength}).
 */
public final class ExerciseCheck {
    private ExerciseCheck() {}

    /** The README section whose items must each map to a case. */
    public static final String SECTION = "## What the specs check";

    /** One rule: held or not, with its lines of detail. */
    public record Rule(String name, boolean ok, List<String> details) {}

    /** Every rule of one exercise, and its mutation score when measured. */
    public record Report(String exercise, List<Rule> rules, Strength.Score strength) {
        public boolean ok() {
            return rules.stream().allMatch(Rule::ok);
        }
    }

    /** Checks {@code exercise}; with {@code mutants} also runs its generated mutants (a rule fails on a survivor). */
    public static Report check(KataLayout layout, String exercise, boolean mutants) {
        List<Rule> rules = new ArrayList<>();
        rules.add(safely("the number is the exercise's own", () -> number(layout, exercise)));
        rules.add(safely("instructions written (no TODO left)", () -> todos(layout, exercise)));
        rules.add(safely("the stub compiles and fails every case", () -> stub(layout, exercise)));
        rules.add(safely("the solution passes every case", () -> solution(layout, exercise)));
        rules.add(safely("every item of \"What the specs check\" has a case", () -> readme(layout, exercise)));
        rules.add(safely("hidden cases exist", () -> hidden(layout, exercise)));
        rules.add(safely("the catalogue's patches apply to the solution", () -> catalogue(layout, exercise)));
        rules.add(safely("the student release carries it", () -> release(layout, exercise)));
        Strength.Score score = null;
        if (mutants) {
            Strength.Score[] holder = new Strength.Score[1];
            rules.add(safely("every generated mutant is killed by a case", () -> {
                holder[0] = Strength.of(layout, exercise);
                Strength.Score s = holder[0];
                List<String> lines = Strength.lines(s);
                boolean ok = s.total() > 0 && s.survivors().stream().allMatch(Strength.Survivor::sameResults);
                if (s.total() == 0) {
                    lines.add(0, "no mutants: the solution has no statement to mutate yet");
                }
                return new Rule("", ok, lines);
            }));
            score = holder[0];
        }
        return new Report(exercise, rules, score);
    }

    /** The report as lines: ✓ or ✗ and the rule, then its details indented. */
    public static List<String> lines(Report r) {
        List<String> out = new ArrayList<>();
        out.add(r.exercise());
        for (Rule rule : r.rules()) {
            out.add("  " + (rule.ok() ? "✓ " : "✗ ") + rule.name());
            rule.details().forEach(d -> out.add("      " + d));
        }
        return out;
    }

    private interface Body {
        Rule run() throws Exception;
    }

    /** A rule that throws is a failed rule saying why, never a crash of the whole check. */
    private static Rule safely(String name, Body body) {
        try {
            Rule r = body.run();
            return new Rule(name, r.ok(), r.details());
        } catch (Exception | LinkageError e) {
            String m = e.getMessage() == null ? e.toString() : e.getMessage();
            List<String> lines = new ArrayList<>(List.of(m.split("\n")));
            return new Rule(name, false, lines.subList(0, Math.min(6, lines.size())));
        }
    }

    private static Rule number(KataLayout layout, String exercise) {
        String prefix = exercise.substring(0, 2);
        List<String> same = layout.names().stream()
                .filter(n -> !n.equals(exercise) && n.startsWith(prefix + "-"))
                .toList();
        return same.isEmpty()
                ? new Rule("", true, List.of())
                : new Rule("", false, List.of("number " + prefix + " is also " + String.join(", ", same)));
    }

    private static Rule todos(KataLayout layout, String exercise) throws IOException {
        List<String> left = new ArrayList<>();
        List<Path> files = new ArrayList<>();
        Path dir = layout.exercises().resolve(exercise);
        files.add(dir.resolve("README.md"));
        files.add(dir.resolve("hints.md"));
        KataLayout.javaFiles(KataLayout.sourceDir(layout.solutions(), exercise))
                .forEach(p -> files.add(
                        KataLayout.sourceDir(layout.solutions(), exercise).resolve(p)));
        KataLayout.javaFiles(layout.publicSpecDir(exercise))
                .forEach(p -> files.add(layout.publicSpecDir(exercise).resolve(p)));
        KataLayout.javaFiles(layout.hiddenSpecDir(exercise))
                .forEach(p -> files.add(layout.hiddenSpecDir(exercise).resolve(p)));
        for (Path f : files) {
            if (!Files.isRegularFile(f)) {
                left.add(layout.root().relativize(f) + " is missing");
                continue;
            }
            List<String> text = Files.readAllLines(f, StandardCharsets.UTF_8);
            int count = 0;
            for (String line : text) {
                if (line.contains("TODO")) {
                    count++;
                }
            }
            if (count > 0) {
                left.add(layout.root().relativize(f) + ": " + count + (count == 1 ? " TODO" : " TODOs"));
            }
        }
        return new Rule("", left.isEmpty(), left);
    }

    private static Rule stub(KataLayout layout, String exercise) throws IOException {
        KataRun.Report r = KataRun.run(layout, layout.exercises(), exercise, true, 10);
        if (!r.compiled()) {
            List<String> d = new ArrayList<>(List.of("the stub does not compile:"));
            r.compileErrors().stream().limit(4).forEach(d::add);
            return new Rule("", false, d);
        }
        if (r.results().isEmpty()) {
            return new Rule("", false, List.of("no case ran"));
        }
        List<String> passing = r.results().stream()
                .filter(s -> s.status() == SpecResult.Status.PASSED)
                .map(s -> "passes on the stub: " + s.name())
                .toList();
        if (!passing.isEmpty()) {
            return new Rule("", false, passing);
        }
        return new Rule(
                "",
                true,
                List.of(
                        r.notStarted()
                                ? "not started on all " + r.results().size() + " cases"
                                : "fails all " + r.results().size() + " cases"));
    }

    private static Rule solution(KataLayout layout, String exercise) throws IOException {
        KataRun.Report r = KataRun.runInProcess(layout, layout.solutions(), exercise, true, 30);
        if (!r.compiled()) {
            List<String> d = new ArrayList<>(List.of("the solution does not compile:"));
            r.compileErrors().stream().limit(4).forEach(d::add);
            return new Rule("", false, d);
        }
        List<String> failing = new ArrayList<>();
        for (SpecResult s : r.results()) {
            if (s.status() != SpecResult.Status.PASSED) {
                failing.add(s.spec() + ": " + s.name() + " — " + Judge.oneLine(s.message()));
            }
        }
        if (r.results().isEmpty()) {
            return new Rule("", false, List.of("no case ran"));
        }
        if (failing.isEmpty()) {
            return new Rule(
                    "", true, List.of(r.results().size() + " of " + r.results().size() + " cases pass"));
        }
        List<String> d = new ArrayList<>();
        d.add(failing.size() + " of " + r.results().size() + " cases fail on solutions/" + exercise + "/src:");
        failing.stream().limit(6).forEach(d::add);
        return new Rule("", false, d);
    }

    /** The items of the README's "What the specs check" section: its bullets, or its sentences when it has none. */
    public static List<String> items(String readme) {
        List<String> section = new ArrayList<>();
        boolean in = false;
        for (String line : readme.split("\n", -1)) {
            if (line.startsWith("## ")) {
                in = line.strip().equals(SECTION);
                continue;
            }
            if (in) {
                section.add(line);
            }
        }
        List<String> bullets = new ArrayList<>();
        for (String line : section) {
            if (line.startsWith("- ") || line.startsWith("* ")) {
                bullets.add(line.substring(2).strip());
            } else if (!bullets.isEmpty() && line.startsWith("  ") && !line.isBlank()) {
                bullets.set(bullets.size() - 1, bullets.get(bullets.size() - 1) + " " + line.strip());
            }
        }
        if (!bullets.isEmpty()) {
            return bullets;
        }
        List<String> sentences = new ArrayList<>();
        for (String s : String.join(" ", section).strip().split("(?<=[.!?])\\s+")) {
            if (!s.isBlank()) {
                sentences.add(s.strip());
            }
        }
        return sentences;
    }

    private static final Set<String> STOP = Set.of(
            "the", "and", "for", "with", "its", "into", "are", "not", "but", "one", "every", "each", "that", "this",
            "only", "also", "when", "where", "before", "after", "than", "from", "same", "does", "what", "which", "stay",
            "stays", "they", "their", "them", "still", "all", "any", "has", "have", "was", "were", "there", "here",
            "such", "like", "under", "over", "other", "another");

    /** The words of {@code text} that carry meaning: lower case, three letters or more (or Greek), no filler. */
    static Set<String> words(String text) {
        Set<String> out = new LinkedHashSet<>();
        Matcher m = Pattern.compile("[\\p{L}\\p{N}_]+").matcher(text.toLowerCase(Locale.ROOT));
        while (m.find()) {
            String w = m.group();
            boolean greek =
                    w.codePoints().anyMatch(c -> Character.UnicodeBlock.GREEK.equals(Character.UnicodeBlock.of(c)));
            if ((w.length() < 3 && !greek) || STOP.contains(w)) {
                continue;
            }
            out.add(stem(w));
        }
        return out;
    }

    private static String stem(String w) {
        for (String end : List.of("ing", "ed", "es", "s")) {
            if (w.length() > end.length() + 3 && w.endsWith(end)) {
                return w.substring(0, w.length() - end.length());
            }
        }
        return w;
    }

    /** The case whose title (with its formula and the names of the quantities it observes) shares the most meaningful words with {@code item}, or null below two. */
    static String bestCase(String item, List<Case> cases) {
        Set<String> want = words(item);
        String best = null;
        int bestShared = 1;
        for (Case c : cases) {
            Set<String> have = words(c.title() + " " + c.formula() + " "
                    + String.join(" ", c.meanings().keySet()));
            int shared = 0;
            for (String w : want) {
                if (have.contains(w)) {
                    shared++;
                }
            }
            if (shared > bestShared) {
                bestShared = shared;
                best = c.id();
            }
        }
        return best;
    }

    private static Rule readme(KataLayout layout, String exercise) throws IOException {
        Path readme = layout.exercises().resolve(exercise).resolve("README.md");
        if (!Files.isRegularFile(readme)) {
            return new Rule("", false, List.of("exercises/" + exercise + "/README.md is missing"));
        }
        String text = Files.readString(readme, StandardCharsets.UTF_8);
        if (!text.lines().anyMatch(l -> l.strip().equals(SECTION))) {
            return new Rule(
                    "",
                    false,
                    List.of("README.md has no \"" + SECTION.substring(3)
                            + "\" section: list there, one bullet each, what the cases check"));
        }
        List<String> items = items(text);
        if (items.isEmpty()) {
            return new Rule("", false, List.of("the section \"" + SECTION.substring(3) + "\" is empty"));
        }
        List<Case> cases = new ArrayList<>();
        Oracle.of(layout, exercise).books().forEach(b -> cases.addAll(b.cases().values()));
        List<String> details = new ArrayList<>();
        boolean ok = true;
        for (String item : items) {
            String found = bestCase(item, cases);
            String shown = item.length() > 70 ? item.substring(0, 69) + "…" : item;
            if (found == null) {
                ok = false;
                details.add("no case: \"" + shown + "\"");
            } else {
                details.add("\"" + shown + "\" → " + found);
            }
        }
        return new Rule("", ok, details);
    }

    private static Rule hidden(KataLayout layout, String exercise) {
        Exercise ex = layout.exercise(exercise);
        if (ex.hiddenSpecs().isEmpty()) {
            return new Rule(
                    "",
                    false,
                    List.of("no hidden spec in " + layout.root().relativize(layout.hiddenSpecDir(exercise))));
        }
        int n = 0;
        for (Oracle.BookInfo b : Oracle.of(layout, exercise).books()) {
            if (b.hidden()) {
                n += b.cases().size();
            }
        }
        return new Rule("", n > 0, List.of(n + (n == 1 ? " hidden case" : " hidden cases")));
    }

    private static Rule catalogue(KataLayout layout, String exercise) throws IOException {
        List<Catalogue.Mistake> mistakes = Catalogue.of(layout, exercise);
        if (mistakes.isEmpty()) {
            return new Rule(
                    "", true, List.of("no named mistakes (src/kata/catalogue/" + exercise + ".json is optional)"));
        }
        List<String> bad = new ArrayList<>();
        Path src = KataLayout.sourceDir(layout.solutions(), exercise);
        for (Catalogue.Mistake m : mistakes) {
            Path file = src.resolve(m.file());
            if (!Files.isRegularFile(file)) {
                bad.add(m.id() + ": no file " + m.file() + " in the solution");
                continue;
            }
            try {
                String text = Files.readString(file, StandardCharsets.UTF_8);
                if (m.apply(text).equals(text)) {
                    bad.add(m.id() + ": the patch changes nothing");
                }
            } catch (IllegalStateException e) {
                bad.add(e.getMessage());
            }
        }
        if (bad.isEmpty()) {
            return new Rule("", true, List.of(mistakes.size() + " of " + mistakes.size() + " patches apply"));
        }
        return new Rule("", false, bad);
    }

    /**
     * What a student release ships of the exercise, read where the release reads it (the git index, without
     * building a release): exercises/ as committed. Its README, stub and public specs must be committed, no hidden
     * spec may be among them, and exercises/README.md must list its number.
     */
    private static Rule release(KataLayout layout, String exercise) throws IOException {
        Shipped shipped = new Shipped(layout);
        if (!shipped.isGitCheckout()) {
            return new Rule(
                    "",
                    false,
                    List.of(
                            "not a git checkout: a release ships exercises/ as committed, so nothing would be shipped"));
        }
        Set<String> committed = new LinkedHashSet<>(shipped.committedFiles("exercises"));
        List<String> missing = new ArrayList<>();
        String base = "exercises/" + exercise + "/";
        List<String> wanted = new ArrayList<>(List.of(base + "README.md", base + "hints.md"));
        Exercise ex = layout.exercise(exercise);
        ex.sources().forEach(p -> wanted.add(base + "src/" + p.toString().replace('\\', '/')));
        ex.publicSpecs().forEach(p -> wanted.add(base + "spec/" + p.toString().replace('\\', '/')));
        for (String w : wanted) {
            if (!committed.contains(w)) {
                missing.add("not committed: " + w);
            }
        }
        for (String c : committed) {
            if (c.startsWith(base) && c.contains("Hidden")) {
                missing.add("a hidden spec would be shipped: " + c);
            }
        }
        Path index = layout.exercises().resolve("README.md");
        if (Files.isRegularFile(index)
                && !Files.readString(index, StandardCharsets.UTF_8).contains("| " + exercise.substring(0, 2) + " |")) {
            missing.add("exercises/README.md does not list " + exercise.substring(0, 2) + " in its table");
        }
        if (missing.isEmpty()) {
            return new Rule(
                    "",
                    true,
                    List.of(wanted.size() + " files committed under " + base + " (README, hints, stub, public specs)"));
        }
        return new Rule("", false, missing);
    }
}
