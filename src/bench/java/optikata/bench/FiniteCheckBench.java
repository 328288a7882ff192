package optikata.bench;

import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import optikata.optim.FiniteScan;
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
 * Forms of "is every gradient entry finite?" over a finite gradient (the common case, where the
 * whole array must be read): which ones C2 turns into vector code, measured rather than assumed.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class FiniteCheckBench {
    @Param({"1000", "100000", "10000000"})
    public int n;

    private double[] g;

    @Setup(Level.Trial)
    public void setUp() {
        g = Data.gradient(n).data;
    }

    private static final long EXPONENT = 0x7FF0_0000_0000_0000L;
    private static final long EXPONENT_LSB = 0x0010_0000_0000_0000L;

    /** Four floating-point sums of x·0 (0 for finite x, NaN otherwise). */
    @Benchmark
    public boolean sumTimesZero() {
        double p0 = 0, p1 = 0, p2 = 0, p3 = 0;
        int i = 0;
        for (; i + 3 < n; i += 4) {
            p0 += g[i] * 0.0;
            p1 += g[i + 1] * 0.0;
            p2 += g[i + 2] * 0.0;
            p3 += g[i + 3] * 0.0;
        }
        for (; i < n; i++) {
            p0 += g[i] * 0.0;
        }
        return p0 + p1 + p2 + p3 == 0;
    }

    /** OR of (exponent bits + 1) shifted down: bit 11 set iff some exponent is all ones. */
    @Benchmark
    public boolean exponentOrShift() {
        long acc = 0;
        for (int i = 0; i < n; i++) {
            acc |= (Double.doubleToRawLongBits(g[i]) >>> 52 & 0x7FF) + 1;
        }
        return (acc & 0x800) == 0;
    }

    /** OR of (exponent field + one exponent unit): the sign bit is set iff some exponent is all ones. */
    @Benchmark
    public boolean exponentOrCarry() {
        long acc = 0;
        for (int i = 0; i < n; i++) {
            acc |= (Double.doubleToRawLongBits(g[i]) & EXPONENT) + EXPONENT_LSB;
        }
        return acc >= 0;
    }

    /** The running maximum of |x|: NaN propagates through Math.max, ∞ is the largest value. */
    @Benchmark
    public boolean maxAbs() {
        double m = 0;
        for (int i = 0; i < n; i++) {
            m = Math.max(m, Math.abs(g[i]));
        }
        return m < Double.POSITIVE_INFINITY;
    }

    /** A compare per element with an early exit. */
    @Benchmark
    public boolean compareEarlyExit() {
        for (int i = 0; i < n; i++) {
            if (!(Math.abs(g[i]) <= Double.MAX_VALUE)) {
                return false;
            }
        }
        return true;
    }

    /** x − x is 0 for finite x and NaN otherwise; summed in one floating-point accumulator. */
    @SuppressWarnings(
            "IdentityBinaryExpression") // x - x is 0 exactly when x is finite (NaN otherwise): the check measured
    @Benchmark
    public boolean sumMinusSelf() {
        double p = 0;
        for (int i = 0; i < n; i++) {
            double x = g[i];
            p += x - x;
        }
        return p == 0;
    }
    /** Eight floating-point sums of x·0: more independent chains than the adder's latency. */
    @Benchmark
    public boolean sumTimesZero8() {
        double p0 = 0, p1 = 0, p2 = 0, p3 = 0, p4 = 0, p5 = 0, p6 = 0, p7 = 0;
        int i = 0;
        for (; i + 7 < n; i += 8) {
            p0 += g[i] * 0.0;
            p1 += g[i + 1] * 0.0;
            p2 += g[i + 2] * 0.0;
            p3 += g[i + 3] * 0.0;
            p4 += g[i + 4] * 0.0;
            p5 += g[i + 5] * 0.0;
            p6 += g[i + 6] * 0.0;
            p7 += g[i + 7] * 0.0;
        }
        for (; i < n; i++) {
            p0 += g[i] * 0.0;
        }
        return p0 + p1 + p2 + p3 + p4 + p5 + p6 + p7 == 0;
    }

    /** Four quarters read side by side (four memory streams in flight), two sums each. */
    @Benchmark
    public boolean sumTimesZeroFourStreams() {
        int q = n >>> 2;
        int b = q, c = 2 * q, d = 3 * q;
        double p0 = 0, p1 = 0, p2 = 0, p3 = 0, p4 = 0, p5 = 0, p6 = 0, p7 = 0;
        int j = 0;
        for (; j + 1 < q; j += 2) {
            p0 += g[j] * 0.0;
            p1 += g[j + 1] * 0.0;
            p2 += g[b + j] * 0.0;
            p3 += g[b + j + 1] * 0.0;
            p4 += g[c + j] * 0.0;
            p5 += g[c + j + 1] * 0.0;
            p6 += g[d + j] * 0.0;
            p7 += g[d + j + 1] * 0.0;
        }
        for (; j < q; j++) {
            p0 += g[j] * 0.0 + g[b + j] * 0.0 + g[c + j] * 0.0 + g[d + j] * 0.0;
        }
        for (int i = 4 * q; i < n; i++) {
            p0 += g[i] * 0.0;
        }
        return p0 + p1 + p2 + p3 + p4 + p5 + p6 + p7 == 0;
    }

    /** Eight streams, one sum each. */
    @Benchmark
    public boolean sumTimesZeroEightStreams() {
        int q = n >>> 3;
        double p0 = 0, p1 = 0, p2 = 0, p3 = 0, p4 = 0, p5 = 0, p6 = 0, p7 = 0;
        for (int j = 0; j < q; j++) {
            p0 += g[j] * 0.0;
            p1 += g[q + j] * 0.0;
            p2 += g[2 * q + j] * 0.0;
            p3 += g[3 * q + j] * 0.0;
            p4 += g[4 * q + j] * 0.0;
            p5 += g[5 * q + j] * 0.0;
            p6 += g[6 * q + j] * 0.0;
            p7 += g[7 * q + j] * 0.0;
        }
        for (int i = 8 * q; i < n; i++) {
            p0 += g[i] * 0.0;
        }
        return p0 + p1 + p2 + p3 + p4 + p5 + p6 + p7 == 0;
    }

    /** The exponent OR, four streams. */
    @Benchmark
    public boolean exponentOrFourStreams() {
        int q = n >>> 2;
        long a0 = 0, a1 = 0, a2 = 0, a3 = 0;
        for (int j = 0; j < q; j++) {
            a0 |= (Double.doubleToRawLongBits(g[j]) & EXPONENT) + EXPONENT_LSB;
            a1 |= (Double.doubleToRawLongBits(g[q + j]) & EXPONENT) + EXPONENT_LSB;
            a2 |= (Double.doubleToRawLongBits(g[2 * q + j]) & EXPONENT) + EXPONENT_LSB;
            a3 |= (Double.doubleToRawLongBits(g[3 * q + j]) & EXPONENT) + EXPONENT_LSB;
        }
        for (int i = 4 * q; i < n; i++) {
            a0 |= (Double.doubleToRawLongBits(g[i]) & EXPONENT) + EXPONENT_LSB;
        }
        return (a0 | a1 | a2 | a3) >= 0;
    }
    /** Running max and min (NaN propagates through both, ±∞ reaches one of them). */
    @Benchmark
    public boolean maxMin() {
        double hi = 0, lo = 0;
        for (int i = 0; i < n; i++) {
            hi = Math.max(hi, g[i]);
            lo = Math.min(lo, g[i]);
        }
        return hi < Double.POSITIVE_INFINITY && lo > Double.NEGATIVE_INFINITY;
    }

    /** Plain sums of x in eight chains: NaN and ±∞ survive; an overflow is a false alarm for an exact rescan. */
    @SuppressWarnings(
            "IdentityBinaryExpression") // x - x is 0 exactly when x is finite (NaN otherwise): the check measured
    @Benchmark
    public boolean plainSum8() {
        double p0 = 0, p1 = 0, p2 = 0, p3 = 0, p4 = 0, p5 = 0, p6 = 0, p7 = 0;
        int i = 0;
        for (; i + 7 < n; i += 8) {
            p0 += g[i];
            p1 += g[i + 1];
            p2 += g[i + 2];
            p3 += g[i + 3];
            p4 += g[i + 4];
            p5 += g[i + 5];
            p6 += g[i + 6];
            p7 += g[i + 7];
        }
        for (; i < n; i++) {
            p0 += g[i];
        }
        double sum = p0 + p1 + p2 + p3 + p4 + p5 + p6 + p7;
        return sum - sum == 0;
    }

    /** fma(x, 0, p) in eight chains: one floating-point operation per element. */
    @Benchmark
    public boolean fma8() {
        double p0 = 0, p1 = 0, p2 = 0, p3 = 0, p4 = 0, p5 = 0, p6 = 0, p7 = 0;
        int i = 0;
        for (; i + 7 < n; i += 8) {
            p0 = Math.fma(g[i], 0.0, p0);
            p1 = Math.fma(g[i + 1], 0.0, p1);
            p2 = Math.fma(g[i + 2], 0.0, p2);
            p3 = Math.fma(g[i + 3], 0.0, p3);
            p4 = Math.fma(g[i + 4], 0.0, p4);
            p5 = Math.fma(g[i + 5], 0.0, p5);
            p6 = Math.fma(g[i + 6], 0.0, p6);
            p7 = Math.fma(g[i + 7], 0.0, p7);
        }
        for (; i < n; i++) {
            p0 = Math.fma(g[i], 0.0, p0);
        }
        return p0 + p1 + p2 + p3 + p4 + p5 + p6 + p7 == 0;
    }
    /** Plain sums in eight streams of two chains each: the library's screen, FiniteScan.screen. */
    @Benchmark
    public boolean plainSumEightStreams() {
        return FiniteScan.screen(g, 0, n);
    }

    private final double[] block = new double[BLOCK];
    private static final int BLOCK = 1024;
    private static final double[] ZEROS = new double[BLOCK];

    /**
     * x − x into an L1-resident block (vector code: 0.0 for finite x, NaN otherwise), then the
     * block compared with zeros by Arrays.mismatch (a vectorised intrinsic).
     */
    @SuppressWarnings(
            "IdentityBinaryExpression") // x - x is 0 exactly when x is finite (NaN otherwise): the check measured
    @Benchmark
    public boolean subtractStoreMismatch() {
        for (int from = 0; from < n; from += BLOCK) {
            int len = Math.min(BLOCK, n - from);
            for (int i = 0; i < len; i++) {
                double x = g[from + i];
                block[i] = x - x;
            }
            if (Arrays.mismatch(block, 0, len, ZEROS, 0, len) >= 0) {
                return false;
            }
        }
        return true;
    }
}
