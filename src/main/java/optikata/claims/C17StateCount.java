package optikata.claims;

import java.util.Locale;
import java.util.function.Supplier;
import optikata.optim.AdaDelta;
import optikata.optim.Adam;
import optikata.optim.Optimizer;
import optikata.optim.RmsPropConfig;
import optikata.optim.Sgd;
import org.ejml.data.DMatrixRMaj;

/**
 * C17: "computed more simply and efficiently than momentum methods, with no extra momentum
 * vector". Judged on both halves: the state each optimizer keeps per parameter (counted from its
 * own state) and the work of one step (timed on the same vector, best of several runs).
 */
public final class C17StateCount extends AbstractClaim {
    static final int SIZE = 4096;
    static final int STEPS = 400;
    static final int REPEATS = 7;
    /** Timings within this factor of each other count as "as fast". */
    static final double SAME_SPEED = 1.1;

    public C17StateCount() {
        super("C17", "the image-recognition article §2, §3.1, §3.3",
                "RMSProp is computationally more efficient than momentum methods: simpler, and no extra momentum vector to keep");
    }

    /** Best time per element and step, in nanoseconds, of {@code STEPS} steps on a {@code SIZE}-vector. */
    static double nanosPerElement(Supplier<Optimizer> factory) {
        DMatrixRMaj g = new DMatrixRMaj(SIZE, 1);
        java.util.Random random = new java.util.Random(17);
        for (int i = 0; i < SIZE; i++) {
            g.data[i] = random.nextGaussian();
        }
        double best = Double.POSITIVE_INFINITY;
        for (int r = 0; r < REPEATS; r++) {
            Optimizer o = factory.get();
            DMatrixRMaj theta = new DMatrixRMaj(SIZE, 1);
            long start = System.nanoTime();
            for (int t = 0; t < STEPS; t++) {
                o.step(theta, g);
            }
            best = Math.min(best, (System.nanoTime() - start) / (double) STEPS / SIZE);
        }
        return best;
    }

    @Override
    public ClaimResult check(ClaimContext context) {
        Optimizers o = context.optimizers();
        int sgd = new Sgd().state().valuesPerParameter();
        int momentum = o.momentum(0.01, 0.9).state().valuesPerParameter();
        int rmsprop = o.rmsprop().state().valuesPerParameter();
        int centered = o.rmsprop(RmsPropConfig.defaults().withCentered(true)).state().valuesPerParameter();
        int withMomentum = o.rmsprop(RmsPropConfig.defaults().withMomentum(0.9)).state().valuesPerParameter();
        int adagrad = o.adagrad().state().valuesPerParameter();
        int adadelta = new AdaDelta().state().valuesPerParameter();
        int adam = o.adam(new Adam().hyperparameters()).state().valuesPerParameter();
        // warm both up once so the timings compare compiled code
        nanosPerElement(() -> o.momentum(0.01, 0.9));
        nanosPerElement(o::rmsprop);
        double momentumTime = nanosPerElement(() -> o.momentum(0.01, 0.9));
        double rmspropTime = nanosPerElement(o::rmsprop);
        double ratio = rmspropTime / momentumTime;
        ClaimResult.Builder b = ClaimResult.of(this).setting("vector length", SIZE).setting("steps timed", STEPS)
                .setting("runs, best taken", REPEATS).setting("same speed within", SAME_SPEED)
                .measured("sgd", sgd).measured("momentum", momentum).measured("rmsprop", rmsprop)
                .measured("rmspropCentered", centered).measured("rmspropWithMomentum", withMomentum)
                .measured("adagrad", adagrad).measured("adadelta", adadelta).measured("adam", adam)
                .measured("momentumNanosPerElementStep", momentumTime).measured("rmspropNanosPerElementStep", rmspropTime)
                .measured("rmspropTimeOverMomentumTime", ratio);
        b.figure(Figure.of("c17-state-and-work", "C17: state vectors each optimizer keeps per parameter",
                        "optimizer: 1 SGD, 2 momentum, 3 RMSProp, 4 RMSProp centered, 5 RMSProp with momentum, 6 AdaGrad, 7 AdaDelta, 8 Adam",
                        "state vectors per parameter")
                .add("state vectors per parameter", new double[] {1, 2, 3, 4, 5, 6, 7, 8},
                        new double[] {sgd, momentum, rmsprop, centered, withMomentum, adagrad, adadelta, adam}, Figure.Style.POINTS)
                .xRange(0, 9).yRange(0, 3.5)
                .caption(String.format(Locale.ROOT, "RMSProp keeps %d vector per parameter like momentum's %d; one step costs it %.3g ns "
                        + "per element against momentum's %.3g ns.", rmsprop, momentum, rmspropTime, momentumTime)));
        String finding = String.format(Locale.ROOT, "state vectors per parameter: SGD %d, momentum %d, RMSProp %d (centered %d, with momentum %d), "
                + "AdaGrad %d, AdaDelta %d, Adam %d; one step on %d values takes %.3g ns per value for RMSProp against %.3g ns for momentum "
                + "(×%.3g)", sgd, momentum, rmsprop, centered, withMomentum, adagrad, adadelta, adam, SIZE, rmspropTime, momentumTime, ratio);
        boolean lessState = rmsprop < momentum;
        boolean sameState = rmsprop == momentum;
        boolean faster = ratio * SAME_SPEED < 1;
        boolean slower = ratio > SAME_SPEED;
        if ((lessState || sameState) && faster || lessState && !slower) {
            return b.verdict(Verdict.HOLDS, finding, null);
        }
        if (!lessState && slower) {
            return b.verdict(Verdict.ERRATUM, finding, String.format(Locale.ROOT,
                    "RMSProp is not more efficient than momentum: it keeps %s (%d vector per parameter against %d; its E[g²] cache takes "
                            + "the velocity's place), and a step costs ×%.3g momentum's time (a square root and a division per value). "
                            + "Its centered or momentum variants keep %d and %d vectors.",
                    sameState ? "as much state" : "more state", rmsprop, momentum, ratio, centered, withMomentum));
        }
        return b.verdict(Verdict.QUALIFIED, finding, String.format(Locale.ROOT,
                "RMSProp keeps %d vector per parameter against momentum's %d, and a step takes ×%.3g momentum's time: "
                        + "about as cheap, not more efficient.", rmsprop, momentum, ratio));
    }
}
