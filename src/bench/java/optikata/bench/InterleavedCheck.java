package optikata.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Locale;
import optikata.optim.FiniteScan;
import optikata.optim.NonFinitePolicy;
import optikata.optim.RmsProp;
import optikata.optim.RmsPropConfig;
import optikata.optim.RmsPropKernel;
import org.ejml.data.DMatrixRMaj;

/**
 * A cross-check of the one-thread figures that holds up on a busy machine: the fused loop, the
 * library unchecked and the library checked take turns in one JVM, batch after batch, each batch
 * timed in the thread's CPU time (time the thread was scheduled out is not counted), and the
 * median batch of each is reported. Turns that alternate within milliseconds see the same machine,
 * so their ratio is fair even when the load changes during the run. Not a JMH benchmark; run with
 * {@code --interleaved} (sizes from {@code --sizes}, default 10³ and 10⁵).
 */
final class InterleavedCheck {
    private InterleavedCheck() {}

    /**
     * Where splitting a checked step pays, in wall time: the library split at every size
     * (threshold 1) against the same checked step on one thread (the library's screen and kernel,
     * called directly), taking turns; the least of many short samples estimates the
     * time of a sample no other process interrupted. Run in a JVM of its own
     * ({@code --interleaved-split}): the split threshold is read once, when the library loads.
     */
    static void split(int[] sizes) {
        System.setProperty("optikata.parallel.threshold", "1");
        System.out.println(
                "\n| n | fused loop, 1 thread | checked, 1 thread | checked, split | checked split / checked 1 thread | checked split / fused |");
        System.out.println("|---|---|---|---|---|---|");
        for (int n : sizes) {
            RmsPropConfig c = RmsPropConfig.builder()
                    .learningRate(1e-3)
                    .decay(0.9)
                    .epsilon(1e-8)
                    .build();
            RmsProp lib = new RmsProp(c);
            RmsPropKernel kernel = RmsPropKernel.of(c);
            DMatrixRMaj g = Data.gradient(n);
            DMatrixRMaj t1 = new DMatrixRMaj(n, 1);
            double[] t2 = new double[n];
            double[] s = new double[n];
            int steps = Math.max(1, 500_000 / n); // about 0.5 ms a sample on one thread
            int samples = n >= 1_000_000 ? 80 : 300;
            long[][] ns = new long[3][samples];
            for (int b = -samples / 4; b < samples; b++) {
                for (int k = 0; k < 3; k++) {
                    int which = (b + k) % 3 < 0 ? k : (b + k) % 3; // rotate the order
                    long start = System.nanoTime();
                    for (int i = 0; i < steps; i++) {
                        switch (which) {
                            case 0 -> Fused.rmspropInside(t2, g.data, s, 0, n, 1e-3, 0.9, 1e-8);
                            case 1 -> {
                                if (FiniteScan.screen(g.data, 0, n)) {
                                    kernel.step(t2, g.data, s, RmsPropKernel.NONE, RmsPropKernel.NONE, 0, n);
                                }
                            }
                            default -> lib.step(t1, g);
                        }
                    }
                    long took = System.nanoTime() - start;
                    if (b >= 0) {
                        ns[which][b] = took;
                    }
                }
            }
            double[] least = new double[3];
            for (int k = 0; k < 3; k++) {
                Arrays.sort(ns[k]);
                least[k] = ns[k][0] / 1000.0 / steps;
            }
            System.out.printf(
                    Locale.ROOT,
                    "| %d | %s | %s | %s | %.2f | %.2f |%n",
                    n,
                    PeerTable.time(least[0]),
                    PeerTable.time(least[1]),
                    PeerTable.time(least[2]),
                    least[2] / least[1],
                    least[2] / least[0]);
        }
    }

    static void run(int[] sizes) {
        System.setProperty("optikata.parallel.threads", "1"); // before the library's executor loads
        ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        System.out.println(
                "\n| n | fused loop | unchecked | checked | unchecked / fused | checked / fused | checked / unchecked |");
        System.out.println("|---|---|---|---|---|---|---|");
        for (int n : sizes) {
            RmsPropConfig c = RmsPropConfig.builder()
                    .learningRate(1e-3)
                    .decay(0.9)
                    .epsilon(1e-8)
                    .build();
            RmsProp checked = new RmsProp(c);
            RmsProp unchecked = new RmsProp(
                    c.toBuilder().nonFinitePolicy(NonFinitePolicy.PROPAGATE).build());
            DMatrixRMaj g = Data.gradient(n);
            DMatrixRMaj t1 = new DMatrixRMaj(n, 1);
            DMatrixRMaj t2 = new DMatrixRMaj(n, 1);
            double[] t3 = new double[n];
            double[] s = new double[n];
            int steps = Math.max(1, 2_000_000 / n); // about 3 ms a batch
            int batches = 400;
            long[][] ns = new long[3][batches];
            for (int b = -100; b < batches; b++) { // the first 100 batches warm up
                for (int k = 0; k < 3; k++) {
                    int which = (b + k) % 3 < 0 ? k : (b + k) % 3; // rotate the order
                    long start = bean.getCurrentThreadCpuTime();
                    for (int i = 0; i < steps; i++) {
                        switch (which) {
                            case 0 -> Fused.rmspropInside(t3, g.data, s, 0, n, 1e-3, 0.9, 1e-8);
                            case 1 -> unchecked.step(t2, g);
                            default -> checked.step(t1, g);
                        }
                    }
                    long took = bean.getCurrentThreadCpuTime() - start;
                    if (b >= 0) {
                        ns[which][b] = took;
                    }
                }
            }
            double[] med = new double[3];
            for (int k = 0; k < 3; k++) {
                Arrays.sort(ns[k]);
                med[k] = ns[k][batches / 2] / 1000.0 / steps;
            }
            System.out.printf(
                    Locale.ROOT,
                    "| %d | %s | %s | %s | %.2f | %.2f | %.2f |%n",
                    n,
                    PeerTable.time(med[0]),
                    PeerTable.time(med[1]),
                    PeerTable.time(med[2]),
                    med[1] / med[0],
                    med[2] / med[0],
                    med[2] / med[1]);
        }
    }
}
