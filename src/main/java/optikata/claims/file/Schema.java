package optikata.claims.file;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import optikata.claims.Claim;
import optikata.claims.Register;
import optikata.objective.Objective;
import optikata.objective.Objectives;
import optikata.optim.EpsilonPlacement;
import optikata.optim.OptimizerKind;
import optikata.optim.OptimizerRegistry;
import optikata.optim.OptimizerSpec;
import optikata.optim.RmsPropPreset;

/**
 * Checks a claims file's tree against the schema of {@code docs/CLAIMS-FILE.md} and builds the claims.
 * Every mistake is collected with its line, column and key; nothing runs here but the construction of
 * objectives and optimizers, which validates their names and hyperparameters.
 */
final class Schema {
    static final List<String> TOP_KEYS = List.of("series", "claims");
    static final List<String> CLAIM_KEYS =
            List.of("id", "source", "quote", "statement", "restates", "setup", "measure", "expect", "checks");
    static final List<String> CHECK_KEYS = List.of("setup", "measure", "expect");
    static final List<String> SETUP_KEYS =
            List.of("objective", "gradients", "start", "optimizer", "preset", "hyperparameters", "steps");
    static final List<String> MEASURE_KEYS =
            List.of("quantity", "step", "coordinate", "lag", "last", "below", "of", "over");
    static final List<String> EXPECT_KEYS =
            List.of("approx", "at-most", "at-least", "monotone", "faster-than", "tolerance");
    static final List<String> FORMS = List.of("approx", "at-most", "at-least", "monotone", "faster-than");

    /** The file's hyperparameter keys and the family's option names they stand for. */
    static final Map<String, String> HYPERPARAMETERS = orderedMap(
            "learning-rate", OptimizerSpec.LEARNING_RATE,
            "decay", OptimizerSpec.DECAY,
            "epsilon", OptimizerSpec.EPSILON,
            "epsilon-placement", OptimizerSpec.EPSILON_PLACEMENT,
            "centered", OptimizerSpec.CENTERED,
            "momentum", OptimizerSpec.MOMENTUM,
            "initial-accumulator", OptimizerSpec.INITIAL_ACCUMULATOR,
            "beta1", OptimizerSpec.BETA1,
            "beta2", OptimizerSpec.BETA2);

    /** An instructor's id: a letter, then letters, digits or '-', at most 24 characters. */
    static final Pattern ID = Pattern.compile("[A-Za-z][A-Za-z0-9-]{0,23}");
    /** The register's series (the texts' C01–C25, the libraries' L01–L07, and their future numbers). */
    static final Pattern REGISTER_ID = Pattern.compile("[CcLl][0-9]+");

    static final int MAX_STEPS = 100_000;
    /** The weights of s are read with one run per past step, so their runs are shorter. */
    static final int MAX_STEPS_FOR_WEIGHTS = 2_000;

    private final String file;
    private final List<Problem> problems;
    /** The keys each map allows, as {@link #unknownKeys} checked them (by identity). */
    private final IdentityHashMap<Node.Mapping, List<String>> allowedKeys = new IdentityHashMap<>();

    Schema(String file, List<Problem> problems) {
        this.file = file;
        this.problems = problems;
    }

    // ---- the file and its claims -------------------------------------------------------------

    /** The series' title and claims; null claims when the file is not usable at all. */
    record Read(String series, List<FileClaim> claims) {}

    Read file(Node root) {
        if (!(root instanceof Node.Mapping top)) {
            problem(root, "", "the file must be a map with the key claims, not " + root.kind());
            return new Read(null, List.of());
        }
        unknownKeys(top, "", TOP_KEYS);
        String series = top.has("series") ? text(top.get("series"), "series") : null;
        Node claimsNode = top.get("claims");
        if (claimsNode == null) {
            missing(top, "claims", List.of("claims"), "missing key claims: the list of the instructor's claims");
            return new Read(series, List.of());
        }
        if (!(claimsNode instanceof Node.Sequence list)) {
            problem(claimsNode, "claims", "claims must be a list of claims, not " + claimsNode.kind());
            return new Read(series, List.of());
        }
        if (list.items().isEmpty()) {
            problem(list, "claims", "claims is empty: give at least one claim");
        }
        List<FileClaim> claims = new ArrayList<>();
        Map<String, Node> ids = new LinkedHashMap<>();
        int i = 1;
        for (Node item : list.items()) {
            FileClaim c = claim(item, "claims[" + i++ + "]", ids);
            if (c != null) {
                claims.add(c);
            }
        }
        return new Read(series, claims);
    }

