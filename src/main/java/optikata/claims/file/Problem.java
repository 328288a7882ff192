package optikata.claims.file;

/**
 * One mistake in a claims file: where it is, which key, and the rule it breaks.
 *
 * @param file   the file's name as given
 * @param line   1-based line of the offending key or value
 * @param column 1-based column
 * @param key    the key's path in the file, such as {@code claims[2].setup.optimizer}; empty for the file as a whole
 * @param rule   what is wrong and what would be right, in one sentence
 */
public record Problem(String file, int line, int column, String key, String rule) {
    /** {@code file:line:column: key: rule}, one line. */
    @Override
    public String toString() {
        return file + ":" + line + ":" + column + ": " + (key.isEmpty() ? "" : key + ": ") + rule;
    }
}
