package optikata.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
        name = "bench",
        mixinStandardHelpOptions = true,
        header = "Run the JMH benchmarks and chart the throughput.",
        description = {
            "Run the JMH benchmarks (short version, about a minute per benchmark class) and write",
            "target/bench/results.json and a PNG chart of throughput against size per class.",
            "--table gives the RMSProp peer table of docs/PERFORMANCE.md (target/bench/table.md),",
            "--scaling the time-per-element chart from 10^2 to 10^8 (target/bench/scaling.png),",
            "--crossover the sizes from which splitting a step across the cores pays.",
            "Same as: mvn -Pbench verify -Dbench.args=\"...\" (-Pbench,nd4j with --nd4j)."
        })
public final class BenchCommand implements Callable<Integer> {
    @Option(
            names = "--include",
            paramLabel = "REGEX",
            description = "benchmarks to run, e.g. RmsPropBaselinesBench or FamilyBench (default: all)")
    String include;

    @Option(names = "--sizes", paramLabel = "N,N", description = "parameter counts (default: 1000,100000,10000000)")
    String sizes;

    @Option(names = "--long", description = "more and longer iterations: steadier figures, several minutes")
    boolean longRun;

    @Option(
            names = "--table",
            description =
                    "the RMSProp step against the fused loop, Tribuo, the EJML chain (and ND4J with --nd4j) at 10^3, 10^5, 10^7")
    boolean table;

    @Option(
            names = "--scaling",
            description = "time per element from 10^2 to 10^8, charted with the cache sizes marked (10-20 minutes)")
    boolean scaling;

    @Option(
            names = "--crossover",
            description = "the checked step on one thread against the same step always split, 10^4 to 4*10^6")
    boolean crossover;

    @Option(
            names = "--nd4j",
            description = "also run ND4J's updater (Maven profile nd4j: downloads ~100 MB of native libraries once)")
    boolean nd4j;

    @Override
    public Integer call() throws IOException, InterruptedException {
        Path home = Path.of(System.getProperty("optikata.home", "."));
        if (!Files.isRegularFile(home.resolve("pom.xml"))) {
            throw new IllegalArgumentException("Invalid project folder: " + home.toAbsolutePath()
                    + " (no pom.xml; run the benchmarks from a checkout with ./optikata bench)");
        }
        List<String> benchArgs = new ArrayList<>();
        if (include != null) {
            benchArgs.add("--include " + include);
        }
        if (sizes != null) {
            benchArgs.add("--sizes " + sizes);
        }
        if (longRun) {
            benchArgs.add("--long");
        }
        if ((table ? 1 : 0) + (scaling ? 1 : 0) + (crossover ? 1 : 0) > 1) {
            throw new IllegalArgumentException(
                    "Invalid options: --table, --scaling and --crossover are separate runs; give one of them");
        }
        if (table) {
            benchArgs.add("--table");
        } else if (scaling) {
            benchArgs.add("--scaling");
        } else if (crossover) {
            benchArgs.add("--crossover");
        }
        List<String> command = new ArrayList<>(List.of(
                "mvn",
                "-B",
                "-q",
                "-f",
                home.resolve("pom.xml").toString(),
                nd4j ? "-Pbench,nd4j" : "-Pbench",
                "verify"));
        command.add("-Dbench.args=" + String.join(" ", benchArgs));
        Process p = new ProcessBuilder(command).inheritIO().start();
        return p.waitFor();
    }
}
