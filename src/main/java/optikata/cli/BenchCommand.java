package optikata.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "bench", mixinStandardHelpOptions = true,
        header = "Run the JMH benchmarks and chart the throughput.",
        description = {
            "Run the JMH benchmarks (short version, about a minute per benchmark class) and write",
            "target/bench/results.json and a PNG chart of throughput against size per class.",
            "Same as: mvn -Pbench verify -Dbench.args=\"...\" (see docs/PERFORMANCE.md)."
        })
public final class BenchCommand implements Callable<Integer> {
    @Option(names = "--include", paramLabel = "REGEX",
            description = "benchmarks to run, e.g. RmsPropBaselinesBench or FamilyBench (default: all)")
    String include;

    @Option(names = "--sizes", paramLabel = "N,N", description = "parameter counts (default: 1000,100000,10000000)")
    String sizes;

    @Option(names = "--long", description = "more and longer iterations: steadier figures, several minutes")
    boolean longRun;

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
        List<String> command = new ArrayList<>(List.of("mvn", "-B", "-q", "-f", home.resolve("pom.xml").toString(), "-Pbench", "verify"));
        command.add("-Dbench.args=" + String.join(" ", benchArgs));
        Process p = new ProcessBuilder(command).inheritIO().start();
        return p.waitFor();
    }
}
