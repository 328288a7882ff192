package optikata.kata;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A new exercise in the layout of the others, with the next free number: its README (the sections the others
 * have), hints, a stub, the solution, a public case book and a hidden one, each with TODOs that
 * {@link ExerciseCheck} reports until they are written.
 */
public final class Scaffold {
    private Scaffold() {}

    /** Creates exercise {@code name} (lower-case words joined by '-'); returns its folder name, such as 09-line-search. */
    public static String create(KataLayout layout, String name) throws IOException {
        if (name == null || !name.matches("[a-z][a-z0-9]*(-[a-z0-9]+)*") || name.length() > 40) {
            throw new IllegalArgumentException("Invalid exercise name: " + name
                    + " (lower-case words joined by '-', such as line-search; the number is chosen for you)");
        }
        List<String> names = layout.names();
        int last = 0;
        for (String n : names) {
            if (n.substring(3).equals(name)) {
                throw new IllegalArgumentException(
                        "Invalid exercise name: " + name + " (exercise " + n + " already has it)");
            }
            last = Math.max(last, Integer.parseInt(n.substring(0, 2)));
        }
        if (last >= 99) {
            throw new IllegalArgumentException("Invalid exercise name: " + name + " (no free number: 99 is taken)");
        }
        String number = String.format(Locale.ROOT, "%02d", last + 1);
        String folder = number + "-" + name;
        String pkg = "kata." + name.replace("-", "");
        String cls = className(name);
        Path dir = layout.exercises().resolve(folder);
        Path pkgPath = Path.of("kata", name.replace("-", ""));
        List<Path> written = new ArrayList<>();
        write(written, dir.resolve("README.md"), readme(number, cls));
        write(written, dir.resolve("hints.md"), hints(number, cls));
        String stub = source(
                pkg,
                cls,
                number,
                "throw new UnsupportedOperationException(\n                \"Exercise " + number
                        + " is not started: fill in " + cls + ".apply (read exercises/" + folder + "/README.md)\");");
        write(written, dir.resolve("src").resolve(pkgPath).resolve(cls + ".java"), stub);
        write(
                written,
                KataLayout.sourceDir(layout.solutions(), folder)
                        .resolve(pkgPath)
                        .resolve(cls + ".java"),
                source(
                        pkg,
                        cls,
                        number,
                        "// TODO: the reference solution, the formula of the README in one line\n"
                                + "        throw new UnsupportedOperationException(\"TODO: the reference solution\");"));
        write(
                written,
                layout.publicSpecDir(folder).resolve(pkgPath).resolve(cls + "Spec.java"),
                spec(pkg, cls, number));
        write(
                written,
                layout.hiddenSpecDir(folder).resolve(pkgPath).resolve(cls + "HiddenSpec.java"),
                hiddenSpec(pkg, cls, number));
        Path index = layout.exercises().resolve("README.md");
        if (Files.isRegularFile(index)) {
            List<String> lines = new ArrayList<>(Files.readAllLines(index, StandardCharsets.UTF_8));
            int lastRow = -1;
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).matches("\\| \\d\\d \\|.*")) {
                    lastRow = i;
                }
            }
            if (lastRow >= 0) {
                lines.add(lastRow + 1, "| " + number + " | " + name + " | TODO: what the learner writes |");
                Files.writeString(index, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
            }
        }
        return folder;
    }

    private static void write(List<Path> written, Path file, String text) throws IOException {
        if (Files.exists(file)) {
            throw new IllegalArgumentException("Invalid exercise name: " + file + " already exists");
        }
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
        written.add(file);
    }

    /** line-search → LineSearch. */
    static String className(String name) {
        StringBuilder sb = new StringBuilder();
        for (String part : name.split("-")) {
            sb.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
        }
        String s = sb.toString();
        return Character.isDigit(s.charAt(0)) ? "Exercise" + s : s;
    }

    private static String readme(String number, String cls) {
        return "# " + number + " · TODO: the title\n\n"
                + "## The idea\nTODO: the question this exercise answers, in two or three sentences.\n\n"
                + "## The formula\n\n    TODO: the formula, one line per update\n\n"
                + "| symbol | in the code | meaning |\n|---|---|---|\n| x | `x` | TODO |\n\n"
                + "## Worked example\nTODO: the formula on numbers a learner can check by hand.\n\n"
                + "## Your task\nFill in `src/kata/" + cls.toLowerCase(Locale.ROOT) + "/" + cls
                + ".java`, then run `./optikata check " + number + "`.\n\n"
                + "## What the specs check\n"
                + "- `apply` gives the formula's value on the worked example;\n\n"
                + "## Hints\n- TODO: one line each.\n";
    }

    private static String hints(String number, String cls) {
        return "# Hints for " + number + " · TODO: the title\n\n"
                + "## Hint 1 — the idea\nTODO\n\n"
                + "## Hint 2 — the formula\nTODO\n\n"
                + "## Hint 3 — the line to look at\nTODO: where in " + cls + ".apply the usual mistake is.\n";
    }

    private static String source(String pkg, String cls, String number, String body) {
        return "package " + pkg + ";\n\n"
                + "/** Exercise " + number + ": TODO one sentence. */\n"
                + "public final class " + cls + " {\n"
                + "    private " + cls + "() {}\n\n"
                + "    /** TODO: the formula. */\n"
                + "    public static double apply(double x) {\n"
                + "        " + body + "\n"
                + "    }\n"
                + "}\n";
    }

    private static String spec(String pkg, String cls, String number) {
        return "package " + pkg + ";\n\n"
                + "import optikata.kata.spec.Book;\n"
                + "import optikata.kata.spec.CaseBook;\n\n"
                + "/** Exercise " + number + "'s public spec. */\n"
                + "public final class " + cls + "Spec implements CaseBook {\n"
                + "    @Override\n"
                + "    public void define(Book book) {\n"
                + "        book.add(\"worked-example\", \"apply gives the formula's value on the worked example\")\n"
                + "                .formula(\"TODO: the formula\")\n"
                + "                .input(\"x = 2\")\n"
                + "                .symbol(\"x\", 2)\n"
                + "                .meaning(\"" + cls
                + ".apply(2)\", \"TODO: what it means when this value is wrong\")\n"
                + "                .probe(r -> r.value(\"" + cls + ".apply(2)\", " + cls + ".apply(2)));\n"
                + "    }\n"
                + "}\n";
    }

    private static String hiddenSpec(String pkg, String cls, String number) {
        return "package " + pkg + ";\n\n"
                + "import java.util.Random;\n"
                + "import optikata.kata.spec.Book;\n"
                + "import optikata.kata.spec.CaseBook;\n\n"
                + "/** Exercise " + number + "'s hidden spec. */\n"
                + "public final class " + cls + "HiddenSpec implements CaseBook {\n"
                + "    @Override\n"
                + "    public void define(Book book) {\n"
                + "        book.add(\"generated\", \"apply matches the formula on 100 generated inputs (fixed seed)\")\n"
                + "                .formula(\"TODO: the formula\")\n"
                + "                .input(\"x in [-10, 10]\")\n"
                + "                .probe(r -> {\n"
                + "                    Random random = new Random(" + Integer.parseInt(number) + ");\n"
                + "                    double[] values = new double[100];\n"
                + "                    for (int i = 0; i < values.length; i++) {\n"
                + "                        values[i] = " + cls + ".apply(random.nextDouble() * 20 - 10);\n"
                + "                    }\n"
                + "                    r.value(\"" + cls + ".apply on each input\", values);\n"
                + "                });\n"
                + "    }\n"
                + "}\n";
    }
}
