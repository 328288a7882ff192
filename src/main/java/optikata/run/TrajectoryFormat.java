package optikata.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.Map;
import optikata.optim.Optimizer;
import org.ejml.data.DMatrixRMaj;

/** Writes a trajectory as CSV (one row per step) or JSON. */
public enum TrajectoryFormat {
    CSV, JSON;

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public static void write(TrajectoryFormat format, Trajectory t, Optimizer optimizer, PrintWriter out) {
        if (format == JSON) {
            out.println(toJson(t, optimizer).toPrettyString());
        } else {
            writeCsv(t, out);
        }
    }

    /**
     * {@code step,theta_1..theta_d,loss,grad_1..grad_d,<buffer>_1..,rate_1..rate_d}; the start row
     * has empty gradient cells, a buffer not yet allocated has empty cells.
     */
    public static void writeCsv(Trajectory t, PrintWriter out) {
        TrajectoryPoint first = t.points().get(0);
        int d = first.theta().length;
        StringBuilder header = new StringBuilder("step");
        columns(header, "theta", d);
        header.append(",loss");
        columns(header, "grad", d);
        for (String name : first.state().names()) {
            columns(header, name, d);
        }
        columns(header, "rate", d);
        out.println(header);
        for (TrajectoryPoint p : t.points()) {
            StringBuilder row = new StringBuilder().append(p.step());
            values(row, p.theta(), d);
            row.append(',').append(number(p.loss()));
            values(row, p.gradient(), d);
            for (DMatrixRMaj buffer : p.state().buffers().values()) {
                values(row, buffer == null ? null : buffer.data, d);
            }
            values(row, p.effectiveRate(), d);
            out.println(row);
        }
    }

    public static ObjectNode toJson(Trajectory t, Optimizer optimizer) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("optimizer", t.optimizer());
        root.set("hyperparameters", MAPPER.valueToTree(optimizer.hyperparameters()));
        root.put("objective", t.objective());
        if (t.diverged()) {
            root.put("divergedAt", t.divergedAt().getAsInt());
            root.put("stopReason", t.stopReason());
        } else {
            root.putNull("divergedAt");
        }
        ArrayNode points = root.putArray("points");
        for (TrajectoryPoint p : t.points()) {
            ObjectNode o = points.addObject();
            o.put("step", p.step());
            array(o.putArray("theta"), p.theta());
            if (Double.isFinite(p.loss())) {
                o.put("loss", p.loss());
            } else {
                o.putNull("loss");
            }
            if (p.gradient() == null) {
                o.putNull("gradient");
            } else {
                array(o.putArray("gradient"), p.gradient());
            }
            ObjectNode state = o.putObject("state");
            for (Map.Entry<String, DMatrixRMaj> e : p.state().buffers().entrySet()) {
                if (e.getValue() == null) {
                    state.putNull(e.getKey());
                } else {
                    array(state.putArray(e.getKey()), java.util.Arrays.copyOf(e.getValue().data, e.getValue().getNumElements()));
                }
            }
            array(o.putArray("effectiveRate"), p.effectiveRate());
        }
        return root;
    }

    private static void array(ArrayNode node, double[] values) {
        for (double v : values) {
            if (Double.isFinite(v)) {
                node.add(v);
            } else {
                node.addNull();
            }
        }
    }

    private static void columns(StringBuilder sb, String name, int d) {
        for (int i = 1; i <= d; i++) {
            sb.append(',').append(name).append('_').append(i);
        }
    }

    private static void values(StringBuilder sb, double[] values, int d) {
        for (int i = 0; i < d; i++) {
            sb.append(',');
            if (values != null) {
                sb.append(number(values[i]));
            }
        }
    }

    private static String number(double v) {
        return Double.isNaN(v) ? "" : Double.toString(v);
    }
}
