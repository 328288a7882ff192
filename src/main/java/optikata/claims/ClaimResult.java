package optikata.claims;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A claim with its computed verdict.
 *
 * @param quote      the text's own sentence, quoted (Chinese)
 * @param documented named figures as the text gives them (the expectation)
 * @param measured   named figures the project's code computed; {@link Double#POSITIVE_INFINITY} means "never"
 *                   (only for figures the check declared with {@link Builder#never})
 * @param settings   the inputs the check chose (rates, step counts, thresholds), so every number a finding
 *                   prints is one of the figures
 * @param tolerance  the tolerance the verdict used, when one number decides it (else null)
 * @param finding    what was measured, in one or two sentences built from the figures
 * @param correction the corrected statement for an erratum, the omitted condition for a
 *                   qualified claim, or what data to supply for a claim that cannot be checked
 * @param figures    pictures as data, drawn by the report
 */
public record ClaimResult(
        String id,
        String source,
        String statement,
        String quote,
        Verdict verdict,
        Map<String, Double> documented,
        Map<String, Double> measured,
        Map<String, Double> settings,
        Double tolerance,
        String finding,
        String correction,
        List<Figure> figures) {

    /** A builder keeps the claims' code short and the figures in insertion order. */
    public static Builder of(ClaimText claim) {
        return new Builder(claim);
    }

    public static final class Builder {
        private final ClaimText claim;
        private final Map<String, Double> documented = new LinkedHashMap<>();
        private final Map<String, Double> measured = new LinkedHashMap<>();
        private final Map<String, Double> settings = new LinkedHashMap<>();
        private final Set<String> mayBeNever = new LinkedHashSet<>();
        private final List<Figure> figures = new ArrayList<>();
        private Double tolerance;

        Builder(ClaimText claim) {
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

        /** A count of steps that may never be reached: {@code steps < 0} is recorded as "never" (+∞). */
        public Builder never(String name, double steps) {
            mayBeNever.add(name);
            measured.put(name, steps < 0 ? Double.POSITIVE_INFINITY : steps);
            return this;
        }

        public Builder setting(String name, double value) {
            settings.put(name, value);
            return this;
        }

        public Builder tolerance(double value) {
            tolerance = value;
            return this;
        }

        public Builder figure(Figure figure) {
            if (figure != null) {
                figures.add(figure);
            }
            return this;
        }

        public Map<String, Double> measured() {
            return measured;
        }

        /**
         * The result. A measured figure that is NaN or infinite (other than a declared "never") means the
         * computation broke down, and no verdict can be read from it: the result is then NOT_CHECKABLE and
         * says which figures and why, whatever verdict the check asked for.
         */
        public ClaimResult verdict(Verdict verdict, String finding, String correction) {
            List<String> broken = new ArrayList<>();
            measured.forEach((k, v) -> {
                boolean never = mayBeNever.contains(k) && v == Double.POSITIVE_INFINITY;
                if (v == null || !(Double.isFinite(v) || never)) {
                    broken.add(k + " = " + v);
                }
            });
            if (!broken.isEmpty()) {
                verdict = Verdict.NOT_CHECKABLE;
                correction = "The computation produced non-finite figures (" + String.join(", ", broken)
                        + "), so no verdict can be read from it; the library's optimizer or objective broke down on this check.";
            }
            return new ClaimResult(
                    claim.id(),
                    claim.source(),
                    claim.statement(),
                    claim.quote(),
                    verdict,
                    new LinkedHashMap<>(documented),
                    new LinkedHashMap<>(measured),
                    new LinkedHashMap<>(settings),
                    tolerance,
                    finding,
                    correction,
                    List.copyOf(figures));
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
