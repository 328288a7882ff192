package optikata.conformance.peers;

import java.lang.reflect.Proxy;
import java.util.List;
import java.util.function.Supplier;
import optikata.conformance.LivePeer;
import org.tribuo.math.Parameters;
import org.tribuo.math.StochasticGradientOptimiser;
import org.tribuo.math.la.DenseVector;
import org.tribuo.math.la.Tensor;

/**
 * A Tribuo optimiser on one dense parameter vector: {@code step(gradients, 1.0)} returns the
 * update, which is subtracted from θ (Tribuo adds updates to parameters it trains by ascent).
 */
final class TribuoPeer implements LivePeer {
    private final String id;
    private final Supplier<StochasticGradientOptimiser> factory;

    TribuoPeer(String id, Supplier<StochasticGradientOptimiser> factory) {
        this.id = id;
        this.factory = factory;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String version() {
        String v = StochasticGradientOptimiser.class.getPackage().getImplementationVersion();
        return "Tribuo " + (v == null ? "4.3.2" : v) + " " + factory.get();
    }

    @Override
    public double[][] run(double[] start, List<double[]> gradients, int steps) {
        StochasticGradientOptimiser opt = factory.get();
        int n = start.length;
        // The optimisers only ask the parameters for an empty copy of their shape.
        Parameters shape = (Parameters) Proxy.newProxyInstance(
                Parameters.class.getClassLoader(), new Class<?>[] {Parameters.class}, (proxy, method, args) -> {
                    if (method.getName().equals("getEmptyCopy")) {
                        return new Tensor[] {new DenseVector(n)};
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
        opt.initialise(shape);
        double[] theta = start.clone();
        double[][] out = new double[steps + 1][];
        out[0] = theta.clone();
        for (int t = 1; t <= steps; t++) {
            Tensor[] update = opt.step(
                    new Tensor[] {
                        DenseVector.createDenseVector(gradients.get(t - 1).clone())
                    },
                    1.0);
            DenseVector u = (DenseVector) update[0];
            for (int i = 0; i < n; i++) {
                theta[i] -= u.get(i);
            }
            out[t] = theta.clone();
        }
        return out;
    }
}