    private FileClaim claim(Node node, String path, Map<String, Node> ids) {
        if (!(node instanceof Node.Mapping m)) {
            problem(
                    node,
                    path,
                    "a claim must be a map (id, source, quote, setup, measure, expect), not " + node.kind());
            return null;
        }
        int before = problems.size();
        unknownKeys(m, path, CLAIM_KEYS);
        String id = required(m, path, "id", "the claim's id in the instructor's own series, such as W3-1");
        if (id != null) {
            Node at = m.get("id");
            if (REGISTER_ID.matcher(id).matches()) {
                problem(
                        at,
                        path + ".id",
                        "id " + id + " is in the texts' series (C01–C25, L01–L07 and their "
                                + "successors belong to the register): give the instructor's own, such as S"
                                + id.substring(1));
            } else if (!ID.matcher(id).matches()) {
                problem(
                        at,
                        path + ".id",
                        "invalid id: " + id + " (a letter, then letters, digits or '-', " + "at most 24 characters)");
            } else {
                Node earlier = ids.putIfAbsent(id.toUpperCase(Locale.ROOT), at);
                if (earlier != null) {
                    problem(
                            at,
                            path + ".id",
                            "duplicate id: " + id + " is already the id of the claim at line " + earlier.line()
                                    + " (ids are unique, whatever their case)");
                }
            }
        }
        String source = required(m, path, "source", "where the claim is made, such as week 3 slides, p. 12");
        String quote = required(m, path, "quote", "the sentence as the slides or notes write it");
        String statement = m.has("statement") ? text(m.get("statement"), path + ".statement") : null;
        String restates = null;
        if (m.has("restates")) {
            restates = text(m.get("restates"), path + ".restates");
            if (restates != null) {
                List<String> known = Register.all().stream().map(Claim::id).toList();
                String wanted = restates.toUpperCase(Locale.ROOT);
                if (!known.contains(wanted)) {
                    problem(
                            m.get("restates"),
                            path + ".restates",
                            "unknown register claim: " + restates + " (restates names one of C01 to C25, L01 to L07)");
                } else {
                    restates = wanted;
                }
            }
        }
        Node.Mapping setup = null;
        if (m.has("setup")) {
            setup = mapping(m.get("setup"), path + ".setup");
        }
        List<FileCheck> checks = new ArrayList<>();
        if (m.has("checks")) {
            for (String k : List.of("measure", "expect")) {
                if (m.has(k)) {
                    problemAt(
                            m.entries().get(k),
                            path + "." + k,
                            k
                                    + " beside checks: give measure and expect either once for the claim or inside each check");
                }
            }
            Node cs = m.get("checks");
            if (!(cs instanceof Node.Sequence list)) {
                problem(
                        cs,
                        path + ".checks",
                        "checks must be a list of checks (setup, measure, expect), not " + cs.kind());
            } else if (list.items().isEmpty()) {
                problem(list, path + ".checks", "checks is empty: give at least one check");
            } else {
                int j = 1;
                for (Node c : list.items()) {
                    String cp = path + ".checks[" + j++ + "]";
                    Node.Mapping cm = mapping(c, cp);
                    if (cm == null) {
                        continue;
                    }
                    unknownKeys(cm, cp, CHECK_KEYS);
                    Node.Mapping own = cm.has("setup") ? mapping(cm.get("setup"), cp + ".setup") : null;
                    FileCheck fc = check(cm, cp, setup, own, m.has("setup") || cm.has("setup"));
                    if (fc != null) {
                        checks.add(fc);
                    }
                }
            }
        } else {
            FileCheck fc = check(m, path, null, setup, m.has("setup"));
            if (fc != null) {
                checks.add(fc);
            }
        }
        if (problems.size() > before || id == null || source == null || quote == null || checks.isEmpty()) {
            return null;
        }
        return new FileClaim(id, source, statement == null ? quote : statement, quote, restates, checks);
    }

    /** One check: its setup (the claim's, with the check's own keys over it), measure and expect. */
    private FileCheck check(
            Node.Mapping holder, String path, Node.Mapping claimSetup, Node.Mapping ownSetup, boolean setupGiven) {
        Node.Mapping setupNode =
                claimSetup == null ? ownSetup : ownSetup == null ? claimSetup : merge(claimSetup, ownSetup);
        String setupPath = (ownSetup != null ? path : claimPath(path)) + ".setup";
        Node measureNode = holder.get("measure");
        Node expectNode = holder.get("expect");
        if (measureNode == null) {
            missing(
                    holder,
                    path + ".measure",
                    List.of("measure"),
                    "missing measure: what is measured (quantity: " + String.join(", ", Quantity.WORDS) + ")");
        }
        if (expectNode == null) {
            missing(
                    holder,
                    path + ".expect",
                    List.of("expect"),
                    "missing expect: what the text says (one of " + String.join(", ", FORMS) + ")");
        }
        Node.Mapping measureMap = measureNode == null ? null : mapping(measureNode, path + ".measure");
        if (measureMap != null) {
            unknownKeys(measureMap, path + ".measure", MEASURE_KEYS);
        }
        Quantity q = measureMap == null ? null : quantity(measureMap, path + ".measure");
        Quantity read = q;
        if (q == Quantity.RATIO && measureMap != null && measureMap.has("of")) {
            read = ofQuantity(measureMap, path + ".measure");
        }
        if (setupNode == null) {
            if (!setupGiven) {
                missing(
                        holder,
                        path + ".setup",
                        List.of("setup"),
                        "missing setup: the run to measure (an objective or "
                                + "gradients, an optimizer, its preset and hyperparameters, a start, steps)");
            }
            if (expectNode != null) {
                expect(expectNode, path + ".expect", null, null);
            }
            return null;
        }
        RunSetup setup = setup(setupNode, setupPath, read);
        Measure measure = setup == null || measureMap == null || q == null
                ? null
                : measure(measureMap, path + ".measure", q, read, setup, setupNode);
        Expectation expect = expectNode == null ? null : expect(expectNode, path + ".expect", measure, setupNode);
        return measure == null || expect == null ? null : new FileCheck(setup, measure, expect);
    }

