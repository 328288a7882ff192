package optikata.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import optikata.cli.Main;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ConformanceCommandTest {
    private static String[] run(int[] code, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        code[0] = Main.execute(args, new PrintWriter(out), new PrintWriter(err));
        return new String[] {out.toString(), err.toString()};
    }

    @Test
    @DisplayName(
            "conformance prints every run's agreement and the run × preset matrix, and exits 0 when every expectation is met")
    void matrix() {
        int[] code = new int[1];
        String out = run(code, "conformance")[0];
        assertThat(code[0]).isZero();
        assertThat(out).contains("1. Each recorded run", "2. Run × preset", "3. Java peers");
        assertThat(out.lines()
                        .filter(l -> l.startsWith("keras-rmsprop-default "))
                        .findFirst()
                        .orElseThrow())
                .contains("0 (bitwise)")
                .contains("yes");
        assertThat(out.lines()
                        .filter(l -> l.startsWith("tribuo-adam-default "))
                        .findFirst()
                        .orElseThrow())
                .contains("0.0796");
        assertThat(out).doesNotContain(" NO ");
        // the matrix row of Tribuo's default RMSProp: bitwise under pytorch and cs231n, not under keras
        String row = out.lines()
                .filter(l -> l.startsWith("tribuo-rmsprop-lr1e-3-rho0.9 "))
                .reduce((a, b) -> b)
                .orElseThrow();
        assertThat(row.split("\\s+")).containsSubsequence("tribuo-rmsprop-lr1e-3-rho0.9", "0", "(bitwise)", "0.0045");
    }

    @Test
    @DisplayName("a folder without recordings is named in the error")
    void badFolder() {
        int[] code = new int[1];
        String err = run(code, "conformance", "--dir", "no-such-folder")[1];
        assertThat(code[0]).isEqualTo(2);
        assertThat(err).contains("no-such-folder");
    }
}
