package optikata.claims.file;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A claims file as a tree whose every node knows where it starts (1-based line and column, as the
 * parser's {@code JsonLocation} gives them), so that each mistake can be reported where it is.
 */
sealed interface Node {
    int line();

    int column();

    /** What the node is, in the words of an error message: "a map", "a list", "a number", ... */
    String kind();

    /** A map; its keys in file order, each with the location of the key itself. */
    record Mapping(int line, int column, Map<String, Entry> entries) implements Node {
        public Mapping {
            entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
        }

        @Override
        public String kind() {
            return "a map";
        }

        Node get(String key) {
            Entry e = entries.get(key);
            return e == null ? null : e.value();
        }

        boolean has(String key) {
            return entries.containsKey(key);
        }
    }

    /** One key of a map: where the key is written, and its value. */
    record Entry(String key, int line, int column, Node value) {}

    record Sequence(int line, int column, List<Node> items) implements Node {
        public Sequence {
            items = List.copyOf(items);
        }

        @Override
        public String kind() {
            return "a list";
        }
    }

    /**
     * A scalar: a {@link Double} or {@link Long} for a number, a {@link Boolean}, a {@link String}, or
     * null for YAML's null.
     */
    record Scalar(int line, int column, Object value) implements Node {
        @Override
        public String kind() {
            if (value == null) {
                return "nothing (null)";
            }
            if (value instanceof Boolean) {
                return "true/false";
            }
            if (value instanceof Number) {
                return "a number";
            }
            return "the text '" + value + "'";
        }
    }
}
