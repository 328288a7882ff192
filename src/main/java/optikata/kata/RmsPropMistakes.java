package optikata.kata;

import java.util.ArrayList;
import java.util.List;
import optikata.mistakes.MistakenRmsProp;
import optikata.mistakes.RmsPropMistake;
import optikata.optim.RmsPropConfig;
import org.ejml.data.DMatrixRMaj;

/**
 * The RMSProp mistake catalogue ({@link RmsPropMistake}) run on a spec's input: every mistake's
 * parameters after the same gradient sequence, ready for {@link Teach#diagnose}.
 */
public final class RmsPropMistakes {
    private RmsPropMistakes() {
    }

    /**
     * Runs every mistake of the catalogue from {@code start} through {@code gradients}.
     *
     * @param config the correct configuration (its ε placement is the one the exercise asks for)
     */
    public static List<Teach.Mistake> run(RmsPropConfig config, double[] start, double[][] gradients) {
        List<Teach.Mistake> out = new ArrayList<>();
        for (RmsPropMistake m : RmsPropMistake.values()) {
            if (m == RmsPropMistake.NONE) {
                continue;
            }
            MistakenRmsProp o = new MistakenRmsProp(config.withNonFinitePolicy(optikata.optim.NonFinitePolicy.PROPAGATE), m);
            DMatrixRMaj theta = new DMatrixRMaj(start.length, 1, true, start.clone());
            for (double[] g : gradients) {
                o.step(theta, new DMatrixRMaj(g.length, 1, true, g.clone()));
            }
            out.add(new Teach.Mistake(m.id(), m.description(), m.fix(), theta.data.clone()));
        }
        return out;
    }
}
