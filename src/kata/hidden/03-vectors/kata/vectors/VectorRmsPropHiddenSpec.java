package kata.vectors;

import java.util.Random;
import optikata.optim.RmsProp;
import optikata.optim.RmsPropConfig;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("03 · RMSProp on vectors (hidden)")
class VectorRmsPropHiddenSpec {

    @Test
    @DisplayName("50 steps on a 2x3 matrix match the library (fixed seed)")
    void matrixShape() {
        Random random = new Random(303);
        VectorRmsProp mine = new VectorRmsProp(0.05, 0.95, 1e-6);
        RmsProp reference = new RmsProp(RmsPropConfig.defaults().withLearningRate(0.05).withDecay(0.95).withEpsilon(1e-6));
        DMatrixRMaj a = new DMatrixRMaj(2, 3);
        DMatrixRMaj b = new DMatrixRMaj(2, 3);
        for (int t = 0; t < 50; t++) {
            DMatrixRMaj g = new DMatrixRMaj(2, 3);
            for (int i = 0; i < 6; i++) {
                g.data[i] = random.nextGaussian() * Math.pow(10, random.nextInt(5) - 2);
            }
            mine.step(a, g.copy());
            reference.step(b, g.copy());
        }
        optikata.kata.Teach.check("θ after 50 steps on a 2x3 matrix", VectorRmsPropSpec.FORMULA, null,
                java.util.Arrays.copyOf(b.data, 6), java.util.Arrays.copyOf(a.data, 6), 1e-10, java.util.List.of());
    }

    @Test
    @DisplayName("reset() forgets s: the next step is a first step again")
    void reset() {
        VectorRmsProp mine = new VectorRmsProp(0.01, 0.9, 1e-8);
        DMatrixRMaj theta = new DMatrixRMaj(1, 1);
        mine.step(theta, new DMatrixRMaj(1, 1, true, 5.0));
        mine.reset();
        DMatrixRMaj fresh = new DMatrixRMaj(1, 1);
        mine.step(fresh, new DMatrixRMaj(1, 1, true, 1.0));
        optikata.kata.Teach.check("θ after reset() and one step with g = 1", "−η·1/√(0.1 + ε)", null,
                -0.01 / Math.sqrt(0.1 + 1e-8), fresh.get(0), 1e-12, java.util.List.of());
    }
}
