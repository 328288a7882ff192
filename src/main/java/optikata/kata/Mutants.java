package optikata.kata;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Mistakes nobody listed, derived from the reference solution: each mutant changes one thing in one
 * statement (an operator, a square root dropped, a statement left out or moved, the step number off
 * by one, float arithmetic, a loop that misses an element) and says so in the exercise's own
 * symbols ("in the update of s: a subtraction where the formula adds"), never by showing the
 * solution's code. They are run on every case when the kata's oracle is built; a learner whose
 * observations match one is told what it changed.
 */
public final class Mutants {
    private Mutants() {}

    /** Code names → the symbols the exercises use (per exercise overrides first, then the defaults where none). */
    static Map<String, String> symbols(String exercise) {
        Map<String, String> m = new LinkedHashMap<>();
        if (exercise.startsWith("01")) {
            m.put("learningRate", "α");
        }
        if (exercise.startsWith("02")) {
            m.put("decay", "γ");
        }
        if (exercise.startsWith("06")) {
            m.put("#buffers", "s,ḡ,b");
        } else if (exercise.startsWith("07")) {
            m.put("#buffers", "m,v");
        }
        m.putIfAbsent("theta", "θ");
        m.putIfAbsent("params", "θ");
        m.putIfAbsent("gradient", "g");
        m.putIfAbsent("g", "g");
        m.putIfAbsent("squaredGradientAverage", "s");
        m.putIfAbsent("squaredGradientSum", "s");
        m.putIfAbsent("s", "s");
        m.putIfAbsent("avg", "ḡ");
        m.putIfAbsent("b", "the momentum buffer b");
        m.putIfAbsent("d", "the denominator d");
        m.putIfAbsent("m", "m");
        m.putIfAbsent("v", "v");
        m.putIfAbsent("c1", "the bias correction 1 − β₁ᵗ");
        m.putIfAbsent("c2", "the bias correction 1 − β₂ᵗ");
        m.putIfAbsent("learningRate", "η");
        m.putIfAbsent("decay", "β");
        m.putIfAbsent("beta", "β");
        m.putIfAbsent("epsilon", "ε");
        m.putIfAbsent("momentum", "μ");
        m.putIfAbsent("beta1", "β₁");
        m.putIfAbsent("beta2", "β₂");
        m.putIfAbsent("gradients", "the gradient");
        m.putIfAbsent("residual", "the residual θᵀxᵢ − yᵢ");
        m.putIfAbsent("rms", "RMS");
        m.putIfAbsent("etaT", "the step size η_t");
        m.putIfAbsent("out", "the effective rate");
        m.putIfAbsent("steps", "the step count");
        m.putIfAbsent("average", "the average");
        m.putIfAbsent("prediction", "the prediction θᵀxᵢ");
        return m;
    }

    private static final Pattern ASSIGN = Pattern.compile(
            "^\\s*(?:(?:final\\s+)?(?:double|float|int|long|var|double\\[\\])\\s+)?([A-Za-z_][\\w.]*)(\\[[^\\]]*\\])?(?:\\.data\\[[^\\]]*\\])?\\s*([-+*/]?=)(?!=)");
    /** A method's declaration line; group 1 is its name. */
    private static final Pattern METHOD = Pattern.compile(
            "^\\s*(?:public|protected|private)\\s+(?:static\\s+)?(?:final\\s+)?[\\w<>\\[\\]]+\\s+(\\w+)\\(");
    /** A numeric array declared (a parameter or a local); group 1 is its name. */
    private static final Pattern ARRAY =
            Pattern.compile("\\b(?:double|int|long|float)(?:\\[\\])+\\s+(\\w+)\\b(?!\\s*\\()");

    /** The contract's methods besides the update itself: a mutant there is said to be there. */
    private static final List<String> CONTRACT_METHODS = List.of("reset", "effectiveLearningRate");

    private static final Pattern LOOP = Pattern.compile("for \\(int (\\w+) = ([^;]+); \\1 < ([^;]+); \\1\\+\\+\\)");

    /** The class whose static field selects the active mutant in a {@link Schema}: 0 is the solution itself. */
    public static final String SWITCH = "kata.MutantSwitch";

    static final String SWITCH_SOURCE = """
            package kata;

            /** Selects the active mutant (0: none); while {@code tracing}, notes which mutants' statements ran. */
            public final class MutantSwitch {
                public static volatile int id;
                public static volatile boolean tracing;
                public static final boolean[] reached = new boolean[4096];

                private MutantSwitch() {
                }

                public static boolean on(int n) {
                    if (tracing && n < reached.length) {
                        reached[n] = true;
                    }
                    return id == n;
                }
            }
            """;

    /**
     * A solution file with every mutant compiled in at once (a mutant schema): each mutated
     * statement is guarded by {@code kata.MutantSwitch.id}, so one compilation serves every mutant.
     * Mutant k (1-based) is described by {@code descriptions.get(k - 1)}.
     */
    public record Schema(String file, String text, List<String> descriptions, List<Site> sites) {}

    /**
     * Where mutant k (1-based) is and what it changes: {@code sites.get(k - 1)}, the solution's line (1-based),
     * the statement as the solution has it and as the mutant has it (empty when the mutant leaves it out).
     */
    public record Site(int line, String before, String after) {}

