package optikata.kata;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import optikata.kata.spec.ProbeMain;
import optikata.support.Slow;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Learner code runs in a child JVM that dies with its time-out: after a check of an endless loop no
 * thread or process of it is left, and the second case that loops waits the shorter limit, not its own
 * full one.
 */
@Slow
class RunawayCodeTest {
    @TempDir
    Path dir;

    @Test
    @DisplayName("an endless loop in Ema.weightOfLast: two cases time out, nothing of the loop is left, 10 s + 2 s")
    void runawayCodeDiesWithTheCheck() throws Exception {
        KataLayout kata = ScratchKata.create(dir.resolve("kata"));
        ScratchKata.solve(kata, "02-ema");
        // a first check computes the scratch kata's oracle, so the timed check below times the cases alone
        assertThat(KataRun.run(kata, kata.exercises(), "02-ema", false, 10).allPassed())
                .isTrue();
        Path ema = KataLayout.sourceDir(kata.exercises(), "02-ema").resolve("kata/ema/Ema.java");
        String solved = Files.readString(ema);
        String looping = solved.replace(
                "return 1 - Math.pow(decay, k);",
                "double x = decay;\n        while (k >= 0) {\n            x = Math.sqrt(x + 1);\n        }\n        return x;");
        assertThat(looping).isNotEqualTo(solved);
        Files.writeString(ema, looping);

        int timeout = 10;
        long t0 = System.nanoTime();
        KataRun.Report r = KataRun.run(kata, kata.exercises(), "02-ema", false, timeout);
        double seconds = (System.nanoTime() - t0) / 1e9;

        Map<String, String> messages = new java.util.TreeMap<>();
        r.results().forEach(s -> messages.put(s.name(), s.status() + " " + s.message()));
        List<SpecResult> timedOut = r.results().stream()
                .filter(s -> s.message().contains("did not finish within"))
                .toList();
        assertThat(timedOut).as(messages.toString()).hasSize(2);
        assertThat(timedOut.get(0).message()).contains("did not finish within " + timeout + " s");
        assertThat(timedOut.get(1).message())
                .contains("did not finish within " + CaseChild.AFTER_TIMEOUT_MILLIS / 1000 + " s");
        assertThat(r.passed()).as(messages.toString()).isEqualTo(r.results().size() - 2);
        // each case on its own limit would take 2 × 10 s at least
        assertThat(seconds).as("seconds for the check").isLessThan(2.0 * timeout);

        List<String> learnerThreads = Thread.getAllStackTraces().entrySet().stream()
                .filter(e -> Arrays.stream(e.getValue())
                        .anyMatch(f -> f.getClassName().startsWith("kata.ema.")))
                .map(e -> e.getKey().getName())
                .toList();
        assertThat(learnerThreads).as("threads running the learner's code").isEmpty();
        List<String> children = ProcessHandle.current()
                .descendants()
                .filter(ProcessHandle::isAlive)
                .map(p -> p.info().commandLine().orElse(""))
                .filter(c -> c.contains(ProbeMain.class.getName()))
                .toList();
        assertThat(children).as("child JVMs of the check").isEmpty();
    }
}
