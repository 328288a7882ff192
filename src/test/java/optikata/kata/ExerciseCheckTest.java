package optikata.kata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code exercise check} and {@code exercise new} on copies of the kata: a spec planted weak fails the mutant
 * rule and names the mutant that survives, with its line before and after; a fresh scaffold is checked without a
 * crash and the check says what is left to write.
 */
class ExerciseCheckTest {
    static final KataLayout LAYOUT = new KataLayout(Path.of(System.getProperty("user.dir")));

    @Test
    @DisplayName(
            "the items of \"What the specs check\" are its bullets (with their continuation lines), else its sentences")
    void items() {
        String readme =
                "# 09 · x\n\n## What the specs check\nIntro, each a case:\n- one thing;\n  and more\n- two\n\n## Hints\n- no\n";
        assertThat(ExerciseCheck.items(readme)).containsExactly("one thing; and more", "two");
        assertThat(ExerciseCheck.items("## What the specs check\nThe first. The second!\n"))
                .containsExactly("The first.", "The second!");
        assertThat(ExerciseCheck.items("## Hints\n- x\n")).isEmpty();
    }

    @Test
    @DisplayName(
            "02 with the update case taken out and a hidden spec that never calls update: the mutants of update survive, and check names them")
    void plantedWeakSpec(@TempDir Path root) throws IOException {
        String name = "02-ema";
        copy(LAYOUT.exercises().resolve(name), root.resolve("exercises").resolve(name));
        copy(LAYOUT.solutions().resolve(name), root.resolve("solutions").resolve(name));
        Path spec = root.resolve("exercises").resolve(name).resolve("spec/kata/ema/EmaSpec.java");
        String text = Files.readString(spec, StandardCharsets.UTF_8);
        int from = text.indexOf("        book.add(\"update\"");
        int to = text.indexOf("        book.add(\"window\"");
        assertThat(from).isPositive();
        assertThat(to).isGreaterThan(from);
        Files.writeString(spec, text.substring(0, from) + text.substring(to), StandardCharsets.UTF_8);
        Path hidden = root.resolve("src/kata/hidden").resolve(name).resolve("kata/ema/EmaHiddenSpec.java");
        Files.createDirectories(hidden.getParent());
        Files.writeString(hidden, """
                package kata.ema;

                import optikata.kata.spec.Book;
                import optikata.kata.spec.CaseBook;

                /** A weak hidden spec: the window only. */
                public final class EmaHiddenSpec implements CaseBook {
                    @Override
                    public void define(Book book) {
                        book.add("window-half", "the window of γ = 0.5 is 2 steps")
                                .formula("1 / (1 − γ)")
                                .input("γ = 0.5")
                                .probe(r -> r.value("Ema.window(0.5)", Ema.window(0.5)));
                    }
                }
                """, StandardCharsets.UTF_8);
        KataLayout weak = new KataLayout(root);

        ExerciseCheck.Report r = ExerciseCheck.check(weak, name, true);

        String out = String.join("\n", ExerciseCheck.lines(r));
        assertThat(r.ok()).as(out).isFalse();
        ExerciseCheck.Rule mutants = r.rules().get(r.rules().size() - 1);
        assertThat(mutants.ok()).as(out).isFalse();
        assertThat(r.strength()).isNotNull();
        assertThat(r.strength().survivors())
                .as(out)
                .isNotEmpty()
                .anyMatch(s ->
                        s.site().before().equals("return decay * average + (1 - decay) * value;") && !s.sameResults());
        assertThat(out)
                .contains("survives: mutant")
                .contains("kata/ema/Ema.java:9  return decay * average + (1 - decay) * value;")
                .contains("→ ")
                .contains("ran by: no case");
        // the rules that still hold say so
        assertThat(r.rules().get(3).ok()).as(out).isTrue();
        assertThat(r.rules().get(2).ok()).as(out).isTrue();
    }

    @Test
    @DisplayName(
            "exercise new scaffolds 09 in the others' layout, refuses a taken or bad name, and check lists what is left to write")
    void scaffoldThenCheck(@TempDir Path root) throws IOException {
        copy(LAYOUT.exercises(), root.resolve("exercises"));
        KataLayout layout = new KataLayout(root);
        int before = layout.names().size();

        String folder = Scaffold.create(layout, "line-search");

        assertThat(folder).isEqualTo(String.format("%02d-line-search", before + 1));
        assertThat(layout.names()).hasSize(before + 1).last().isEqualTo(folder);
        Exercise ex = layout.exercise(folder);
        assertThat(ex.sources()).containsExactly(Path.of("kata/linesearch/LineSearch.java"));
        assertThat(ex.publicSpecs()).containsExactly(Path.of("kata/linesearch/LineSearchSpec.java"));
        assertThat(ex.hiddenSpecs()).containsExactly(Path.of("kata/linesearch/LineSearchHiddenSpec.java"));
        assertThat(KataLayout.javaFiles(KataLayout.sourceDir(layout.solutions(), folder)))
                .isEqualTo(ex.sources());
        String readme = Files.readString(layout.exercises().resolve(folder).resolve("README.md"));
        for (String section : List.of(
                "## The idea",
                "## The formula",
                "## Worked example",
                "## Your task",
                ExerciseCheck.SECTION,
                "## Hints")) {
            assertThat(readme).contains(section);
        }
        assertThat(Files.readString(layout.exercises().resolve("README.md")))
                .contains("| " + folder.substring(0, 2) + " | line-search |");
        assertThatThrownBy(() -> Scaffold.create(layout, "line-search"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Invalid exercise name: line-search (exercise " + folder);
        assertThatThrownBy(() -> Scaffold.create(layout, "Line Search"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Invalid exercise name: Line Search (");
        assertThatThrownBy(() -> Scaffold.create(layout, "ema")).hasMessageContaining("02-ema");

        ExerciseCheck.Report r = ExerciseCheck.check(layout, folder, true);

        String out = String.join("\n", ExerciseCheck.lines(r));
        assertThat(r.ok()).as(out).isFalse();
        assertThat(rule(r, "the number")).as(out).isTrue();
        assertThat(rule(r, "instructions written")).as(out).isFalse();
        assertThat(rule(r, "the stub compiles")).as(out).isTrue();
        assertThat(rule(r, "the solution passes")).as(out).isFalse();
        assertThat(rule(r, "every item of")).as(out).isTrue();
        assertThat(rule(r, "hidden cases exist")).as(out).isTrue();
        assertThat(rule(r, "every generated mutant")).as(out).isFalse();
        assertThat(out)
                .contains("exercises/" + folder + "/README.md: ")
                .contains("TODO")
                .contains("cases fail on solutions/" + folder + "/src")
                .contains("→ worked-example")
                .contains("no mutants: the solution has no statement to mutate yet")
                .contains("not a git checkout");
    }

    private static boolean rule(ExerciseCheck.Report r, String start) {
        return r.rules().stream()
                .filter(x -> x.name().startsWith(start))
                .findFirst()
                .orElseThrow()
                .ok();
    }

    private static void copy(Path from, Path to) throws IOException {
        Shipped.copyTree(from, to);
    }
}
