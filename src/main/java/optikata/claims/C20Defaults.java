package optikata.claims;

import java.util.Locale;
import optikata.optim.EpsilonPlacement;
import optikata.optim.RmsPropConfig;
import optikata.optim.RmsPropPreset;

/** C20: the text's defaults against the family's and the frameworks' (from the presets). */
public final class C20Defaults extends AbstractClaim {
    static final double TEXT_DECAY = 0.9;
    static final double TEXT_LR = 0.001;
    static final double TEXT_EPS = 1e-8;

    public C20Defaults() {
        super("C20", "the principles article §5", "Defaults ρ=0.9, η=0.001, ε=1e-8");
    }

    @Override
    public ClaimResult check(ClaimContext context) {
        ClaimResult.Builder b = ClaimResult.of(this)
                .documented("decay", TEXT_DECAY)
                .documented("learningRate", TEXT_LR)
                .documented("epsilon", TEXT_EPS);
        StringBuilder finding = new StringBuilder();
        int bestMatches = -1;
        String best = "";
        for (RmsPropPreset p : RmsPropPreset.values()) {
            RmsPropConfig c = p.config();
            boolean hasLr = p.hasDefaultLearningRate();
            int matches = (c.decay() == TEXT_DECAY ? 1 : 0)
                    + (c.epsilon() == TEXT_EPS ? 1 : 0)
                    + (hasLr && c.learningRate() == TEXT_LR ? 1 : 0);
            b.measured("matches(" + p.id() + ")", matches)
                    .setting("decay(" + p.id() + ")", c.decay())
                    .setting("epsilon(" + p.id() + ")", c.epsilon());
            if (hasLr) {
                b.setting("learningRate(" + p.id() + ")", c.learningRate());
            }
            finding.append(String.format(
                    Locale.ROOT,
                    "%s: ρ %s, η %s, ε %s; ",
                    p.id(),
                    num(c.decay(), 6),
                    hasLr ? num(c.learningRate(), 6) : "none",
                    eps(c.epsilon())));
            if (matches > bestMatches) {
                bestMatches = matches;
                best = p.id();
            }
        }
        if (bestMatches == 3) {
            return b.verdict(Verdict.HOLDS, "the defaults are " + best + "'s: " + finding, null);
        }
        return b.verdict(
                bestMatches == 2 ? Verdict.QUALIFIED : Verdict.ERRATUM,
                finding.toString().replaceAll("; $", ""),
                correction(bestMatches));
    }

    /** ε as 1e-8, not 1.0E-8. */
    static String eps(double e) {
        return FigureText.scientific(e);
    }

    /** Built from the presets: what the closest ones differ in, and where each puts ε. */
    static String correction(int bestMatches) {
        StringBuilder closest = new StringBuilder();
        StringBuilder inside = new StringBuilder();
        StringBuilder outside = new StringBuilder();
        for (RmsPropPreset p : RmsPropPreset.values()) {
            RmsPropConfig c = p.config();
            (c.epsilonPlacement() == EpsilonPlacement.INSIDE_ROOT ? inside : outside)
                    .append(p.id())
                    .append(", ");
            boolean hasLr = p.hasDefaultLearningRate();
            int matches = (c.decay() == TEXT_DECAY ? 1 : 0)
                    + (c.epsilon() == TEXT_EPS ? 1 : 0)
                    + (hasLr && c.learningRate() == TEXT_LR ? 1 : 0);
            if (matches != bestMatches) {
                continue;
            }
            StringBuilder differs = new StringBuilder();
            if (c.decay() != TEXT_DECAY) {
                differs.append("ρ ").append(c.decay()).append(", ");
            }
            if (!hasLr) {
                differs.append("no default η, ");
            } else if (c.learningRate() != TEXT_LR) {
                differs.append("η ").append(c.learningRate()).append(", ");
            }
            if (c.epsilon() != TEXT_EPS) {
                differs.append("ε ").append(eps(c.epsilon())).append(", ");
            }
            if (c.initialAccumulator() != 0) {
                differs.append("cache starts at ")
                        .append(c.initialAccumulator())
                        .append(", ");
            }
            closest.append(p.id())
                    .append(" (")
                    .append(differs.toString().replaceAll(", $", ""))
                    .append("); ");
        }
        return "No framework's RMSProp has all three defaults; the closest, with " + bestMatches + " of 3: "
                + closest.toString().replaceAll("; $", "")
                + ". Say which framework's defaults are meant, and where its ε goes "
                + "(inside the root: " + inside.toString().replaceAll(", $", "") + "; outside: "
                + outside.toString().replaceAll(", $", "") + ").";
    }
}
