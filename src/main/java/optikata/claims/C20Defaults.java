package optikata.claims;

import optikata.optim.RmsPropConfig;
import optikata.optim.RmsPropPreset;

/** C20: the text's defaults against the family's and the frameworks' (from the presets). */
public final class C20Defaults extends AbstractClaim {
    static final double TEXT_DECAY = 0.9;
    static final double TEXT_LR = 0.001;
    static final double TEXT_EPS = 1e-8;

    public C20Defaults() {
        super("C20", "002 §5", "Defaults ρ=0.9, η=0.001, ε=1e-8");
    }

    @Override
    public ClaimResult check(ClaimContext context) {
        ClaimResult.Builder b = ClaimResult.of(this).documented("decay", TEXT_DECAY).documented("learningRate", TEXT_LR)
                .documented("epsilon", TEXT_EPS);
        StringBuilder finding = new StringBuilder();
        int bestMatches = -1;
        String best = "";
        for (RmsPropPreset p : RmsPropPreset.values()) {
            RmsPropConfig c = p.config();
            boolean hasLr = p.hasDefaultLearningRate();
            int matches = (c.decay() == TEXT_DECAY ? 1 : 0) + (c.epsilon() == TEXT_EPS ? 1 : 0) + (hasLr && c.learningRate() == TEXT_LR ? 1 : 0);
            b.measured("matches(" + p.id() + ")", matches);
            finding.append(String.format(java.util.Locale.ROOT, "%s: ρ %s, η %s, ε %s; ", p.id(), c.decay(),
                    hasLr ? String.valueOf(c.learningRate()) : "none", c.epsilon()));
            if (matches > bestMatches) {
                bestMatches = matches;
                best = p.id();
            }
        }
        if (bestMatches == 3) {
            return b.verdict(Verdict.HOLDS, "the defaults are " + best + "'s: " + finding, null);
        }
        return b.verdict(bestMatches == 2 ? Verdict.QUALIFIED : Verdict.ERRATUM, finding.toString().replaceAll("; $", ""),
                "No framework has exactly these defaults: Keras has ρ 0.9, η 0.001 but ε 1e-7; Optax has ρ 0.9, ε 1e-8 and no "
                        + "default η; PyTorch has α (ρ) 0.99, η 0.01, ε 1e-8 (outside the root); TF1 has ρ 0.9, ε 1e-10 and starts "
                        + "the cache at 1. Say which framework's defaults are meant, and where its ε goes.");
    }
}
