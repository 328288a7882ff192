package optikata.bench;

import java.util.concurrent.TimeUnit;
import optikata.optim.AdaGrad;
import optikata.optim.Adam;
import optikata.optim.Momentum;
import optikata.optim.Optimizer;
import org.ejml.data.DMatrixRMaj;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Adam, AdaGrad and SGD with momentum: the library's step, the library's kernel on bare arrays (the
 * step without its checks and bookkeeping) and the hand-fused loop.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class FamilyBench {
    @Param({"1000", "100000", "10000000"})
    public int n;

    @Param({"adam", "adagrad", "momentum"})
    public String optimizer;

    private Optimizer library;
    private Adam.Config adam;
    private AdaGrad.Config adagrad;
    private Momentum.Config momentum;
    private DMatrixRMaj theta;
    private DMatrixRMaj g;
    private double[] a;
    private double[] b;
    private long t;

    @Setup(Level.Trial)
    public void setUp() {
        library = switch (optimizer) {
            case "adam" -> new Adam();
            case "adagrad" -> new AdaGrad();
            default -> new Momentum();
        };
        theta = new DMatrixRMaj(n, 1);
        g = Data.gradient(n);
        a = new double[n];
        b = new double[n];
        library.step(theta, g);
        adam = Adam.Config.defaults();
        adagrad = AdaGrad.Config.defaults();
        momentum = new Momentum.Config(0.01, 0.9);
    }

    @Benchmark
    public void library() {
        library.step(theta, g);
    }

    /** The library's kernel, as the step calls it, on the same numbers as {@link #fused}. */
    @Benchmark
    public void kernel() {
        switch (optimizer) {
            case "adam" -> Adam.kernel(theta.data, g.data, a, b, 0, n, ++t, adam);
            case "adagrad" -> AdaGrad.kernel(theta.data, g.data, a, 0, n, adagrad);
            default -> Momentum.kernel(theta.data, g.data, a, 0, n, momentum);
        }
    }

    @Benchmark
    public void fused() {
        switch (optimizer) {
            case "adam" -> Fused.adam(theta.data, g.data, a, b, n, ++t, 1e-3, 0.9, 0.999, 1e-8);
            case "adagrad" -> Fused.adagrad(theta.data, g.data, a, n, 0.01, 1e-10);
            default -> Fused.momentum(theta.data, g.data, a, n, 0.01, 0.9);
        }
    }
}