    /** The schema of {@code text} (a solution file of {@code exercise}) with up to {@code limit} mutants. */
    public static Schema schema(String exercise, String file, String text, int limit) {
        return schema(exercise, file, text, limit, Set.of());
    }

    /**
     * As {@link #schema(String, String, String, int)}, with the statements on the lines {@code plain} (1-based)
     * left as they are: lines whose mutants did not compile (an operator that does not fit a solution's types).
     */
    public static Schema schema(String exercise, String file, String text, int limit, Set<Integer> plain) {
        Map<String, String> symbols = symbols(exercise);
        String[] lines = text.split("\n", -1);
        // the arrays in scope (the method's parameters and locals so far), for "the length of another array"
        List<String> arrays = new ArrayList<>();
        List<String> descriptions = new ArrayList<>();
        List<Site> sites = new ArrayList<>();
        StringBuilder out = new StringBuilder();
        // a statement held back one line, so that it can be swapped with the next
        String pending = null;
        String pendingStmt = null;
        String pendingIndent = "";
        String pendingWhere = "";
        int pendingLine = -1;
        // the method a statement is in, when it is one of the contract's other methods (reset, the effective rate)
        String method = "";
        for (int k = 0; k < lines.length; k++) {
            String line = lines[k];
            Matcher declared = METHOD.matcher(line);
            if (declared.find()) {
                arrays.clear();
            }
            Matcher declaredArray = ARRAY.matcher(line);
            while (declaredArray.find()) {
                if (!arrays.contains(declaredArray.group(1))) {
                    arrays.add(declaredArray.group(1));
                }
            }
            if (declared.find(0)) {
                method = CONTRACT_METHODS.contains(declared.group(1)) ? declared.group(1) + "()" : "";
            }
            boolean starts = k == 0 || endsStatement(lines[k - 1]);
            boolean statement = starts
                    && isLogic(line)
                    && !plain.contains(k + 1)
                    && descriptions.size() < limit
                    && !LOOP.matcher(line).find()
                    && line.trim().endsWith(";")
                    && !line.contains("= {")
                    && !line.trim().startsWith("double[] ")
                    && !line.trim().matches("^(final\\s+)?[A-Z][\\w.]*(<.*>)?(\\[\\])*\\s+\\w+\\s*=.*");
            if (pending != null && !statement) {
                out.append(pendingIndent).append(pending).append('\n');
                pending = null;
            }
            if (!starts || !isLogic(line) || descriptions.size() >= limit || plain.contains(k + 1)) {
                out.append(line).append('\n');
                continue;
            }
            String where = where(line, symbols) + (method.isEmpty() ? "" : " in " + method);
            String indent = line.substring(0, indent(line));
            Matcher loop = LOOP.matcher(line);
            if (loop.find()) {
                String v = loop.group(1);
                String from = loop.group(2);
                String bound = loop.group(3);
                String header = loop.group();
                int late = add(
                        descriptions,
                        "the loop starts one late (off by one): the first element is skipped",
                        sites,
                        new Site(k + 1, header, loopHeader(v, from + " + 1", bound)));
                int early = add(
                        descriptions,
                        "the loop stops one early (off by one): the last element is skipped (with two elements: only the first entry is written)",
                        sites,
                        new Site(k + 1, header, loopHeader(v, from, bound + " - 1")));
                int once = add(
                        descriptions,
                        "the loop runs for the first element only: only the first entry is written",
                        sites,
                        new Site(k + 1, header, loopHeader(v, from, from + " + 1")));
                int shifted = add(
                        descriptions,
                        "the loop is shifted by one (off by one): it runs from " + from + " + 1 to " + bound
                                + " inclusive instead of from " + from + " to " + bound + " − 1",
                        sites,
                        new Site(k + 1, header, loopHeader(v, from + " + 1", bound + " + 1")));
                int rows = -1;
                if (bound.endsWith(".getNumElements()")) {
                    rows = add(
                            descriptions,
                            "the loop runs up to numRows instead of getNumElements(): with several columns it misses elements",
                            sites,
                            new Site(
                                    k + 1,
                                    header,
                                    loopHeader(v, from, bound.replace(".getNumElements()", ".numRows"))));
                }
                String upper = "(" + on(early) + " ? " + bound + " - 1 : " + on(shifted) + " ? " + bound + " + 1 : "
                        + on(once) + " ? "
                        + loop.group(2) + " + 1 : "
                        + (rows > 0 ? on(rows) + " ? " + bound.replace(".getNumElements()", ".numRows") + " : " : "")
                        + bound + ")";
                out.append(line.replace(
                                loop.group(),
                                "for (int " + v + " = (" + on(late) + " || " + on(shifted) + " ? " + loop.group(2)
                                        + " + 1 : "
                                        + loop.group(2) + "); " + v + " < " + upper + "; "
                                        + v + "++)"))
                        .append('\n');
                continue;
            }
            if (!line.trim().endsWith(";")
                    || line.contains("= {")
                    || line.trim().startsWith("double[] ")
                    || line.trim().matches("^(final\\s+)?[A-Z][\\w.]*(<.*>)?(\\[\\])*\\s+\\w+\\s*=.*")) {
                out.append(line).append('\n');
                continue;
            }
            Matcher a = ASSIGN.matcher(line);
            boolean declaration =
                    a.find() && line.trim().matches("^(final\\s+)?(double|float|int|long|var|double\\[\\])\\s.*");
            String stmt = line.trim();
            String original = stmt;
            String head = "";
            String declaredHead = "";
            if (declaration) {
                // double x = e;  →  double x; if (...) { x = e1; } else ... { x = e; }
                int eq = stmt.indexOf('=');
                String decl = stmt.substring(0, eq).trim();
                String name = decl.substring(decl.lastIndexOf(' ') + 1);
                head = decl + "; ";
                declaredHead = decl + " ";
                stmt = name + " " + stmt.substring(eq);
            }
            List<String[]> variants = new ArrayList<>();
            operators(stmt, where, variants);
            terms(stmt, where, symbols, variants);
            powers(stmt, where, symbols, variants);
            swaps(stmt, where, symbols, variants, text);
            habits(stmt, where, symbols, variants, arrays, text);
            if (!stmt.startsWith("return")) {
                if (!declaration) {
                    variants.add(new String[] {"", Words.capital(stripIn(where)) + " is left out"});
                }
                Matcher b = ASSIGN.matcher(stmt);
                String rhs = b.find()
                        ? stmt.substring(b.end(), stmt.lastIndexOf(';')).trim()
                        : "";
                boolean arithmetic = rhs.matches(".*\\s[-+*/]\\s.*") && !rhs.contains("new ");
                if (arithmetic && b.group(3).length() <= 2) {
                    int eq = b.end();
                    variants.add(new String[] {
                        stmt.substring(0, eq) + " (float) (" + rhs + ");",
                        Words.capital(stripIn(where)) + " is computed in float instead of double"
                    });
                }
            }
            if (stmt.contains("Math.pow(") && stmt.contains(", t)")) {
                variants.add(new String[] {
                    stmt.replace(", t)", ", t + 1)"),
                    "the step number t is one too large in " + stripIn(where) + " (t is already 1 on the first step)"
                });
                variants.add(new String[] {
                    stmt.replace(", t)", ", t - 1)"),
                    "the step number t is one too small in " + stripIn(where) + " (t is 1 on the first step)"
                });
            }
            StringBuilder chain = new StringBuilder(head);
            for (String[] v : variants) {
                if (descriptions.size() >= limit) {
                    break;
                }
                String after = v[0].isEmpty()
                        ? ""
                        : declaredHead.isEmpty() ? v[0] : declaredHead + v[0].substring(v[0].indexOf(' ') + 1);
                int n = add(descriptions, v[1], sites, new Site(k + 1, original, after));
                chain.append("if (").append(on(n)).append(") { ").append(v[0]).append(" } else ");
            }
            chain.append("{ ").append(stmt).append(" }");
            // the previous statement and this one in the wrong order: a declaration after a statement it does
            // not use (computed first, it sees the statement's old values), or two plain statements
            boolean adjacent = pending != null
                    && pendingIndent.equals(indent)
                    && k == pendingLine + 1
                    && descriptions.size() < limit;
            boolean swappable = declaration
                    ? adjacent
                            && !pendingStmt.matches(
                                    ".*\\b" + Pattern.quote(stmt.substring(0, stmt.indexOf(' '))) + "\\b.*")
                    : adjacent && !stmt.startsWith("return");
            if (swappable) {
                int n = add(
                        descriptions,
                        Words.capital(stripIn(where)) + " comes before " + stripIn(pendingWhere)
                                + ": it uses the value from before this step's update (update " + target(pendingWhere)
                                + " first)",
                        sites,
                        new Site(pendingLine + 1, pendingStmt + " " + original, original + " " + pendingStmt));
                // a declaration keeps its head outside the switch, so that what follows still sees it
                String lead = declaration ? head : "";
                String rest = chain.substring(lead.length());
                out.append(indent)
                        .append(lead)
                        .append("if (")
                        .append(on(n))
                        .append(") { ")
                        .append(stmt)
                        .append(' ')
                        .append(pendingStmt)
                        .append(" } else { ")
                        .append(pending)
                        .append(' ')
                        .append(rest)
                        .append(" }\n");
                pending = null;
                continue;
            }
            if (pending != null) {
                out.append(pendingIndent).append(pending).append('\n');
                pending = null;
            }
            if (!declaration && !stmt.startsWith("return")) {
                pending = chain.toString();
                pendingStmt = stmt;
                pendingIndent = indent;
                pendingWhere = where;
                pendingLine = k;
            } else {
                out.append(indent).append(chain).append('\n');
            }
        }
        if (pending != null) {
            out.append(pendingIndent).append(pending).append('\n');
        }
        String result = out.toString();
        return new Schema(
                file,
                result.endsWith("\n") && !text.endsWith("\n") ? result.substring(0, result.length() - 1) : result,
                descriptions,
                sites);
    }

