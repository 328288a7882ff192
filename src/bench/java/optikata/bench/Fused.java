package optikata.bench;

/**
 * Hand-written fused loops over {@code double[]}: the practical limit of one core, and the
 * reference every other implementation is compared with. Written here independently of the
 * library's loops.
 */
final class Fused {
    private Fused() {
    }

    static void rmspropInside(double[] theta, double[] g, double[] s, int from, int to, double lr, double beta, double eps) {
        double c = 1 - beta;
        for (int i = from; i < to; i++) {
            double gi = g[i];
            double si = beta * s[i] + c * gi * gi;
            s[i] = si;
            theta[i] -= lr * gi / Math.sqrt(si + eps);
        }
    }

    static void rmspropOutside(double[] theta, double[] g, double[] s, int n, double lr, double beta, double eps) {
        double c = 1 - beta;
        for (int i = 0; i < n; i++) {
            double gi = g[i];
            double si = beta * s[i] + c * gi * gi;
            s[i] = si;
            theta[i] -= lr * gi / (Math.sqrt(si) + eps);
        }
    }

    static void rmspropCentered(double[] theta, double[] g, double[] s, double[] a, int n, double lr, double beta, double eps) {
        double c = 1 - beta;
        for (int i = 0; i < n; i++) {
            double gi = g[i];
            double si = beta * s[i] + c * gi * gi;
            double ai = beta * a[i] + c * gi;
            s[i] = si;
            a[i] = ai;
            theta[i] -= lr * gi / Math.sqrt(Math.max(si - ai * ai, 0) + eps);
        }
    }

    static void rmspropMomentum(double[] theta, double[] g, double[] s, double[] b, int n, double lr, double beta, double eps,
                                double mu) {
        double c = 1 - beta;
        for (int i = 0; i < n; i++) {
            double gi = g[i];
            double si = beta * s[i] + c * gi * gi;
            s[i] = si;
            double bi = mu * b[i] + gi / Math.sqrt(si + eps);
            b[i] = bi;
            theta[i] -= lr * bi;
        }
    }

    static void adam(double[] theta, double[] g, double[] m, double[] v, int n, long t, double lr, double b1, double b2, double eps) {
        double c1 = 1 - Math.pow(b1, (double) t);
        double sqrtC2 = Math.sqrt(1 - Math.pow(b2, (double) t));
        double stepSize = lr / c1;
        for (int i = 0; i < n; i++) {
            double gi = g[i];
            double mi = b1 * m[i] + (1 - b1) * gi;
            double vi = b2 * v[i] + (1 - b2) * gi * gi;
            m[i] = mi;
            v[i] = vi;
            theta[i] -= stepSize * mi / (Math.sqrt(vi) / sqrtC2 + eps);
        }
    }

    static void adagrad(double[] theta, double[] g, double[] s, int n, double lr, double eps) {
        for (int i = 0; i < n; i++) {
            double gi = g[i];
            double si = s[i] + gi * gi;
            s[i] = si;
            theta[i] -= lr * gi / (Math.sqrt(si) + eps);
        }
    }

    static void momentum(double[] theta, double[] g, double[] v, int n, double lr, double mu) {
        for (int i = 0; i < n; i++) {
            double vi = mu * v[i] + g[i];
            v[i] = vi;
            theta[i] -= lr * vi;
        }
    }
    /**
     * Whether g[from, to) sums to a finite value (NaN and ±∞ make it non-finite), read as eight
     * streams of two sums each: the library's screen, written again here.
     */
    @SuppressWarnings("IdentityBinaryExpression") // x - x is 0 exactly when x is finite (NaN otherwise): the check measured
    static boolean screen(double[] g, int from, int to) {
        int q = ((to - from) >>> 4) << 1;
        double p0 = 0, p1 = 0, p2 = 0, p3 = 0, p4 = 0, p5 = 0, p6 = 0, p7 = 0;
        double q0 = 0, q1 = 0, q2 = 0, q3 = 0, q4 = 0, q5 = 0, q6 = 0, q7 = 0;
        for (int j = from; j < from + q; j += 2) {
            p0 += g[j];
            q0 += g[j + 1];
            p1 += g[j + q];
            q1 += g[j + q + 1];
            p2 += g[j + 2 * q];
            q2 += g[j + 2 * q + 1];
            p3 += g[j + 3 * q];
            q3 += g[j + 3 * q + 1];
            p4 += g[j + 4 * q];
            q4 += g[j + 4 * q + 1];
            p5 += g[j + 5 * q];
            q5 += g[j + 5 * q + 1];
            p6 += g[j + 6 * q];
            q6 += g[j + 6 * q + 1];
            p7 += g[j + 7 * q];
            q7 += g[j + 7 * q + 1];
        }
        for (int i = from + 8 * q; i < to; i++) {
            p0 += g[i];
        }
        double sum = p0 + p1 + p2 + p3 + p4 + p5 + p6 + p7 + q0 + q1 + q2 + q3 + q4 + q5 + q6 + q7;
        return sum - sum == 0;
    }
}
