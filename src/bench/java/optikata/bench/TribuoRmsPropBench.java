package optikata.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.tribuo.math.Parameters;
import org.tribuo.math.la.DenseVector;
import org.tribuo.math.la.Tensor;
import org.tribuo.math.optimisers.RMSProp;
import org.tribuo.math.protos.ParametersProto;

/**
 * (d) Tribuo 4.3.2's {@code RMSProp} (org.tribuo.math.optimisers), the pure-Java peer a Tribuo
 * user gets: {@code step} turns the gradient tensor into the update in place (ε outside the root,
 * the accumulator a {@code ShrinkingVector} that scales lazily), and the caller adds the update to
 * the parameters, as Tribuo's own SGD loop does. Tribuo's gradients point uphill (it maximises the
 * log-likelihood), so the benchmark hands it −g; each call first restores the gradient (one copy,
 * as a training loop writes a fresh gradient each step), like the ND4J benchmark.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class TribuoRmsPropBench {
    @Param({"1000", "100000", "10000000"})
    public int n;

    private DenseVector params;
    private DenseVector freshGradient;
    private DenseVector gradient;
    private Tensor[] gradients;
    private RMSProp rmsprop;

    @Setup(Level.Trial)
    public void setUp() {
        double[] g = Data.gradient(n).data;
        for (int i = 0; i < n; i++) {
            g[i] = -g[i];
        }
        freshGradient = DenseVector.createDenseVector(g);
        gradient = freshGradient.copy();
        gradients = new Tensor[] {gradient};
        params = new DenseVector(n);
        rmsprop = new RMSProp(1e-3, 0.9, 1e-8, 0.0);
        rmsprop.initialise(new OneVector(n));
    }

    @Benchmark
    public DenseVector tribuo() {
        gradient.setElements(freshGradient);
        Tensor[] update = rmsprop.step(gradients, 1.0);
        params.intersectAndAddInPlace(update[0]);
        return params;
    }

    /** The parameters' shape, as Tribuo's optimisers learn it: one dense vector of n. */
    private static final class OneVector implements Parameters {
        private static final long serialVersionUID = 1L;
        private final int n;

        OneVector(int n) {
            this.n = n;
        }

        @Override
        public Tensor[] getEmptyCopy() {
            return new Tensor[] {new DenseVector(n)};
        }

        @Override
        public Tensor[] get() {
            throw new UnsupportedOperationException("only the shape is used");
        }

        @Override
        public void set(Tensor[] tensors) {
            throw new UnsupportedOperationException("only the shape is used");
        }

        @Override
        public void update(Tensor[] gradients) {
            throw new UnsupportedOperationException("only the shape is used");
        }

        @Override
        public Tensor[] merge(Tensor[][] gradients, int size) {
            throw new UnsupportedOperationException("only the shape is used");
        }

        @Override
        public ParametersProto serialize() {
            throw new UnsupportedOperationException("only the shape is used");
        }
    }
}
