package optikata.optim;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.ejml.data.DMatrixRMaj;

/**
 * A snapshot of an optimizer's state, for teaching, tracing and tests: the number of steps
 * taken and named copies of the buffers (for RMSProp {@code squaredGradientAverage}, and when
 * enabled {@code gradientAverage} and {@code momentumBuffer}). Changing the snapshot does not
 * change the optimizer.
 */
public final class OptimizerState {
    private final long step;
    private final Map<String, DMatrixRMaj> buffers;

    public OptimizerState(long step, Map<String, DMatrixRMaj> buffers) {
        this.step = step;
        Map<String, DMatrixRMaj> copy = new LinkedHashMap<>();
        buffers.forEach((name, m) -> copy.put(name, m == null ? null : m.copy()));
        this.buffers = Collections.unmodifiableMap(copy);
    }

    /** Steps taken so far (t in the formulas). */
    public long step() {
        return step;
    }

    /** Buffer names in a fixed order. */
    public Set<String> names() {
        return buffers.keySet();
    }

    /** All buffers by name; a buffer is {@code null} before the first step allocates it. */
    public Map<String, DMatrixRMaj> buffers() {
        return buffers;
    }

    /**
     * One buffer by name.
     *
     * @throws IllegalArgumentException naming the known buffers when {@code name} is not one of them
     */
    public DMatrixRMaj buffer(String name) {
        if (!buffers.containsKey(name)) {
            throw new IllegalArgumentException("Unknown state buffer: " + name + " (known: " + buffers.keySet() + ")");
        }
        return buffers.get(name);
    }

    /** Number of state values kept per parameter (the buffers; the step count is shared). */
    public int valuesPerParameter() {
        return buffers.size();
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("t=").append(step);
        buffers.forEach((name, m) -> {
            sb.append(", ").append(name).append('=');
            if (m == null) {
                sb.append("unallocated");
            } else {
                sb.append('[');
                for (int i = 0; i < m.getNumElements(); i++) {
                    sb.append(i == 0 ? "" : ", ").append(m.data[i]);
                }
                sb.append(']');
            }
        });
        return sb.toString();
    }
}