    /**
     * The lines of {@code text} (1-based) whose statements are on the lines {@code errorLines} of {@code schemaText}
     * (the compiler's complaints about a schema): each line holds one statement's guarded mutants (two, for a swap).
     */
    public static Set<Integer> linesOf(String schemaText, List<Integer> errorLines, String text) {
        String[] out = schemaText.split("\n", -1);
        String[] in = text.split("\n", -1);
        Set<Integer> lines = new java.util.TreeSet<>();
        for (int e : errorLines) {
            if (e < 1 || e > out.length) {
                continue;
            }
            for (int k = 0; k < in.length; k++) {
                String t = in[k].trim();
                int eq = t.indexOf(" = ");
                String key = eq >= 0 ? t.substring(eq + 3) : t;
                if (key.length() > 2 && out[e - 1].contains(key)) {
                    lines.add(k + 1);
                }
            }
        }
        return lines;
    }

    /** The guard of mutant {@code n}: true when it is the active one (and, while tracing, notes that it was reached). */
    private static String on(int n) {
        return SWITCH + ".on(" + n + ")";
    }

    private static String loopHeader(String v, String from, String bound) {
        return "for (int " + v + " = " + from + "; " + v + " < " + bound + "; " + v + "++)";
    }

    /** "the update of s" → "s". */
    private static String target(String where) {
        String w = stripIn(where);
        return w.startsWith("the update of ") ? w.substring("the update of ".length()) : w;
    }

