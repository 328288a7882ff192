package optikata.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import optikata.grade.Release;
import optikata.kata.KataLayout;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "release",
        mixinStandardHelpOptions = true,
        header = "Write the student release or the Gradescope autograder bundle.",
        description = {
            "Write the student release: exercises/ (instructions, stubs, public specs), lib/optikata.jar,",
            "a launcher, a README and a pom.xml (a Maven project any Java IDE opens: stubs compiled against",
            "the optimizer contract only, lib/repo; the public specs as tests). No solutions and no hidden specs.",
            "The exercises are taken as committed (git HEAD): a stub solved in the working copy is never shipped;",
            "files that differ from the commit are named.",
            "With --github-classroom, the release is a starter repository whose workflow runs the public specs",
            "on every push (feedback only: a learner can edit the workflow; see docs/LEARNING.md).",
            "With --gradescope, write a Gradescope autograder zip instead (setup.sh, run_autograder,",
            "the jar, the exercises and the hidden specs: upload it as the assignment's autograder)."
        })
public final class ReleaseCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(
            names = "--out",
            required = true,
            paramLabel = "DIR|FILE.zip",
            description = "a new folder, or the zip with --gradescope")
    Path out;

    @Option(names = "--gradescope", description = "write the Gradescope autograder bundle (a .zip)")
    boolean gradescope;

    @Option(
            names = "--github-classroom",
            description = "write a GitHub Classroom starter repository (the release plus .github/workflows/kata.yml)")
    boolean classroom;

    @Option(
            names = "--jar",
            paramLabel = "FILE",
            description = "the tool's jar to ship (default: the one running, or target/optikata.jar)")
    Path jar;

    @Override
    public Integer call() throws Exception {
        KataLayout layout = KataLayout.fromHome();
        Path j = jar != null ? jar : runningJar(layout);
        if (gradescope && classroom) {
            throw new IllegalArgumentException(
                    "Invalid options: --gradescope and --github-classroom write different things; give one");
        }
        if (gradescope) {
            if (!out.toString().endsWith(".zip")) {
                throw new OptionException(
                        "--out", "invalid autograder bundle: " + out + " (with --gradescope it must end in .zip)");
            }
            Release.gradescope(layout, j, out);
            spec.commandLine()
                    .getOut()
                    .println("Wrote the Gradescope autograder " + out
                            + ": upload it on the assignment's Configure Autograder page.");
        } else {
            Release.StudentRelease r =
                    classroom ? Release.githubClassroom(layout, j, out) : Release.student(layout, j, out);
            PrintWriter o = spec.commandLine().getOut();
            if (!r.notShipped().isEmpty()) {
                o.println(
                        "Shipped the committed version of exercises/; not shipped (they differ from the commit or are not committed):");
                r.notShipped().forEach(f -> o.println("  " + f));
            }
            o.println("Wrote the " + (classroom ? "GitHub Classroom starter repository" : "student release") + " to "
                    + out
                    + " (exercises, pom.xml, lib/optikata.jar, lib/repo with the contract " + r.contractVersion()
                    + ", ./optikata, README.md"
                    + (classroom ? ", .github/workflows/kata.yml" : "") + ").");
        }
        spec.commandLine().getOut().flush();
        return 0;
    }

    static Path runningJar(KataLayout layout) throws Exception {
        Path self = Path.of(ReleaseCommand.class
                .getProtectionDomain()
                .getCodeSource()
                .getLocation()
                .toURI());
        if (Files.isRegularFile(self) && self.toString().endsWith(".jar")) {
            return self;
        }
        return layout.root().resolve("target").resolve("optikata.jar");
    }
}
