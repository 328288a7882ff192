package optikata.kata;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** What a learner reads when an exercise passes (what comes next) and at the end of the kata. */
public final class Completion {
    private Completion() {}

    /** The exercise's title: its README's first heading without the number, or its folder name. */
    public static String title(KataLayout layout, String exercise) {
        Path readme = layout.exercises().resolve(exercise).resolve("README.md");
        try {
            if (Files.isRegularFile(readme)) {
                for (String line : Files.readAllLines(readme, StandardCharsets.UTF_8)) {
                    if (line.startsWith("# ")) {
                        String t = line.substring(2).strip();
                        int dot = t.indexOf('·');
                        return dot >= 0 ? t.substring(dot + 1).strip() : t;
                    }
                }
            }
        } catch (IOException e) {
            // fall through to the folder name
        }
        return exercise;
    }

    /** The exercise after {@code exercise} in order, or null at the end. */
    public static String after(List<String> names, String exercise) {
        int i = names.indexOf(exercise);
        return i >= 0 && i + 1 < names.size() ? names.get(i + 1) : null;
    }

    /** Said when {@code exercise} passes; {@code next} is the next unfinished exercise, or null when none is left. */
    public static String exerciseDone(KataLayout layout, String exercise, String next) {
        return exerciseDone(layout, exercise, next, false);
    }

    /** As {@link #exerciseDone(KataLayout, String, String)}; {@code watching} says the watch has moved on by itself. */
    public static String exerciseDone(KataLayout layout, String exercise, String next, boolean watching) {
        StringBuilder sb = new StringBuilder();
        sb.append("✔ ").append(exercise).append(" is done: every spec passes.\n");
        if (watching) {
            sb.append(GraderCases.note(layout, exercise, "  "));
        }
        if (next == null) {
            sb.append(kataDone());
        } else {
            sb.append("Next: ")
                    .append(next)
                    .append(" — ")
                    .append(title(layout, next))
                    .append('\n');
            if (watching) {
                sb.append("  now watching ")
                        .append(next)
                        .append(": read exercises/")
                        .append(next)
                        .append("/README.md\n");
            } else {
                sb.append("  read exercises/")
                        .append(next)
                        .append("/README.md, then: ./optikata watch ")
                        .append(next.substring(0, 2))
                        .append('\n');
            }
        }
        return sb.toString();
    }

    /** A count in words for a sentence's start: "Eight", "Nine", ..., else the digits. */
    public static String countWord(int n) {
        String[] words = {
            "No", "One", "Two", "Three", "Four", "Five", "Six", "Seven", "Eight", "Nine", "Ten", "Eleven", "Twelve"
        };
        return n >= 0 && n < words.length ? words[n] : Integer.toString(n);
    }

    /** The end of the kata: what was learned and where to go from here (the count read from the layout). */
    public static String kataDone() {
        int n;
        try {
            n = KataLayout.fromHome().names().size();
        } catch (RuntimeException e) {
            n = -1;
        }
        String all = n < 0
                ? "All the exercises pass"
                : "All " + countWord(n).toLowerCase(java.util.Locale.ROOT) + " exercises pass";
        return "🎉 " + all + ": the kata is done.\n" + """
                What you built: one RMSProp step by hand; the moving average and its window 1/(1 − γ);
                RMSProp on vectors with state kept between steps; ε inside or outside the root and
                when it matters; AdaGrad and why its rate never rises; centered RMSProp with momentum;
                Adam as RMSProp + momentum + bias correction; a debugged regression; and AdamW, Adam with
                the weight decay taken out of the gradient.
                Where to go next:
                  ./optikata claims                 which statements of the reference texts hold, and the corrections
                  ./optikata trace --exercise 07 --plot adam.png   your Adam beside the library's
                  ./optikata diagnose --exercise 03 which RMSProp form your optimizer really is
                  ./optikata gradcheck --help        the debugging toolkit: check a gradient numerically
                """;
    }
}
