package optikata.claims;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import optikata.optim.Hyperparameters;
import optikata.optim.Optimizer;
import optikata.run.Replay;
import org.ejml.data.DMatrixRMaj;

/** Holds the id, source, statement and quotation, so each claim is only its check. */
public abstract class AbstractClaim implements Claim {
    private final String id;
    private final String source;
    private final String statement;
    private final String quote;

    /** The quotation comes from the register's quotations ({@code Quotes}), when it has one for the id. */
    protected AbstractClaim(String id, String source, String statement) {
        this(id, source, statement, Quotes.BY_ID.getOrDefault(id, ""));
    }

    protected AbstractClaim(String id, String source, String statement, String quote) {
        this.id = id;
        this.source = source;
        this.statement = statement;
        this.quote = quote;
    }

    @Override
    public final String id() {
        return id;
    }

    @Override
    public final String source() {
        return source;
    }

    @Override
    public final String statement() {
        return statement;
    }

    @Override
    public final String quote() {
        return quote;
    }

    /** Gradients of one parameter as replay rows: {@code g[t]} is the gradient of step t + 1. */
    protected static List<double[]> rows(double... g) {
        List<double[]> rows = new ArrayList<>(g.length);
        for (double v : g) {
            rows.add(new double[] {v});
        }
        return rows;
    }

    /**
     * A replay of {@code optimizer} from θ = 0 ({@code parameters} of them) that observes non-finite
     * values instead of stopping at them, as a claim measures whatever the optimizer does.
     */
    protected static Replay fromZero(Optimizer optimizer, int parameters) {
        return Replay.of(optimizer, new DMatrixRMaj(parameters, 1)).tolerateNonFinite();
    }

    /**
     * |Δθ| / η of each step when {@code optimizer} is fed the scalar gradients {@code g} from θ = 0, η being
     * the optimizer's own learning rate.
     */
    protected static double[] stepsOverEta(Optimizer optimizer, double... g) {
        if (!(optimizer.hyperparameters() instanceof Hyperparameters h)) {
            throw new IllegalArgumentException(
                    "Invalid optimizer: " + optimizer.name() + " (its hyperparameters name no learning rate)");
        }
        double eta = h.learningRate();
        double[] out = new double[g.length];
        double[] before = {0};
        fromZero(optimizer, 1).run(rows(g), (t, theta, gradient) -> {
            out[t - 1] = Math.abs(theta.get(0) - before[0]) / eta;
            before[0] = theta.get(0);
            return true;
        });
        return out;
    }

    /** Formats a number for findings: 6 significant digits. */
    protected static String num(double v) {
        return num(v, 6);
    }

    /**
     * Formats a number for findings with {@code digits} significant digits: integers as integers, 1e-8 rather
     * than 1.0E-8 for very small or large values, no trailing zeros.
     */
    protected static String num(double v, int digits) {
        if (!Double.isFinite(v)) {
            return Double.isNaN(v) ? "NaN" : v > 0 ? "∞" : "−∞";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return String.valueOf((long) v);
        }
        double a = Math.abs(v);
        if (a < 1e-4 || a >= 1e7) {
            int e = (int) Math.floor(Math.log10(a));
            double m = v / Math.pow(10, e);
            if (Math.abs(m) >= 10 - 1e-12) {
                m /= 10;
                e++;
            }
            String mantissa = new BigDecimal(m)
                    .round(new MathContext(digits))
                    .stripTrailingZeros()
                    .toPlainString();
            return mantissa + "e" + e;
        }
        return new BigDecimal(v)
                .round(new MathContext(digits))
                .stripTrailingZeros()
                .toPlainString();
    }
}
