package optikata.claims;

import optikata.conformance.Agreement;
import optikata.conformance.PeerForms;
import optikata.conformance.Recording;
import optikata.conformance.RecordingSet;
import optikata.optim.Adam;

/** L06: ND4J's Adam cites the Adam paper; it computes the paper's §2 reformulation, with ε unscaled. */
public final class L06Nd4jAdam extends LibraryClaim {
    public L06Nd4jAdam() {
        super(
                "L06",
                "ND4J 1.0.0-M2.1 (org.nd4j:nd4j-api)",
                "org.nd4j.linalg.learning.config.Adam class Javadoc",
                "Adam: \"The Adam updater. https://arxiv.org/abs/1412.6980\"");
    }

    @Override
    public ClaimResult check(ClaimContext context) throws Exception {
        ClaimResult.Builder b = ClaimResult.of(this)
                .documented("max relative difference from Algorithm 1", 0.0)
                .tolerance(1e-12);
        RecordingSet set = recordings();
        if (set == null) {
            return missingRecordings(b);
        }
        Recording r = set.byId("nd4j-adam-default");
        Adam.Config config =
                Adam.Config
                        .defaults(); // ND4J's new Adam(): lr 1e-3, β₁ 0.9, β₂ 0.999, ε 1e-8, as the library's defaults
        b.setting("learning rate", config.learningRate())
                .setting("β₁", config.beta1())
                .setting("β₂", config.beta2())
                .setting("ε", config.epsilon());
        double[][] adam = set.replay(context.optimizers().adam(config), r.steps());
        Agreement algorithm1 = Agreement.of(adam, r.trajectory());
        Agreement folded = Agreement.of(
                PeerForms.nd4jAdam(
                        set.start(),
                        set.gradients(),
                        r.steps(),
                        config.learningRate(),
                        config.beta1(),
                        config.beta2(),
                        config.epsilon()),
                r.trajectory());
        double firstStep = firstStepDifference(adam, r.trajectory(), 1);
        double epsilonWeight = 1 / Math.sqrt(1 - config.beta2());
        b.measured("max relative difference from Algorithm 1", algorithm1.maxRelativeDifference())
                .measured("max relative difference from the folded form", folded.maxRelativeDifference())
                .measured("first step relative difference at gradient 1e-5", firstStep)
                .measured("ε's weight on the first step", epsilonWeight);
        b.figure(differenceFigure(
                "l06-nd4j-adam-against-algorithm-1",
                "L06: Adam (Algorithm 1) against ND4J's recorded new Adam()",
                set,
                adam,
                r.trajectory(),
                "Each coordinate's relative difference, step by step, between Algorithm 1 of the paper (the library's Adam) and ND4J's "
                        + "recorded run with the same settings. The coordinates with the smallest gradients differ most: there ε weighs "
                        + "most; the rate-folded form reproduces the run "
                        + (folded.bitwise() ? "bit for bit" : "within " + num(folded.maxRelativeDifference())) + "."));
        String finding = "new Adam() differs from Algorithm 1 (the library's Adam, PyTorch's form) by up to "
                + num(algorithm1.maxRelativeDifference()) + " (first step of the ~1e-5 coordinate: " + num(firstStep)
                + "); the rate-folded form η√(1−β₂ᵗ)/(1−β₁ᵗ)·m/(√v + ε) reproduces it "
                + (folded.bitwise() ? "bit for bit" : "within " + num(folded.maxRelativeDifference()));
        if (b.documentedFiguresMatch()) {
            return b.verdict(Verdict.HOLDS, finding, null);
        }
        if (folded.maxRelativeDifference() <= 1e-12) {
            return b.verdict(
                    Verdict.QUALIFIED,
                    finding,
                    "it is the paper's efficient reformulation (end of §2) with ε̂ = ε: the bias corrections are folded into the rate and "
                            + "ε is not scaled, which equals Algorithm 1 with ε·√(1−β₂ᵗ) in place of ε. ε therefore weighs up to "
                            + num(epsilonWeight)
                            + "× more on the first step; the two agree for gradients well above ε.");
        }
        return b.verdict(Verdict.ERRATUM, finding, "ND4J's Adam is neither Algorithm 1 nor its §2 reformulation");
    }
}
