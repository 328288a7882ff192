package optikata.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import optikata.conformance.Agreement;
import optikata.conformance.LivePeer;
import optikata.conformance.Recording;
import optikata.conformance.RecordingSet;
import optikata.optim.Optimizer;
import optikata.optim.RmsProp;
import optikata.optim.RmsPropConfig;
import optikata.optim.RmsPropPreset;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "conformance",
        mixinStandardHelpOptions = true,
        header = "How closely the presets reproduce the frameworks' own recorded runs.",
        description = {
            "Replays every recorded framework run (PyTorch, Keras on three backends, TF1, Optax, Tribuo, ND4J) through",
            "the library and prints the max relative difference over the trajectory:",
            "  1. each run with its manifest's arguments (bitwise where the last bit agrees everywhere);",
            "  2. the matrix run × preset: the run's own hyperparameters under each preset's semantics;",
            "  3. with the -Pconformance build, Tribuo's and ND4J's optimizers driven live on the same gradients.",
            "Recordings: src/test/resources/conformance and conformance-constant (see docs/CONFORMANCE.md).",
            "Exit code 0 when every run meets its manifest's expectation, 1 otherwise."
        })
public final class ConformanceCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(
            names = "--dir",
            paramLabel = "DIR",
            split = ",",
            description =
                    "recording folders (default: the project's src/test/resources/conformance and conformance-constant)")
    List<Path> dirs;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        List<RecordingSet> sets = new ArrayList<>();
        for (Path d : dirs == null ? defaultDirs() : dirs) {
            sets.add(RecordingSet.load(d));
        }
        boolean allMet = true;
        out.println(
                "1. Each recorded run replayed with its manifest's arguments (max relative difference over all steps)");
        out.printf("%-52s %-9s %-15s %-6s %-22s %s%n", "run", "dtype", "max rel diff", "met", "expected", "arguments");
        for (RecordingSet set : sets) {
            for (Recording r : set.recordings()) {
                Agreement a = set.agreement(OptimizerArguments.build(r.arguments()), r);
                boolean met = r.expectation().isMetBy(a);
                allMet &= met;
                out.printf(
                        "%-52s %-9s %-15s %-6s %-22s %s%n",
                        r.id(),
                        shortDtype(r.dtype()),
                        a.describe(),
                        met ? "yes" : "NO",
                        r.expectation(),
                        String.join(" ", r.arguments()));
            }
        }
        out.println();
        out.println(
                "2. Run × preset: each RMSProp run's hyperparameters (η, β, ε, centered, μ) and precisions under each preset's");
        out.println(
                "   semantics (ε placement, initial accumulator, momentum form, order of operations); Infinity: the run is NaN");
        out.println("   (PyTorch's negative centered variance) where the replay is not");
        StringBuilder header = new StringBuilder(String.format("%-52s", "run"));
        for (RmsPropPreset p : RmsPropPreset.values()) {
            header.append(String.format(" %-11s", p.id()));
        }
        out.println(header);
        for (RecordingSet set : sets) {
            for (Recording r : set.recordings()) {
                Optimizer o = OptimizerArguments.build(r.arguments());
                if (!(o instanceof RmsProp rms)) {
                    continue;
                }
                StringBuilder row = new StringBuilder(String.format("%-52s", r.id()));
                for (RmsPropPreset p : RmsPropPreset.values()) {
                    row.append(String.format(
                            " %-11s", cell(set.agreement(new RmsProp(withNumbers(p, rms.config())), r))));
                }
                out.println(row);
            }
        }
        List<LivePeer> peers = LivePeer.discover();
        out.println();
        if (peers.isEmpty()) {
            out.println(
                    "3. Java peers live: not in this build (mvn -Pconformance -Dmaven.test.skip=true package adds Tribuo and ND4J)");
        } else {
            out.println("3. Java peers driven live on the recorded gradients");
            out.printf("%-38s %-14s %-14s %s%n", "run", "vs recording", "vs arguments", "library (arguments)");
            for (LivePeer peer : peers) {
                for (RecordingSet set : sets) {
                    Recording r = set.recordings().stream()
                            .filter(x -> x.id().equals(peer.id()))
                            .findFirst()
                            .orElse(null);
                    if (r == null) {
                        continue;
                    }
                    double[][] live = peer.run(set.start(), set.gradients(), r.steps());
                    Agreement vsRecording = Agreement.of(live, r.trajectory());
                    Agreement vsArguments =
                            Agreement.of(set.replay(OptimizerArguments.build(r.arguments()), r.steps()), live);
                    out.printf(
                            "%-38s %-14s %-14s %s (%s)%n",
                            r.id(),
                            vsRecording.describe(),
                            vsArguments.describe(),
                            peer.version(),
                            String.join(" ", r.arguments()));
                }
            }
        }
        out.flush();
        return allMet ? 0 : 1;
    }

    /** The preset's semantics with the run's own numbers and precisions. */
    static RmsPropConfig withNumbers(RmsPropPreset preset, RmsPropConfig run) {
        return preset.config().toBuilder()
                .learningRate(run.learningRate())
                .decay(run.decay())
                .epsilon(run.epsilon())
                .centered(run.centered())
                .momentum(run.momentum())
                .arithmetic(run.arithmetic())
                .hyperparameterPrecision(run.hyperparameterPrecision())
                .negativeVariance(run.negativeVariance())
                .build();
    }

    private static String cell(Agreement a) {
        return a.bitwise() ? "0 (bitwise)" : String.format(Locale.ROOT, "%.2g", a.maxRelativeDifference());
    }

    private static String shortDtype(String dtype) {
        String d = dtype.toLowerCase(Locale.ROOT);
        return d.contains("float32") || d.equals("float") ? "float32" : "float64";
    }

    private static List<Path> defaultDirs() {
        String home = System.getProperty("optikata.home");
        Path base = home == null ? Path.of("src/test/resources") : Path.of(home, "src/test/resources");
        List<Path> found = new ArrayList<>();
        for (String name : List.of("conformance", "conformance-constant")) {
            if (Files.isDirectory(base.resolve(name))) {
                found.add(base.resolve(name));
            }
        }
        if (found.isEmpty()) {
            throw new IllegalArgumentException("Invalid --dir: no recordings under " + base.toAbsolutePath()
                    + " (run from the project folder, or give --dir)");
        }
        return found;
    }
}
