package optikata.claims.file;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Reads YAML (or JSON) into {@link Node}s with Jackson's streaming parser, which gives every token's
 * line and column ({@link JsonLocation}). A file that is not YAML, is empty, holds two documents or
 * repeats a key is reported as a {@link Problem}; nothing else is judged here.
 */
final class TreeReader {
    private final String file;
    private final boolean json;
    private final List<Problem> problems;
    /** YAML anchors ({@code &name}) seen so far, for the aliases ({@code *name}) that repeat them. */
    private final Map<String, Node> anchors = new HashMap<>();
    /** Whether the tree has a hole (an alias to nothing), so that judging it would only repeat the mistake. */
    private boolean broken;

    private TreeReader(String file, boolean json, List<Problem> problems) {
        this.file = file;
        this.json = json;
        this.problems = problems;
    }

    /** The tree, or null when the text cannot be read as one (the reason is added to {@code problems}). */
    static Node read(String text, String file, boolean json, List<Problem> problems) {
        return new TreeReader(file, json, problems).read(text);
    }

    private Node read(String text) {
        JsonFactory factory = json ? new JsonFactory() : YAMLFactory.builder().build();
        try (JsonParser p = factory.createParser(text)) {
            JsonToken first = p.nextToken();
            if (first == null) {
                problems.add(new Problem(
                        file,
                        1,
                        1,
                        "",
                        "the file is empty: it needs a map with the key claims (see docs/CLAIMS-FILE.md)"));
                return null;
            }
            Node root = value(p, "");
            JsonToken more = p.nextToken();
            if (more != null) {
                JsonLocation at = p.currentTokenLocation();
                problems.add(new Problem(
                        file,
                        at.getLineNr(),
                        at.getColumnNr(),
                        "",
                        "a second " + (json ? "JSON value" : "YAML document")
                                + " after the first: a claims file holds one map with the key claims"));
                return null;
            }
            return broken ? null : root;
        } catch (JsonProcessingException e) {
            // snakeyaml's mark of the problem itself is nearer the mistake than the location Jackson keeps
            int line = e.getLocation() == null ? 1 : e.getLocation().getLineNr();
            int column = e.getLocation() == null ? 1 : e.getLocation().getColumnNr();
            if (e.getCause() instanceof MarkedYAMLException marked && marked.getProblemMark() != null) {
                line = marked.getProblemMark().getLine() + 1;
                column = marked.getProblemMark().getColumn() + 1;
            }
            problems.add(new Problem(
                    file,
                    Math.max(1, line),
                    Math.max(1, column),
                    "",
                    "not " + (json ? "JSON" : "YAML") + ": " + oneLine(e.getOriginalMessage())));
            return null;
        } catch (IOException e) {
            // reading from a String: only a parser's own error can land here
            problems.add(new Problem(
                    file,
                    1,
                    1,
                    "",
                    "not " + (json ? "JSON" : "YAML") + ": " + oneLine(String.valueOf(e.getMessage()))));
            return null;
        }
    }

    /**
     * The value at the parser's current token, which is its first. A YAML alias ({@code *name}) stands for
     * the node its anchor ({@code &name}) marked, as YAML means it; Jackson's parser gives only the name.
     */
    private Node value(JsonParser p, String path) throws IOException {
        if (p instanceof YAMLParser yaml && yaml.isCurrentAlias()) {
            JsonLocation at = p.currentTokenLocation();
            Node anchored = anchors.get(p.getText());
            if (anchored == null) {
                problems.add(new Problem(
                        file,
                        at.getLineNr(),
                        at.getColumnNr(),
                        path,
                        "unknown alias *" + p.getText() + " (an alias repeats a node marked &" + p.getText()
                                + " earlier in the file)"));
                broken = true;
                return new Node.Scalar(at.getLineNr(), at.getColumnNr(), null);
            }
            return anchored;
        }
        String anchor = p instanceof YAMLParser yaml ? yaml.getObjectId() : null;
        Node node = plainValue(p, path);
        if (anchor != null) {
            anchors.put(anchor, node);
        }
        return node;
    }

