package optikata.optim;

/**
 * The non-finite check of a gradient, in two parts: a fast screen that reads every entry once
 * and an exact scan that runs only when the screen raised an alarm.
 *
 * <p>The screen adds the entries up: a NaN or an infinity anywhere makes the sum NaN or infinite
 * (∞ − ∞ is NaN), so a finite sum proves every entry finite. The converse does not hold: finite
 * entries near {@link Double#MAX_VALUE} can overflow the sum. Such an alarm is false, and the
 * exact scan then finds no bad entry and lets the step go on. One addition per entry is the
 * cheapest screen C2 compiles well on JDK 17: its vector code covers none of the forms tried (the
 * exponent bits OR-ed, a running max of |x|, x·0 or x − x summed, a vector subtraction checked
 * with {@code Arrays.mismatch}), and those cost one to three operations more per entry (measured
 * in {@code FiniteCheckBench}; figures in docs/PERFORMANCE.md).
 *
 * <p>The range is read as eight interleaved streams, each summed in two chains: sixteen
 * independent additions keep both floating-point adders busy (about 0.13 ns per entry in cache),
 * and eight streams keep enough memory requests in flight that a range larger than the caches is
 * read several times faster than by one stream.
 */
public final class FiniteScan {
    private FiniteScan() {}

    /**
     * Whether every entry of {@code g[from, to)} is finite, or an alarm: {@code false} whenever
     * some entry is NaN or ±∞, and (rarely) when finite entries overflow the sum.
     */
    public static boolean screen(double[] g, int from, int to) {
        int q = ((to - from) >>> 4) << 1; // entries per stream, even
        int a = from;
        int b = a + q;
        int c = b + q;
        int d = c + q;
        int e = d + q;
        int f = e + q;
        int h = f + q;
        int k = h + q;
        double p0 = 0;
        double p1 = 0;
        double p2 = 0;
        double p3 = 0;
        double p4 = 0;
        double p5 = 0;
        double p6 = 0;
        double p7 = 0;
        double q0 = 0;
        double q1 = 0;
        double q2 = 0;
        double q3 = 0;
        double q4 = 0;
        double q5 = 0;
        double q6 = 0;
        double q7 = 0;
        for (int j = 0; j < q; j += 2) {
            p0 += g[a + j];
            q0 += g[a + j + 1];
            p1 += g[b + j];
            q1 += g[b + j + 1];
            p2 += g[c + j];
            q2 += g[c + j + 1];
            p3 += g[d + j];
            q3 += g[d + j + 1];
            p4 += g[e + j];
            q4 += g[e + j + 1];
            p5 += g[f + j];
            q5 += g[f + j + 1];
            p6 += g[h + j];
            q6 += g[h + j + 1];
            p7 += g[k + j];
            q7 += g[k + j + 1];
        }
        for (int i = from + 8 * q; i < to; i++) {
            p0 += g[i];
        }
        double sum = (((p0 + q0) + (p1 + q1)) + ((p2 + q2) + (p3 + q3)))
                + (((p4 + q4) + (p5 + q5)) + ((p6 + q6) + (p7 + q7)));
        // x − x is 0 exactly when x is finite (NaN for NaN and ±∞): the screen's one test.
        @SuppressWarnings("IdentityBinaryExpression")
        boolean finite = sum - sum == 0;
        return finite;
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
