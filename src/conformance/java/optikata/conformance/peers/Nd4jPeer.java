package optikata.conformance.peers;

import java.util.List;
import java.util.function.Supplier;
import optikata.conformance.LivePeer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.GradientUpdater;
import org.nd4j.linalg.learning.config.IUpdater;

/**
 * An ND4J updater on one row vector: {@code instantiate(view, true)} (which initialises the
 * state, RmsProp's to ε), then per step {@code applyUpdater(gradient, t − 1, 0)}, which turns the
 * gradient into the update in place, subtracted from θ in the arrays' type.
 */
final class Nd4jPeer implements LivePeer {
    private final String id;
    private final DataType type;
    private final Supplier<IUpdater> factory;

    Nd4jPeer(String id, DataType type, Supplier<IUpdater> factory) {
        this.id = id;
        this.type = type;
        this.factory = factory;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String version() {
        String v = Nd4j.class.getPackage().getImplementationVersion();
        return "ND4J " + (v == null ? "1.0.0-M2.1" : v) + " "
                + factory.get().getClass().getSimpleName() + " " + type;
    }

    @Override
    public double[][] run(double[] start, List<double[]> gradients, int steps) {
        IUpdater config = factory.get();
        int n = start.length;
        INDArray view = Nd4j.zeros(type, 1, config.stateSize(n));
        GradientUpdater<?> updater = config.instantiate(view, true);
        INDArray theta = Nd4j.create(start, new long[] {1, n}, type);
        double[][] out = new double[steps + 1][];
        out[0] = theta.toDoubleVector();
        for (int t = 1; t <= steps; t++) {
            INDArray g = Nd4j.create(gradients.get(t - 1), new long[] {1, n}, type);
            updater.applyUpdater(g, t - 1, 0);
            theta.subi(g);
            out[t] = theta.toDoubleVector();
        }
        return out;
    }
}
