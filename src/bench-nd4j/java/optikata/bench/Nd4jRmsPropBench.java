package optikata.bench;

import java.util.concurrent.TimeUnit;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.GradientUpdater;
import org.nd4j.linalg.learning.config.RmsProp;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * (c) ND4J's RmsProp updater, a Java framework peer (opt-in: {@code mvn -Pbench,nd4j verify}).
 * ND4J turns the gradient array into the update in place, so each call first restores the
 * gradient (one copy, as a training loop would write a fresh gradient) and then subtracts the
 * update from the parameters. ND4J starts its accumulator at ε and puts ε outside the root.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class Nd4jRmsPropBench {
    @Param({"1000", "100000", "10000000"})
    public int n;

    private INDArray params;
    private INDArray gradient;
    private INDArray freshGradient;
    private GradientUpdater<?> updater;
    private int iteration;

    @Setup(Level.Trial)
    public void setUp() {
        Nd4j.setDefaultDataTypes(
                org.nd4j.linalg.api.buffer.DataType.DOUBLE, org.nd4j.linalg.api.buffer.DataType.DOUBLE);
        double[] g = Data.gradient(n).data;
        freshGradient = Nd4j.createFromArray(g).reshape(1, n);
        gradient = freshGradient.dup();
        params = Nd4j.zeros(org.nd4j.linalg.api.buffer.DataType.DOUBLE, 1, n);
        RmsProp config = new RmsProp(1e-3, 0.9, 1e-8);
        INDArray view = Nd4j.zeros(org.nd4j.linalg.api.buffer.DataType.DOUBLE, 1, config.stateSize(n));
        updater = config.instantiate(view, true);
    }

    @Benchmark
    public void nd4j() {
        gradient.assign(freshGradient);
        updater.applyUpdater(gradient, iteration++, 0);
        params.subi(gradient);
    }
}
