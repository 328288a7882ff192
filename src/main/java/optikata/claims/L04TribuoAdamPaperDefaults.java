package optikata.claims;

import optikata.conformance.Agreement;
import optikata.conformance.PeerForms;
import optikata.conformance.Recording;
import optikata.conformance.RecordingSet;

/** L04: Tribuo's no-argument Adam says its ε 1e-6 is the paper's. */
public final class L04TribuoAdamPaperDefaults extends LibraryClaim {
    /** Kingma &amp; Ba, Algorithm 1: "Good default settings ... α = 0.001, β₁ = 0.9, β₂ = 0.999 and ε = 10⁻⁸". */
    static final double PAPER_EPSILON = 1e-8;

    public L04TribuoAdamPaperDefaults() {
        super("L04", "Tribuo 4.3.2 (org.tribuo:tribuo-math)", "org.tribuo.math.optimisers.Adam() constructor Javadoc",
                "Adam(): \"Sets initialLearningRate to 0.001, betaOne to 0.9, betaTwo to 0.999, epsilon to 1e-6. "
                        + "These are the parameters from the Adam paper.\"");
    }

    @Override
    public ClaimResult check(ClaimContext context) throws Exception {
        ClaimResult.Builder b = ClaimResult.of(this).documented("epsilon", PAPER_EPSILON).tolerance(0);
        RecordingSet set = recordings();
        if (set == null) {
            return missingRecordings(b);
        }
        Recording r = set.byId("tribuo-adam-default");
        // Which ε reproduces new Adam()'s recorded run, under Tribuo's own update?
        double reproducing = Double.NaN;
        for (double eps : new double[] {PAPER_EPSILON, 1e-7, 1e-6, 1e-5}) {
            Agreement a = Agreement.of(PeerForms.tribuoAdam(set.start(), set.gradients(), r.steps(), 0.001, 0.9, 0.999, eps), r.trajectory());
            b.measured("maxRelativeDifference(eps=" + eps + ")", a.maxRelativeDifference());
            if (a.bitwise()) {
                reproducing = eps;
            }
        }
        b.measured("epsilon", reproducing);
        String finding = "of ε ∈ {1e-8, 1e-7, 1e-6, 1e-5}, the one that reproduces new Adam()'s recorded run bit for bit is "
                + reproducing + "; the paper's default is " + PAPER_EPSILON;
        if (b.documentedFiguresMatch()) {
            return b.verdict(Verdict.HOLDS, finding, null);
        }
        return b.verdict(Verdict.ERRATUM, finding,
                "η 0.001, β₁ 0.9 and β₂ 0.999 are the paper's; ε is not: the paper's is 1e-8, Tribuo's 1e-6 (also note that Tribuo's "
                        + "@Config default for betaTwo is 0.99, used when Adam is built by configuration rather than by this constructor).");
    }
}
