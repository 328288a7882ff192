package optikata.optim;

/**
 * The non-finite check of a gradient, in two parts: a fast screen that reads every entry once
 * and an exact scan that runs only when the screen raised an alarm.
 *
 * <p>The screen adds the entries up: a NaN or an infinity anywhere makes the sum NaN or infinite
 * (∞ − ∞ is NaN), so a finite sum proves every entry finite. The converse does not hold: finite
 * entries near {@link Double#MAX_VALUE} can overflow the sum. Such an alarm is false, and the
 * exact scan then finds no bad entry and lets the step go on. One addition per entry is the
 * cheapest screen C2 compiles well on JDK 17 (its vector code does not cover the bit-level forms,
 * and {@code x·0} or {@code x − x} cost a second operation; measured in
 * {@code FiniteCheckBench}, see docs/PERFORMANCE.md).
 *
 * <p>The range is read as eight interleaved streams, each summed in its own chain: eight
 * independent additions hide the adder's latency, and eight streams keep enough memory requests in
 * flight that a range larger than the caches is read at several times the speed of one stream.
 */
final class FiniteScan {
    private FiniteScan() {
    }

    /** Below this many entries one stream is as fast and simpler. */
    private static final int STREAMS_FROM = 1 << 12;

    /**
     * Whether every entry of {@code g[from, to)} is finite, or an alarm: {@code false} whenever
     * some entry is NaN or ±∞, and (rarely) when finite entries overflow the sum.
     */
    static boolean screen(double[] g, int from, int to) {
        int len = to - from;
        double p0 = 0;
        double p1 = 0;
        double p2 = 0;
        double p3 = 0;
        double p4 = 0;
        double p5 = 0;
        double p6 = 0;
        double p7 = 0;
        int i;
        if (len < STREAMS_FROM) {
            i = from;
            for (; i + 7 < to; i += 8) {
                p0 += g[i];
                p1 += g[i + 1];
                p2 += g[i + 2];
                p3 += g[i + 3];
                p4 += g[i + 4];
                p5 += g[i + 5];
                p6 += g[i + 6];
                p7 += g[i + 7];
            }
        } else {
            int q = len >>> 3;
            int a = from;
            int b = a + q;
            int c = b + q;
            int d = c + q;
            int e = d + q;
            int f = e + q;
            int h = f + q;
            int k = h + q;
            for (int j = 0; j < q; j++) {
                p0 += g[a + j];
                p1 += g[b + j];
                p2 += g[c + j];
                p3 += g[d + j];
                p4 += g[e + j];
                p5 += g[f + j];
                p6 += g[h + j];
                p7 += g[k + j];
            }
            i = from + 8 * q;
        }
        for (; i < to; i++) {
            p0 += g[i];
        }
        double sum = ((p0 + p1) + (p2 + p3)) + ((p4 + p5) + (p6 + p7));
        return sum - sum == 0;
    }

    /** The index of the first NaN or ±∞ in {@code g[from, to)}, or -1 when every entry is finite. */
    static int firstNonFinite(double[] g, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!Double.isFinite(g[i])) {
                return i;
            }
        }
        return -1;
    }
}
