package optikata.kata;

import com.sun.source.tree.ArrayAccessTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.JavacTask;
import com.sun.source.util.SourcePositions;
import com.sun.source.util.TreePathScanner;
import com.sun.source.util.Trees;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.tools.JavaCompiler;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;

/**
 * The same slip made wherever the changed code appears: a learner who writes {@code t + 1} for the
 * step number in the update writes it in the effective rate too, and one who puts ε inside the root
 * of the step puts it there in the rate, where the same expression is spelled with the state buffer
 * ({@code buffers[0].data[i]}) instead of the update's local name for it ({@code s[i]}). A change to
 * the reference solution (a catalogue mistake, a generated mutant) is one program; this builds a
 * second one from it, with the change made at every other place the changed expression occurs, so
 * that the oracle can record it and the judge can name it only when it reproduces every observation.
 *
 * <p>Java is read with the JDK's own parser ({@code com.sun.source}): the changed expression is the
 * smallest compound expression of the solution that holds the change; two expressions are "the same"
 * when their source, with each local alias of a field (a {@code double[] s = buffers[0].data;}) written
 * out and white space removed, is the same. The result is only a candidate: the oracle compiles it and
 * drops it when it does not compile.
 */
final class SameSlip {
    private SameSlip() {}

    /** One change to the solution's text: {@code before} (at {@code start}) becomes {@code after}. */
    record Edit(int start, String before, String after) {}

    /** The solution with the change made everywhere, and the methods it reached besides the first. */
    record Everywhere(String text, List<String> alsoIn) {}

    /** An expression of the solution: where it is, the method it is in, and its source with aliases written out. */
    private record Expr(int start, int end, String method, String normal, Tree.Kind kind) {}