    /** A claim's path from one of its checks' ({@code claims[2].checks[1]} → {@code claims[2]}). */
    private static String claimPath(String path) {
        int at = path.lastIndexOf(".checks[");
        return at < 0 ? path : path.substring(0, at);
    }

    // ---- setup ------------------------------------------------------------------------------

    /**
     * {@code over} on top of {@code base}: a key of {@code over} replaces the base's; a new optimizer drops
     * the base's preset and hyperparameters, a new objective or gradients drop the base's other source and
     * its start; hyperparameters of the same optimizer merge key by key.
     */
    static Node.Mapping merge(Node.Mapping base, Node.Mapping over) {
        Map<String, Node.Entry> entries = new LinkedHashMap<>(base.entries());
        if (over.has("optimizer")) {
            entries.remove("preset");
            entries.remove("hyperparameters");
        }
        if ((over.has("objective") || over.has("gradients")) && !over.has("start")) {
            entries.remove("start");
        }
        if (over.has("objective")) {
            entries.remove("gradients");
        }
        if (over.has("gradients")) {
            entries.remove("objective");
        }
        for (Node.Entry e : over.entries().values()) {
            Node.Entry b = entries.get(e.key());
            if (e.key().equals("hyperparameters")
                    && b != null
                    && b.value() instanceof Node.Mapping bm
                    && e.value() instanceof Node.Mapping om) {
                Map<String, Node.Entry> h = new LinkedHashMap<>(bm.entries());
                h.putAll(om.entries());
                entries.put(
                        e.key(),
                        new Node.Entry(e.key(), e.line(), e.column(), new Node.Mapping(om.line(), om.column(), h)));
            } else {
                entries.put(e.key(), e);
            }
        }
        return new Node.Mapping(over.line(), over.column(), entries);
    }

