package optikata.kata;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import optikata.kata.spec.Case;
import optikata.kata.spec.CaseBook;
import optikata.kata.spec.Observation;
import optikata.kata.spec.ProbeRunner;

/**
 * What each case of an exercise should observe, and what each named mistake observes instead:
 * every case's probe run on the reference solution and on every catalogued mistake, in this (the
 * trusted) process. The spec books are compiled once against the exercise's stub, so the same class
 * files drive the learner's code, the solution and the mistakes. Results are cached on disk under
 * {@code target/kata-oracle/}, keyed by a hash of everything they depend on.
 */
public final class Oracle {
    /** The time a reference or mistake probe may take. */
    static final long PROBE_MILLIS = 20_000;
    /** Raised whenever probes record differently (optikata.kata.spec changes), so that old caches are not reused. */
    static final int FORMAT = 1;

    /** One spec book: its class, whether it is hidden, and its cases (from the reference loader). */
    public record BookInfo(String className, boolean hidden, Map<String, Case> cases) {
        public String simpleName() {
            return className.substring(className.lastIndexOf('.') + 1);
        }
    }

    /** A named mistake and what every case observes on it (key: book class + " " + case id). */
    public record Named(String id, String description, String fix, Map<String, Observation> observations) {}

    /** Everything judged for one exercise. */
    public record Exercise(
            String name,
            Path bookClasses,
            Path publicBookClasses,
            List<BookInfo> books,
            Map<String, Observation> expected,
            List<Named> mistakes) {
        public Observation expected(String book, String caseId) {
            return expected.get(book + " " + caseId);
        }
    }

    private static final Map<String, Exercise> MEMORY = new LinkedHashMap<>();

    private Oracle() {}

    /** Where a learner's release keeps the public part of each exercise's oracle (it has no solutions to compute it from). */
    public static Path shipped(KataLayout layout, String exercise) {
        return layout.root().resolve(".kata").resolve("oracle").resolve(exercise);
    }