    private static final Pattern OPERAND = Pattern.compile("(config\\.\\w+\\(\\)|[A-Za-z_]\\w*(\\[\\w+\\])?)");

    /** Drops one additive term (" + ε") or one factor ("β * "), and one pair of grouping parentheses. */
    private static void terms(String stmt, String where, Map<String, String> symbols, List<String[]> variants) {
        int eq = stmt.indexOf('=');
        for (int i = Math.max(eq, 0); i < stmt.length() - 3; i++) {
            String op = stmt.substring(i, Math.min(stmt.length(), i + 3));
            if (op.equals(" + ") || op.equals(" - ")) {
                Matcher m = OPERAND.matcher(stmt);
                if (m.find(i + 3) && m.start() == i + 3) {
                    int end = m.end();
                    char after = end < stmt.length() ? stmt.charAt(end) : ';';
                    if (after == ')' || after == ';' || after == ' ') {
                        String name = symbol(m.group(), symbols);
                        String without = stmt.substring(0, i) + stmt.substring(end);
                        int open = after == ')' ? opening(stmt, i) : -1;
                        if (open >= 0) {
                            // a term of a group: say what the group becomes, (1 − β₂) → 1, √(g·g + ε) → √(g·g)
                            int from = stmt.substring(0, open).endsWith("Math.sqrt") ? open - 9 : open;
                            String group = stmt.substring(from, end + 1);
                            String rest = stmt.substring(open + 1, i);
                            String becomes =
                                    from == open && OPERAND.matcher(rest.trim()).matches()
                                            ? rest.trim()
                                            : stmt.substring(from, open + 1) + rest + ")";
                            variants.add(new String[] {
                                without,
                                name + " is missing from " + render(group, symbols) + " in " + stripIn(where)
                                        + ": it reads " + render(becomes, symbols)
                            });
                        } else {
                            variants.add(new String[] {
                                without,
                                name + " is missing in " + stripIn(where)
                                        + (name.equals("ε") ? " (ε keeps the division finite where s is 0)" : "")
                            });
                        }
                    }
                }
            }
            if (stmt.charAt(i) == ' ' && (i == eq + 1 || stmt.charAt(i - 1) == '(')) {
                Matcher m = OPERAND.matcher(stmt);
                if (m.find(i + 1) && m.start() == i + 1 && stmt.startsWith(" * ", m.end())) {
                    String name = symbol(m.group(), symbols);
                    boolean square = stmt.startsWith(m.group(), m.end() + 3);
                    variants.add(new String[] {
                        stmt.substring(0, i + 1) + stmt.substring(m.end() + 3),
                        square
                                ? name + " is not squared in " + stripIn(where) + " (" + name
                                        + " where the formula has " + name + "·" + name + ")"
                                : "the factor " + name + " is missing in " + stripIn(where) + " (" + name
                                        + " is missing)"
                    });
                }
            }
            if (stmt.charAt(i) == '(' && i > 0 && (stmt.charAt(i - 1) == ' ' || stmt.charAt(i - 1) == '(')) {
                int close = matching(stmt, i);
                String inner = close > 0 ? stmt.substring(i + 1, close) : "";
                boolean grouped = inner.contains(" + ") || inner.contains(" - ");
                boolean multiplied = close > 0
                        && (stmt.startsWith(" * ", close + 1)
                                || stmt.startsWith(" / ", close + 1)
                                || stmt.substring(0, i).endsWith(" * ")
                                || stmt.substring(0, i).endsWith(" / "));
                if (grouped && multiplied && balanced(inner)) {
                    variants.add(new String[] {
                        stmt.substring(0, i) + inner + stmt.substring(close + 1),
                        "the parentheses around ("
                                + render(inner, symbols) + ") are missing in " + stripIn(where)
                                + ": without them · and / bind before + and − (precedence)"
                    });
                }
            }
        }
    }

