package optikata.claims;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the numbers a finding or correction prints that are none of the claim's figures: not a
 * documented, measured or setting value (to the digits printed, or as a percentage), not the
 * tolerance, not a number of the statement, the source or a figure's name, and not a small integer
 * of a formula (0 to 10).
 */
final class FindingNumbers {
    private FindingNumbers() {}

    private static final Pattern NUMBER =
            Pattern.compile("(?<![\\p{L}\\d.§_/^])[−-]?\\d+(?:\\.\\d+)?(?:[eE][−-]?\\d+)?%?");

    static List<String> unexplained(ClaimResult r) {
        List<Double> allowed = new ArrayList<>();
        for (Map<String, Double> m : List.of(r.documented(), r.measured(), r.settings())) {
            m.forEach((k, v) -> {
                allowed.add(v);
                allowed.addAll(numbersIn(k));
            });
        }
        if (r.tolerance() != null) {
            allowed.add(r.tolerance());
        }
        allowed.addAll(numbersIn(r.statement()));
        allowed.addAll(numbersIn(r.source()));
        List<String> problems = new ArrayList<>();
        for (String text : new String[] {r.finding(), r.correction()}) {
            if (text == null) {
                continue;
            }
            Matcher m = NUMBER.matcher(text);
            while (m.find()) {
                String printed = m.group();
                boolean year = printed.matches("(19|20)\\d\\d")
                        && text.substring(0, m.start()).matches("(?s).*\\p{Lu}\\p{Ll}+ $");
                if (!year && !explained(printed, allowed)) {
                    problems.add(r.id() + " " + r.verdict() + ": " + printed + " in \"" + text + "\"");
                }
            }
        }
        return problems;
    }

    static List<Double> numbersIn(String s) {
        List<Double> out = new ArrayList<>();
        Matcher m = Pattern.compile("[−-]?\\d+(?:\\.\\d+)?(?:[eE][−-]?\\d+)?").matcher(s);
        while (m.find()) {
            out.add(Double.parseDouble(m.group().replace('−', '-')));
        }
        return out;
    }

    static boolean explained(String printed, List<Double> allowed) {
        boolean percent = printed.endsWith("%");
        String digits = (percent ? printed.substring(0, printed.length() - 1) : printed).replace('−', '-');
        double value = Double.parseDouble(digits);
        if (!percent && value == Math.rint(value) && Math.abs(value) <= 10) {
            return true;
        }
        // half a unit of the last printed digit
        BigDecimal bd = new BigDecimal(
                digits.toLowerCase(Locale.ROOT).contains("e") ? new BigDecimal(digits).toPlainString() : digits);
        double unit = Math.pow(10, -bd.scale());
        if (digits.toLowerCase(Locale.ROOT).contains("e")) {
            String mantissa = digits.toLowerCase(Locale.ROOT).split("e")[0];
            int decimals = mantissa.contains(".") ? mantissa.length() - mantissa.indexOf('.') - 1 : 0;
            unit = Math.pow(10, Integer.parseInt(digits.toLowerCase(Locale.ROOT).split("e")[1]) - decimals);
        }
        double slack = 0.5 * unit * 1.001 + 1e-15;
        for (double a : allowed) {
            for (double candidate : new double[] {a, -a, percent ? 100 * a : a}) {
                if (Math.abs(candidate - value) <= slack || Math.abs(candidate - value) <= 1e-9 * Math.abs(value)) {
                    return true;
                }
            }
        }
        return false;
    }
}
