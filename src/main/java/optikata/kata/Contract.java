package optikata.kata;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a learner's code compiles against, in one place: the optimizer contract the exercises
 * implement, and the spec runtime the public specs import. The reference implementations
 * ({@code RmsProp}, {@code Adam}, ...) and the mistake catalogue are not part of it, so a stub
 * that delegates to its answer does not compile where the contract is the class path (the student
 * release's main sources).
 *
 * <p>The lists name roots; {@link #closure} adds every {@code optikata} class they reference (read
 * from the class files' constant pools), so "and what they need" is computed, not kept by hand.
 */
public final class Contract {
    private Contract() {}

    /** The classes a learner's exercise sources compile against (with EJML and the JDK). */
    public static final List<String> LEARNER = List.of(
            "optikata.optim.Optimizer",
            "optikata.optim.OptimizerState",
            "optikata.optim.AbstractOptimizer",
            "optikata.optim.Hyperparameters",
            "optikata.optim.NonFinitePolicy");

    /**
     * The spec runtime: what the spec books import and what runs them beside a learner's code (the
     * grading child's entry point among them). No reference implementation and no expected value.
     */
    public static final List<String> SPEC_RUNTIME = List.of(
            "optikata.kata.spec.CaseBook",
            "optikata.kata.spec.Book",
            "optikata.kata.spec.Case",
            "optikata.kata.spec.Probe",
            "optikata.kata.spec.Recorder",
            "optikata.kata.spec.Observation",
            "optikata.kata.spec.OptimizerProbe",
            "optikata.kata.spec.ProbeRunner",
            "optikata.kata.spec.ProbeMain");

    /** Every class a grading child needs besides the learner's and the specs': the contract and the spec runtime. */
    public static Set<String> child() throws IOException {
        List<String> roots = new ArrayList<>(LEARNER);
        roots.addAll(SPEC_RUNTIME);
        return closure(roots);
    }

    /**
     * A jar of the contract and the spec runtime ({@link #child()}), written once per process into
     * {@code dir}: what a learner's code compiles against, with EJML.
     */
    public static synchronized Path jar(Path dir) throws IOException {
        Path out = dir.resolve("optikata-contract.jar");
        if (!Files.isRegularFile(out)) {
            writeJar(child(), out);
        }
        return out;
    }

    /**
     * The class path a learner's sources compile against: the contract jar and the jars of the
     * libraries it names (EJML), never the tool's own classes (the reference implementations, the
     * mistake catalogue, the oracle).
     */
    public static List<Path> learnerClassPath(Path dir) throws IOException {
        List<Path> out = new ArrayList<>();
        out.add(jar(dir));
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            String name = Path.of(entry).getFileName() == null
                    ? ""
                    : Path.of(entry).getFileName().toString();
            if (name.startsWith("ejml-") && name.endsWith(".jar")) {
                out.add(Path.of(entry));
            }
        }
        if (out.size() == 1) {
            // a shaded tool jar: EJML's classes are inside it; give the learner only those
            Path ejml = dir.resolve("ejml.jar");
            if (!Files.isRegularFile(ejml)) {
                writeJar(packagesOnTheClassPath("org/ejml/"), ejml);
            }
            out.add(ejml);
        }
        return out;
    }

    /** The names of the classes under {@code prefix} (a resource path) in the tool's own jar or folder. */
    static Set<String> packagesOnTheClassPath(String prefix) throws IOException {
        Set<String> names = new TreeSet<>();
        URL where = Contract.class.getProtectionDomain().getCodeSource().getLocation();
        Path self;
        try {
            self = Path.of(where.toURI());
        } catch (URISyntaxException e) {
            throw new IOException(e);
        }
        if (Files.isRegularFile(self)) {
            try (JarFile jar = new JarFile(self.toFile())) {
                jar.stream()
                        .map(JarEntry::getName)
                        .filter(n -> n.startsWith(prefix) && n.endsWith(".class"))
                        .forEach(n -> names.add(n.substring(0, n.length() - 6).replace('/', '.')));
            }
        }
        return names;
    }

    /** {@code roots} and every {@code optikata} class they reference, transitively; sorted. */
    public static Set<String> closure(List<String> roots) throws IOException {
        Set<String> seen = new TreeSet<>();
        Deque<String> todo = new ArrayDeque<>(roots);
        while (!todo.isEmpty()) {
            String name = todo.pop();
            if (!seen.add(name)) {
                continue;
            }
            byte[] bytes = classBytes(name);
            if (bytes == null) {
                throw new IllegalStateException("Contract class not found on the tool's class path: " + name);
            }
            for (String ref : references(bytes)) {
                if (ref.startsWith("optikata.") && !seen.contains(ref)) {
                    todo.push(ref);
                }
            }
        }
        return seen;
    }

    /**
     * Writes a jar of {@code classes} taken from the running tool's own class files.
     *
     * @param out the jar to write (Modified; parent folders created)
     */
    public static void writeJar(Set<String> classes, Path out) throws IOException {
        if (out.getParent() != null) {
            Files.createDirectories(out.getParent());
        }
        Manifest mf = new Manifest();
        mf.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        mf.getMainAttributes().putValue("Created-By", "optikata");
        try (OutputStream os = Files.newOutputStream(out);
                JarOutputStream jar = new JarOutputStream(os, mf)) {
            for (String c : classes) {
                JarEntry e = new JarEntry(c.replace('.', '/') + ".class");
                e.setTime(0L);
                jar.putNextEntry(e);
                jar.write(classBytes(c));
                jar.closeEntry();
            }
        }
    }

    /** Writes a jar of the Java sources of {@code classes} found under {@code sourceRoot} (for IDEs' Javadoc); false when none. */
    public static boolean writeSourcesJar(Set<String> classes, Path sourceRoot, Path out) throws IOException {
        Map<String, Path> found = new LinkedHashMap<>();
        for (String c : classes) {
            String top = c.contains("$") ? c.substring(0, c.indexOf('$')) : c;
            Path p = sourceRoot.resolve(top.replace('.', '/') + ".java");
            if (Files.isRegularFile(p)) {
                found.put(top.replace('.', '/') + ".java", p);
            }
        }
        if (found.isEmpty()) {
            return false;
        }
        try (OutputStream os = Files.newOutputStream(out);
                JarOutputStream jar = new JarOutputStream(os)) {
            for (Map.Entry<String, Path> e : found.entrySet()) {
                JarEntry je = new JarEntry(e.getKey());
                je.setTime(0L);
                jar.putNextEntry(je);
                jar.write(Files.readAllBytes(e.getValue()));
                jar.closeEntry();
            }
        }
        return true;
    }

    /** The class names the tool's class {@code name} refers to. */
    public static Set<String> references(String name) throws IOException {
        byte[] b = classBytes(name);
        if (b == null) {
            throw new IllegalStateException("Class not found on the tool's class path: " + name);
        }
        return references(b);
    }

    /** The class file of the tool's class {@code name}. */
    public static byte[] bytes(String name) throws IOException {
        byte[] b = classBytes(name);
        if (b == null) {
            throw new IllegalStateException("Class not found on the tool's class path: " + name);
        }
        return b;
    }

    static byte[] classBytes(String name) throws IOException {
        try (InputStream in = Contract.class.getClassLoader().getResourceAsStream(name.replace('.', '/') + ".class")) {
            return in == null ? null : in.readAllBytes();
        }
    }

    private static final Pattern DESCRIPTOR_CLASS = Pattern.compile("L([\\w/$]+);");

    /** The class names a class file refers to: its constant pool's class entries and the types in its descriptors. */
    static Set<String> references(byte[] classFile) throws IOException {
        Set<String> out = new TreeSet<>();
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(classFile));
        if (in.readInt() != 0xCAFEBABE) {
            throw new IOException("not a class file");
        }
        in.readUnsignedShort();
        in.readUnsignedShort();
        int count = in.readUnsignedShort();
        String[] utf8 = new String[count];
        int[] classIndex = new int[count];
        for (int i = 1; i < count; i++) {
            int tag = in.readUnsignedByte();
            switch (tag) {
                case 1 -> utf8[i] = in.readUTF();
                case 3, 4 -> in.readInt();
                case 5, 6 -> {
                    in.readLong();
                    i++;
                }
                case 7 -> classIndex[i] = in.readUnsignedShort();
                case 8, 16, 19, 20 -> in.readUnsignedShort();
                case 9, 10, 11, 12, 17, 18 -> in.readInt();
                case 15 -> {
                    in.readUnsignedByte();
                    in.readUnsignedShort();
                }
                default -> throw new IOException("unknown constant pool tag " + tag);
            }
        }
        for (int i = 1; i < count; i++) {
            if (classIndex[i] != 0 && utf8[classIndex[i]] != null) {
                String n = utf8[classIndex[i]];
                if (!n.startsWith("[")) {
                    out.add(n.replace('/', '.'));
                }
            }
            if (utf8[i] != null) {
                Matcher m = DESCRIPTOR_CLASS.matcher(utf8[i]);
                while (m.find()) {
                    out.add(m.group(1).replace('/', '.'));
                }
            }
        }
        return out;
    }
}
