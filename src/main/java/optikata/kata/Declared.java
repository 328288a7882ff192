package optikata.kata;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The classes a learner may declare: exactly the stub's top-level classes (and classes nested in
 * them). A file that declares any other class (one named like a spec, say, to stand in for it) is
 * refused before anything runs.
 */
public final class Declared {
    private Declared() {}

    /** Class files in {@code classes} that belong to no stub class (relative paths, sorted). */
    public static List<String> unexpected(Path classes, List<Path> stubSources) throws IOException {
        Set<String> allowed = new TreeSet<>();
        for (Path rel : stubSources) {
            allowed.add(KataLayout.className(rel).replace('.', '/'));
        }
        List<String> out = new ArrayList<>();
        try (Stream<Path> s = Files.walk(classes)) {
            for (Path p : s.filter(f -> !Files.isDirectory(f, LinkOption.NOFOLLOW_LINKS))
                    .toList()) {
                String rel = classes.relativize(p).toString().replace('\\', '/');
                if (!rel.endsWith(".class")) {
                    out.add(rel);
                    continue;
                }
                String name = rel.substring(0, rel.length() - ".class".length());
                int dollar = name.indexOf('$');
                String top = dollar < 0 ? name : name.substring(0, dollar);
                if (!allowed.contains(top)) {
                    out.add(rel);
                }
            }
        }
        out.sort(null);
        return out;
    }

    /**
     * The top-level types a source file declares (classes, interfaces, enums, records, annotation
     * types at brace depth 0, comments and literals skipped). A class file name cannot tell a
     * nested class from a top-level one named {@code Stub$Helper}; the source can.
     */
    public static List<String> topLevelTypes(String source) {
        List<String> out = new ArrayList<>();
        int depth = 0;
        int n = source.length();
        int i = 0;
        while (i < n) {
            char c = source.charAt(i);
            if (c == '/' && i + 1 < n && source.charAt(i + 1) == '/') {
                while (i < n && source.charAt(i) != '\n') {
                    i++;
                }
            } else if (c == '/' && i + 1 < n && source.charAt(i + 1) == '*') {
                int end = source.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 2;
            } else if (c == '"' || c == '\'') {
                if (c == '"' && source.startsWith("\"\"\"", i)) {
                    int end = source.indexOf("\"\"\"", i + 3);
                    i = end < 0 ? n : end + 3;
                    continue;
                }
                i++;
                while (i < n && source.charAt(i) != c) {
                    i += source.charAt(i) == '\\' ? 2 : 1;
                }
                i++;
            } else if (c == '{') {
                depth++;
                i++;
            } else if (c == '}') {
                depth--;
                i++;
            } else if (Character.isJavaIdentifierStart(c)) {
                int start = i;
                while (i < n && Character.isJavaIdentifierPart(source.charAt(i))) {
                    i++;
                }
                String word = source.substring(start, i);
                boolean keyword = word.equals("class")
                        || word.equals("interface")
                        || word.equals("enum")
                        || word.equals("record");
                boolean member = start > 0 && source.charAt(start - 1) == '.';
                if (depth == 0 && keyword && !member) {
                    int j = i;
                    while (j < n && Character.isWhitespace(source.charAt(j))) {
                        j++;
                    }
                    int k = j;
                    while (k < n && Character.isJavaIdentifierPart(source.charAt(k))) {
                        k++;
                    }
                    if (k > j) {
                        out.add(source.substring(j, k));
                    }
                }
            } else {
                i++;
            }
        }
        return out;
    }

    /** Why a learner's file may not be compiled (it declares top-level types besides the one named like it), or null. */
    public static String refusal(Path file, String source) {
        // javac reads Unicode escapes before anything else: "// \\u000a final class X {}" declares X on a line of its
        // own
        source = unescapeUnicode(source);
        String expected = file.getFileName().toString().replaceFirst("\\.java$", "");
        Matcher pkg = Pattern.compile("^\\s*package\\s+([\\w.]+)\\s*;", Pattern.MULTILINE)
                .matcher(source);
        String prefix = pkg.find() ? pkg.group(1) + "." : "";
        List<String> types = topLevelTypes(source);
        List<String> others = types.stream()
                .filter(t -> !t.equals(expected))
                .map(t -> prefix + t)
                .toList();
        if (others.isEmpty()) {
            return null;
        }
        return "the file declares top-level types besides " + expected + ": " + String.join(", ", others)
                + ". Keep only the stub's class; put helpers inside it as nested classes.";
    }

    /**
     * {@code source} with its Unicode escapes translated as javac does first (JLS §3.3): a backslash that is
     * not itself escaped (an even number of backslashes before it), one or more {@code u}, four hex digits.
     * A malformed escape is left as it is (javac refuses the file).
     */
    static String unescapeUnicode(String source) {
        if (source.indexOf("\\u") < 0) {
            return source;
        }
        StringBuilder sb = new StringBuilder(source.length());
        int n = source.length();
        int backslashes = 0;
        for (int i = 0; i < n; i++) {
            char c = source.charAt(i);
            if (c == '\\' && backslashes % 2 == 0 && i + 1 < n && source.charAt(i + 1) == 'u') {
                int j = i + 1;
                while (j < n && source.charAt(j) == 'u') {
                    j++;
                }
                if (j + 4 <= n && source.substring(j, j + 4).matches("[0-9a-fA-F]{4}")) {
                    sb.append((char) Integer.parseInt(source.substring(j, j + 4), 16));
                    i = j + 3;
                    backslashes = 0;
                    continue;
                }
            }
            backslashes = c == '\\' ? backslashes + 1 : 0;
            sb.append(c);
        }
        return sb.toString();
    }

    /** The learner's message for unexpected classes. */
    public static String message(List<String> extra, List<Path> stubSources) {
        List<String> names = new ArrayList<>();
        for (String e : extra) {
            names.add(e.endsWith(".class") ? e.substring(0, e.length() - 6).replace('/', '.') : e);
        }
        List<String> allowed = stubSources.stream().map(KataLayout::className).toList();
        return "Your files declare classes the exercise does not have: " + String.join(", ", names)
                + ". Keep only the stub's classes (" + String.join(", ", allowed)
                + "); put helpers inside them as nested classes.";
    }
}