    /** The run, validated for measuring {@code q} (null when the quantity is unknown). */
    private RunSetup setup(Node.Mapping m, String path, Quantity q) {
        int before = problems.size();
        unknownKeys(m, path, SETUP_KEYS);
        // the optimizer
        String name = required(
                m, path, "optimizer", "the optimizer (" + String.join(", ", OptimizerRegistry.FAMILY.names()) + ")");
        OptimizerKind kind = null;
        if (name != null) {
            String lower = name.toLowerCase(Locale.ROOT);
            if (!OptimizerRegistry.FAMILY.names().contains(lower)) {
                problem(
                        m.get("optimizer"),
                        path + ".optimizer",
                        "unknown optimizer: " + name + " (known: " + String.join(", ", OptimizerRegistry.FAMILY.names())
                                + ")" + nearest(lower, OptimizerRegistry.FAMILY.names()));
            } else {
                kind = OptimizerRegistry.FAMILY.kind(lower);
                name = lower;
            }
        }
        OptimizerSpec spec = kind == null ? null : OptimizerSpec.of(name);
        if (m.has("preset")) {
            String preset = text(m.get("preset"), path + ".preset");
            if (preset != null && kind != null) {
                List<String> presets = presetNames();
                if (!kind.options().contains(OptimizerSpec.PRESET)) {
                    problem(
                            m.get("preset"),
                            path + ".preset",
                            "preset " + preset + " is for rmsprop, not " + name
                                    + " (remove it, or use optimizer: rmsprop)");
                } else if (!presets.contains(preset.toLowerCase(Locale.ROOT))) {
                    problem(
                            m.get("preset"),
                            path + ".preset",
                            "unknown preset: " + preset + " (known: " + String.join(", ", presets) + ")"
                                    + nearest(preset.toLowerCase(Locale.ROOT), presets));
                } else {
                    spec = spec.withPreset(preset.toLowerCase(Locale.ROOT));
                }
            }
        }
        Map<String, Object> given = new LinkedHashMap<>();
        if (m.has("hyperparameters")) {
            Node.Mapping h = mapping(m.get("hyperparameters"), path + ".hyperparameters");
            if (h != null) {
                unknownKeys(h, path + ".hyperparameters", List.copyOf(HYPERPARAMETERS.keySet()));
                for (Node.Entry e : h.entries().values()) {
                    String option = HYPERPARAMETERS.get(e.key());
                    String hp = path + ".hyperparameters." + e.key();
                    if (option == null || kind == null) {
                        continue;
                    }
                    if (!kind.options().contains(option)) {
                        List<String> takes = new ArrayList<>();
                        for (Map.Entry<String, String> known : HYPERPARAMETERS.entrySet()) {
                            if (kind.options().contains(known.getValue())) {
                                takes.add(known.getKey());
                            }
                        }
                        problemAt(
                                e,
                                hp,
                                name + " does not take " + e.key() + " (" + name + " takes: " + String.join(", ", takes)
                                        + ")");
                        continue;
                    }
                    Object value = hyperparameter(e.value(), hp, e.key());
                    if (value == null) {
                        continue;
                    }
                    try {
                        OptimizerRegistry.FAMILY.build(spec.with(option, value));
                        given.put(e.key(), value);
                        spec = spec.with(option, value);
                    } catch (IllegalArgumentException x) {
                        problem(e.value(), hp, lowerFirst(x.getMessage()));
                    }
                }
            }
        }
        if (spec != null && problems.size() == before) {
            try {
                OptimizerRegistry.FAMILY.build(spec);
            } catch (IllegalArgumentException x) {
                problem(m, path, lowerFirst(x.getMessage()));
            }
        }
        if (q != null && q.readsAccumulator() && kind != null && !Measurer.ACCUMULATOR.containsKey(name)) {
            problem(
                    m.get("optimizer"),
                    path + ".optimizer",
                    "quantity " + q.word + " reads s, the squared-gradient "
                            + "average, which " + name + " does not keep (use one of "
                            + String.join(", ", Measurer.ACCUMULATOR.keySet())
                            + ")");
        }
        // what drives the run
        boolean ownGradients = q != null && q.ownGradients();
        Node objectiveNode = m.get("objective");
        Node gradientsNode = m.get("gradients");
        String objective = null;
        List<double[]> gradients = null;
        int dimension = -1;
        if (ownGradients) {
            for (String k : List.of("objective", "gradients", "start")) {
                if (m.has(k)) {
                    problemAt(
                            m.entries().get(k),
                            path + "." + k,
                            "quantity " + q.word + " feeds its own unit squared "
                                    + "gradients, one step at a time: remove " + k);
                }
            }
            dimension = 1;
        } else if (objectiveNode != null && gradientsNode != null) {
            problemAt(m.entries().get("gradients"), path + ".gradients", "give an objective or gradients, not both");
        } else if (objectiveNode == null && gradientsNode == null) {
            missing(
                    m,
                    path,
                    List.of("objective", "gradients"),
                    "missing setup: give an objective (" + String.join(", ", Objectives.NAMES)
                            + ") or gradients (one per step)");
        } else if (objectiveNode != null) {
            objective = text(objectiveNode, path + ".objective");
            if (objective != null) {
                try {
                    Objective f = Objectives.byName(objective);
                    dimension = f.dimension();
                    objective = f.name();
                } catch (IllegalArgumentException x) {
                    problem(
                            objectiveNode,
                            path + ".objective",
                            "unknown objective: " + objective + " (known: " + String.join(", ", Objectives.NAMES) + ")"
                                    + nearest(objective, Objectives.NAMES));
                    objective = null;
                }
            }
        } else {
            gradients = gradients(gradientsNode, path + ".gradients");
            if (gradients != null) {
                dimension = gradients.get(0).length;
            }
        }
        if (q != null && q.needsObjective() && gradientsNode != null && objectiveNode == null && !ownGradients) {
            problemAt(
                    m.entries().get("gradients"),
                    path + ".gradients",
                    "quantity " + q.word
                            + " needs an objective: a sequence of gradients has no loss (give objective instead)");
        }
        double[] start = null;
        if (m.has("start") && !ownGradients) {
            start = numbers(m.get("start"), path + ".start");
            if (start != null && dimension > 0 && start.length != dimension) {
                problem(
                        m.get("start"),
                        path + ".start",
                        "start has " + start.length + " value"
                                + (start.length == 1 ? "" : "s") + " but the "
                                + (objective != null ? "objective " + objective + " has " : "gradients have ")
                                + dimension + " coordinate" + (dimension == 1 ? "" : "s"));
            }
        } else if (dimension > 0) {
            start = objective != null
                    ? Objectives.byName(objective).defaultStart().getData().clone()
                    : new double[dimension];
            if (start.length != dimension) {
                start = new double[dimension];
            }
        }
        // steps
        int max = ownGradients ? MAX_STEPS_FOR_WEIGHTS : MAX_STEPS;
        Integer steps = null;
        if (m.has("steps")) {
            steps = integer(
                    m.get("steps"),
                    path + ".steps",
                    1,
                    max,
                    ownGradients ? " (the weights of s are read with one run per past step)" : "");
            if (steps != null && gradients != null && steps > gradients.size()) {
                problem(
                        m.get("steps"),
                        path + ".steps",
                        "steps " + steps + " is beyond the " + gradients.size()
                                + " gradients given (give a gradient per step, or fewer steps)");
                steps = null;
            }
        } else if (gradients != null) {
            steps = Math.min(gradients.size(), max);
        } else if (objective != null || ownGradients) {
            missing(
                    m,
                    path + ".steps",
                    List.of("steps"),
                    "missing key steps: how many steps the run takes (1 to " + max + ")");
        }
        if (problems.size() > before || spec == null || steps == null || start == null) {
            return null;
        }
        return new RunSetup(objective, gradients, start, spec, steps, given);
    }

    private static List<String> presetNames() {
        List<String> out = new ArrayList<>();
        for (RmsPropPreset p : RmsPropPreset.values()) {
            out.add(p.id());
        }
        return out;
    }

