package optikata.claims;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import optikata.claims.file.ClaimsFile;
import optikata.claims.file.FileClaim;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * docs/examples/texts-as-claims.yaml restates claims of the register as a claims file: each of its claims
 * must get the verdict the register's own check gets, both computed here, and its findings must print
 * only its figures, as the built-in claims' do.
 */
class TextsAsClaimsFileTest {
    static final Path FILE = Path.of("docs", "examples", "texts-as-claims.yaml");

    static final Map<String, ClaimResult> FROM_FILE = new LinkedHashMap<>();
    static final Map<String, ClaimResult> BUILT_IN = new LinkedHashMap<>();

    @BeforeAll
    static void checkBoth() throws Exception {
        ClaimContext library = ClaimContext.library();
        for (FileClaim c : ClaimsFile.read(FILE).claims()) {
            assertThat(c.restates()).as(c.id() + " names the claim it restates").isNotNull();
            FROM_FILE.put(c.restates(), c.check(library));
            BUILT_IN.put(c.restates(), Register.byId(c.restates()).check(library));
        }
    }

    @Test
    @DisplayName("the file restates at least C02, C04, C05, C09 and C18")
    void restatesTheFive() {
        assertThat(FROM_FILE.keySet()).contains("C02", "C04", "C05", "C09", "C18");
    }

    @Test
    @DisplayName("each claim of the file gets the verdict of the register's claim it restates")
    void sameVerdicts() {
        Map<String, Verdict> file = new LinkedHashMap<>();
        Map<String, Verdict> builtIn = new LinkedHashMap<>();
        FROM_FILE.forEach((id, r) -> file.put(id, r.verdict()));
        BUILT_IN.forEach((id, r) -> builtIn.put(id, r.verdict()));
        assertThat(file).containsExactlyEntriesOf(builtIn);
    }

    @Test
    @DisplayName("the file's claims are the instructor's series: their own ids, the texts' statement and source")
    void ownIdsTextsWords() {
        for (Map.Entry<String, ClaimResult> e : FROM_FILE.entrySet()) {
            ClaimResult r = e.getValue();
            assertThat(r.id()).doesNotMatch("[CL][0-9]+");
            assertThat(r.quote()).as(r.id()).isEqualTo(BUILT_IN.get(e.getKey()).quote());
        }
    }

    @Test
    @DisplayName("every number a file claim's finding or correction prints is one of its figures")
    void findingsAreBuiltFromTheFigures() throws Exception {
        List<String> problems = new ArrayList<>();
        for (ClaimResult r : FROM_FILE.values()) {
            problems.addAll(FindingNumbers.unexplained(r));
        }
        for (FileClaim c : ClaimsFile.read(Path.of("docs", "examples", "course-claims.yaml"))
                .claims()) {
            problems.addAll(FindingNumbers.unexplained(c.check(ClaimContext.library())));
        }
        assertThat(problems).isEmpty();
    }
}
