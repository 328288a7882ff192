package optikata.claims;

import optikata.conformance.Agreement;
import optikata.conformance.PeerForms;
import optikata.conformance.Recording;
import optikata.conformance.RecordingSet;
import optikata.optim.Adam;

/** L06: ND4J's Adam cites the Adam paper; it computes the paper's §2 reformulation, with ε unscaled. */
public final class L06Nd4jAdam extends LibraryClaim {
    public L06Nd4jAdam() {
        super("L06", "ND4J 1.0.0-M2.1 (org.nd4j:nd4j-api)", "org.nd4j.linalg.learning.config.Adam class Javadoc",
                "Adam: \"The Adam updater. https://arxiv.org/abs/1412.6980\"");
    }

    @Override
    public ClaimResult check(ClaimContext context) throws Exception {
        ClaimResult.Builder b = ClaimResult.of(this).documented("maxRelativeDifferenceFromAlgorithm1", 0.0).tolerance(1e-12);
        RecordingSet set = recordings();
        if (set == null) {
            return missingRecordings(b);
        }
        Recording r = set.byId("nd4j-adam-default");
        Agreement algorithm1 = set.agreement(new Adam(), r);
        Agreement folded = Agreement.of(PeerForms.nd4jAdam(set.start(), set.gradients(), r.steps(), 0.001, 0.9, 0.999, 1e-8), r.trajectory());
        double[][] adam = set.replay(new Adam(), 1);
        double firstStep = firstStepDifference(adam, r.trajectory(), 1);
        b.measured("maxRelativeDifferenceFromAlgorithm1", algorithm1.maxRelativeDifference())
                .measured("maxRelativeDifferenceFromFoldedForm", folded.maxRelativeDifference())
                .measured("firstStepRelativeDifferenceAtGradient1e-5", firstStep)
                .measured("epsilonWeightOnFirstStep", 1 / Math.sqrt(1 - 0.999));
        String finding = "new Adam() differs from Algorithm 1 (the library's Adam, PyTorch's form) by up to "
                + num(algorithm1.maxRelativeDifference()) + " (first step of the ~1e-5 coordinate: " + num(firstStep)
                + "); the rate-folded form η√(1−β₂ᵗ)/(1−β₁ᵗ)·m/(√v + ε) reproduces it "
                + (folded.bitwise() ? "bit for bit" : "within " + num(folded.maxRelativeDifference()));
        if (b.documentedFiguresMatch()) {
            return b.verdict(Verdict.HOLDS, finding, null);
        }
        if (folded.maxRelativeDifference() <= 1e-12) {
            return b.verdict(Verdict.QUALIFIED, finding,
                    "it is the paper's efficient reformulation (end of §2) with ε̂ = ε: the bias corrections are folded into the rate and "
                            + "ε is not scaled, which equals Algorithm 1 with ε·√(1−β₂ᵗ) in place of ε. ε therefore weighs up to "
                            + num(1 / Math.sqrt(1 - 0.999)) + "× more on the first step; the two agree for gradients well above ε.");
        }
        return b.verdict(Verdict.ERRATUM, finding, "ND4J's Adam is neither Algorithm 1 nor its §2 reformulation");
    }
}