    private Object hyperparameter(Node n, String path, String key) {
        if (key.equals("centered")) {
            if (n instanceof Node.Scalar s && s.value() instanceof Boolean b) {
                return b;
            }
            problem(n, path, "wrong type: centered must be true or false, not " + n.kind());
            return null;
        }
        if (key.equals("epsilon-placement")) {
            String v = text(n, path);
            if (v == null) {
                return null;
            }
            String w = v.toUpperCase(Locale.ROOT).replace('-', '_');
            for (EpsilonPlacement p : EpsilonPlacement.values()) {
                if (p.name().equals(w)) {
                    return p;
                }
            }
            problem(n, path, "unknown epsilon-placement: " + v + " (known: inside-root, outside-root)");
            return null;
        }
        Double d = number(n, path);
        return d;
    }

    /**
     * A gradient sequence: a list whose items are steps (a number for one coordinate, a list of numbers for
     * several) or {@code {repeat: <sequence>, times: n}}.
     */
    private List<double[]> gradients(Node n, String path) {
        List<double[]> out = new ArrayList<>();
        int before = problems.size();
        int[] width = {-1};
        int[] widthLine = {0};
        appendGradients(n, path, out, width, widthLine, 0);
        if (problems.size() > before) {
            return null;
        }
        if (out.isEmpty()) {
            problem(n, path, "gradients is empty: give one gradient per step");
            return null;
        }
        if (out.size() > MAX_STEPS) {
            problem(n, path, "gradients has " + out.size() + " steps, more than " + MAX_STEPS);
            return null;
        }
        return out;
    }

    private void appendGradients(Node n, String path, List<double[]> out, int[] width, int[] widthLine, int depth) {
        if (!(n instanceof Node.Sequence seq)) {
            problem(n, path, "wrong type: gradients must be a list (one gradient per step), not " + n.kind());
            return;
        }
        int i = 1;
        for (Node item : seq.items()) {
            String ip = path + "[" + i++ + "]";
            double[] row = null;
            if (item instanceof Node.Scalar) {
                Double d = number(item, ip);
                if (d == null) {
                    continue;
                }
                row = new double[] {d};
            } else if (item instanceof Node.Sequence) {
                row = numbers(item, ip);
                if (row == null) {
                    continue;
                }
            } else if (item instanceof Node.Mapping rm) {
                unknownKeys(rm, ip, List.of("repeat", "times"));
                Integer times = rm.has("times") ? integer(rm.get("times"), ip + ".times", 1, MAX_STEPS, "") : null;
                if (!rm.has("times")) {
                    missing(rm, ip + ".times", List.of("times"), "missing key times: how often to repeat");
                }
                if (!rm.has("repeat")) {
                    missing(rm, ip + ".repeat", List.of("repeat"), "missing key repeat: the gradients to repeat");
                    continue;
                }
                if (depth > 4) {
                    problem(rm, ip, "repeat nested more than 4 deep");
                    continue;
                }
                List<double[]> inner = new ArrayList<>();
                int before = problems.size();
                appendGradients(rm.get("repeat"), ip + ".repeat", inner, width, widthLine, depth + 1);
                if (times == null || problems.size() > before) {
                    continue;
                }
                if ((long) inner.size() * times + out.size() > MAX_STEPS) {
                    problem(rm, ip, "the repeat makes more than " + MAX_STEPS + " steps");
                    continue;
                }
                for (int t = 0; t < times; t++) {
                    out.addAll(inner);
                }
                continue;
            }
            if (row == null) {
                continue;
            }
            boolean finite = true;
            for (double v : row) {
                finite &= Double.isFinite(v);
            }
            if (!finite) {
                problem(item, ip, "a gradient must be finite (NaN and infinity stop a run before it starts)");
                continue;
            }
            if (width[0] < 0) {
                width[0] = row.length;
                widthLine[0] = item.line();
            } else if (row.length != width[0]) {
                problem(
                        item,
                        ip,
                        "this gradient has " + row.length + " coordinate" + (row.length == 1 ? "" : "s")
                                + " but the one at line " + widthLine[0] + " has " + width[0]
                                + " (every step the same)");
                continue;
            }
            out.add(row);
        }
    }

    // ---- measure ----------------------------------------------------------------------------

    private Quantity quantity(Node.Mapping m, String path) {
        String word = required(m, path, "quantity", "what is measured (" + String.join(", ", Quantity.WORDS) + ")");
        if (word == null) {
            return null;
        }
        Quantity q = Quantity.byWord(word.toLowerCase(Locale.ROOT));
        if (q == null) {
            problem(
                    m.get("quantity"),
                    path + ".quantity",
                    "unknown quantity: " + word + " (known: " + String.join(", ", Quantity.WORDS) + ")"
                            + nearest(word.toLowerCase(Locale.ROOT), Quantity.WORDS));
        }
        return q;
    }

    private Quantity ofQuantity(Node.Mapping m, String path) {
        String word = text(m.get("of"), path + ".of");
        if (word == null) {
            return null;
        }
        Quantity q = Quantity.byWord(word.toLowerCase(Locale.ROOT));
        List<String> dividable =
                Quantity.WORDS.stream().filter(w -> !w.equals("ratio")).toList();
        if (q == null || q == Quantity.RATIO) {
            problem(
                    m.get("of"),
                    path + ".of",
                    "unknown quantity for a ratio: " + word + " (known: " + String.join(", ", dividable) + ")"
                            + nearest(word.toLowerCase(Locale.ROOT), dividable));
            return null;
        }
        return q;
    }

