package optikata.bench;

import java.util.concurrent.TimeUnit;
import optikata.optim.EpsilonPlacement;
import optikata.optim.RmsProp;
import optikata.optim.RmsPropConfig;
import optikata.optim.RmsPropKernel;
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
 * One RMSProp step per call, each variant: the library's step, the library's kernel on bare arrays
 * (the step without its checks and bookkeeping) and the hand-fused loop.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class RmsPropVariantsBench {
    @Param({"1000", "100000", "10000000"})
    public int n;

    @Param({"inside", "outside", "centered", "momentum"})
    public String variant;

    private static final double LR = 1e-3;
    private static final double BETA = 0.9;
    private static final double EPS = 1e-8;
    private static final double MU = 0.9;

    private RmsProp library;
    private RmsPropKernel kernel;
    private DMatrixRMaj theta;
    private DMatrixRMaj g;
    private double[] s;
    private double[] extra;

    @Setup(Level.Trial)
    public void setUp() {
        RmsPropConfig c = RmsPropConfig.builder()
                .learningRate(LR)
                .decay(BETA)
                .epsilon(EPS)
                .build();
        c = switch (variant) {
            case "outside" ->
                c.toBuilder().epsilonPlacement(EpsilonPlacement.OUTSIDE_ROOT).build();
            case "centered" -> c.toBuilder().centered(true).build();
            case "momentum" -> c.toBuilder().momentum(MU).build();
            default -> c;
        };
        library = new RmsProp(c);
        kernel = RmsPropKernel.of(c);
        theta = new DMatrixRMaj(n, 1);
        g = Data.gradient(n);
        s = new double[n];
        extra = new double[n];
        library.step(theta, g); // allocates the state
    }

    @Benchmark
    public void library() {
        library.step(theta, g);
    }

    /** The library's kernel, as the step calls it, on the same numbers as {@link #fused}. */
    @Benchmark
    public void kernel() {
        switch (variant) {
            case "centered" -> kernel.step(theta.data, g.data, s, extra, RmsPropKernel.NONE, 0, n);
            case "momentum" -> kernel.step(theta.data, g.data, s, RmsPropKernel.NONE, extra, 0, n);
            default -> kernel.step(theta.data, g.data, s, RmsPropKernel.NONE, RmsPropKernel.NONE, 0, n);
        }
    }

    @Benchmark
    public void fused() {
        switch (variant) {
            case "outside" -> Fused.rmspropOutside(theta.data, g.data, s, n, LR, BETA, EPS);
            case "centered" -> Fused.rmspropCentered(theta.data, g.data, s, extra, n, LR, BETA, EPS);
            case "momentum" -> Fused.rmspropMomentum(theta.data, g.data, s, extra, n, LR, BETA, EPS, MU);
            default -> Fused.rmspropInside(theta.data, g.data, s, 0, n, LR, BETA, EPS);
        }
    }
}
