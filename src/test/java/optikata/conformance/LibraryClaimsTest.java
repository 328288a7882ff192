package optikata.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import optikata.claims.Claim;
import optikata.claims.ClaimContext;
import optikata.claims.ClaimResult;
import optikata.claims.Register;
import optikata.claims.Verdict;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The Java libraries' documentation statements, checked against the recordings. */
class LibraryClaimsTest {
    private static ClaimResult check(String id) throws Exception {
        return Register.byId(id).check(ClaimContext.library());
    }

    @Test
    @DisplayName(
            "the register lists L01–L07 after C01–C25, each marked as library documentation with its library and version")
    void registered() {
        assertThat(Register.all())
                .extracting(Claim::id)
                .endsWith("C25", "L01", "L02", "L03", "L04", "L05", "L06", "L07");
        for (Claim c : Register.libraryClaims()) {
            assertThat(c.source())
                    .endsWith("(library documentation)")
                    .containsPattern("(Tribuo 4\\.3\\.2|ND4J 1\\.0\\.0-M2\\.1)");
            assertThat(c.statement()).contains("\"");
        }
    }

    @Test
    @DisplayName(
            "L01: Tribuo's RMSProp is not Keras': ε outside the root; with ε moved it is bit for bit, and on its defaults it is the pytorch preset")
    void l01() throws Exception {
        ClaimResult r = check("L01");
        Map<String, Double> m = r.measured();
        assertThat(r.verdict()).isEqualTo(Verdict.ERRATUM);
        assertThat(m.get("max relative difference from Keras")).isGreaterThan(1e-3);
        assertThat(m.get("max relative difference with ε outside the root")).isZero();
        assertThat(m.get("defaults: max relative difference from the pytorch preset"))
                .isZero();
        assertThat(r.correction()).contains("√s + ε").contains("pytorch preset");
    }

    @Test
    @DisplayName("L02: ρ is the decay of the squared-gradient average, not a momentum")
    void l02() throws Exception {
        ClaimResult r = check("L02");
        assertThat(r.verdict()).isEqualTo(Verdict.ERRATUM);
        assertThat(r.measured().get("max relative difference with ρ as the decay"))
                .isZero();
        assertThat(r.measured().get("max relative difference with ρ as momentum"))
                .isGreaterThan(1e-2);
    }

    @Test
    @DisplayName("L03: Tribuo's Adam multiplies by √v+ε: its first step is ~1.8e-6 where Adam's is η, 0.2 % of θ₁")
    void l03() throws Exception {
        ClaimResult r = check("L03");
        Map<String, Double> m = r.measured();
        assertThat(r.verdict()).isEqualTo(Verdict.ERRATUM);
        assertThat(m.get("max relative difference from Tribuo's source form")).isZero();
        // Adam's first step is η·sign(−g) up to ε; Tribuo's is α₁·(1−β₁)g·(√(1−β₂)|g| + ε), computed here from the
        // gradient.
        double g = m.get("first gradient of θ₁");
        double alpha1 = 0.001 * Math.sqrt(1 - 0.999) / (1 - 0.9);
        assertThat(m.get("first step of θ₁: Adam")).isCloseTo(-Math.signum(g) * 0.001, within(1e-8));
        assertThat(m.get("first step of θ₁: Tribuo"))
                .isCloseTo(-alpha1 * 0.1 * g * (Math.sqrt(0.001) * Math.abs(g) + 1e-6), within(1e-15));
        assertThat(m.get("first step of θ₁: relative difference of θ₁")).isCloseTo(0.002, within(1e-4));
    }

    @Test
    @DisplayName("L04: the ε that reproduces Tribuo's new Adam() is 1e-6, not the paper's 1e-8")
    void l04() throws Exception {
        ClaimResult r = check("L04");
        assertThat(r.verdict()).isEqualTo(Verdict.ERRATUM);
        assertThat(r.measured().get("ε")).isEqualTo(1e-6);
    }

    @Test
    @DisplayName("L05: ND4J's RmsProp holds its documented form only with the cache starting at ε")
    void l05() throws Exception {
        ClaimResult r = check("L05");
        assertThat(r.verdict()).isEqualTo(Verdict.QUALIFIED);
        assertThat(r.measured().get("max relative difference with the cache from ε"))
                .isZero();
        assertThat(r.measured().get("max relative difference with the cache from 0"))
                .isGreaterThan(0.1);
        assertThat(r.correction()).contains("ε = 1e-8").contains("0.95");
    }

    @Test
    @DisplayName("L06: ND4J's Adam is the paper's §2 form with ε unscaled, bit for bit, and differs from Algorithm 1")
    void l06() throws Exception {
        ClaimResult r = check("L06");
        assertThat(r.verdict()).isEqualTo(Verdict.QUALIFIED);
        assertThat(r.measured().get("max relative difference from the folded form"))
                .isZero();
        assertThat(r.measured().get("max relative difference from Algorithm 1")).isGreaterThan(1e-6);
    }

    @Test
    @DisplayName("L07: Tribuo's decay is a learning-rate decay η/(1 + decay·t), not a momentum's")
    void l07() throws Exception {
        ClaimResult r = check("L07");
        assertThat(r.verdict()).isEqualTo(Verdict.ERRATUM);
        assertThat(r.measured().get("max relative difference as a learning-rate decay"))
                .isLessThanOrEqualTo(1e-12);
        assertThat(r.measured().get("max relative difference as a momentum decay"))
                .isGreaterThan(1e-3);
        assertThat(r.measured().get("max relative difference ignoring decay")).isGreaterThan(1e-3);
    }
}
