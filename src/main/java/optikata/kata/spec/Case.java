package optikata.kata.spec;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * One case of a spec: what a learner reads (title, formula, inputs), how the learner's code is
 * driven ({@link #probe}), how close a number must be ({@link #tolerance}, relative, with an
 * absolute floor of the same size below 1), the symbols of the formula with their values on this
 * case (so that a wrong result can be explained in them, e.g. "every step is √(1−β) too small"),
 * and, for each observed quantity, what it means when only that quantity is wrong.
 *
 * @param meanings quantity name → the sentence shown when that quantity alone is wrong
 * @param assumes  quantity name → the quantities its sentence takes to be right ("s is right, so the
 *                 mistake is in the θ line" assumes "s after"): the sentence is not shown beside a wrong
 *                 quantity it assumes right
 */
public record Case(
        String id,
        String title,
        String formula,
        String input,
        double tolerance,
        Probe probe,
        Map<String, Double> symbols,
        Map<String, String> meanings,
        Map<String, List<String>> assumes) {

    /** Builds a case inside a {@link Book}. */
    public static final class Builder {
        /** Where the built case goes: its book's list ({@link Book} hands this in). */
        private final Consumer<Case> book;

        private final String id;
        private final String title;
        private String formula = "";
        private String input;
        private double tolerance = 1e-12;
        private final Map<String, Double> symbols = new LinkedHashMap<>();
        private final Map<String, String> meanings = new LinkedHashMap<>();
        private final Map<String, List<String>> assumes = new LinkedHashMap<>();

        Builder(Consumer<Case> book, String id, String title) {
            this.book = book;
            this.id = id;
            this.title = title;
        }

        public Builder formula(String formula) {
            this.formula = formula;
            return this;
        }

        /** The inputs in words a learner reads, e.g. {@code "η = 0.01, β = 0.9, θ₀ = 1, g = 2"}. */
        public Builder input(String input) {
            this.input = input;
            return this;
        }

        public Builder tolerance(double tolerance) {
            if (!(tolerance >= 0)) {
                throw new IllegalArgumentException("Invalid tolerance: " + tolerance);
            }
            this.tolerance = tolerance;
            return this;
        }

        /** A symbol of the formula and its value on this case (η, β, ε, n, ...), used to explain ratios. */
        public Builder symbol(String name, double value) {
            symbols.put(name, value);
            return this;
        }

        /**
         * What it means when {@code quantity} is the only wrong observation (or the first); {@code assumesRight}
         * names the quantities the sentence takes to be right, so that it is not said of a {@code quantity}
         * that only carries their error.
         */
        public Builder meaning(String quantity, String sentence, String... assumesRight) {
            meanings.put(quantity, sentence);
            if (assumesRight.length > 0) {
                assumes.put(quantity, List.of(assumesRight));
            }
            return this;
        }

        /** Finishes the case with its probe. */
        public void probe(Probe probe) {
            book.accept(new Case(
                    id,
                    title,
                    formula,
                    input,
                    tolerance,
                    probe,
                    Collections.unmodifiableMap(symbols),
                    Collections.unmodifiableMap(meanings),
                    Collections.unmodifiableMap(assumes)));
        }
    }
}