    /**
     * The solution with each edit made where it was and at every other place its changed expression
     * occurs; null when no edit's expression occurs anywhere else (or the text cannot be read).
     */
    static Everywhere everywhere(String solution, List<Edit> edits) {
        Parsed p = Parsed.of(solution);
        if (p == null) {
            return null;
        }
        // replacements: start → [end, text]
        List<int[]> spans = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        Set<String> alsoIn = new LinkedHashSet<>();
        for (Edit e : edits) {
            if (e.start() < 0
                    || e.start() + e.before().length() > solution.length()
                    || !solution.startsWith(e.before(), e.start())) {
                return null;
            }
            int pre = commonPrefix(e.before(), e.after());
            int suf = commonSuffix(e.before(), e.after(), pre);
            int from = e.start() + pre;
            int to = e.start() + e.before().length() - suf;
            String middle = e.after().substring(pre, e.after().length() - suf);
            Expr n = p.smallestCompound(from, to);
            if (n == null) {
                spans.add(new int[] {e.start(), e.start() + e.before().length()});
                texts.add(e.after());
                continue;
            }
            String replacement = solution.substring(n.start(), from) + middle + solution.substring(to, n.end());
            spans.add(new int[] {e.start(), e.start() + e.before().length()});
            texts.add(e.after());
            String normalReplacement = p.writeOut(replacement, n.method());
            if (normalReplacement == null) {
                continue;
            }
            for (Expr m : p.expressions) {
                if (!m.equals(n)
                        && m.normal().equals(n.normal())
                        && m.kind() == n.kind()
                        && (m.end() <= e.start()
                                || m.start() >= e.start() + e.before().length())) {
                    spans.add(new int[] {m.start(), m.end()});
                    texts.add(normalReplacement);
                    alsoIn.add(m.method().isEmpty() ? "the class" : m.method() + "()");
                }
            }
        }
        if (spans.size() == edits.size()) {
            return null;
        }
        // apply from the end; a span that overlaps one already applied is left out
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < spans.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.comparingInt((Integer i) -> spans.get(i)[0]).reversed());
        StringBuilder out = new StringBuilder(solution);
        int limit = Integer.MAX_VALUE;
        for (int i : order) {
            int[] s = spans.get(i);
            if (s[1] > limit) {
                continue;
            }
            out.replace(s[0], s[1], texts.get(i));
            limit = s[0];
        }
        String text = out.toString();
        return new Everywhere(text, List.copyOf(alsoIn));
    }

    private static int commonPrefix(String a, String b) {
        int n = 0;
        while (n < a.length() && n < b.length() && a.charAt(n) == b.charAt(n)) {
            n++;
        }
        return n;
    }

    private static int commonSuffix(String a, String b, int prefix) {
        int n = 0;
        while (n < a.length() - prefix
                && n < b.length() - prefix
                && a.charAt(a.length() - 1 - n) == b.charAt(b.length() - 1 - n)) {
            n++;
        }
        return n;
    }

    /** A parsed file: its expressions and each method's local aliases. */
    private static final class Parsed {
        final String text;
        final List<Expr> expressions = new ArrayList<>();
        /** method → alias name → the expression it stands for. */
        final Map<String, Map<String, String>> aliases = new HashMap<>();
        /** Identifier occurrences: start → [end, method]. */
        final List<Object[]> identifiers = new ArrayList<>();

        private Parsed(String text) {
            this.text = text;
        }

        static Parsed of(String text) {
            Unit u = Unit.parse(text);
            if (u == null) {
                return null;
            }
            Parsed p = new Parsed(text);
            SourcePositions pos = u.positions();
            // first the aliases and identifiers, then the expressions' written-out forms
            List<Object[]> raw = new ArrayList<>();
            new TreePathScanner<Void, String>() {
                @Override
                public Void visitMethod(MethodTree node, String method) {
                    return super.visitMethod(node, node.getName().toString());
                }

                @Override
                public Void visitVariable(VariableTree node, String method) {
                    ExpressionTree init = node.getInitializer();
                    if (method != null
                            && init != null
                            && (init instanceof MemberSelectTree || init instanceof ArrayAccessTree)) {
                        long s = pos.getStartPosition(u.unit(), init);
                        long e = pos.getEndPosition(u.unit(), init);
                        if (s >= 0 && e > s) {
                            p.aliases
                                    .computeIfAbsent(method, k -> new HashMap<>())
                                    .put(node.getName().toString(), text.substring((int) s, (int) e));
                        }
                    }
                    return super.visitVariable(node, method);
                }

                @Override
                public Void visitIdentifier(IdentifierTree node, String method) {
                    long s = pos.getStartPosition(u.unit(), node);
                    long e = pos.getEndPosition(u.unit(), node);
                    if (s >= 0 && e > s) {
                        p.identifiers.add(new Object[] {(int) s, (int) e, method == null ? "" : method});
                    }
                    return super.visitIdentifier(node, method);
                }

                @Override
                public Void scan(Tree tree, String method) {
                    if (tree instanceof ExpressionTree) {
                        long s = pos.getStartPosition(u.unit(), tree);
                        long e = pos.getEndPosition(u.unit(), tree);
                        if (s >= 0 && e > s) {
                            raw.add(new Object[] {(int) s, (int) e, method == null ? "" : method, tree.getKind()});
                        }
                    }
                    return super.scan(tree, method);
                }
            }.scan(u.unit(), null);
            for (Object[] r : raw) {
                int s = (int) r[0];
                int e = (int) r[1];
                String method = (String) r[2];
                p.expressions.add(new Expr(s, e, method, p.normal(s, e, method), (Tree.Kind) r[3]));
            }
            return p;
        }

        /** The source of [s, e) with the method's aliases written out and white space removed. */
        String normal(int s, int e, String method) {
            Map<String, String> a = aliases.getOrDefault(method, Map.of());
            StringBuilder sb = new StringBuilder();
            int at = s;
            List<Object[]> inside = new ArrayList<>();
            for (Object[] id : identifiers) {
                if ((int) id[0] >= s && (int) id[1] <= e && method.equals(id[2])) {
                    inside.add(id);
                }
            }
            inside.sort(Comparator.comparingInt(x -> (int) x[0]));
            for (Object[] id : inside) {
                String name = text.substring((int) id[0], (int) id[1]);
                String out = a.get(name);
                if (out != null && (int) id[0] >= at) {
                    sb.append(text, at, (int) id[0]).append(out);
                    at = (int) id[1];
                }
            }
            sb.append(text, at, e);
            return sb.toString().replaceAll("\\s+", "");
        }

        /** {@code fragment} (an expression of {@code method}) with that method's aliases written out; null if unreadable. */
        String writeOut(String fragment, String method) {
            Map<String, String> a = aliases.getOrDefault(method, Map.of());
            if (a.isEmpty()) {
                return fragment;
            }
            String wrapper = "class W { Object w = (" + fragment + "); }";
            Unit u = Unit.parse(wrapper);
            if (u == null) {
                return null;
            }
            int offset = "class W { Object w = (".length();
            List<int[]> ids = new ArrayList<>();
            new TreePathScanner<Void, Void>() {
                @Override
                public Void visitIdentifier(IdentifierTree node, Void v) {
                    long s = u.positions().getStartPosition(u.unit(), node);
                    long e = u.positions().getEndPosition(u.unit(), node);
                    String name = node.getName().toString();
                    if (s >= offset
                            && a.containsKey(name)
                            && e - offset <= fragment.length()
                            && fragment.substring((int) s - offset, (int) e - offset)
                                    .equals(name)) {
                        ids.add(new int[] {(int) s - offset, (int) e - offset});
                    }
                    return super.visitIdentifier(node, null);
                }
            }.scan(u.unit(), null);
            ids.sort(Comparator.comparingInt((int[] x) -> x[0]).reversed());
            StringBuilder sb = new StringBuilder(fragment);
            for (int[] id : ids) {
                sb.replace(id[0], id[1], a.get(fragment.substring(id[0], id[1])));
            }
            return sb.toString();
        }

        /** The smallest compound expression (not a name or a literal) whose source holds [from, to). */
        Expr smallestCompound(int from, int to) {
            Expr best = null;
            for (Expr x : expressions) {
                boolean compound = x.kind() != Tree.Kind.IDENTIFIER
                        && x.kind() != Tree.Kind.MEMBER_SELECT
                        && !(x.kind().asInterface() == com.sun.source.tree.LiteralTree.class);
                if (compound
                        && x.start() <= from
                        && x.end() >= to
                        && (from < to ? true : x.start() < from || x.end() > to)
                        && (best == null || x.end() - x.start() < best.end() - best.start())) {
                    best = x;
                }
            }
            return best;
        }
    }

    /** A declaration on one line: indent, type and name, the value. */
    private static final java.util.regex.Pattern DECLARATION = java.util.regex.Pattern.compile(
            "^(\\s*)((?:final\\s+)?(?:double|float|int|long)\\s+)(\\w+)\\s*=\\s*(.+;)\\s*$");

    /**
     * One source with every program of {@code variants} (each the solution with some lines changed) compiled in:
     * variant k (1-based) runs when {@code switchClass}'s {@code id} is k. Null when a variant changes a line that is
     * not a whole statement or a one-line declaration (it is then compiled on its own), or the line counts differ.
     */
    static String schema(String solution, List<String> variants, String switchClass) {
        if (variants.isEmpty()) {
            return null;
        }
        String[] base = solution.split("\n", -1);
        Map<Integer, List<String[]>> changed = new java.util.TreeMap<>();
        for (int k = 0; k < variants.size(); k++) {
            String[] v = variants.get(k).split("\n", -1);
            if (v.length != base.length) {
                return null;
            }
            for (int line = 0; line < base.length; line++) {
                if (!v[line].equals(base[line])) {
                    changed.computeIfAbsent(line, x -> new ArrayList<>())
                            .add(new String[] {Integer.toString(k + 1), v[line]});
                }
            }
        }
        StringBuilder out = new StringBuilder();
        for (int line = 0; line < base.length; line++) {
            List<String[]> here = changed.get(line);
            if (here == null) {
                out.append(base[line]);
            } else {
                String orig = base[line];
                java.util.regex.Matcher d = DECLARATION.matcher(orig);
                String trimmed = orig.trim();
                boolean statement = trimmed.endsWith(";")
                        && !trimmed.startsWith("for ")
                        && !trimmed.startsWith("for(")
                        && !trimmed.startsWith("if ")
                        && !trimmed.startsWith("}")
                        && !trimmed.startsWith("double[] ");
                if (!d.matches() && !statement) {
                    return null;
                }
                StringBuilder chain = new StringBuilder(
                        orig.substring(0, orig.length() - orig.stripLeading().length()));
                if (d.matches()) {
                    chain.append(d.group(2)).append(d.group(3)).append("; ");
                }
                for (String[] v : here) {
                    String body;
                    if (d.matches()) {
                        java.util.regex.Matcher dv = DECLARATION.matcher(v[1]);
                        if (!dv.matches() || !dv.group(3).equals(d.group(3))) {
                            return null;
                        }
                        body = dv.group(3) + " = " + dv.group(4);
                    } else {
                        body = v[1].trim();
                    }
                    chain.append("if (")
                            .append(switchClass)
                            .append(".on(")
                            .append(v[0])
                            .append(")) { ")
                            .append(body)
                            .append(" } else ");
                }
                chain.append("{ ")
                        .append(d.matches() ? d.group(3) + " = " + d.group(4) : trimmed)
                        .append(" }");
                out.append(chain);
            }
            if (line < base.length - 1) {
                out.append('\n');
            }
        }
        return out.toString();
    }

    /** A compilation unit parsed by javac (no attribution, nothing compiled). */
    private record Unit(CompilationUnitTree unit, SourcePositions positions) {
        static Unit parse(String text) {
            JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
            if (javac == null) {
                return null;
            }
            SimpleJavaFileObject file =
                    new SimpleJavaFileObject(URI.create("string:///Solution.java"), SimpleJavaFileObject.Kind.SOURCE) {
                        @Override
                        public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                            return text;
                        }
                    };
            JavacTask task = (JavacTask) javac.getTask(null, null, d -> {}, List.of("-proc:none"), null, List.of(file));
            try {
                for (CompilationUnitTree u : task.parse()) {
                    return new Unit(u, Trees.instance(task).getSourcePositions());
                }
                return null;
            } catch (IOException | RuntimeException e) {
                return null;
            }
        }
    }
}
