package optikata.kata;

import java.io.IOException;
import java.lang.reflect.Field;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import optikata.kata.spec.Case;
import optikata.kata.spec.Observation;
import optikata.kata.spec.ProbeRunner;

/**
 * How strong an exercise's specs are, measured by the mutants {@link Mutants} generates from its solution: every
 * mutant is run on every case (public and hidden) that reaches its statement and judged as a learner's code would be
 * ({@link Judge}); a mutant is killed when some case fails. A surviving mutant is a mistake a learner could make and
 * still pass: what the instructor must add a case for.
 *
 * <p>Which cases reach a mutant's statement is measured, not guessed: the solution runs once per case with the
 * mutant switch tracing which guards it evaluates. A case that never reaches a statement observes the solution's own
 * results on that mutant, so it is not run again.
 *
 * <p>A survivor whose observations are bit for bit the solution's on every case is said to be "likely
 * equivalent": no case tells it apart, which is what an equivalent mutant does too, but equivalence itself is
 * not proven (no other inputs are tried).
 */
public final class Strength {
    private Strength() {}

    /** One case and how many of the exercise's mutants it kills. */
    public record CaseScore(String book, String caseId, String title, boolean hidden, int killed, int reached) {}

    /** A mutant no case kills: where it is, the line before and after, its words, the cases that ran it. */
    public record Survivor(
            int number, String file, Mutants.Site site, String description, List<String> ranBy, boolean sameResults) {}

    /** The score of one exercise. */
    public record Score(
            String exercise,
            int total,
            int killed,
            List<CaseScore> cases,
            List<Survivor> survivors,
            List<String> notes) {
        public int likelyEquivalent() {
            return (int) survivors.stream().filter(Survivor::sameResults).count();
        }

        /** Killed / (total − likely equivalent), in percent; 100 when nothing is left to kill. */
        public double percent() {
            int denominator = total - likelyEquivalent();
            return denominator <= 0 ? 100 : 100.0 * killed / denominator;
        }
    }