    /** Math.pow(a, b): the power written as a product, base and exponent swapped, the exponent off by one. */
    private static void powers(String stmt, String where, Map<String, String> symbols, List<String[]> variants) {
        Matcher m = Pattern.compile("Math\\.pow\\(([^,()]+(?:\\(\\))?), ([^()]+?)\\)")
                .matcher(stmt);
        while (m.find()) {
            String a = m.group(1);
            String b = m.group(2);
            String sa = symbol(a, symbols);
            String sb = symbol(b, symbols);
            String pre = stmt.substring(0, m.start());
            String post = stmt.substring(m.end());
            variants.add(new String[] {
                pre + "(" + a + " * " + b + ")" + post,
                "the power " + sa + "^" + sb + " is written as a product " + sa + "·" + sb + " in " + stripIn(where)
                        + ": use Math.pow"
            });
            variants.add(new String[] {
                pre + "Math.pow(" + b + ", " + a + ")" + post,
                "base and exponent are swapped in " + sa + "^" + sb + " (" + stripIn(where)
                        + "): Math.pow(base, exponent)"
            });
            if (!b.equals("t")) {
                variants.add(new String[] {
                    pre + "Math.pow(" + a + ", " + b + " - 1)" + post,
                    "the exponent " + sb + " is one too small in " + stripIn(where) + " (off by one: " + sb
                            + " − 1 where the formula has " + sb + ")"
                });
                variants.add(new String[] {
                    pre + "Math.pow(" + a + ", " + b + " + 1)" + post,
                    "the exponent " + sb + " is one too large in " + stripIn(where) + " (off by one: " + sb
                            + " + 1 where the formula has " + sb + ")"
                });
            }
        }
    }

    /** Symbols easy to mix up: β₁ and β₂, β and μ, and one state buffer read for another. */
    private static void swaps(
            String stmt, String where, Map<String, String> symbols, List<String[]> variants, String text) {
        String[][] pairs = {{"config.beta1()", "config.beta2()"}, {"config.decay()", "config.momentum()"}};
        for (String[] pair : pairs) {
            for (int k = 0; k < 2; k++) {
                String from = pair[k];
                String to = pair[1 - k];
                int at = text.contains(to.replace("config.", "").replace("()", "") + "(") || text.contains(to)
                        ? stmt.indexOf(from)
                        : -1;
                while (at >= 0) {
                    variants.add(new String[] {
                        stmt.substring(0, at) + to + stmt.substring(at + from.length()),
                        symbol(to, symbols)
                                + " instead of " + symbol(from, symbols) + " in " + stripIn(where) + ": "
                                + symbol(from, symbols) + " and "
                                + symbol(to, symbols) + " are mixed up"
                    });
                    at = stmt.indexOf(from, at + 1);
                }
            }
        }
        Matcher m = Pattern.compile("buffers\\[(\\d)\\]").matcher(stmt);
        String[] names = symbols.getOrDefault("#buffers", "").split(",");
        while (m.find()) {
            int k = Integer.parseInt(m.group(1));
            for (int j = 0; j < names.length; j++) {
                if (j != k && k < names.length && !names[0].isEmpty()) {
                    variants.add(new String[] {
                        stmt.replace("buffers[" + k + "]", "buffers[" + j + "]"),
                        "the wrong buffer in " + stripIn(where) + ": " + names[j] + " (buffers[" + j + "]) instead of "
                                + names[k] + " (buffers[" + k + "])"
                    });
                }
            }
        }
    }

    /** A code operand as the exercise writes it: config.decay() → β, s[i] → s. */
    static String symbol(String code, Map<String, String> symbols) {
        String c = code.trim();
        if (c.startsWith("config.") && c.endsWith("()")) {
            c = c.substring(7, c.length() - 2);
        }
        int bracket = c.indexOf('[');
        if (bracket > 0) {
            c = c.substring(0, bracket);
        }
        return symbols.getOrDefault(c, c);
    }

    /** Whether every '(' of {@code text} is closed in it, in order. */
    private static boolean balanced(String text) {
        int depth = 0;
        for (int j = 0; j < text.length(); j++) {
            depth += text.charAt(j) == '(' ? 1 : text.charAt(j) == ')' ? -1 : 0;
            if (depth < 0) {
                return false;
            }
        }
        return depth == 0;
    }

