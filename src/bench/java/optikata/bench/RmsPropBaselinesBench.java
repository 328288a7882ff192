package optikata.bench;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import optikata.optim.FiniteScan;
import optikata.optim.NonFinitePolicy;
import optikata.optim.RmsProp;
import optikata.optim.RmsPropConfig;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * RMSProp (ε inside the root) against the baselines: the fused loop (one thread, and split across
 * two), the learner's chain of EJML calls, and the library checked and unchecked, on one thread and
 * split across the cores.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class RmsPropBaselinesBench {
    @Param({"1000", "100000", "10000000"})
    public int n;

    private static final double LR = 1e-3;
    private static final double BETA = 0.9;
    private static final double EPS = 1e-8;

    private RmsProp library;
    private DMatrixRMaj theta;
    private DMatrixRMaj g;
    private DMatrixRMaj s;
    private DMatrixRMaj tmp;
    private ExecutorService second;

    /** Allocates only what the running method uses, so that 10⁸ elements fit in the heap. */
    @Setup(Level.Trial)
    public void setUp(BenchmarkParams params) {
        String method = params.getBenchmark().substring(params.getBenchmark().lastIndexOf('.') + 1);
        RmsPropConfig c = RmsPropConfig.builder()
                .learningRate(LR)
                .decay(BETA)
                .epsilon(EPS)
                .build();
        theta = new DMatrixRMaj(n, 1);
        g = Data.gradient(n);
        if (method.startsWith("library")) {
            library = new RmsProp(
                    method.contains("Propagate")
                            ? c.toBuilder()
                                    .nonFinitePolicy(NonFinitePolicy.PROPAGATE)
                                    .build()
                            : c);
            library.step(theta, g);
        } else {
            s = new DMatrixRMaj(n, 1);
        }
        if (method.equals("ejmlChain")) {
            tmp = new DMatrixRMaj(n, 1);
        }
        if (method.equals("fusedTwoThreads")) {
            second = Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "bench-second-half");
                t.setDaemon(true);
                return t;
            });
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        if (second != null) {
            second.shutdownNow();
        }
    }

    /** The library as shipped: non-finite check, split across the cores above its threshold. */
    @Benchmark
    public void library() {
        library.step(theta, g);
    }

    /** The library kept on one thread, with its check. */
    @Benchmark
    @Fork(jvmArgsAppend = "-Doptikata.parallel.threads=1")
    public void librarySingleThread() {
        library.step(theta, g);
    }

    /** The library with the check off (NonFinitePolicy.PROPAGATE), split above the threshold. */
    @Benchmark
    public void libraryPropagate() {
        library.step(theta, g);
    }

    /** The library with the check off, on one thread. */
    @Benchmark
    @Fork(jvmArgsAppend = "-Doptikata.parallel.threads=1")
    public void libraryPropagateSingleThread() {
        library.step(theta, g);
    }

    /** The library, checked, split across the cores at every size: where splitting starts to pay. */
    @Benchmark
    @Fork(jvmArgsAppend = "-Doptikata.parallel.threshold=1")
    public void libraryAlwaysSplit() {
        library.step(theta, g);
    }

    /** (a) The hand-fused loop, one thread. */
    @Benchmark
    public void fused() {
        Fused.rmspropInside(theta.data, g.data, s.data, 0, n, LR, BETA, EPS);
    }

    /** (a′) The hand-fused loop, second half handed to a parked thread. */
    @Benchmark
    public void fusedTwoThreads() throws InterruptedException, ExecutionException {
        int half = n / 2;
        Future<?> other = second.submit(() -> Fused.rmspropInside(theta.data, g.data, s.data, half, n, LR, BETA, EPS));
        Fused.rmspropInside(theta.data, g.data, s.data, 0, half, LR, BETA, EPS);
        other.get();
    }

    /** (a″) The fused loop after a screen of the whole gradient: what atomic rejection costs a hand-written loop. */
    @Benchmark
    public boolean fusedScreened() {
        if (!FiniteScan.screen(g.data, 0, n)) {
            return false;
        }
        Fused.rmspropInside(theta.data, g.data, s.data, 0, n, LR, BETA, EPS);
        return true;
    }

    /**
     * (a‴) Each block of 2048 screened just before it is updated, while it is in L1: the cost of a
     * check fused into the pass, which cannot be atomic (a bad entry in a late block is found after
     * the early blocks changed). A lower bound, not an option.
     */
    @Benchmark
    public boolean fusedBlockScreened() {
        for (int from = 0; from < n; from += 2048) {
            int to = Math.min(n, from + 2048);
            if (!FiniteScan.screen(g.data, from, to)) {
                return false;
            }
            Fused.rmspropInside(theta.data, g.data, s.data, from, to, LR, BETA, EPS);
        }
        return true;
    }

    /** (b) What a learner writes first: a chain of whole-matrix EJML calls (nine passes). */
    @Benchmark
    public void ejmlChain() {
        CommonOps_DDRM.elementMult(g, g, tmp);
        CommonOps_DDRM.scale(1 - BETA, tmp);
        CommonOps_DDRM.scale(BETA, s);
        CommonOps_DDRM.addEquals(s, tmp);
        CommonOps_DDRM.add(s, EPS, tmp);
        CommonOps_DDRM.elementPower(tmp, 0.5, tmp);
        CommonOps_DDRM.elementDiv(g, tmp, tmp);
        CommonOps_DDRM.scale(LR, tmp);
        CommonOps_DDRM.subtractEquals(theta, tmp);
    }
}
