package optikata.claims;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import optikata.cli.Main;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClaimsCommandTest {
    private static String[] run(int[] code, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        code[0] = Main.execute(args, new PrintWriter(out), new PrintWriter(err));
        return new String[] {out.toString(), err.toString()};
    }

    @Test
    @DisplayName("claims prints 25 verdicts, exits 0 and writes index.html, claims.md, claims.json and the plots")
    void fullRun(@TempDir Path dir) throws Exception {
        int[] code = new int[1];
        String[] out = run(code, "claims", "--out", dir.toString());
        assertThat(code[0]).isZero();
        assertThat(out[0].lines().filter(l -> l.matches("^C\\d\\d .*"))).hasSize(25);
        assertThat(out[0]).contains((25 + Register.libraryClaims().size()) + " claims:");
        for (String f : new String[] {
            "index.html",
            "claims.md",
            "claims.json",
            "c02-theta-squared.png",
            "c04-ema-window.png",
            "c05-d2l-trajectories.png",
            "c03-effective-rates.png",
            "c22-keras-final-loss.png",
            "c12-unused-gradient-history.png",
            "c13-derivative-sign.png",
            "c14-shapes.png",
            "c16-cache-vs-momentum.png",
            "c17-work-per-step.png"
        }) {
            assertThat(dir.resolve(f)).isRegularFile();
        }
        JsonNode json = new ObjectMapper().readTree(dir.resolve("claims.json").toFile());
        assertThat(json.get("claims")).hasSize(25 + Register.libraryClaims().size());
        assertThat(Files.readString(dir.resolve("index.html"))).contains("<img src=\"c05-d2l-trajectories.png\"");
    }

    @Test
    @DisplayName("--format json --claim C05 prints the documented and measured x1, x2")
    void jsonOneClaim() throws Exception {
        int[] code = new int[1];
        String[] out = run(code, "claims", "--format", "json", "--claim", "C05", "--no-report");
        assertThat(code[0]).isZero();
        JsonNode c = new ObjectMapper().readTree(out[0]).get("claims").get(0);
        assertThat(c.get("id").asText()).isEqualTo("C05");
        assertThat(c.get("verdict").asText()).isEqualTo("HOLDS");
        assertThat(c.get("documented").get("x1").asDouble()).isEqualTo(-0.010599);
        assertThat(c.get("measured").get("x1").asDouble()).isBetween(-0.0106, -0.0105);
        assertThat(c.get("tolerance").asDouble()).isPositive();
        assertThat(c.get("correction").isNull()).isTrue();
        for (String field : new String[] {"source", "statement", "finding", "measured", "documented"}) {
            assertThat(c.has(field)).as(field).isTrue();
        }
    }

    @Test
    @DisplayName("--claim C05 writes its report beside the full one and leaves the full report as it was")
    void oneClaimLeavesTheFullReport(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("index.html"), "the full report");
        int[] code = new int[1];
        String[] out = run(code, "claims", "--claim", "C05", "--out", dir.toString());
        assertThat(code[0]).isZero();
        assertThat(Files.readString(dir.resolve("index.html"))).isEqualTo("the full report");
        assertThat(dir.resolve("only-C05").resolve("index.html")).isRegularFile();
        assertThat(dir.resolve("only-C05").resolve("c05-d2l-trajectories.png")).isRegularFile();
        assertThat(out[0]).contains("only-C05");
    }

    @Test
    @DisplayName("bad arguments name the argument and the value")
    void badArguments() {
        int[] code = new int[1];
        String[] out = run(code, "claims", "--claim", "C26", "--no-report");
        assertThat(code[0]).isEqualTo(2);
        assertThat(out[1]).contains("--claim: unknown claim: C26");
        out = run(code, "claims", "--format", "xml", "--no-report");
        assertThat(out[1]).contains("--format: invalid output format: xml");
        out = run(code, "claims", "--claim", "C24", "--data", "no-such-file.dat", "--no-report");
        assertThat(out[1]).contains("--data: no such file: no-such-file.dat");
    }
}
