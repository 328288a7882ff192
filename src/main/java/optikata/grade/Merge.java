package optikata.grade;

import com.fasterxml.jackson.core.JacksonException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import optikata.run.BuildInfo;

/**
 * Merges the outputs of cohort runs made apart ({@code grade --cohort --shard i/N} on several machines,
 * {@code grade --cohort --only NAME} to regrade a few) into what one run over the whole cohort writes: the
 * gradebook, summary, histogram, hidden details and every learner's reports, from the grades recorded in
 * each run's {@link CohortManifest}. Nothing is written unless the runs belong together: the same tool
 * build, specs, options and cohort; every shard of one split present once; every learner graded exactly
 * once by the shards, and at most once more by a regrade (which then replaces its shard's grade). A
 * refusal is one line naming the culprit ({@link Refused}).
 */
public final class Merge {
    /** The largest manifest read: about 30 KB a learner, so room for thousands. */
    static final long MAX_BYTES = 512L << 20;

    private Merge() {}

    /** Why runs cannot be merged, in one line. */
    public static final class Refused extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        Refused(String why) {
            super(why);
        }
    }

    /** The manifest of the run written to {@code dir}. */
    public static CohortManifest read(Path dir) throws IOException {
        Path file = dir.resolve(CohortManifest.FILE);
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            throw new Refused(dir + ": no " + CohortManifest.FILE
                    + " (not the output folder of `optikata grade --cohort`, or that run did not finish)");
        }
        if (Files.size(file) > MAX_BYTES) {
            throw new Refused(file + ": " + Files.size(file) + " bytes, more than a manifest of " + MAX_BYTES
                    + " bytes this version reads");
        }
        CohortManifest m;
        try {
            m = CohortManifest.MAPPER.readValue(file.toFile(), CohortManifest.class);
        } catch (JacksonException e) {
            throw new Refused(file + ": not a manifest this version can read ("
                    + e.getOriginalMessage().lines().findFirst().orElse("") + ")");
        }
        if (m == null || m.format() != CohortManifest.FORMAT) {
            throw new Refused(file + ": manifest format " + (m == null ? "none" : m.format()) + ", this version reads "
                    + CohortManifest.FORMAT);
        }
        if (m.tool() == null || m.part() == null || m.options() == null || m.specs() == null) {
            throw new Refused(file + ": an incomplete manifest (tool, part, options or specs missing)");
        }
        for (String name : m.cohort()) {
            if (name == null || name.isEmpty() || name.contains("/") || name.equals(".") || name.equals("..")) {
                throw new Refused(file + ": a learner named \"" + name + "\" cannot be a folder of the cohort");
            }
        }
        for (CohortManifest.Learner l : m.learners()) {
            if (l == null || l.result() == null || !m.cohort().contains(l.name())) {
                throw new Refused(file + ": a grade for " + (l == null ? "nobody" : l.name())
                        + ", who is not in the cohort it lists");
            }
            String broken = broken(l.name(), l.result());
            if (broken != null) {
                throw new Refused(file + ": the grade of " + l.name() + " " + broken);
            }
        }
        return m;
    }

    /**
     * What makes a recorded grade one the grader cannot have written, or null: a missing part, another
     * learner's name, or a total that is not the sum of its cases' points.
     */
    private static String broken(String name, Grader.Result r) {
        if (!name.equals(r.submission())) {
            return "is recorded as " + r.submission() + "'s";
        }
        if (r.outcomes() == null || r.compileErrors() == null || r.trust() == null) {
            return "lacks its outcomes, compile errors or trust";
        }
        double sum = 0;
        for (Outcome o : r.outcomes()) {
            if (o == null || o.exercise() == null || o.name() == null || o.status() == null) {
                return "has an outcome without exercise, name or status";
            }
            if (!(o.score() >= 0 && o.score() <= o.maxScore())) {
                return "gives " + o.score() + " of " + o.maxScore() + " points for " + o.exercise() + " › " + o.name();
            }
            sum += o.score();
        }
        if (!(r.score() >= 0 && r.score() <= r.maxScore()) || Scoring.round(sum) != r.score()) {
            return "totals " + r.score() + " of " + r.maxScore() + " points, its cases " + Scoring.round(sum);
        }
        return null;
    }

    /**
     * Checks that the runs in {@code dirs} belong together and writes the whole cohort's reports to
     * {@code out}.
     *
     * @return the merged manifest (the whole cohort, every learner's grade)
     * @throws Refused naming the culprit; nothing is written then
     */
    public static CohortManifest merge(List<Path> dirs, Path out) throws IOException {
        return merge(dirs, out, null);
    }

    /**
     * {@link #merge(List, Path)}, and the histogram drawn by {@code painter} ({@code null}: none, and
     * summary.md shows no picture).
     */
    public static CohortManifest merge(List<Path> dirs, Path out, ScoreHistogram.Painter painter) throws IOException {
        if (dirs.isEmpty()) {
            throw new Refused("nothing to merge: give the output folders of the shards");
        }
        Map<Path, CohortManifest> runs = new LinkedHashMap<>();
        Path target = out.toAbsolutePath().normalize();
        for (Path dir : dirs) {
            Path key = dir.toAbsolutePath().normalize();
            if (runs.containsKey(key)) {
                throw new Refused(dir + " is given twice");
            }
            if (key.startsWith(target) || target.startsWith(key)) {
                throw new Refused("--out " + out + " would write into " + dir
                        + ", one of the folders merged: give the merge a folder of its own");
            }
            runs.put(key, read(dir));
        }
        CohortManifest merged = combine(runs);
        // the reports are written again here, from the grades: by another build they could read otherwise
        BuildInfo here = BuildInfo.current();
        if (!sameTool(merged.tool(), here)) {
            throw new Refused(
                    "the shards were graded by optikata " + merged.tool().describe() + ", this is " + here.describe()
                            + ": merge with the build that graded them");
        }
        Path outDir = SafeFiles.prepareOut(out);
        for (CohortManifest.Learner l : merged.learners()) {
            Reports.write(outDir.resolve(l.name()), l.result(), merged.options());
        }
        Cohort.writeAll(outDir, merged, painter);
        return merged;
    }

    /** The whole cohort's manifest from the runs, or {@link Refused}. */
    static CohortManifest combine(Map<Path, CohortManifest> runs) {
        Path firstDir = runs.keySet().iterator().next();
        CohortManifest first = runs.get(firstDir);
        for (Map.Entry<Path, CohortManifest> e : runs.entrySet()) {
            CohortManifest m = e.getValue();
            Path dir = e.getKey();
            if (!sameTool(m.tool(), first.tool())) {
                throw new Refused(dir + " was graded by optikata " + m.tool().describe() + ", " + firstDir + " by "
                        + first.tool().describe() + ": grade every shard with the same build");
            }
            if (!m.specs().equals(first.specs())) {
                throw new Refused(dir + " was graded against other specs or expected values (" + abbrev(m.specs())
                        + ") than " + firstDir + " (" + abbrev(first.specs()) + "): grade every shard from the same"
                        + " checkout");
            }
            if (!m.options().equals(first.options())) {
                throw new Refused(dir + " was graded with other options than " + firstDir + " (" + m.options()
                        + " against " + first.options() + ")");
            }
            if (!m.exercises().equals(first.exercises())) {
                throw new Refused(
                        dir + " grades the exercises " + m.exercises() + ", " + firstDir + " " + first.exercises());
            }
            if (!m.cohort().equals(first.cohort())) {
                throw new Refused(dir + " saw another cohort than " + firstDir + " (" + difference(m, first)
                        + "): grade every shard from the same cohort folder");
            }
        }
        // the shards: one split, every shard once
        Map<Integer, Path> shards = new TreeMap<>();
        int total = 0;
        for (Map.Entry<Path, CohortManifest> e : runs.entrySet()) {
            Part part = e.getValue().part();
            if (part.regrade()) {
                continue;
            }
            if (total != 0 && part.total() != total) {
                throw new Refused(e.getKey() + " is " + part.describe() + ", "
                        + shards.values().iterator().next() + " a shard of " + total + ": merge shards of one split");
            }
            total = part.total();
            Path twice = shards.put(part.index(), e.getKey());
            if (twice != null) {
                throw new Refused(part.describe() + " is given twice: " + twice + " and " + e.getKey());
            }
        }
        if (total == 0) {
            throw new Refused("no shard among the folders, only regrades: merge the shards (or a whole-cohort run)"
                    + " with them");
        }
        for (int i = 1; i <= total; i++) {
            if (!shards.containsKey(i)) {
                throw new Refused("shard " + i + "/" + total + " is missing: the merge needs all " + total + " (given: "
                        + shards.keySet() + ")");
            }
        }
        // every learner graded once by its shard, at most once more by a regrade
        Map<String, CohortManifest.Learner> grades = new LinkedHashMap<>();
        Map<String, Path> gradedIn = new LinkedHashMap<>();
        for (Map.Entry<Path, CohortManifest> e : runs.entrySet()) {
            Part part = e.getValue().part();
            if (part.regrade()) {
                continue;
            }
            for (CohortManifest.Learner l : e.getValue().learners()) {
                Path before = gradedIn.put(l.name(), e.getKey());
                if (before != null) {
                    throw new Refused(
                            "learner " + l.name() + " was graded twice: in " + before + " and in " + e.getKey());
                }
                if (!part.takes(l.name())) {
                    throw new Refused("learner " + l.name() + " was graded in " + e.getKey() + " (" + part.describe()
                            + ") but belongs to shard " + Part.shardOf(l.name(), total) + "/" + total);
                }
                grades.put(l.name(), l);
            }
        }
        for (String learner : first.cohort()) {
            if (!grades.containsKey(learner)) {
                Path shard = shards.get(Part.shardOf(learner, total));
                throw new Refused("learner " + learner + " was not graded: " + shard + " ("
                        + runs.get(shard).part().describe() + ") has no grade for it");
            }
        }
        Map<String, Path> regradedIn = new LinkedHashMap<>();
        for (Map.Entry<Path, CohortManifest> e : runs.entrySet()) {
            if (!e.getValue().part().regrade()) {
                continue;
            }
            for (CohortManifest.Learner l : e.getValue().learners()) {
                Path before = regradedIn.put(l.name(), e.getKey());
                if (before != null) {
                    throw new Refused("learner " + l.name() + " was regraded twice: in " + before + " and in "
                            + e.getKey() + ": merge one of them");
                }
                grades.put(l.name(), l);
            }
        }
        List<CohortManifest.Learner> learners = new ArrayList<>();
        first.cohort().forEach(name -> learners.add(grades.get(name)));
        return new CohortManifest(
                CohortManifest.FORMAT,
                first.tool(),
                first.specs(),
                first.options(),
                first.exercises(),
                first.cohort(),
                Part.all(),
                learners);
    }

    private static boolean sameTool(BuildInfo a, BuildInfo b) {
        return a.version().equals(b.version()) && a.commit().equals(b.commit()) && a.dirty() == b.dirty();
    }

    private static String abbrev(String hash) {
        return hash.length() > 12 ? hash.substring(0, 12) : hash;
    }

    private static String difference(CohortManifest m, CohortManifest first) {
        List<String> extra = new ArrayList<>(m.cohort());
        extra.removeAll(first.cohort());
        List<String> lacking = new ArrayList<>(first.cohort());
        lacking.removeAll(m.cohort());
        List<String> said = new ArrayList<>();
        if (!extra.isEmpty()) {
            said.add("it has " + String.join(", ", extra.subList(0, Math.min(3, extra.size())))
                    + (extra.size() > 3 ? " and " + (extra.size() - 3) + " more" : ""));
        }
        if (!lacking.isEmpty()) {
            said.add("it lacks " + String.join(", ", lacking.subList(0, Math.min(3, lacking.size())))
                    + (lacking.size() > 3 ? " and " + (lacking.size() - 3) + " more" : ""));
        }
        return said.isEmpty() ? "another order" : String.join("; ", said);
    }
}
