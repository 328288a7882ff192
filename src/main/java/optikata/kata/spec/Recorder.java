package optikata.kata.spec;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.ejml.data.DMatrixRMaj;

/**
 * Where a probe writes what the code under test produced. Every method copies its argument, so
 * the code under test cannot change a recorded value afterwards. A quantity's name is what the
 * learner reads in a failure ("θ after step 2", "the gradient after step()").
 */
public final class Recorder {
    private final List<Observation.Entry> entries = new ArrayList<>();

    /** Records numbers produced by the code under test. */
    public Recorder value(String quantity, double... values) {
        entries.add(new Observation.Entry(
                quantity, false, values == null ? null : values.clone(), values == null ? "null" : null));
        return this;
    }

    /** Records a matrix's elements (null is recorded as the text "null"). */
    public Recorder value(String quantity, DMatrixRMaj m) {
        if (m == null) {
            entries.add(new Observation.Entry(quantity, false, null, "null"));
        } else {
            entries.add(new Observation.Entry(quantity, false, Arrays.copyOf(m.data, m.getNumElements()), null));
        }
        return this;
    }

    /** Records a text produced by (or about) the code under test, such as "yes" or a shape. */
    public Recorder text(String quantity, String text) {
        entries.add(new Observation.Entry(quantity, false, null, String.valueOf(text)));
        return this;
    }

    /** Records an input as it was before the code ran; used to explain results, never judged. */
    public Recorder given(String name, double... values) {
        entries.add(new Observation.Entry(name, true, values.clone(), null));
        return this;
    }

    /** Records a matrix input as it was before the code ran. */
    public Recorder given(String name, DMatrixRMaj m) {
        return given(name, Arrays.copyOf(m.data, m.getNumElements()));
    }

    /** An action that may throw anything. */
    @FunctionalInterface
    public interface Action {
        void run() throws Exception;
    }

    /**
     * Runs {@code action} and records how it ended as a text: {@code "returned normally"} or
     * {@code "threw IllegalArgumentException"}. The stub's UnsupportedOperationException is not
     * recorded but passed on: the exercise is not started.
     */
    public Recorder outcome(String quantity, Action action) throws Exception {
        try {
            action.run();
            return text(quantity, "returned normally");
        } catch (UnsupportedOperationException notStarted) {
            throw notStarted;
        } catch (Exception | StackOverflowError e) {
            return text(quantity, "threw " + e.getClass().getSimpleName());
        }
    }

    /** The entries so far. */
    public List<Observation.Entry> entries() {
        return List.copyOf(entries);
    }
}
