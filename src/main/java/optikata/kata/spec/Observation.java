package optikata.kata.spec;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * What one case's probe saw: the quantities recorded, in order, and how the probe ended. Only data:
 * it says nothing about right or wrong. It travels from a grading child to the grader as text
 * ({@link #encode}, {@link Decoder}) that keeps every double exactly.
 *
 * @param entries the recorded quantities
 * @param end     how the probe ended
 * @param thrown  the simple name of the exception that ended it, or empty
 * @param message that exception's message (the learner's text), or empty
 * @param where   the learner's class, method and line the exception came from, or empty
 * @param output  what the code printed while the probe ran (capped)
 */
public record Observation(
        List<Entry> entries, End end, String thrown, String message, String where, String output, long millis) {

    /** How a probe ended. */
    public enum End {
        COMPLETED,
        /** The code threw (past the probe's own expectations). */
        THREW,
        /** The stub's UnsupportedOperationException: the exercise is not started. */
        NOT_STARTED,
        TIMED_OUT
    }

    /**
     * One recorded quantity: numbers or a text. A {@code given} entry records an input (the value
     * before the code ran), used to explain results, never judged.
     */
    public record Entry(String name, boolean given, double[] numbers, String text) {
        public boolean isText() {
            return text != null;
        }

        @Override
        public String toString() {
            return name + " = " + (isText() ? text : Observation.format(numbers));
        }
    }

    public Observation {
        entries = Collections.unmodifiableList(new ArrayList<>(entries));
    }

    /** The judged entry named {@code name}, or null. */
    public Entry entry(String name) {
        for (Entry e : entries) {
            if (e.name().equals(name) && !e.given()) {
                return e;
            }
        }
        return null;
    }

    /** The given (input) entry named {@code name}, or null. */
    public Entry given(String name) {
        for (Entry e : entries) {
            if (e.name().equals(name) && e.given()) {
                return e;
            }
        }
        return null;
    }

    /** Judged entries only. */
    public List<Entry> judged() {
        return entries.stream().filter(e -> !e.given()).toList();
    }

    /** Numbers as a reader sees them: 12 significant digits. */
    public static String format(double[] values) {
        if (values == null) {
            return "null";
        }
        StringBuilder sb = new StringBuilder(values.length == 1 ? "" : "(");
        for (int i = 0; i < values.length; i++) {
            sb.append(i == 0 ? "" : ", ").append(number(values[i]));
        }
        return sb.append(values.length == 1 ? "" : ")").toString();
    }

    /** One number as a reader sees it: integers without a fraction, others to 12 significant digits. */
    public static String number(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return String.valueOf((long) v);
        }
        String s = String.format(Locale.ROOT, "%.12g", v);
        if (s.contains("e") || s.contains("E")) {
            String[] parts = s.split("[eE]");
            return trim(parts[0]) + "e" + Integer.parseInt(parts[1]);
        }
        return trim(s);
    }

    private static String trim(String s) {
        if (!s.contains(".")) {
            return s;
        }
        s = s.replaceAll("0+$", "");
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }

    // ---- wire format: one case per block, every field base64 so no learner text can break a line ----

    /** Appends this observation of case {@code caseId} as lines. */
    public void encode(String caseId, StringBuilder out) {
        out.append("C ").append(b64(caseId)).append('\n');
        for (Entry e : entries) {
            if (e.isText()) {
                out.append("T ")
                        .append(b64(e.name()))
                        .append(' ')
                        .append(e.given() ? 1 : 0)
                        .append(' ')
                        .append(b64(e.text()))
                        .append('\n');
            } else {
                out.append("V ")
                        .append(b64(e.name()))
                        .append(' ')
                        .append(e.given() ? 1 : 0)
                        .append(' ')
                        .append(e.numbers().length);
                for (double d : e.numbers()) {
                    out.append(' ').append(Long.toHexString(Double.doubleToRawLongBits(d)));
                }
                out.append('\n');
            }
        }
        out.append("O ").append(b64(output)).append('\n');
        out.append("E ")
                .append(end.name())
                .append(' ')
                .append(b64(thrown))
                .append(' ')
                .append(b64(message))
                .append(' ')
                .append(b64(where))
                .append(' ')
                .append(millis)
                .append('\n');
    }

    /** Reads observations written by {@link #encode}; anything malformed throws IllegalArgumentException. */
    public static final class Decoder {
        private String caseId;
        private final List<Entry> entries = new ArrayList<>();
        private String output = "";
        private final int maxValues;

        /** @param maxValues the most numbers one entry may carry (a bound on what a reader accepts) */
        public Decoder(int maxValues) {
            this.maxValues = maxValues;
        }

        /** Feeds one line; returns the case id and its observation when the line ends a case, else null. */
        public Finished line(String line) {
            String[] f = line.split(" ", -1);
            switch (f[0]) {
                case "C" -> {
                    need(f, 2);
                    caseId = text(f[1]);
                    entries.clear();
                    output = "";
                }
                case "V" -> {
                    need(f, 4);
                    inCase();
                    int n = Integer.parseInt(f[3]);
                    if (n < 0 || n > maxValues || f.length != 4 + n) {
                        throw new IllegalArgumentException("bad value count " + n);
                    }
                    double[] v = new double[n];
                    for (int i = 0; i < n; i++) {
                        v[i] = Double.longBitsToDouble(Long.parseUnsignedLong(f[4 + i], 16));
                    }
                    entries.add(new Entry(text(f[1]), flag(f[2]), v, null));
                }
                case "T" -> {
                    need(f, 4);
                    inCase();
                    entries.add(new Entry(text(f[1]), flag(f[2]), null, text(f[3])));
                }
                case "O" -> {
                    need(f, 2);
                    inCase();
                    output = text(f[1]);
                }
                case "E" -> {
                    need(f, 6);
                    inCase();
                    Observation o = new Observation(
                            entries,
                            End.valueOf(f[1]),
                            text(f[2]),
                            text(f[3]),
                            text(f[4]),
                            output,
                            Long.parseLong(f[5]));
                    Finished done = new Finished(caseId, o);
                    caseId = null;
                    entries.clear();
                    return done;
                }
                default -> throw new IllegalArgumentException("unknown record " + f[0]);
            }
            return null;
        }

        private void inCase() {
            if (caseId == null) {
                throw new IllegalArgumentException("record outside a case");
            }
        }

        private static void need(String[] f, int n) {
            if (f.length < n) {
                throw new IllegalArgumentException("short record");
            }
        }

        private static boolean flag(String s) {
            if (!s.equals("0") && !s.equals("1")) {
                throw new IllegalArgumentException("bad flag");
            }
            return s.equals("1");
        }
    }

    /** A decoded case. */
    public record Finished(String caseId, Observation observation) {}

    static String b64(String s) {
        return Base64.getEncoder().encodeToString((s == null ? "" : s).getBytes(StandardCharsets.UTF_8));
    }

    static String text(String b64) {
        return new String(Base64.getDecoder().decode(b64), StandardCharsets.UTF_8);
    }
}