    private Measure measure(
            Node.Mapping m, String path, Quantity q, Quantity read, RunSetup setup, Node.Mapping setupNode) {
        int before = problems.size();
        List<String> takes = new ArrayList<>(q.keys());
        if (q == Quantity.RATIO && read != null) {
            takes.addAll(read.keys());
        }
        for (Node.Entry e : m.entries().values()) {
            if (!e.key().equals("quantity") && MEASURE_KEYS.contains(e.key()) && !takes.contains(e.key())) {
                problemAt(
                        e,
                        path + "." + e.key(),
                        e.key() + " is not used by quantity " + q.word
                                + (q == Quantity.RATIO && read != null ? " of " + read.word : "") + " (it takes: "
                                + String.join(", ", takes)
                                + ")");
            }
        }
        if (q == Quantity.RATIO) {
            if (!m.has("of")) {
                missing(m, path + ".of", List.of("of"), "missing key of: the quantity the ratio divides");
            }
            if (!m.has("over")) {
                missing(
                        m,
                        path + ".over",
                        List.of("over"),
                        "missing key over: the run whose value divides this run's (a setup)");
            }
        }
        if (read == null) {
            return null;
        }
        RunSetup over = null;
        if (q == Quantity.RATIO && m.has("over")) {
            Node.Mapping o = mapping(m.get("over"), path + ".over");
            if (o != null) {
                over = setup(merge(setupNode, o), path + ".over", read);
                if (over != null && over.dimension() != setup.dimension()) {
                    problem(
                            o,
                            path + ".over",
                            "the other run has " + over.dimension() + " coordinates, this one " + setup.dimension()
                                    + ": a ratio divides coordinate by coordinate");
                    over = null;
                }
            }
        }
        int steps = over == null ? setup.steps() : Math.min(setup.steps(), over.steps());
        Integer step = null;
        if (m.has("step")) {
            step = integer(m.get("step"), path + ".step", Integer.MIN_VALUE, Integer.MAX_VALUE, "");
            if (step != null && (step < read.firstStep || step > steps)) {
                problem(
                        m.get("step"),
                        path + ".step",
                        step > steps
                                ? "step " + step + " is beyond the run's " + steps + " steps (setup.steps)"
                                : "step " + step + " is before " + read.word + "'s first value (step " + read.firstStep
                                        + (read.firstStep == 0 ? ", the start" : "") + ")");
                step = null;
            }
        }
        Integer coordinate = null;
        if (m.has("coordinate")) {
            coordinate = integer(m.get("coordinate"), path + ".coordinate", Integer.MIN_VALUE, Integer.MAX_VALUE, "");
            if (coordinate != null && (coordinate < 1 || coordinate > setup.dimension())) {
                problem(
                        m.get("coordinate"),
                        path + ".coordinate",
                        "coordinate " + coordinate + " is not one of the run's " + setup.dimension()
                                + " (coordinates count from 1)");
            }
        }
        Integer lag = null;
        if (read == Quantity.WEIGHT) {
            if (!m.has("lag")) {
                missing(
                        m,
                        path + ".lag",
                        List.of("lag"),
                        "missing key lag: how many steps back the squared gradient is (0 = the newest)");
            } else {
                lag = integer(m.get("lag"), path + ".lag", 0, Integer.MAX_VALUE, "");
                int at = step == null ? steps : step;
                if (lag != null && lag >= at) {
                    problem(
                            m.get("lag"),
                            path + ".lag",
                            "lag " + lag + " reaches before the first step: after step " + at + " the lags are 0 to "
                                    + (at - 1));
                }
            }
        }
        Integer last = null;
        if (read == Quantity.SHARE) {
            if (!m.has("last")) {
                missing(
                        m,
                        path + ".last",
                        List.of("last"),
                        "missing key last: how many of the newest squared gradients");
            } else {
                last = integer(m.get("last"), path + ".last", 1, Integer.MAX_VALUE, "");
                if (last != null && last > steps) {
                    problem(
                            m.get("last"),
                            path + ".last",
                            "last " + last + " is beyond the run's " + steps + " steps (setup.steps)");
                }
            }
        }
        Double below = null;
        if (read == Quantity.STEPS_TO) {
            if (!m.has("below")) {
                missing(m, path + ".below", List.of("below"), "missing key below: the loss to reach");
            } else {
                below = number(m.get("below"), path + ".below");
                if (below != null && !Double.isFinite(below)) {
                    problem(m.get("below"), path + ".below", "below must be a finite loss, not " + below);
                }
            }
        }
        if (problems.size() > before || (q == Quantity.RATIO && over == null)) {
            return null;
        }
        return new Measure(q, step, coordinate, lag, last, below, q == Quantity.RATIO ? read : null, over);
    }

    // ---- expect -----------------------------------------------------------------------------

