package optikata.conformance;

import java.util.List;

/**
 * A Java library's optimizer driven live on recorded gradients (the {@code -Pconformance}
 * adapters in {@code src/conformance/java}). Its {@link #id()} names the recording it repeats.
 */
public interface LivePeer {
    /** The recording this run repeats, such as {@code tribuo-rmsprop-lr1e-3-rho0.9}. */
    String id();

    /** The library and version actually on the class path. */
    String version();

    /** θ per step, row 0 the start, from the library's own optimizer. */
    double[][] run(double[] start, List<double[]> gradients, int steps);

    /** The live peers on the class path: empty in the default build. */
    @SuppressWarnings("unchecked")
    static List<LivePeer> discover() {
        try {
            Class<?> c = Class.forName("optikata.conformance.peers.Peers");
            return (List<LivePeer>) c.getMethod("all").invoke(null);
        } catch (ClassNotFoundException e) {
            return List.of();
        } catch (ReflectiveOperationException | LinkageError e) {
            throw new IllegalStateException("The conformance adapters are present but failed to load: " + e, e);
        }
    }
}