    private Node plainValue(JsonParser p, String path) throws IOException {
        JsonLocation at = p.currentTokenLocation();
        int line = at.getLineNr();
        int column = at.getColumnNr();
        JsonToken t = p.currentToken();
        switch (t) {
            case START_OBJECT -> {
                Map<String, Node.Entry> entries = new LinkedHashMap<>();
                List<Node.Entry> merged = new ArrayList<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String key = p.currentName();
                    JsonLocation k = p.currentTokenLocation();
                    p.nextToken();
                    String child = path.isEmpty() ? key : path + "." + key;
                    Node v = value(p, child);
                    if (!json && key.equals("<<")) {
                        // YAML's merge key: the keys of the map (or maps) it names, under the keys written here
                        merge(v, child, k, merged);
                        continue;
                    }
                    Node.Entry earlier = entries.get(key);
                    if (earlier != null) {
                        problems.add(new Problem(
                                file,
                                k.getLineNr(),
                                k.getColumnNr(),
                                child,
                                "duplicate key: " + key + " is already given at line " + earlier.line()
                                        + " (give each key once)"));
                    } else {
                        entries.put(key, new Node.Entry(key, k.getLineNr(), k.getColumnNr(), v));
                    }
                }
                for (Node.Entry e : merged) {
                    entries.putIfAbsent(e.key(), e);
                }
                return new Node.Mapping(line, column, entries);
            }
            case START_ARRAY -> {
                List<Node> items = new ArrayList<>();
                int i = 1;
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    items.add(value(p, path + "[" + i++ + "]"));
                }
                return new Node.Sequence(line, column, items);
            }
            case VALUE_NUMBER_INT -> {
                return new Node.Scalar(
                        line,
                        column,
                        p.getNumberType() == JsonParser.NumberType.BIG_INTEGER
                                ? (Object) p.getDoubleValue()
                                : (Object) p.getLongValue());
            }
            case VALUE_NUMBER_FLOAT -> {
                return new Node.Scalar(line, column, floating(p.getText(), p));
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                return new Node.Scalar(line, column, p.getBooleanValue());
            }
            case VALUE_NULL -> {
                return new Node.Scalar(line, column, null);
            }
            default -> {
                return new Node.Scalar(line, column, p.getText());
            }
        }
    }

    private void merge(Node v, String path, JsonLocation at, List<Node.Entry> merged) {
        if (v instanceof Node.Mapping m) {
            merged.addAll(m.entries().values());
        } else if (v instanceof Node.Sequence s && s.items().stream().allMatch(i -> i instanceof Node.Mapping)) {
            for (Node i : s.items()) {
                for (Node.Entry e : ((Node.Mapping) i).entries().values()) {
                    if (merged.stream().noneMatch(x -> x.key().equals(e.key()))) {
                        merged.add(e);
                    }
                }
            }
        } else {
            problems.add(new Problem(
                    file,
                    at.getLineNr(),
                    at.getColumnNr(),
                    path,
                    "the merge key << takes a map (such as *setup), not " + v.kind()));
        }
    }

    /** YAML's .nan and .inf, which Jackson calls numbers but cannot read as one. */
    private static double floating(String text, JsonParser p) throws IOException {
        String t = text.strip();
        if (t.equalsIgnoreCase(".nan")) {
            return Double.NaN;
        }
        if (t.equalsIgnoreCase(".inf") || t.equalsIgnoreCase("+.inf")) {
            return Double.POSITIVE_INFINITY;
        }
        if (t.equalsIgnoreCase("-.inf")) {
            return Double.NEGATIVE_INFINITY;
        }
        return p.getDoubleValue();
    }

    /** A parser's message on one line, without the snippet of the file it quotes. */
    static String oneLine(String message) {
        String m = message == null ? "unreadable" : message;
        StringBuilder out = new StringBuilder();
        for (String l : m.split("\\R")) {
            String s = l.strip();
            if (s.isEmpty() || s.startsWith("in 'reader'") || s.equals("^") || s.startsWith("at [Source")) {
                continue;
            }
            // snakeyaml quotes the offending line, then a caret line; keep only its sentences
            if (l.startsWith("    ")) {
                continue;
            }
            out.append(out.length() == 0 ? "" : "; ").append(s);
        }
        return out.length() == 0 ? m.strip() : out.toString();
    }
}
