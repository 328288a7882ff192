package optikata.claims.file;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * An instructor's claims, read from a YAML (or JSON) file whose schema is {@code docs/CLAIMS-FILE.md}.
 * The whole file is validated before anything runs: {@link #read} either returns every claim ready to
 * check, or throws a {@link ClaimsFileException} listing every mistake with its line and column.
 *
 * @see FileClaim for how the verdicts are decided
 */
public final class ClaimsFile {
    private final String file;
    private final String series;
    private final List<FileClaim> claims;

    private ClaimsFile(String file, String series, List<FileClaim> claims) {
        this.file = file;
        this.series = series;
        this.claims = List.copyOf(claims);
    }

    /**
     * Reads and validates {@code path}: JSON when its name ends in {@code .json}, else YAML.
     *
     * @throws IOException          when the file cannot be read (no such file, a folder, no permission)
     * @throws ClaimsFileException  listing every mistake, each with its line and column
     */
    public static ClaimsFile read(Path path) throws IOException, ClaimsFileException {
        String name = path.toString();
        String text;
        try {
            text = Files.readString(path, StandardCharsets.UTF_8);
        } catch (CharacterCodingException e) {
            throw new ClaimsFileException(List.of(new Problem(name, 1, 1, "", "not YAML: the file is not UTF-8 text")));
        }
        return parse(text, name, name.toLowerCase(Locale.ROOT).endsWith(".json"));
    }

    /**
     * Validates {@code text}, read as JSON or YAML.
     *
     * @param file the name errors give the file
     * @throws ClaimsFileException listing every mistake, each with its line and column
     */
    public static ClaimsFile parse(String text, String file, boolean json) throws ClaimsFileException {
        List<Problem> problems = new ArrayList<>();
        Node root = TreeReader.read(text, file, json, problems);
        Schema.Read read = root == null ? null : new Schema(file, problems).file(root);
        if (!problems.isEmpty() || read == null) {
            List<Problem> inOrder = new ArrayList<>(problems);
            inOrder.sort(Comparator.comparingInt(Problem::line).thenComparingInt(Problem::column));
            throw new ClaimsFileException(inOrder);
        }
        String name = Path.of(file).getFileName() == null
                ? file
                : Path.of(file).getFileName().toString();
        return new ClaimsFile(
                name, read.series() == null ? "the instructor's claims from " + name : read.series(), read.claims());
    }

    /** The file's name (without its folder). */
    public String file() {
        return file;
    }

    /** The title of the instructor's series: the file's {@code series}, or one naming the file. */
    public String series() {
        return series;
    }

    /** The claims, in file order. */
    public List<FileClaim> claims() {
        return claims;
    }
}
