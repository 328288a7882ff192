package optikata.claims;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A claim with its computed verdict.
 *
 * @param documented named figures as the text gives them (the expectation)
 * @param measured   named figures the project's code computed
 * @param tolerance  the tolerance the verdict used, when one number decides it (else null)
 * @param finding    one line for the table
 * @param correction the corrected statement for an erratum, the omitted condition for a
 *                   qualified claim, or what data to supply for a claim that cannot be checked
 */
public record ClaimResult(String id, String source, String statement, Verdict verdict, Map<String, Double> documented,
                          Map<String, Double> measured, Double tolerance, String finding, String correction, List<Plot> plots) {

    /** A builder keeps the claims' code short and the figures in insertion order. */
    public static Builder of(Claim claim) {
        return new Builder(claim);
    }

    public static final class Builder {
        private final Claim claim;
        private final Map<String, Double> documented = new LinkedHashMap<>();
        private final Map<String, Double> measured = new LinkedHashMap<>();
        private final List<Plot> plots = new java.util.ArrayList<>();
        private Double tolerance;

        Builder(Claim claim) {
            this.claim = claim;
        }

        public Builder documented(String name, double value) {
            documented.put(name, value);
            return this;
        }

        public Builder measured(String name, double value) {
            measured.put(name, value);
            return this;
        }

        public Builder tolerance(double value) {
            tolerance = value;
            return this;
        }

        public Builder plot(Plot plot) {
            if (plot != null) {
                plots.add(plot);
            }
            return this;
        }

        public Map<String, Double> measured() {
            return measured;
        }

        public ClaimResult verdict(Verdict verdict, String finding, String correction) {
            return new ClaimResult(claim.id(), claim.source(), claim.statement(), verdict, new LinkedHashMap<>(documented),
                    new LinkedHashMap<>(measured), tolerance, finding, correction, List.copyOf(plots));
        }

        /** HOLDS when every documented figure matches the measured one of the same name within the tolerance. */
        public boolean documentedFiguresMatch() {
            if (tolerance == null) {
                throw new IllegalStateException(claim.id() + ": no tolerance set");
            }
            for (Map.Entry<String, Double> e : documented.entrySet()) {
                Double m = measured.get(e.getKey());
                if (m == null || !(Math.abs(m - e.getValue()) <= tolerance)) {
                    return false;
                }
            }
            return true;
        }
    }
}