    /** Runs every generated mutant of {@code exercise}'s solution against its cases. */
    public static Score of(KataLayout layout, String exercise) throws IOException {
        Oracle.Exercise oracle = Oracle.of(layout, exercise);
        List<String> notes = new ArrayList<>();
        Map<String, int[]> killedBy = new LinkedHashMap<>();
        Map<String, int[]> reachedBy = new LinkedHashMap<>();
        Map<String, String[]> titles = new LinkedHashMap<>();
        for (Oracle.BookInfo b : oracle.books()) {
            for (Case c : b.cases().values()) {
                String key = b.className() + " " + c.id();
                killedBy.put(key, new int[1]);
                reachedBy.put(key, new int[1]);
                titles.put(key, new String[] {b.simpleName(), c.id(), c.title(), Boolean.toString(b.hidden())});
            }
        }
        int total = 0;
        int killed = 0;
        List<Survivor> survivors = new ArrayList<>();
        Path src = KataLayout.sourceDir(layout.solutions(), exercise);
        List<Path> files = KataLayout.javaFiles(src);
        Path work = Files.createTempDirectory("optikata-strength-");
        try {
            for (int f = 0; f < files.size(); f++) {
                Path rel = files.get(f);
                String name = rel.toString().replace('\\', '/');
                String original = Files.readString(src.resolve(rel), StandardCharsets.UTF_8);
                Path out = work.resolve("schema-" + f);
                Mutants.Schema schema = Oracle.compiledSchema(layout, exercise, rel, original, out);
                if (schema == null) {
                    if (!Mutants.schema(exercise, name, original, Oracle.MUTANTS)
                            .descriptions()
                            .isEmpty()) {
                        notes.add("the mutant schema of " + name + " does not compile: its mutants were not run");
                    }
                    continue;
                }
                try (URLClassLoader loader = Oracle.loader(out, oracle.bookClasses())) {
                    Class<?> sw = loader.loadClass(Mutants.SWITCH);
                    Field id = sw.getField("id");
                    Field tracing = sw.getField("tracing");
                    boolean[] reached = (boolean[]) sw.getField("reached").get(null);
                    // the cases as this loader sees them (their probes call this schema's classes)
                    Map<String, Case> cases = new LinkedHashMap<>();
                    Map<String, Boolean> hidden = new LinkedHashMap<>();
                    for (Oracle.BookInfo b : oracle.books()) {
                        Oracle.cases(loader, b.className())
                                .forEach((caseId, c) -> cases.put(b.className() + " " + caseId, c));
                        b.cases().keySet().forEach(caseId -> hidden.put(b.className() + " " + caseId, b.hidden()));
                    }
                    int n = schema.descriptions().size();
                    Map<String, Set<Integer>> reaches = new LinkedHashMap<>();
                    id.setInt(null, 0);
                    tracing.setBoolean(null, true);
                    for (Map.Entry<String, Case> e : cases.entrySet()) {
                        java.util.Arrays.fill(reached, false);
                        ProbeRunner.run(e.getValue(), Oracle.PROBE_MILLIS, 16_384);
                        Set<Integer> r = new LinkedHashSet<>();
                        for (int k = 1; k <= n && k < reached.length; k++) {
                            if (reached[k]) {
                                r.add(k);
                            }
                        }
                        reaches.put(e.getKey(), r);
                    }
                    tracing.setBoolean(null, false);
                    for (int k = 1; k <= n; k++) {
                        total++;
                        id.setInt(null, k);
                        List<String> ranBy = new ArrayList<>();
                        boolean dead = false;
                        boolean same = true;
                        for (Map.Entry<String, Case> e : cases.entrySet()) {
                            String key = e.getKey();
                            if (!reaches.get(key).contains(k)) {
                                continue;
                            }
                            ranBy.add(titles.get(key)[1]);
                            reachedBy.get(key)[0]++;
                            Observation o = ProbeRunner.run(e.getValue(), Oracle.MUTANT_PROBE_MILLIS, 16_384);
                            Observation expected = oracle.expected().get(key);
                            Judge.Verdict v = Judge.judge(
                                    e.getValue(),
                                    hidden.get(key),
                                    expected,
                                    o,
                                    key,
                                    List.of(),
                                    Oracle.MUTANT_PROBE_MILLIS);
                            if (!v.passed()) {
                                killedBy.get(key)[0]++;
                                dead = true;
                            }
                            if (expected == null || !Oracle.sameObservation(expected, o)) {
                                same = false;
                            }
                        }
                        if (dead) {
                            killed++;
                        } else {
                            survivors.add(new Survivor(
                                    total,
                                    name,
                                    schema.sites().get(k - 1),
                                    schema.descriptions().get(k - 1),
                                    ranBy,
                                    // a mutant no case reaches is untested, not equivalent
                                    same && !ranBy.isEmpty()));
                        }
                    }
                    id.setInt(null, 0);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException("The mutant schema of " + exercise + " has no switch: " + e, e);
                }
            }
        } finally {
            FileTrees.deleteTree(work);
        }
        List<CaseScore> scores = new ArrayList<>();
        titles.forEach((key, t) -> scores.add(new CaseScore(
                t[0],
                t[1],
                t[2],
                Boolean.parseBoolean(t[3]),
                killedBy.get(key)[0],
                reachedBy.get(key)[0])));
        return new Score(exercise, total, killed, scores, survivors, notes);
    }

    /** The score as lines a person reads: the exercise's, each case's, each survivor with its line before and after. */
    public static List<String> lines(Score s) {
        List<String> out = new ArrayList<>();
        out.add(String.format(
                java.util.Locale.ROOT,
                "mutation score %d/%d killed%s: %.0f%%",
                s.killed(),
                s.total(),
                s.likelyEquivalent() > 0
                        ? "; " + s.likelyEquivalent()
                                + " likely equivalent (the solution's results on every case), left out of the score"
                        : "",
                s.percent()));
        for (CaseScore c : s.cases()) {
            out.add(String.format(
                    java.util.Locale.ROOT,
                    "  %-28s %3d/%d killed%s  (ran %d)",
                    c.caseId(),
                    c.killed(),
                    s.total(),
                    c.hidden() ? " [hidden]" : "",
                    c.reached()));
        }
        for (Survivor v : s.survivors()) {
            out.add("  survives: mutant " + v.number() + (v.sameResults() ? " (likely equivalent)" : "") + ", "
                    + v.description());
            out.add("    " + v.file() + ":" + v.site().line() + "  " + v.site().before());
            out.add("    "
                    + " "
                            .repeat(v.file().length()
                                    + 1
                                    + Integer.toString(v.site().line()).length()) + "→ "
                    + (v.site().after().isEmpty() ? "(left out)" : v.site().after()));
            out.add("    ran by: "
                    + (v.ranBy().isEmpty()
                            ? "no case (add one that reaches this line)"
                            : String.join(", ", v.ranBy())));
        }
        s.notes().forEach(n -> out.add("  note: " + n));
        return out;
    }
}