    private Expectation expect(Node n, String path, Measure measure, Node.Mapping setupNode) {
        Node.Mapping m = mapping(n, path);
        if (m == null) {
            return null;
        }
        int before = problems.size();
        unknownKeys(m, path, EXPECT_KEYS);
        List<String> forms = FORMS.stream().filter(m::has).toList();
        if (forms.isEmpty()) {
            missing(m, path, FORMS, "missing expectation: give one of " + String.join(", ", FORMS));
            return null;
        }
        if (forms.size() > 1) {
            problemAt(
                    m.entries().get(forms.get(1)),
                    path + "." + forms.get(1),
                    "give one expectation per check, not both " + forms.get(0) + " and " + forms.get(1)
                            + " (use checks for several)");
            return null;
        }
        String form = forms.get(0);
        Node v = m.get(form);
        Double tolerance = null;
        if (m.has("tolerance")) {
            tolerance = number(m.get("tolerance"), path + ".tolerance");
            if (tolerance != null && !(tolerance > 0 && Double.isFinite(tolerance))) {
                problem(
                        m.get("tolerance"),
                        path + ".tolerance",
                        "impossible tolerance: " + tolerance + " (must be a finite number > 0)");
                tolerance = null;
            }
            if (form.equals("faster-than")) {
                problemAt(
                        m.entries().get("tolerance"),
                        path + ".tolerance",
                        "faster-than compares steps: it takes no tolerance");
            }
        }
        String measured = path.substring(0, path.length() - ".expect".length()) + ".measure";
        // without a valid measure (already reported) only what the expectation says by itself is checked
        switch (form) {
            case "approx" -> {
                Double value = finite(v, path + ".approx");
                if (!m.has("tolerance")) {
                    missing(
                            m,
                            path + ".tolerance",
                            List.of("tolerance"),
                            "missing key tolerance: approx needs how far the value may lie "
                                    + "from the text's (a number > 0, such as half a unit of its last digit)");
                }
                if (measure != null && measure.everyStep()) {
                    problem(
                            v,
                            path + ".approx",
                            "approx compares one value: give " + measured + ".step (the step it is " + "read at)");
                }
                return problems.size() > before || value == null || tolerance == null
                        ? null
                        : new Expectation.Approx(value, tolerance);
            }
            case "at-most", "at-least" -> {
                Double bound = finite(v, path + "." + form);
                if (problems.size() > before || bound == null) {
                    return null;
                }
                double slack = tolerance == null ? 0 : tolerance;
                return form.equals("at-most")
                        ? new Expectation.AtMost(bound, slack)
                        : new Expectation.AtLeast(bound, slack);
            }
            case "monotone" -> {
                String dir = text(v, path + ".monotone");
                if (dir != null && !dir.equals("increasing") && !dir.equals("decreasing")) {
                    problem(
                            v,
                            path + ".monotone",
                            "monotone must be increasing or decreasing, not " + dir
                                    + nearest(dir, List.of("increasing", "decreasing")));
                    dir = null;
                }
                if (measure == null) {
                    return null;
                }
                if (!measure.read().stepped()) {
                    problem(
                            v,
                            path + ".monotone",
                            "monotone needs a quantity with a value at every step (theta, s, "
                                    + "rate, step-over-eta, loss, share, weight-sum), not " + measure.read().word);
                } else if (measure.step() != null) {
                    problem(v, path + ".monotone", "monotone looks at every step: remove " + measured + ".step");
                }
                if (problems.size() > before || dir == null) {
                    return null;
                }
                return new Expectation.Monotone(dir.equals("increasing"), tolerance == null ? 0 : tolerance);
            }
            default -> {
                // faster-than
                Node.Mapping other = mapping(v, path + ".faster-than");
                if (measure == null) {
                    return null;
                }
                if (measure.quantity() != Quantity.STEPS_TO) {
                    problem(
                            v,
                            path + ".faster-than",
                            "faster-than compares the steps to reach a loss: " + measured
                                    + ".quantity must be steps-to, not " + measure.quantity().word);
                    return null;
                }
                RunSetup run =
                        other == null ? null : setup(merge(setupNode, other), path + ".faster-than", Quantity.STEPS_TO);
                return problems.size() > before || run == null ? null : new Expectation.FasterThan(run);
            }
        }
    }

    // ---- values -----------------------------------------------------------------------------

    private String required(Node.Mapping m, String path, String key, String what) {
        if (!m.has(key)) {
            missing(m, path.isEmpty() ? key : path + "." + key, List.of(key), "missing key " + key + ": " + what);
            return null;
        }
        return text(m.get(key), path.isEmpty() ? key : path + "." + key);
    }

    private String text(Node n, String path) {
        if (n instanceof Node.Scalar s && s.value() instanceof String v) {
            if (v.isBlank()) {
                problem(n, path, "empty: " + path.substring(path.lastIndexOf('.') + 1) + " needs a value");
                return null;
            }
            return v;
        }
        if (n instanceof Node.Scalar s && (s.value() instanceof Number || s.value() instanceof Boolean)) {
            problem(n, path, "wrong type: expected text, not " + n.kind() + " (quote it)");
            return null;
        }
        problem(n, path, "wrong type: expected text, not " + n.kind());
        return null;
    }

    private Node.Mapping mapping(Node n, String path) {
        if (n instanceof Node.Mapping m) {
            return m;
        }
        problem(
                n,
                path,
                "wrong type: " + path.substring(path.lastIndexOf('.') + 1) + " must be a map (key: value "
                        + "lines), not " + n.kind());
        return null;
    }

    private Double number(Node n, String path) {
        if (n instanceof Node.Scalar s && s.value() instanceof Number v) {
            return v.doubleValue();
        }
        problem(n, path, "wrong type: expected a number, not " + n.kind());
        return null;
    }