    /** The oracle of {@code exercise}, computed or read from the cache (or, in a learner's release, the shipped one). */
    public static synchronized Exercise of(KataLayout layout, String exercise) {
        try {
            Path shipped = shipped(layout, exercise);
            if (!Files.isDirectory(layout.solutions()) && Files.isRegularFile(shipped.resolve("oracle.txt"))) {
                String key = shipped.toString();
                Exercise e = MEMORY.get(key);
                if (e == null) {
                    e = read(layout, exercise, shipped);
                    MEMORY.put(key, e);
                }
                return e;
            }
            String hash = hash(layout, exercise);
            String key = layout.root() + "|" + exercise + "|" + hash;
            Exercise cached = MEMORY.get(key);
            if (cached != null) {
                return cached;
            }
            Path dir = cacheRoot(layout).resolve(exercise + "-" + hash.substring(0, 16));
            Exercise e = Files.isRegularFile(dir.resolve("oracle.txt"))
                    ? read(layout, exercise, dir)
                    : build(layout, exercise, dir);
            MEMORY.put(key, e);
            return e;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * One SHA-256 over what every exercise's expected values come from: its solution, public and hidden spec
     * books, catalogue, and the probe runtime that records them (in a learner's release, the shipped oracles).
     * Two grades with the same fingerprint were judged against the same cases and the same expected values.
     */
    public static String fingerprint(KataLayout layout) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (String exercise : layout.names()) {
                md.update(exercise.getBytes(StandardCharsets.UTF_8));
                Path shipped = shipped(layout, exercise).resolve("oracle.txt");
                if (!Files.isDirectory(layout.solutions()) && Files.isRegularFile(shipped)) {
                    md.update(Files.readAllBytes(shipped));
                } else {
                    md.update(hash(layout, exercise).getBytes(StandardCharsets.UTF_8));
                }
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Where the oracle of {@code layout}'s kata is cached: the user's cache folder, else the checkout's target/. */
    public static Path cacheRoot(KataLayout layout) throws IOException {
        // one cache per user, keyed by the content hash: every copy of the kata (a release build, a test's scratch
        // checkout) reuses what another computed; only its owner may read it (it holds expected values)
        String xdg = System.getenv("XDG_CACHE_HOME");
        String home = System.getProperty("user.home");
        Path user = xdg != null && !xdg.isBlank() ? Path.of(xdg) : home == null ? null : Path.of(home, ".cache");
        for (Path target : user == null
                ? List.of(layout.root().resolve("target").resolve("kata-oracle"))
                : List.of(
                        user.resolve("optikata").resolve("kata-oracle"),
                        layout.root().resolve("target").resolve("kata-oracle"))) {
            try {
                Files.createDirectories(target);
                if (Files.isSymbolicLink(target) || !Files.isWritable(target)) {
                    continue;
                }
                try {
                    Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rwx------"));
                } catch (UnsupportedOperationException ignored) {
                    // not a POSIX file system
                }
                return target;
            } catch (IOException ignored) {
                // not writable here: try the next place
            }
        }
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"))
                .resolve("optikata-kata-oracle-"
                        + Integer.toHexString(layout.root().hashCode()));
        Files.createDirectories(tmp);
        // a shared temporary folder: someone else may have made this name first, to plant expected values
        Path probe = Files.createTempFile("optikata-owner-", ".tmp");
        UserPrincipal me = Files.getOwner(probe);
        Files.delete(probe);
        if (Files.isSymbolicLink(tmp)
                || !Files.getOwner(tmp, LinkOption.NOFOLLOW_LINKS).equals(me)) {
            tmp = Files.createTempDirectory("optikata-kata-oracle-");
        }
        try {
            Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rwx------"));
        } catch (UnsupportedOperationException ignored) {
            // not a POSIX file system
        }
        return tmp;
    }

    /** Hashes a class's file and those of its nested classes, named and anonymous ($1, $2, ...). */
    private static void hashWithNested(MessageDigest md, Class<?> c) throws IOException {
        md.update(Contract.bytes(c.getName()));
        for (Class<?> nested : c.getDeclaredClasses()) {
            hashWithNested(md, nested);
        }
        for (int k = 1; ; k++) {
            byte[] anonymous = Contract.classBytes(c.getName() + "$" + k);
            if (anonymous == null) {
                return;
            }
            md.update(anonymous);
        }
    }

    private static String hash(KataLayout layout, String exercise) throws IOException {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            optikata.kata.Exercise ex = layout.exercise(exercise);
            List<Path> files = new ArrayList<>();
            // the solution's files, not the learner's working copy of the stubs: editing an exercise never invalidates
            // its oracle
            KataLayout.javaFiles(KataLayout.sourceDir(layout.solutions(), exercise))
                    .forEach(p -> files.add(
                            KataLayout.sourceDir(layout.solutions(), exercise).resolve(p)));
            ex.publicSpecs()
                    .forEach(p -> files.add(layout.publicSpecDir(exercise).resolve(p)));
            ex.hiddenSpecs()
                    .forEach(p -> files.add(layout.hiddenSpecDir(exercise).resolve(p)));
            files.add(Catalogue.file(layout, exercise));
            for (Path f : files) {
                // relative names: copies of one kata share their cache entries
                md.update(layout.root()
                        .relativize(f.toAbsolutePath().normalize())
                        .toString()
                        .getBytes(StandardCharsets.UTF_8));
                if (Files.isRegularFile(f)) {
                    md.update(Files.readAllBytes(f));
                }
            }
            // the probe runtime itself: observations recorded by another version of it are not reused
            md.update(Integer.toString(FORMAT).getBytes(StandardCharsets.UTF_8));
            for (String cls : Contract.closure(Contract.SPEC_RUNTIME)) {
                md.update(Contract.bytes(cls));
            }
            // and what builds the oracle's words: another mutant generator or catalogue reader writes others
            for (Class<?> builder :
                    List.of(Oracle.class, Mutants.class, Catalogue.class, SameSlip.class, Words.class)) {
                hashWithNested(md, builder);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The spec book class names of an exercise: public first, then hidden. */
    static List<String[]> bookNames(KataLayout layout, String exercise) {
        optikata.kata.Exercise ex = layout.exercise(exercise);
        List<String[]> out = new ArrayList<>();
        ex.publicSpecs().forEach(p -> out.add(new String[] {KataLayout.className(p), "public"}));
        ex.hiddenSpecs().forEach(p -> out.add(new String[] {KataLayout.className(p), "hidden"}));
        return out;
    }

    private static Exercise build(KataLayout layout, String exercise, Path dir) throws IOException {
        Path work = dir.resolveSibling(
                dir.getFileName() + ".tmp-" + ProcessHandle.current().pid());
        FileTrees.deleteTree(work);
        Files.createDirectories(work);
        optikata.kata.Exercise ex = layout.exercise(exercise);
        // the books, compiled against the solution (the stub's API, and the learner's checkout may be mid-edit)
        List<Path> solutionFiles = KataLayout.javaFiles(KataLayout.sourceDir(layout.solutions(), exercise));
        List<Path> sources = new ArrayList<>();
        solutionFiles.forEach(p ->
                sources.add(KataLayout.sourceDir(layout.solutions(), exercise).resolve(p)));
        ex.publicSpecs().forEach(p -> sources.add(layout.publicSpecDir(exercise).resolve(p)));
        ex.hiddenSpecs().forEach(p -> sources.add(layout.hiddenSpecDir(exercise).resolve(p)));
        Path api = work.resolve("api");
        KataCompiler.Result r = KataCompiler.compile(sources, api, List.of(), p -> FileTrees.display(layout.root(), p));
        if (!r.ok()) {
            throw new IllegalStateException("The specs of " + exercise + " do not compile against its solution:\n"
                    + String.join("\n", r.errors()));
        }
        List<String[]> names = bookNames(layout, exercise);
        for (String[] n : names) {
            copyClasses(api, work.resolve("books"), n[0]);
            if (n[1].equals("public")) {
                copyClasses(api, work.resolve("public-books"), n[0]);
            }
        }
        Files.createDirectories(work.resolve("public-books"));
        // the reference
        Path reference = work.resolve("reference");
        compileTree(exercise, layout.solutions(), reference, null);
        StringBuilder text = new StringBuilder();
        for (String[] n : names) {
            text.append("# book ").append(n[0]).append(' ').append(n[1]).append('\n');
        }
        Map<String, Observation> expected = runAll(work.resolve("books"), reference, names);
        expected.forEach((k, o) -> o.encode("expected " + k, text));
        // the named mistakes (and below, the generated ones kept), each as every case observes it
        List<Map<String, Observation>> recorded = new ArrayList<>();
        List<Catalogue.Mistake> catalogue = Catalogue.of(layout, exercise);
        for (Catalogue.Mistake m : catalogue) {
            Path out = work.resolve("mistakes").resolve(m.id());
            compileTree(exercise, layout.solutions(), out, m);
            Map<String, Observation> seen = runAll(work.resolve("books"), out, names);
            seen.forEach((k, o) -> o.encode("mistake " + m.id() + " " + k, text));
            recorded.add(seen);
        }
        // each named mistake made wherever its changed expression appears (the step and the effective rate alike):
        // a program of its own, said with the mistake's words and where else it is
        for (Catalogue.Mistake m : catalogue) {
            Path file = KataLayout.sourceDir(layout.solutions(), exercise).resolve(m.file());
            if (!Files.isRegularFile(file)) {
                continue;
            }
            String solution = Files.readString(file, StandardCharsets.UTF_8);
            List<SameSlip.Edit> edits = new ArrayList<>();
            for (String[] pair : m.replace()) {
                edits.add(new SameSlip.Edit(solution.indexOf(pair[0]), pair[0], pair[1]));
            }
            SameSlip.Everywhere twin = SameSlip.everywhere(solution, edits);
            if (twin == null || twin.text().equals(m.apply(solution))) {
                continue;
            }
            String id = m.id() + EVERYWHERE;
            Path out = work.resolve("mistakes").resolve(id);
            if (!compileText(exercise, layout.solutions(), out, m.file(), twin.text())) {
                continue;
            }
            Map<String, Observation> seen = runAll(work.resolve("books"), out, names);
            if (equivalent(seen, expected) || recorded.stream().anyMatch(other -> equivalent(seen, other))) {
                continue;
            }
            text.append("# same ")
                    .append(id)
                    .append(' ')
                    .append(m.id())
                    .append(' ')
                    .append(b64(alsoIn(twin.alsoIn())))
                    .append('\n');
            seen.forEach((k, o) -> o.encode("mistake " + id + " " + k, text));
            recorded.add(seen);
        }
        // mistakes nobody listed: mutants generated from the solution, kept when some case tells them
        // apart from the solution and from every named mistake
        int n = 0;
        for (int f = 0; f < solutionFiles.size(); f++) {
            Path rel = solutionFiles.get(f);
            Path file = KataLayout.sourceDir(layout.solutions(), exercise).resolve(rel);
            String original = Files.readString(file, StandardCharsets.UTF_8);
            Path out = work.resolve("generated").resolve("schema-" + f);
            Mutants.Schema schema = compiledSchema(layout, exercise, rel, original, out);
            if (schema == null) {
                continue;
            }
            try (URLClassLoader loader = loader(out, work.resolve("books"))) {
                Field active = loader.loadClass(Mutants.SWITCH).getField("id");
                for (int k = 1; k <= schema.descriptions().size(); k++) {
                    active.setInt(null, k);
                    Map<String, Observation> seen = runAll(loader, names, MUTANT_PROBE_MILLIS);
                    if (equivalent(seen, expected) || recorded.stream().anyMatch(other -> equivalent(seen, other))) {
                        continue;
                    }
                    String id = "generated-" + ++n;
                    text.append("# generated ")
                            .append(id)
                            .append(' ')
                            .append(b64(schema.descriptions().get(k - 1)))
                            .append('\n');
                    seen.forEach((key, o) -> o.encode("mistake " + id + " " + key, text));
                    recorded.add(seen);
                }
                active.setInt(null, 0);
                // each generated change made wherever its changed expression appears: all of them in one more schema
                // (one compilation), or one by one when a change is not a whole statement
                String solution = Files.readString(file, StandardCharsets.UTF_8);
                List<String> made = new ArrayList<>();
                List<String> words = new ArrayList<>();
                for (int k = 1; k <= schema.descriptions().size() && made.size() < MOST_TWINS; k++) {
                    Mutants.Site site = schema.sites().get(k - 1);
                    int at = lineStart(solution, site.line());
                    int start = at < 0 || site.after().isEmpty() ? -1 : solution.indexOf(site.before(), at);
                    int eol = at < 0 ? -1 : solution.indexOf('\n', at);
                    if (start < 0 || (eol >= 0 && start > eol)) {
                        continue;
                    }
                    SameSlip.Everywhere twin = SameSlip.everywhere(
                            solution, List.of(new SameSlip.Edit(start, site.before(), site.after())));
                    if (twin == null || made.contains(twin.text())) {
                        continue;
                    }
                    made.add(twin.text());
                    words.add(schema.descriptions().get(k - 1) + alsoIn(twin.alsoIn()));
                }
                String twins = SameSlip.schema(solution, made, Mutants.SWITCH);
                Path twinOut = work.resolve("generated").resolve("twins-" + f);
                boolean together = twins != null
                        && compileSchema(layout, exercise, rel, twins, twinOut).isEmpty();
                // one loader for the whole twin schema, as for the first: its classes are loaded and compiled once
                try (URLClassLoader twinLoader = together ? loader(twinOut, work.resolve("books")) : null) {
                    Field twinSwitch =
                            together ? twinLoader.loadClass(Mutants.SWITCH).getField("id") : null;
                    for (int k = 0; k < made.size(); k++) {
                        Map<String, Observation> seen;
                        if (together) {
                            twinSwitch.setInt(null, k + 1);
                            seen = runAll(twinLoader, names, MUTANT_PROBE_MILLIS);
                        } else {
                            Path one = work.resolve("generated").resolve("twin-" + f + "-" + k);
                            if (!compileText(
                                    exercise,
                                    layout.solutions(),
                                    one,
                                    rel.toString().replace('\\', '/'),
                                    made.get(k))) {
                                continue;
                            }
                            try (URLClassLoader oneLoader = loader(one, work.resolve("books"))) {
                                seen = runAll(oneLoader, names, MUTANT_PROBE_MILLIS);
                            }
                        }
                        if (equivalent(seen, expected)
                                || recorded.stream().anyMatch(other -> equivalent(seen, other))) {
                            continue;
                        }
                        String id = "generated-" + ++n;
                        text.append("# generated ")
                                .append(id)
                                .append(' ')
                                .append(b64(words.get(k)))
                                .append('\n');
                        seen.forEach((key, o) -> o.encode("mistake " + id + " " + key, text));
                        recorded.add(seen);
                    }
                }
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("The mutant schema of " + exercise + " has no switch: " + e, e);
            }
        }
        FileTrees.deleteTree(work.resolve("generated"));
        Files.writeString(work.resolve("oracle.txt"), text, StandardCharsets.UTF_8);
        FileTrees.deleteTree(work.resolve("api"));
        FileTrees.deleteTree(dir);
        try {
            Files.move(work, dir, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            // another process built it at the same time: use theirs
            FileTrees.deleteTree(work);
        }
        return read(layout, exercise, dir);
    }

    /** The storage id of a named mistake made wherever its expression appears (the learner is told the mistake's own id). */
    static final String EVERYWHERE = "@everywhere";

    /** The most generated changes made everywhere per solution file. */
    static final int MOST_TWINS = 80;

    /** What a change made everywhere adds to the mistake's words. */
    private static String alsoIn(List<String> methods) {
        return methods.isEmpty() ? "" : " — and the same change in " + String.join(" and ", methods);
    }

    /** The offset of line {@code line} (1-based) of {@code text}, or -1. */
    private static int lineStart(String text, int line) {
        int at = 0;
        for (int k = 1; k < line; k++) {
            at = text.indexOf('\n', at);
            if (at < 0) {
                return -1;
            }
            at++;
        }
        return at;
    }

    /** Compiles the solution tree of {@code exercise} with {@code file} replaced by {@code text}; false when it does not compile. */
    private static boolean compileText(String exercise, Path tree, Path out, String file, String text)
            throws IOException {
        return compileWith(exercise, tree, out, file, text).ok();
    }

    /** Compiles the tree's sources of {@code exercise} into {@code out}, {@code file} (when not null) as {@code text}. */
    private static KataCompiler.Result compileWith(String exercise, Path tree, Path out, String file, String text)
            throws IOException {
        Path src = KataLayout.sourceDir(tree, exercise);
        List<Path> files = new ArrayList<>();
        Path staged = out.resolveSibling(out.getFileName() + "-src");
        for (Path rel : KataLayout.javaFiles(src)) {
            String t = rel.toString().replace('\\', '/').equals(file)
                    ? text
                    : Files.readString(src.resolve(rel), StandardCharsets.UTF_8);
            Path to = staged.resolve(rel);
            Files.createDirectories(to.getParent());
            Files.writeString(to, t, StandardCharsets.UTF_8);
            files.add(to);
        }
        KataCompiler.Result r = KataCompiler.compile(files, out, List.of(), Path::toString);
        FileTrees.deleteTree(staged);
        return r;
    }

    /** The most mutants generated per solution file. */
    static final int MUTANTS = 200;

    /** The time a generated mutant's probe may take (a mutant may loop: it is dropped then, not waited for). */
    static final long MUTANT_PROBE_MILLIS = 3_000;

    /**
     * The mutant schema of the solution file {@code rel}, compiled into {@code out}; null when none compiles. A
     * statement whose mutants do not compile (an operator that does not fit this solution's types) is left plain and
     * the schema compiled again, a few times at most.
     */
    static Mutants.Schema compiledSchema(KataLayout layout, String exercise, Path rel, String original, Path out)
            throws IOException {
        Set<Integer> plain = new TreeSet<>();
        for (int attempt = 0; attempt < 4; attempt++) {
            Mutants.Schema tried =
                    Mutants.schema(exercise, rel.toString().replace('\\', '/'), original, MUTANTS, plain);
            if (tried.descriptions().isEmpty()) {
                return null;
            }
            List<Integer> errors = compileSchema(layout, exercise, rel, tried.text(), out);
            if (errors.isEmpty()) {
                return tried;
            }
            if (!plain.addAll(Mutants.linesOf(tried.text(), errors, original))) {
                break;
            }
        }
        System.err.println("optikata: the mutant schema of " + exercise + " does not compile (no generated mutants for "
                + rel + ")");
        return null;
    }

    /**
     * Compiles the solution with one file replaced by its mutant schema (and the switch); the lines of the schema
     * the compiler complains about, empty when it compiles (a complaint without a line number: line 0).
     */
    static List<Integer> compileSchema(KataLayout layout, String exercise, Path mutatedRel, String mutated, Path out)
            throws IOException {
        Path src = KataLayout.sourceDir(layout.solutions(), exercise);
        Path staged = out.resolveSibling(out.getFileName() + "-src");
        List<Path> files = new ArrayList<>();
        for (Path rel : KataLayout.javaFiles(src)) {
            Path to = staged.resolve(rel);
            Files.createDirectories(to.getParent());
            Files.writeString(
                    to,
                    rel.equals(mutatedRel) ? mutated : Files.readString(src.resolve(rel), StandardCharsets.UTF_8),
                    StandardCharsets.UTF_8);
            files.add(to);
        }
        Path sw = staged.resolve(Mutants.SWITCH.replace('.', '/') + ".java");
        Files.createDirectories(sw.getParent());
        Files.writeString(sw, Mutants.SWITCH_SOURCE, StandardCharsets.UTF_8);
        files.add(sw);
        KataCompiler.Result r = KataCompiler.compile(files, out, List.of(), Path::toString);
        FileTrees.deleteTree(staged);
        if (r.ok()) {
            return List.of();
        }
        List<Integer> lines = new ArrayList<>();
        String name = mutatedRel.getFileName().toString();
        for (String e : r.errors()) {
            int at = e.indexOf(name + ":");
            int end = at < 0 ? -1 : e.indexOf(':', at + name.length() + 1);
            try {
                lines.add(end < 0 ? 0 : Integer.parseInt(e.substring(at + name.length() + 1, end)));
            } catch (NumberFormatException notALine) {
                lines.add(0);
            }
        }
        return lines;
    }

    /** Whether every case observes the same on both (within each case's tolerance, here exact). */
    private static boolean equivalent(Map<String, Observation> a, Map<String, Observation> b) {
        for (Map.Entry<String, Observation> e : a.entrySet()) {
            Observation o = b.get(e.getKey());
            if (o == null || !sameObservation(e.getValue(), o)) {
                return false;
            }
        }
        return true;
    }

    static boolean sameObservation(Observation x, Observation y) {
        if (x.end() != y.end() || x.judged().size() != y.judged().size()) {
            return false;
        }
        for (int i = 0; i < x.judged().size(); i++) {
            Observation.Entry p = x.judged().get(i);
            Observation.Entry q = y.judged().get(i);
            if (!p.name().equals(q.name())
                    || !Objects.equals(p.text(), q.text())
                    || !Arrays.equals(p.numbers(), q.numbers())) {
                return false;
            }
        }
        return true;
    }

    /** Compiles a tree's sources of {@code exercise}, with {@code mistake} applied to its file when given. */
    private static void compileTree(String exercise, Path tree, Path out, Catalogue.Mistake mistake)
            throws IOException {
        String file = mistake == null ? null : mistake.file();
        String text = mistake == null
                ? null
                : mistake.apply(Files.readString(
                        KataLayout.sourceDir(tree, exercise).resolve(mistake.file()), StandardCharsets.UTF_8));
        KataCompiler.Result r = compileWith(exercise, tree, out, file, text);
        if (!r.ok()) {
            throw new IllegalStateException((mistake == null
                            ? "The solution of " + exercise
                            : "Catalogue mistake " + mistake.id() + " of " + exercise)
                    + " does not compile:\n" + String.join("\n", r.errors()));
        }
    }

    /** Runs every case of every book with {@code implementation} on the class path; key: book + " " + case. */
    static Map<String, Observation> runAll(Path books, Path implementation, List<String[]> names) throws IOException {
        try (URLClassLoader loader = loader(implementation, books)) {
            return runAll(loader, names, PROBE_MILLIS);
        }
    }

    static Map<String, Observation> runAll(ClassLoader loader, List<String[]> names, long millis) {
        Map<String, Observation> out = new LinkedHashMap<>();
        for (String[] n : names) {
            for (Case c : cases(loader, n[0]).values()) {
                out.put(n[0] + " " + c.id(), ProbeRunner.run(c, millis, 16_384));
            }
        }
        return out;
    }

    static URLClassLoader loader(Path implementation, Path books) throws IOException {
        return new URLClassLoader(
                new URL[] {implementation.toUri().toURL(), books.toUri().toURL()}, Oracle.class.getClassLoader());
    }

    /** The cases of a book class loaded by {@code loader}. */
    static Map<String, Case> cases(ClassLoader loader, String className) {
        try {
            Class<?> cls = Class.forName(className, true, loader);
            Constructor<?> ctor = cls.getDeclaredConstructor();
            ctor.setAccessible(true);
            return CaseBook.casesOf((CaseBook) ctor.newInstance());
        } catch (ReflectiveOperationException | ClassCastException e) {
            throw new IllegalStateException("Invalid spec book " + className + ": " + e, e);
        }
    }

    private static void copyClasses(Path from, Path to, String className) throws IOException {
        String rel = className.replace('.', '/');
        Path pkg = from.resolve(rel).getParent();
        String simple = rel.substring(rel.lastIndexOf('/') + 1);
        try (Stream<Path> s = Files.list(pkg)) {
            for (Path p : s.toList()) {
                String n = p.getFileName().toString();
                if (n.equals(simple + ".class") || n.startsWith(simple + "$")) {
                    Path target = to.resolve(from.relativize(p).toString());
                    Files.createDirectories(target.getParent());
                    Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    /**
     * Writes the PUBLIC part of the oracle for a learner's release into {@code to}: the public cases'
     * expected observations and those of the named and generated mistakes on them, the public spec
     * classes, and the stub compiled (its classes stand in for the reference when the books are
     * read). Nothing of the hidden specs or of the solution goes there.
     *
     * @param stubs the exercises/ tree whose stubs are shipped (the committed ones)
     */
    public static void export(KataLayout layout, String exercise, Path to, Path stubs) throws IOException {
        export(layout, exercise, to, stubs, false);
    }

    /**
     * As {@link #export(KataLayout, String, Path, Path)}; with {@code hidden} the hidden cases too (for
     * a grading bundle, which must judge them without carrying the solutions' code).
     */
    public static void export(KataLayout layout, String exercise, Path to, Path stubs, boolean hidden)
            throws IOException {
        Exercise e = of(layout, exercise);
        Path dir = e.bookClasses().getParent();
        Files.createDirectories(to);
        StringBuilder text = new StringBuilder();
        List<String> publicBooks = new ArrayList<>();
        for (BookInfo b : e.books()) {
            if (!b.hidden() || hidden) {
                publicBooks.add(b.className());
                text.append("# book ").append(b.className()).append(b.hidden() ? " hidden\n" : " public\n");
            }
        }
        List<String> said = new ArrayList<>();
        for (Named m : e.mistakes()) {
            if (!m.fix().isEmpty() && !said.contains(m.id())) {
                said.add(m.id());
                // the catalogue's words travel with the observations: a release has no catalogue to read them from
                text.append("# named ")
                        .append(m.id())
                        .append(' ')
                        .append(b64(m.description()))
                        .append(' ')
                        .append(b64(m.fix()))
                        .append('\n');
            }
        }
        Observation.Decoder decoder = new Observation.Decoder(Integer.MAX_VALUE);
        for (String line : Files.readAllLines(dir.resolve("oracle.txt"), StandardCharsets.UTF_8)) {
            if (line.startsWith("# generated ") || line.startsWith("# same ")) {
                text.append(line).append('\n');
                continue;
            }
            if (line.startsWith("#")) {
                continue;
            }
            Observation.Finished f = decoder.line(line);
            if (f != null) {
                String[] k = f.caseId().split(" ");
                String book = k[0].equals("expected") ? k[1] : k[2];
                if (publicBooks.contains(book)) {
                    f.observation().encode(f.caseId(), text);
                }
            }
        }
        Files.writeString(to.resolve("oracle.txt"), text, StandardCharsets.UTF_8);
        Shipped.copyTree(hidden ? e.bookClasses() : e.publicBookClasses(), to.resolve("books"));
        if (hidden) {
            Shipped.copyTree(e.publicBookClasses(), to.resolve("public-books"));
        }
        List<Path> stubFiles = new ArrayList<>();
        // the shipped stubs (never the instructor's working copy, which may hold a solved exercise)
        KataLayout.javaFiles(KataLayout.sourceDir(stubs, exercise))
                .forEach(
                        p -> stubFiles.add(KataLayout.sourceDir(stubs, exercise).resolve(p)));
        KataCompiler.Result r = KataCompiler.compile(stubFiles, to.resolve("reference"), List.of(), Path::toString);
        if (!r.ok()) {
            throw new IllegalStateException("The stub of " + exercise + " does not compile: " + r.errors());
        }
    }

    private static String b64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    private static String unb64(String s) {
        return new String(Base64.getDecoder().decode(s), StandardCharsets.UTF_8);
    }

    private static Exercise read(KataLayout layout, String exercise, Path dir) throws IOException {
        // read as bytes and decoded line by line: a mistake's observations (most of the file: every case on every named
        // and generated mistake) stay bytes until a judge first asks for them (a failed case), so a grade that fails
        // nothing decodes none of them
        byte[] file = Files.readAllBytes(dir.resolve("oracle.txt"));
        List<String[]> names = new ArrayList<>();
        Map<String, Observation> expected = new LinkedHashMap<>();
        Map<String, List<int[]>> mistakeLines = new LinkedHashMap<>();
        Map<String, String> generated = new LinkedHashMap<>();
        Map<String, String[]> named = new LinkedHashMap<>();
        Map<String, String[]> same = new LinkedHashMap<>();
        Observation.Decoder decoder = new Observation.Decoder(Integer.MAX_VALUE);
        for (int at = 0; at < file.length; ) {
            int end = lineEnd(file, at);
            String line = new String(file, at, end - at, StandardCharsets.UTF_8);
            int next = Math.min(file.length, end + 1);
            if (line.startsWith("# book ")) {
                names.add(line.substring(7).split(" "));
            } else if (line.startsWith("# generated ")) {
                String[] g = line.substring(12).split(" ", 2);
                generated.put(g[0], new String(Base64.getDecoder().decode(g[1]), StandardCharsets.UTF_8));
            } else if (line.startsWith("# same ")) {
                String[] g = line.substring(7).split(" ", 3);
                same.put(g[0], new String[] {g[1], g.length > 2 ? unb64(g[2]) : ""});
            } else if (line.startsWith("# named ")) {
                String[] g = line.substring(8).split(" ", 3);
                named.put(g[0], new String[] {unb64(g[1]), unb64(g[2])});
            } else if (line.startsWith("C ") && unb64(line.substring(2)).startsWith("mistake ")) {
                // the case's lines up to and with its closing "E" line, kept as a range of the file
                int blockEnd = next;
                while (blockEnd < file.length
                        && !(file[blockEnd] == 'E' && blockEnd + 1 < file.length && file[blockEnd + 1] == ' ')) {
                    blockEnd = Math.min(file.length, lineEnd(file, blockEnd) + 1);
                }
                blockEnd = Math.min(file.length, lineEnd(file, blockEnd) + 1);
                String[] m = unb64(line.substring(2)).substring(8).split(" ", 2);
                mistakeLines.computeIfAbsent(m[0], x -> new ArrayList<>()).add(new int[] {at, blockEnd});
                next = blockEnd;
            } else {
                Observation.Finished f = decoder.line(line);
                if (f != null) {
                    String[] k = f.caseId().split(" ", 2);
                    if (!k[0].equals("expected")) {
                        throw new IOException("unexpected record " + k[0] + " in " + dir.resolve("oracle.txt"));
                    }
                    expected.put(k[1], f.observation());
                }
            }
            at = next;
        }
        Map<String, Map<String, Observation>> byMistake = new LinkedHashMap<>();
        mistakeLines.forEach((id, ranges) -> byMistake.put(id, new LazyObservations(file, ranges)));
        List<BookInfo> books = new ArrayList<>();
        try (URLClassLoader loader = loader(dir.resolve("reference"), dir.resolve("books"))) {
            for (String[] n : names) {
                books.add(new BookInfo(n[0], n[1].equals("hidden"), cases(loader, n[0])));
            }
        }
        List<Named> mistakes = new ArrayList<>();
        for (Catalogue.Mistake m : Catalogue.of(layout, exercise)) {
            named.put(m.id(), new String[] {m.description(), m.fix()});
        }
        named.forEach(
                (id, words) -> mistakes.add(new Named(id, words[0], words[1], byMistake.getOrDefault(id, Map.of()))));
        same.forEach((storage, idAndWhere) -> {
            String[] words = named.get(idAndWhere[0]);
            if (words != null) {
                mistakes.add(new Named(
                        idAndWhere[0], words[0] + idAndWhere[1], words[1], byMistake.getOrDefault(storage, Map.of())));
            }
        });
        generated.forEach((id, description) ->
                mistakes.add(new Named(id, description, "", byMistake.getOrDefault(id, Map.of()))));
        return new Exercise(exercise, dir.resolve("books"), dir.resolve("public-books"), books, expected, mistakes);
    }

    /** Where the line that starts at {@code from} ends: the index of its newline, or the file's length. */
    private static int lineEnd(byte[] file, int from) {
        int i = from;
        while (i < file.length && file[i] != '\n') {
            i++;
        }
        return i;
    }

    /**
     * One mistake's observations (case key → observation), decoded from ranges of the oracle file's bytes on first
     * use. Read-only, as the eagerly read maps are used.
     */
    private static final class LazyObservations extends AbstractMap<String, Observation> {
        private final byte[] file;
        private final List<int[]> ranges;
        private Map<String, Observation> decoded;

        LazyObservations(byte[] file, List<int[]> ranges) {
            this.file = file;
            this.ranges = ranges;
        }

        private synchronized Map<String, Observation> decoded() {
            if (decoded == null) {
                Map<String, Observation> map = new LinkedHashMap<>();
                Observation.Decoder decoder = new Observation.Decoder(Integer.MAX_VALUE);
                for (int[] r : ranges) {
                    for (int at = r[0]; at < r[1]; ) {
                        int end = lineEnd(file, at);
                        Observation.Finished f = decoder.line(new String(file, at, end - at, StandardCharsets.UTF_8));
                        if (f != null) {
                            // "mistake ID BOOK CASE": the key is "BOOK CASE"
                            String[] k = f.caseId().split(" ", 3);
                            map.put(k[2], f.observation());
                        }
                        at = end + 1;
                    }
                }
                decoded = Collections.unmodifiableMap(map);
            }
            return decoded;
        }

        @Override
        public Observation get(Object key) {
            return decoded().get(key);
        }

        @Override
        public boolean containsKey(Object key) {
            return decoded().containsKey(key);
        }

        @Override
        public int size() {
            return decoded().size();
        }

        @Override
        public Set<Map.Entry<String, Observation>> entrySet() {
            return decoded().entrySet();
        }
    }
}
