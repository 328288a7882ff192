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
        super(
                "L04",
                "Tribuo 4.3.2 (org.tribuo:tribuo-math)",
                "org.tribuo.math.optimisers.Adam() constructor Javadoc",
                "Adam(): sets the initial learning rate to 0.001, β₁ to 0.9, β₂ to 0.999 and ε to 1e-6: "
                        + "\"These are the parameters from the Adam paper.\"");
    }

    @Override
    public ClaimResult check(ClaimContext context) throws Exception {
        ClaimResult.Builder b =
                ClaimResult.of(this).documented("ε", PAPER_EPSILON).tolerance(0);
        RecordingSet set = recordings();
        if (set == null) {
            return missingRecordings(b);
        }
        Recording r = set.byId("tribuo-adam-default");
        double lr = L03TribuoAdam.LEARNING_RATE;
        double beta1 = L03TribuoAdam.BETA1;
        double beta2 = L03TribuoAdam.BETA2;
        double configBetaTwo = 0.99; // Tribuo's @Config default for betaTwo
        b.setting("learning rate", lr)
                .setting("β₁", beta1)
                .setting("β₂", beta2)
                .setting("Tribuo's configuration default for β₂", configBetaTwo);
        // Which ε reproduces new Adam()'s recorded run, under Tribuo's own update?
        double reproducing = Double.NaN;
        double[] candidates = {PAPER_EPSILON, 1e-7, 1e-6, 1e-5};
        StringBuilder tried = new StringBuilder();
        for (double eps : candidates) {
            Agreement a = Agreement.of(
                    PeerForms.tribuoAdam(set.start(), set.gradients(), r.steps(), lr, beta1, beta2, eps),
                    r.trajectory());
            b.measured("max relative difference with ε = " + num(eps), a.maxRelativeDifference());
            tried.append(tried.length() == 0 ? "" : ", ").append(num(eps));
            if (a.bitwise()) {
                reproducing = eps;
            }
        }
        b.measured("ε", reproducing);
        double[][] paper =
                PeerForms.tribuoAdam(set.start(), set.gradients(), r.steps(), lr, beta1, beta2, PAPER_EPSILON);
        b.figure(differenceFigure(
                "l04-tribuo-adam-paper-epsilon",
                "L04: Tribuo's Adam form with the paper's ε against its recorded new Adam()",
                set,
                paper,
                r.trajectory(),
                "Each coordinate's relative difference, step by step, between Tribuo's own update run with the paper's ε = "
                        + num(PAPER_EPSILON)
                        + " and Tribuo's recorded run of new Adam(). The run is reproduced bit for bit only with ε = "
                        + num(reproducing) + "; with the paper's ε every coordinate drifts away from it."));
        String finding = "of ε ∈ {" + tried + "}, the one that reproduces new Adam()'s recorded run bit for bit is "
                + num(reproducing) + "; the paper's default is " + num(PAPER_EPSILON);
        if (b.documentedFiguresMatch()) {
            return b.verdict(Verdict.HOLDS, finding, null);
        }
        return b.verdict(
                Verdict.ERRATUM,
                finding,
                "η " + num(lr) + ", β₁ " + num(beta1) + " and β₂ " + num(beta2)
                        + " are the paper's; ε is not: the paper's is "
                        + num(PAPER_EPSILON) + ", Tribuo's " + num(reproducing)
                        + " (also note that Tribuo's configuration default for β₂ is "
                        + num(configBetaTwo)
                        + ", used when Adam is built by configuration rather than by this constructor).");
    }
}