    private Double finite(Node n, String path) {
        Double d = number(n, path);
        if (d != null && !Double.isFinite(d)) {
            problem(n, path, "must be a finite number, not " + d);
            return null;
        }
        return d;
    }

    private Integer integer(Node n, String path, int min, int max, String why) {
        if (n instanceof Node.Scalar s && s.value() instanceof Long v) {
            if (v < min || v > max) {
                problem(
                        n,
                        path,
                        path.substring(path.lastIndexOf('.') + 1) + " " + v + " is out of range ("
                                + (min == Integer.MIN_VALUE
                                        ? "at most " + max
                                        : max == Integer.MAX_VALUE ? "at least " + min : min + " to " + max)
                                + why + ")");
                return null;
            }
            return (int) (long) v;
        }
        problem(n, path, "wrong type: expected a whole number, not " + n.kind());
        return null;
    }

    private double[] numbers(Node n, String path) {
        if (n instanceof Node.Scalar s && s.value() instanceof Number v) {
            return new double[] {v.doubleValue()};
        }
        if (!(n instanceof Node.Sequence seq)) {
            problem(n, path, "wrong type: expected a list of numbers, not " + n.kind());
            return null;
        }
        if (seq.items().isEmpty()) {
            problem(n, path, "empty list: give at least one number");
            return null;
        }
        double[] out = new double[seq.items().size()];
        int i = 0;
        for (Node item : seq.items()) {
            if (item instanceof Node.Scalar s && s.value() instanceof Number v && Double.isFinite(v.doubleValue())) {
                out[i++] = v.doubleValue();
            } else {
                problem(
                        item,
                        path + "[" + (i + 1) + "]",
                        item instanceof Node.Scalar s && s.value() instanceof Number
                                ? "must be a finite number, not " + s.value()
                                : "wrong type: expected a number, not " + item.kind());
                return null;
            }
        }
        return out;
    }

    // ---- reporting ----------------------------------------------------------------------------

    private void unknownKeys(Node.Mapping m, String path, List<String> allowed) {
        allowedKeys.put(m, allowed);
        for (Node.Entry e : m.entries().values()) {
            if (!allowed.contains(e.key())) {
                problemAt(
                        e,
                        path.isEmpty() ? e.key() : path + "." + e.key(),
                        "unknown key " + e.key()
                                + "; the nearest valid key is " + closest(e.key(), allowed) + " (valid here: "
                                + String.join(", ", allowed) + ")");
            }
        }
    }

    /**
     * Reports a missing key, unless the map has a key it does not allow that is a typo of one of {@code keys}:
     * that misspelt key is already reported, and it is one mistake.
     */
    private void missing(Node.Mapping m, String path, List<String> keys, String rule) {
        List<String> allowed = allowedKeys.getOrDefault(m, List.of());
        for (String given : m.entries().keySet()) {
            if (allowed.contains(given)) {
                continue;
            }
            for (String k : keys) {
                if (distance(given.toLowerCase(Locale.ROOT), k) <= Math.max(1, Math.min(3, k.length() / 3))) {
                    return;
                }
            }
        }
        problem(m, path, rule);
    }

    private void problem(Node n, String path, String rule) {
        problems.add(new Problem(file, n.line(), n.column(), path, rule));
    }

    private void problemAt(Node.Entry e, String path, String rule) {
        problems.add(new Problem(file, e.line(), e.column(), path, rule));
    }

    /** "; did you mean X?" when X is a typo away from {@code value}, else nothing. */
    static String nearest(String value, List<String> candidates) {
        String best = closest(value, candidates);
        int d = distance(value.toLowerCase(Locale.ROOT), best);
        int allowed = Math.min(3, Math.max(1, value.length() / 3));
        return d > 0 && d <= allowed ? "; did you mean " + best + "?" : "";
    }

    /** The candidate with the fewest edits from {@code value} (the first of equals). */
    static String closest(String value, List<String> candidates) {
        String v = value.toLowerCase(Locale.ROOT);
        String best = candidates.get(0);
        int bestDistance = Integer.MAX_VALUE;
        for (String c : candidates) {
            int d = distance(v, c);
            if (d < bestDistance) {
                bestDistance = d;
                best = c;
            }
        }
        return best;
    }

    /** Edit distance with a swap of neighbours counted as one edit. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }

    static String lowerFirst(String s) {
        if (s.length() > 1 && Character.isUpperCase(s.charAt(0)) && !Character.isUpperCase(s.charAt(1))) {
            return Character.toLowerCase(s.charAt(0)) + s.substring(1);
        }
        return s;
    }

    private static Map<String, String> orderedMap(String... keysAndValues) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            m.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return Collections.unmodifiableMap(m);
    }

    /** The keys of the schema, for the docs' test. */
    static Set<String> allKeys() {
        Set<String> all = new TreeSet<>();
        all.addAll(TOP_KEYS);
        all.addAll(CLAIM_KEYS);
        all.addAll(SETUP_KEYS);
        all.addAll(MEASURE_KEYS);
        all.addAll(EXPECT_KEYS);
        all.addAll(HYPERPARAMETERS.keySet());
        all.add("repeat");
        all.add("times");
        return all;
    }
}