    /**
     * Learners' habits, each a program of its own: the root written as Math.pow(x, 1 / 2), the root of s² (s·s),
     * |g| for g·g, the learning rate applied twice, a fraction upside down, a factor η left out after + or −.
     */
    private static void habits(
            String stmt,
            String where,
            Map<String, String> symbols,
            List<String[]> variants,
            List<String> arrays,
            String text) {
        int at = stmt.indexOf("Math.sqrt(");
        if (at >= 0) {
            int open = at + "Math.sqrt".length();
            int close = matching(stmt, open);
            if (close > 0) {
                String inner = stmt.substring(open + 1, close);
                variants.add(new String[] {
                    stmt.substring(0, at) + "Math.pow(" + inner + ", 1 / 2)" + stmt.substring(close + 1),
                    "the root is written Math.pow(x, 1 / 2) in " + stripIn(where)
                            + ": 1 / 2 is integer division, 0, so the power is x⁰ = 1 and nothing is divided"
                });
                Matcher first = OPERAND.matcher(inner);
                if (first.lookingAt()
                        && !first.group().startsWith("config.")
                        && (first.end() == inner.length() || inner.charAt(first.end()) == ' ')) {
                    String name = symbol(first.group(), symbols);
                    variants.add(new String[] {
                        stmt.substring(0, open + 1) + first.group() + " * " + inner + stmt.substring(close),
                        "the root is taken of " + name + "² (" + name + "·" + name + ") instead of " + name + " in "
                                + stripIn(where)
                    });
                }
            }
        }
        Matcher square = Pattern.compile("(?<![\\w.\\]])([A-Za-z_]\\w*(?:\\[\\w+\\])?) \\* \\1(?![\\w\\[])")
                .matcher(stmt);
        if (square.find()) {
            String name = symbol(square.group(1), symbols);
            variants.add(new String[] {
                stmt.substring(0, square.start()) + "Math.abs(" + square.group(1) + ")" + stmt.substring(square.end()),
                "|" + name + "| where the formula has " + name + "² in " + stripIn(where)
                        + " (the absolute value instead of the square)"
            });
        }
        for (String rate : List.of("config.learningRate()", "learningRate")) {
            int r = stmt.indexOf(rate + " * ");
            if (r >= 0 && (r == 0 || (!Character.isLetterOrDigit(stmt.charAt(r - 1)) && stmt.charAt(r - 1) != '.'))) {
                String name = symbol(rate, symbols);
                variants.add(new String[] {
                    stmt.substring(0, r) + rate + " * " + stmt.substring(r),
                    name + " is applied twice in " + stripIn(where) + " (" + name + "·" + name
                            + " where the formula has " + name + ")"
                });
                if (r >= 2 && (stmt.startsWith("- ", r - 2) || stmt.startsWith("+ ", r - 2))) {
                    variants.add(new String[] {
                        stmt.substring(0, r) + stmt.substring(r + rate.length() + 3),
                        "the learning rate " + name + " is missing in " + stripIn(where)
                    });
                }
                break;
            }
        }
        // the root's boundary moved: √(a / b) read as √a / b, √(a + ε) as √a + ε (and back)
        int root = stmt.indexOf("Math.sqrt(");
        while (root >= 0) {
            int open = root + "Math.sqrt".length();
            int close = matching(stmt, open);
            if (close < 0) {
                break;
            }
            String inner = stmt.substring(open + 1, close);
            Matcher last = Pattern.compile(" ([/*+]) ([A-Za-z_][\\w.]*(?:\\(\\))?(?:\\[\\w+\\])?)$")
                    .matcher(inner);
            if (last.find() && balanced(inner.substring(0, last.start()))) {
                String op = last.group(1);
                String name = render(last.group(2), symbols);
                String word = op.equals("/") ? "divides" : op.equals("*") ? "multiplies" : "adds";
                // grouped, so that only the root's boundary moves (not the operator's place in the expression)
                variants.add(new String[] {
                    stmt.substring(0, root) + "(Math.sqrt(" + inner.substring(0, last.start()) + ") " + op + " "
                            + last.group(2) + ")" + stmt.substring(close + 1),
                    "the square root ends too early in " + stripIn(where) + ": " + name + " " + word + " "
                            + render("Math.sqrt(" + inner.substring(0, last.start()) + ")", symbols)
                            + " instead of being under the root ("
                            + render("Math.sqrt(" + inner.substring(0, last.start()) + ")", symbols) + " "
                            + render(op, symbols) + " " + name + " where the formula has "
                            + render("Math.sqrt(" + inner + ")", symbols) + ")"
                });
            }
            root = stmt.indexOf("Math.sqrt(", close);
        }
        // a divisor or a factor after the first operand left out: x / c1 → x, x * η → x
        Matcher divisor = Pattern.compile(" ([/*]) ([A-Za-z_][\\w.]*(?:\\(\\))?(?:\\[\\w+\\])?)(?=[ );])")
                .matcher(stmt);
        int eqAt = stmt.indexOf('=');
        while (divisor.find()) {
            if (divisor.start() < eqAt) {
                continue;
            }
            String name = render(divisor.group(2), symbols);
            variants.add(new String[] {
                stmt.substring(0, divisor.start()) + stmt.substring(divisor.end()),
                (divisor.group(1).equals("/") ? "the division by " + name : "the factor " + name) + " is missing in "
                        + stripIn(where)
            });
        }
        // the new term of a running sum weighted like an average's: b = μ·b + y → b = μ·b + (1 − μ)·y
        Matcher ema = Pattern.compile(
                        "^([A-Za-z_]\\w*(?:\\[\\w+\\])?) = ([A-Za-z_][\\w.]*(?:\\(\\))?) \\* \\1 \\+ (.+);$")
                .matcher(stmt);
        if (ema.find() && !ema.group(3).startsWith("(1 - ")) {
            String c = ema.group(2);
            String sc = symbol(c, symbols);
            variants.add(new String[] {
                ema.group(1) + " = " + c + " * " + ema.group(1) + " + (1 - " + c + ") * (" + ema.group(3) + ");",
                "the new term of " + stripIn(where).replace("the update of ", "") + " is weighted by (1 − " + sc
                        + ") as in a moving average, where the formula adds it whole"
            });
        }
        // a value squared where the formula has the value itself, and a square written as Math.pow(2, x) (2ˣ)
        Matcher lone =
                Pattern.compile("(?<=[ (])([a-z]\\w*(?:\\[\\w+\\])?)(?=[ );])").matcher(stmt);
        List<String> squared = new ArrayList<>();
        while (lone.find()) {
            String x = lone.group(1);
            boolean already = stmt.startsWith(" * " + x, lone.end())
                    || stmt.substring(0, lone.start()).endsWith(x + " * ");
            boolean numeric = x.contains("[") || text.matches("(?s).*\\bdouble\\s+" + Pattern.quote(x) + "\\b.*");
            if (lone.start() > eqAt
                    && eqAt > 0
                    && numeric
                    && !already
                    && !x.equals("i")
                    && !x.equals("t")
                    && !squared.contains(x)
                    && (stmt.startsWith(" ", lone.end())
                            || stmt.startsWith(";", lone.end())
                            || stmt.startsWith(")", lone.end()))) {
                squared.add(x);
                String sx = symbol(x, symbols);
                variants.add(new String[] {
                    stmt.substring(0, lone.start()) + "(" + x + " * " + x + ")" + stmt.substring(lone.end()),
                    sx + " is squared in " + stripIn(where)
                            + (sx.contains(" ") ? "" : " (" + sx + "² where the formula has " + sx + ")")
                });
            }
        }
        Matcher sq = Pattern.compile("(?<![\\w.\\]])([A-Za-z_]\\w*(?:\\[\\w+\\])?) \\* \\1(?![\\w\\[])")
                .matcher(stmt);
        if (sq.find() && !stmt.startsWith("int ") && !stmt.startsWith("long ")) {
            String name = symbol(sq.group(1), symbols);
            variants.add(new String[] {
                stmt.substring(0, sq.start()) + "Math.pow(2, " + sq.group(1) + ")" + stmt.substring(sq.end()),
                name + "² is written Math.pow(2, " + name + ") in " + stripIn(where) + ", which is 2^" + name
                        + ": Math.pow(base, exponent)"
            });
        }
        // the clamp at 0 left out: Math.max(x, 0) → x
        int clamp = stmt.indexOf("Math.max(");
        if (clamp >= 0) {
            int open = clamp + "Math.max".length();
            int close = matching(stmt, open);
            String inner = close > 0 ? stmt.substring(open + 1, close) : "";
            if (inner.endsWith(", 0") && balanced(inner.substring(0, inner.length() - 3))) {
                String x = inner.substring(0, inner.length() - 3);
                variants.add(new String[] {
                    stmt.substring(0, clamp) + "(" + x + ")" + stmt.substring(close + 1),
                    render(x, symbols) + " is not kept at 0 or above where " + stripIn(where)
                            + " uses it (Math.max(…, 0) before anything else): it can round below 0, and the root of a"
                            + " negative number is NaN"
                });
            }
        }
        // 1 / n written with two ints: integer division, 0 for n > 1
        Matcher count = Pattern.compile(" / ([a-z]\\w*\\.length)\\b").matcher(stmt);
        if (count.find() && count.start() > eqAt) {
            variants.add(new String[] {
                stmt.substring(0, count.start()) + " * (1 / " + count.group(1) + ")" + stmt.substring(count.end()),
                "1 / " + count.group(1) + " is integer division in " + stripIn(where)
                        + ": two ints give 0 for a count above 1 (write 1.0 / n, or divide by n)"
            });
        }
        // a quotient cast to int: the fraction dropped
        if (stmt.startsWith("return ") && stmt.contains(" / ") && !stmt.contains("(int)") && !stmt.contains("new ")) {
            variants.add(new String[] {
                "return (int) (" + stmt.substring(7, stmt.length() - 1) + ");",
                "the returned value is cast to int: its fraction is dropped (" + stripIn(where) + ")"
            });
        }
        // the length of another array: x.length where the formula counts y
        Matcher length = Pattern.compile("\\b([a-z]\\w*)\\.length\\b").matcher(stmt);
        while (length.find()) {
            for (String other : arrays) {
                if (!other.equals(length.group(1))) {
                    variants.add(new String[] {
                        stmt.substring(0, length.start()) + other + ".length" + stmt.substring(length.end()),
                        "the length of " + symbol(other, symbols) + " where the formula counts "
                                + symbol(length.group(1), symbols) + " (" + other + ".length instead of "
                                + length.group(1) + ".length) in " + stripIn(where)
                    });
                }
            }
        }
        Matcher fraction =
                Pattern.compile("= ([A-Za-z_][\\w.]*(?:\\(\\))?) / (.+);$").matcher(stmt);
        if (fraction.find() && !fraction.group(2).contains(" / ")) {
            String num = fraction.group(1);
            String den = fraction.group(2);
            variants.add(new String[] {
                stmt.substring(0, fraction.start()) + "= (" + den + ") / " + num + ";",
                "the fraction is upside down in " + stripIn(where) + ": " + render(den, symbols) + " / "
                        + render(num, symbols) + " where the formula has " + render(num, symbols) + " / "
                        + render(den, symbols)
            });
        }
    }

