package optikata.kata;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

final class SameSlipTest {

    private static final String ADAM = """
            package kata.adam;

            final class A {
                void update(double[] theta, double[] g, int from, int to, long t, double[][] buffers) {
                    double[] v = buffers[1];
                    double c2 = 1 - Math.pow(beta2, t);
                    for (int i = from; i < to; i++) {
                        theta[i] -= rate * g[i] / (Math.sqrt(v[i] / c2) + eps);
                    }
                }

                void effectiveRate(double[] out, int n, long t, double[][] buffers) {
                    double c2 = 1 - Math.pow(beta2, t);
                    for (int i = 0; i < n; i++) {
                        out[i] = rate / (Math.sqrt(buffers[1][i] / c2) + eps);
                    }
                }

                double beta2, rate, eps;
            }
            """;

    private static SameSlip.Edit edit(String text, String before, String after) {
        return new SameSlip.Edit(text.indexOf(before), before, after);
    }

    @Test
    @DisplayName("a change to an expression that appears again, word for word, is made there too")
    void sameTextElsewhere() {
        SameSlip.Everywhere e =
                SameSlip.everywhere(ADAM, List.of(edit(ADAM, "Math.pow(beta2, t)", "Math.pow(beta2, t + 1)")));
        assertThat(e).isNotNull();
        assertThat(e.text()).doesNotContain("Math.pow(beta2, t)").contains("Math.pow(beta2, t + 1)");
        assertThat(e.text().split("t \\+ 1", -1)).hasSize(3);
        assertThat(e.alsoIn()).containsExactly("effectiveRate()");
    }

    @Test
    @DisplayName("the same expression spelled through a local alias of the buffer is the same expression")
    void throughAnAlias() {
        SameSlip.Everywhere e = SameSlip.everywhere(
                ADAM, List.of(edit(ADAM, "(Math.sqrt(v[i] / c2) + eps)", "(Math.sqrt(v[i]) / c2 + eps)")));
        assertThat(e).isNotNull();
        assertThat(e.text())
                .contains("g[i] / (Math.sqrt(v[i]) / c2 + eps)")
                .contains("rate / (Math.sqrt(buffers[1][i]) / c2 + eps)");
    }

    @Test
    @DisplayName("a change whose expression appears nowhere else gives no second program")
    void nowhereElse() {
        assertThat(SameSlip.everywhere(ADAM, List.of(edit(ADAM, "rate * g[i]", "rate * rate * g[i]"))))
                .isNull();
        assertThat(SameSlip.everywhere("not java {", List.of(new SameSlip.Edit(0, "not", "no"))))
                .isNull();
    }

    @Test
    @DisplayName("an edit that is not at its place in the text is refused")
    void editOutOfPlace() {
        assertThat(SameSlip.everywhere(ADAM, List.of(new SameSlip.Edit(3, "Math.pow(beta2, t)", "x"))))
                .isNull();
    }

    @Test
    @DisplayName("a schema line the compiler refuses points back at the solution's statements on it")
    void schemaErrorsPointAtStatements() {
        String solution =
                "class A {\n    double f(double x) {\n        double y = x * x;\n        return y + 1;\n    }\n}\n";
        String schema =
                "class A {\n    double f(double x) {\n        double y; if (on(1)) { y = bad; } else { y = x * x; }\n"
                        + "        return y + 1;\n    }\n}\n";
        assertThat(Mutants.linesOf(schema, List.of(3), solution)).containsExactly(3);
        assertThat(Mutants.linesOf(schema, List.of(0, 99), solution)).isEmpty();
    }

    @Test
    @DisplayName("the programs made everywhere are compiled together: one guarded line per changed line")
    void twinsInOneSchema() {
        SameSlip.Everywhere a =
                SameSlip.everywhere(ADAM, List.of(edit(ADAM, "Math.pow(beta2, t)", "Math.pow(beta2, t + 1)")));
        SameSlip.Everywhere b = SameSlip.everywhere(
                ADAM, List.of(edit(ADAM, "(Math.sqrt(v[i] / c2) + eps)", "(Math.sqrt(v[i]) / c2 + eps)")));
        String schema = SameSlip.schema(ADAM, List.of(a.text(), b.text()), "S");
        assertThat(schema).isNotNull();
        assertThat(schema.split("\n", -1)).hasSameSizeAs(ADAM.split("\n", -1));
        assertThat(schema)
                .contains(
                        "double c2; if (S.on(1)) { c2 = 1 - Math.pow(beta2, t + 1); } else { c2 = 1 - Math.pow(beta2, t); }")
                .contains("if (S.on(2)) { out[i] = rate / (Math.sqrt(buffers[1][i]) / c2 + eps); } else {");
        // a change to a loop header is not a statement: that program is compiled on its own
        String loop = ADAM.replace("for (int i = 0; i < n; i++)", "for (int i = 1; i < n; i++)");
        assertThat(SameSlip.schema(ADAM, List.of(loop), "S")).isNull();
    }
}
