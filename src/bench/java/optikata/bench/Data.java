package optikata.bench;

import org.ejml.data.DMatrixRMaj;

final class Data {
    private Data() {}

    /** A deterministic gradient of n entries in about [−1, 1]. */
    static DMatrixRMaj gradient(int n) {
        DMatrixRMaj g = new DMatrixRMaj(n, 1);
        for (int i = 0; i < n; i++) {
            g.data[i] = Math.sin(i * 0.37) + 1e-3;
        }
        return g;
    }
}
