package optikata.bench;

/**
 * Hand-written fused loops over {@code double[]}: the practical limit of one core, and the
 * reference every other implementation is compared with. They stay written here, independently
 * of the library's kernels ({@code RmsPropKernel}, {@code Adam.kernel}, ...), on purpose: a
 * baseline that called the library's loop could not show the library's loop being slower than a
 * plain one. The benchmarks' {@code kernel} methods time the library's kernels themselves; the
 * non-finite screen is the library's own ({@code FiniteScan.screen}).
 */
final class Fused {
    private Fused() {}

    static void rmspropInside(
            double[] theta, double[] g, double[] s, int from, int to, double lr, double beta, double eps) {
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

    static void rmspropCentered(
            double[] theta, double[] g, double[] s, double[] a, int n, double lr, double beta, double eps) {
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

    static void rmspropMomentum(
            double[] theta, double[] g, double[] s, double[] b, int n, double lr, double beta, double eps, double mu) {
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

    static void adam(
            double[] theta,
            double[] g,
            double[] m,
            double[] v,
            int n,
            long t,
            double lr,
            double b1,
            double b2,
            double eps) {
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
}
