package optikata.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import optikata.kata.ExerciseCheck;
import optikata.kata.KataLayout;
import optikata.kata.Scaffold;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
        name = "exercise",
        mixinStandardHelpOptions = true,
        header = "Write your own exercises: scaffold one, and prove it sound.",
        description = {
            "For the instructor who adds or changes an exercise (see docs/AUTHORING.md):",
            "  ./optikata exercise new line-search      exercises/NN-line-search with README, hints, stub,",
            "                                           solution, public and hidden case books",
            "  ./optikata exercise check 09             one line per rule, ✓ or ✗",
            "  ./optikata exercise check --mutants 09   and the mutation score: what no case catches"
        },
        subcommands = {ExerciseCommand.Check.class, ExerciseCommand.New.class})
public final class ExerciseCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return Errors.USAGE;
    }

    @Command(
            name = "check",
            mixinStandardHelpOptions = true,
            header = "Prove an exercise sound: one line per rule, ✓ or ✗.",
            description = {
                "Per exercise: its number is its own; no TODO is left in its README, hints, solution or specs;",
                "the stub compiles and fails every case (or is not started); the solution passes every case,",
                "public and hidden; every bullet of the README's \"What the specs check\" has a case (the case",
                "whose title shares the most words with it, shown); hidden cases exist; the catalogue's",
                "patches still apply to the solution; the student release carries it (its README, hints, stub",
                "and public specs committed, no hidden spec among them, listed in exercises/README.md).",
                "With --mutants, the mutants generated from the solution run on every case: the mutation score",
                "per exercise and per case, and each surviving mutant (its line before and after, the cases",
                "that ran it); the rule fails on a survivor that some case tells apart from the solution",
                "or that no case reaches (a likely equivalent one, with the solution's results everywhere, is shown only).",
                "Exit code 0 when every rule holds, 1 otherwise."
            })
    static final class Check implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(arity = "0..*", paramLabel = "NAME", description = "exercises to check (default: all)")
        List<String> wanted;

        @Option(names = "--mutants", description = "also run the generated mutants and print the mutation score")
        boolean mutants;

        @Override
        public Integer call() {
            KataLayout layout = KataLayout.fromHome();
            List<String> names = wanted == null || wanted.isEmpty()
                    ? layout.names()
                    : wanted.stream().map(layout::resolve).toList();
            PrintWriter out = spec.commandLine().getOut();
            boolean ok = true;
            for (String name : names) {
                ExerciseCheck.Report r = ExerciseCheck.check(layout, name, mutants);
                ExerciseCheck.lines(r).forEach(out::println);
                out.flush();
                ok &= r.ok();
            }
            out.println(
                    ok
                            ? "Every rule holds for " + Words.count(names.size(), "exercise") + "."
                            : "Some rule fails (✗ above).");
            out.flush();
            return ok ? 0 : 1;
        }
    }

    @Command(
            name = "new",
            mixinStandardHelpOptions = true,
            header = "Scaffold a new exercise with the next free number.",
            description = {
                "Writes exercises/NN-NAME (README.md with the sections the others have, hints.md, the stub in",
                "src/, a public case book in spec/), the solution in solutions/NN-NAME/src and a hidden case",
                "book in src/kata/hidden/NN-NAME, and a row in exercises/README.md. Every file has TODOs, which",
                "`exercise check NN` lists until they are written. NAME is lower-case words joined by '-'."
            })
    static final class New implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "NAME", description = "the exercise's name, such as line-search")
        String name;

        @Override
        public Integer call() throws Exception {
            KataLayout layout = KataLayout.fromHome();
            String folder = Scaffold.create(layout, name);
            PrintWriter out = spec.commandLine().getOut();
            out.println("Wrote exercises/" + folder + ", solutions/" + folder + " and src/kata/hidden/" + folder + ".");
            out.println("Next: fill in the TODOs, then ./optikata exercise check " + folder.substring(0, 2));
            out.flush();
            return 0;
        }
    }
}
