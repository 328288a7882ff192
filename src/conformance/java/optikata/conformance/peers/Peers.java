package optikata.conformance.peers;

import java.util.List;
import optikata.conformance.LivePeer;

/**
 * The Java peers of the {@code -Pconformance} build: Tribuo's and ND4J's own optimizers, driven on
 * the recorded gradients exactly as the recordings were made (see the recordings' PROVENANCE).
 */
public final class Peers {
    private Peers() {}

    /** Every live run, named by the recording it repeats. */
    public static List<LivePeer> all() {
        return List.of(
                new TribuoPeer(
                        "tribuo-rmsprop-lr1e-3-rho0.9", () -> new org.tribuo.math.optimisers.RMSProp(0.001, 0.9)),
                new TribuoPeer(
                        "tribuo-rmsprop-keras-defaults",
                        () -> new org.tribuo.math.optimisers.RMSProp(0.001, 0.9, 1e-7, 0.0)),
                new TribuoPeer(
                        "tribuo-rmsprop-lr1e-2-rho0.9-decay0.1",
                        () -> new org.tribuo.math.optimisers.RMSProp(0.01, 0.9, 1e-8, 0.1)),
                new TribuoPeer("tribuo-adam-default", org.tribuo.math.optimisers.Adam::new),
                new Nd4jPeer(
                        "nd4j-rmsprop-default",
                        org.nd4j.linalg.api.buffer.DataType.DOUBLE,
                        org.nd4j.linalg.learning.config.RmsProp::new),
                new Nd4jPeer(
                        "nd4j-rmsprop-default-float32",
                        org.nd4j.linalg.api.buffer.DataType.FLOAT,
                        org.nd4j.linalg.learning.config.RmsProp::new),
                new Nd4jPeer(
                        "nd4j-rmsprop-lr1e-3-decay0.9",
                        org.nd4j.linalg.api.buffer.DataType.DOUBLE,
                        () -> new org.nd4j.linalg.learning.config.RmsProp(0.001, 0.9, 1e-8)),
                new Nd4jPeer(
                        "nd4j-adam-default",
                        org.nd4j.linalg.api.buffer.DataType.DOUBLE,
                        org.nd4j.linalg.learning.config.Adam::new));
    }
}
