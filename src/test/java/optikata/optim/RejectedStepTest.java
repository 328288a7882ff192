package optikata.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import optikata.support.Matrices;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A step rejected for a non-finite gradient changes nothing, bit for bit: the parameters, every
 * state buffer and the step count, whether the step runs on one thread or is split across threads
 * (where every thread screens its own share and none updates until all passed), wherever the bad
 * entry sits (first element, the boundary between the threads' shares, the last block, the tail
 * the screen's interleaved streams leave over). And the screen's false alarm (finite entries
 * whose sum overflows) never rejects a step.
 */
class RejectedStepTest {
    private static final long SEED = 20261128L;
    private static final List<Matrices.Named> FAMILY = Matrices.family();
    private static final double[] BAD = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};

    static List<Matrices.Named> family() {
        return FAMILY;
    }

    /** Everything a step may change, as raw bits. */
    private record Snapshot(long step, long[] theta, Map<String, long[]> buffers) {
        static Snapshot of(Optimizer o, DMatrixRMaj theta) {
            OptimizerState s = o.state();
            Map<String, long[]> bufs = new LinkedHashMap<>();
            s.buffers().forEach((name, m) -> bufs.put(name, m == null ? null : bits(m)));
            return new Snapshot(s.step(), bits(theta), bufs);
        }

        void assertSame(Snapshot other, String what) {
            assertThat(other.step).as("step count after %s", what).isEqualTo(step);
            assertThat(Arrays.equals(other.theta, theta))
                    .as("parameters bit for bit after %s", what)
                    .isTrue();
            assertThat(other.buffers.keySet()).isEqualTo(buffers.keySet());
            buffers.forEach((name, b) -> assertThat(Arrays.equals(other.buffers.get(name), b))
                    .as("buffer %s bit for bit after %s", name, what)
                    .isTrue());
        }
    }

    private static long[] bits(DMatrixRMaj m) {
        long[] b = new long[m.getNumElements()];
        for (int i = 0; i < b.length; i++) {
            b[i] = Double.doubleToRawLongBits(m.data[i]);
        }
        return b;
    }

    private static void fill(DMatrixRMaj g, int step) {
        for (int i = 0; i < g.getNumElements(); i++) {
            g.data[i] = Math.sin(0.001 * i * step + step) + 0.1 * step;
        }
    }

    // ---- the screen itself ----

    @Test
    @DisplayName("the screen passes finite gradients of every length, whole streams or with a tail left over")
    void screenPassesFiniteGradients() {
        for (int len : new int[] {0, 1, 7, 15, 16, 17, 31, 32, 33, 63, 4095, 4096, 4103, 10_007}) {
            double[] g = new double[len + 3];
            for (int i = 0; i < g.length; i++) {
                g[i] = (i % 2 == 0 ? 1 : -1) * Math.pow(10, i % 13 - 6);
            }
            assertThat(FiniteScan.screen(g, 3, len + 3)).as("length %d", len).isTrue();
            assertThat(FiniteScan.firstNonFinite(g, 3, len + 3)).isEqualTo(-1);
        }
    }

    @Test
    @DisplayName("the screen raises an alarm for NaN, +∞ or −∞ at every position of short and long ranges")
    void screenCatchesEveryPosition() {
        for (int len : new int[] {1, 8, 15, 16, 17, 33, 4103}) {
            double[] g = new double[len + 5];
            Arrays.fill(g, 0.25);
            for (int p = 0; p < len; p++) {
                for (double bad : BAD) {
                    g[5 + p] = bad;
                    assertThat(FiniteScan.screen(g, 5, len + 5))
                            .as("%s at %d of %d", bad, p, len)
                            .isFalse();
                    assertThat(FiniteScan.firstNonFinite(g, 5, len + 5)).isEqualTo(5 + p);
                }
                g[5 + p] = 0.25;
            }
            // Outside the range: not seen.
            g[4] = Double.NaN;
            assertThat(FiniteScan.screen(g, 5, len + 5)).isTrue();
            g[4] = 0.25;
        }
    }

    @Test
    @DisplayName(
            "property: any mix of non-finite entries anywhere in a range raises the alarm, and the exact scan names the first")
    void screenProperty() {
        qt().withFixedSeed(SEED)
                .withExamples(400)
                .forAll(
                        integers().between(1, 20_000),
                        integers().between(0, 1_000_000),
                        integers().between(1, 4),
                        integers().between(0, Integer.MAX_VALUE))
                .checkAssert((len, at, count, salt) -> {
                    double[] g = new double[len];
                    for (int i = 0; i < len; i++) {
                        g[i] = Math.cos(i + salt) * 1e3;
                    }
                    Random r = new Random(salt);
                    int first = Integer.MAX_VALUE;
                    for (int k = 0; k < count; k++) {
                        int p = k == 0 ? at % len : r.nextInt(len);
                        g[p] = BAD[r.nextInt(BAD.length)];
                        first = Math.min(first, p);
                    }
                    assertThat(FiniteScan.screen(g, 0, len)).isFalse();
                    assertThat(FiniteScan.firstNonFinite(g, 0, len)).isEqualTo(first);
                });
    }

    @Test
    @DisplayName("finite entries whose sum overflows raise a false alarm that the exact scan clears")
    void overflowIsAFalseAlarm() {
        double[] g = new double[5000];
        Arrays.fill(g, Double.MAX_VALUE / 2);
        assertThat(FiniteScan.screen(g, 0, g.length)).isFalse();
        assertThat(FiniteScan.firstNonFinite(g, 0, g.length)).isEqualTo(-1);
    }

    // ---- steps ----

    /** Where a bad entry goes in a split step of n elements: ends, chunk boundaries, last block, screen tails. */
    private static int[] splitPositions(int n) {
        int half = ((n / 2) + 7) & ~7;
        int eighth = ((n + 7) / 8 + 7) & ~7; // chunks of about n/8 on two threads (four chunks each)
        return new int[] {
            0,
            1,
            eighth - 1,
            eighth,
            3 * eighth + 1,
            half - 1,
            half,
            half + 1,
            n / 3,
            half + (n - half) / 2,
            7 * eighth - 1,
            7 * eighth,
            n - 8,
            n - 2,
            n - 1
        };
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("family")
    @DisplayName(
            "a large split step with a non-finite gradient anywhere changes nothing, and the next good step is the one it would have been")
    void splitStepRejectionChangesNothing(Matrices.Named named) {
        int n = StepExecutor.threshold() + 13;
        Optimizer o = named.create();
        Optimizer twin = named.create();
        DMatrixRMaj theta = new DMatrixRMaj(n, 1);
        DMatrixRMaj twinTheta = new DMatrixRMaj(n, 1);
        DMatrixRMaj g = new DMatrixRMaj(n, 1);
        for (int s = 1; s <= 2; s++) {
            fill(g, s);
            o.step(theta, g);
            twin.step(twinTheta, g);
        }
        Snapshot before = Snapshot.of(o, theta);
        fill(g, 3);
        int k = 0;
        for (int where : splitPositions(n)) {
            double bad = BAD[k++ % BAD.length];
            double kept = g.data[where];
            g.data[where] = bad;
            assertThatThrownBy(() -> o.step(theta, g))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("Invalid gradient: " + bad + " at index " + where + " of " + n + "x1")
                    .hasMessageContaining("nothing changed");
            g.data[where] = kept;
            before.assertSame(Snapshot.of(o, theta), bad + " at " + where);
        }
        // The rejected steps left no trace: the next good step equals the twin's.
        o.step(theta, g);
        twin.step(twinTheta, g);
        Snapshot.of(twin, twinTheta).assertSame(Snapshot.of(o, theta), "a good step after the rejections");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("family")
    @DisplayName("a rejected first step of a large split size allocates no state and counts no step")
    void rejectedFirstSplitStepAllocatesNothing(Matrices.Named named) {
        int n = StepExecutor.threshold() + 13;
        Optimizer o = named.create();
        DMatrixRMaj theta = new DMatrixRMaj(n, 1);
        DMatrixRMaj g = new DMatrixRMaj(n, 1);
        fill(g, 1);
        g.data[n - 1] = Double.NaN;
        assertThatThrownBy(() -> o.step(theta, g)).hasMessageContaining("Invalid gradient: NaN at index " + (n - 1));
        assertThat(o.state().step()).isZero();
        o.state().buffers().values().forEach(b -> assertThat(b).isNull());
        assertThat(bits(theta)).containsOnly(0L);
    }

    @Test
    @DisplayName("a false alarm (finite entries whose sum overflows) does not reject the step, small or split")
    void falseAlarmStepGoesOn() {
        for (int n : new int[] {1000, StepExecutor.threshold() + 13}) {
            RmsPropConfig c = RmsPropConfig.defaults();
            Optimizer checked = new RmsProp(c);
            Optimizer unchecked = new RmsProp(
                    c.toBuilder().nonFinitePolicy(NonFinitePolicy.PROPAGATE).build());
            DMatrixRMaj a = new DMatrixRMaj(n, 1);
            DMatrixRMaj b = new DMatrixRMaj(n, 1);
            DMatrixRMaj g = new DMatrixRMaj(n, 1);
            for (int step = 1; step <= 3; step++) { // the first step takes the one-thread path, the others split
                fill(g, step);
                for (int i = 0; i < n; i += 97) {
                    g.data[i] = 1e307
                            * (1 + i % 7); // finite; their sum overflows (and their squares: the state turns ∞ alike)
                }
                assertThat(FiniteScan.screen(g.data, 0, n)).isFalse();
                assertThatCode(() -> checked.step(a, g))
                        .as("n=%d step %d", n, step)
                        .doesNotThrowAnyException();
                unchecked.step(b, g);
            }
            Snapshot.of(unchecked, b)
                    .assertSame(Snapshot.of(checked, a), "three steps of huge finite gradients, n=" + n);
        }
    }

    @Test
    @DisplayName(
            "property: for every optimizer, a rejected step leaves parameters, buffers and step count unchanged bit for bit (one thread)")
    void rejectedStepPropertySmall() {
        qt().withFixedSeed(SEED)
                .withExamples(600)
                .forAll(
                        integers().between(0, FAMILY.size() - 1),
                        integers().between(1, 5000),
                        integers().between(0, 3),
                        integers().between(0, Integer.MAX_VALUE))
                .checkAssert(
                        (which, n, goodSteps, salt) -> rejectionLeavesNoTrace(FAMILY.get(which), n, goodSteps, salt));
    }

    @Test
    @DisplayName("property: the same for split steps (sizes past the split threshold, bad entries anywhere)")
    void rejectedStepPropertySplit() {
        qt().withFixedSeed(SEED)
                .withExamples(12)
                .forAll(
                        integers().between(0, FAMILY.size() - 1),
                        integers().between(0, 4999),
                        integers().between(1, 2),
                        integers().between(0, Integer.MAX_VALUE))
                .checkAssert((which, extra, goodSteps, salt) ->
                        rejectionLeavesNoTrace(FAMILY.get(which), StepExecutor.threshold() + extra, goodSteps, salt));
    }

    /** A cheap deterministic value in [−1, 1) for entry i (a multiplicative hash of i and the mix). */
    private static double noise(int i, long mix) {
        long h = (i + mix) * 0x9E3779B97F4A7C15L;
        return (h >>> 11) * 0x1.0p-52 - 1;
    }

    private static void rejectionLeavesNoTrace(Matrices.Named named, int n, int goodSteps, int salt) {
        Random r = new Random(salt);
        Optimizer o = named.create();
        DMatrixRMaj theta = new DMatrixRMaj(n, 1);
        long mix = r.nextLong();
        for (int i = 0; i < n; i++) {
            theta.data[i] = noise(i, mix);
        }
        DMatrixRMaj g = new DMatrixRMaj(n, 1);
        for (int s = 1; s <= goodSteps; s++) {
            double scale = Math.pow(10, r.nextInt(9) - 4);
            mix = r.nextLong();
            for (int i = 0; i < n; i++) {
                g.data[i] = scale * noise(i, mix);
            }
            o.step(theta, g);
        }
        Snapshot before = Snapshot.of(o, theta);
        DMatrixRMaj rateBefore = new DMatrixRMaj(n, 1);
        o.effectiveLearningRate(rateBefore);
        List<Integer> bad = new ArrayList<>();
        int count = 1 + r.nextInt(3);
        for (int k = 0; k < count; k++) {
            int p = r.nextInt(n);
            g.data[p] = BAD[r.nextInt(BAD.length)];
            bad.add(p);
        }
        int first = bad.stream().min(Integer::compare).orElseThrow();
        assertThatThrownBy(() -> o.step(theta, g))
                .hasMessageStartingWith(
                        "Invalid gradient: " + g.data[first] + " at index " + first + " of " + n + "x1");
        before.assertSame(Snapshot.of(o, theta), named + " n=" + n + " bad at " + bad);
        DMatrixRMaj rateAfter = new DMatrixRMaj(n, 1);
        o.effectiveLearningRate(rateAfter);
        assertThat(Arrays.equals(bits(rateAfter), bits(rateBefore)))
                .as("effective learning rate")
                .isTrue();
    }
}