    /** The index of the '(' whose group holds {@code at}, or -1. */
    private static int opening(String stmt, int at) {
        int depth = 0;
        for (int j = at - 1; j >= 0; j--) {
            char ch = stmt.charAt(j);
            if (ch == ')') {
                depth++;
            } else if (ch == '(') {
                if (depth == 0) {
                    return j;
                }
                depth--;
            }
        }
        return -1;
    }

    /** An expression in the exercise's symbols: (1 - config.decay()) → (1 − β). */
    static String render(String code, Map<String, String> symbols) {
        Matcher m = OPERAND.matcher(code);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(sb, Matcher.quoteReplacement(symbol(m.group(), symbols)));
        }
        m.appendTail(sb);
        return sb.toString().replace(" - ", " − ").replace(" * ", "·").replace("Math.sqrt", "√");
    }

    private static int add(List<String> descriptions, String description, List<Site> sites, Site site) {
        descriptions.add(description);
        sites.add(site);
        return descriptions.size();
    }

    private static boolean endsStatement(String line) {
        String t = line.trim();
        return t.isEmpty()
                || t.endsWith(";")
                || t.endsWith("{")
                || t.endsWith("}")
                || t.startsWith("//")
                || t.startsWith("*")
                || t.endsWith("*/");
    }

    /** One variant per binary operator swapped and per square root dropped in {@code line}. */
    private static void operators(String line, String where, List<String[]> variants) {
        boolean inString = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') {
                inString = !inString;
            }
            if (inString) {
                continue;
            }
            char prev = i > 0 ? line.charAt(i - 1) : ' ';
            char next = i + 1 < line.length() ? line.charAt(i + 1) : ' ';
            if (prev != ' ' || next != ' ') {
                // binary operators are written with spaces around them here; compound ones handled below
                if ((c == '-' || c == '+') && next == '=' && prev == ' ') {
                    variants.add(new String[] {
                        line.substring(0, i) + (c == '-' ? '+' : '-') + line.substring(i + 1),
                        c == '-'
                                ? "the step is added where it must be subtracted"
                                : "the value is subtracted where it must be added"
                    });
                }
                continue;
            }
            String swap = switch (c) {
                case '+' -> "-";
                case '-' -> "+";
                case '*' -> "/";
                case '/' -> "*";
                default -> null;
            };
            if (swap == null) {
                continue;
            }
            String words = switch (c) {
                case '+' -> "a subtraction where the formula adds";
                case '-' -> "an addition where the formula subtracts";
                case '*' -> "a division where the formula multiplies";
                default -> "a multiplication where the formula divides";
            };
            variants.add(new String[] {line.substring(0, i) + swap + line.substring(i + 1), where + ": " + words});
        }
        int at = line.indexOf("Math.sqrt(");
        while (at >= 0) {
            int open = at + "Math.sqrt".length();
            int close = matching(line, open);
            if (close > 0) {
                variants.add(new String[] {
                    line.substring(0, at) + line.substring(open, close + 1) + line.substring(close + 1),
                    where + ": the square root is missing"
                });
            }
            at = line.indexOf("Math.sqrt(", at + 1);
        }
    }

    private static int matching(String s, int open) {
        int depth = 0;
        for (int i = open; i < s.length(); i++) {
            if (s.charAt(i) == '(') {
                depth++;
            } else if (s.charAt(i) == ')' && --depth == 0) {
                return i;
            }
        }
        return -1;
    }

    /** "in the update of s", from the statement's target; "in the returned value" for a return. */
    static String where(String line, Map<String, String> symbols) {
        String t = line.trim();
        if (t.startsWith("return ")) {
            return "in the returned value";
        }
        Matcher a = ASSIGN.matcher(line);
        if (a.find()) {
            String name = a.group(1);
            name = name.contains(".") ? name.substring(0, name.indexOf('.')) : name;
            String symbol = symbols.getOrDefault(name, name);
            return "in the update of " + symbol;
        }
        if (t.startsWith("for ")) {
            return "in the loop";
        }
        return "in one statement";
    }

    private static String stripIn(String where) {
        return where.startsWith("in ") ? where.substring(3) : where;
    }

    static boolean isLogic(String line) {
        String t = line.trim();
        if (t.isEmpty()
                || t.startsWith("*")
                || t.startsWith("/")
                || t.startsWith("@")
                || t.startsWith("import ")
                || t.startsWith("package ")
                || t.startsWith("super(")
                || t.startsWith("this.")
                || t.startsWith("throw ")
                || t.startsWith("private ")
                || t.startsWith("public ")
                || t.startsWith("protected ")
                || t.startsWith("if (")
                || t.startsWith("}")
                || t.contains("new IllegalArgumentException")) {
            return false;
        }
        return t.endsWith(";") || t.startsWith("for (");
    }

    private static int indent(String line) {
        int i = 0;
        while (i < line.length() && line.charAt(i) == ' ') {
            i++;
        }
        return i;
    }
}
