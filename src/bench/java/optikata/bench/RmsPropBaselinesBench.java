package optikata.bench;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
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

/**
 * RMSProp (ε inside the root) against the baselines: the fused loop split across two threads,
 * the learner's chain of EJML calls, the library on one thread, and the library without its
 * non-finite check.
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
    private RmsProp propagate;
    private DMatrixRMaj theta;
    private DMatrixRMaj g;
    private DMatrixRMaj s;
    private DMatrixRMaj tmp;
    private ExecutorService second;

    @Setup(Level.Trial)
    public void setUp() {
        RmsPropConfig c = RmsPropConfig.defaults().withLearningRate(LR).withDecay(BETA).withEpsilon(EPS);
        library = new RmsProp(c);
        propagate = new RmsProp(c.withNonFinitePolicy(NonFinitePolicy.PROPAGATE));
        theta = new DMatrixRMaj(n, 1);
        g = Data.gradient(n);
        s = new DMatrixRMaj(n, 1);
        tmp = new DMatrixRMaj(n, 1);
        library.step(theta, g);
        propagate.step(theta, g);
        second = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "bench-second-half");
            t.setDaemon(true);
            return t;
        });
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        second.shutdownNow();
    }

    /** The library as shipped (non-finite check, split across cores above its threshold). */
    @Benchmark
    public void library() {
        library.step(theta, g);
    }

    /** The library with the non-finite check off (NonFinitePolicy.PROPAGATE). */
    @Benchmark
    public void libraryPropagate() {
        propagate.step(theta, g);
    }

    /** The library kept on one thread. */
    @Benchmark
    @Fork(jvmArgsAppend = "-Doptikata.parallel.threads=1")
    public void librarySingleThread() {
        library.step(theta, g);
    }

    /** The library split across the cores at every size: where splitting starts to pay. */
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
