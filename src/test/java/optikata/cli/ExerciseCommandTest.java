package optikata.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The instructor's {@code exercise} command: bad input gets the usual one line and exit code 2. */
class ExerciseCommandTest {
    record Result(int code, String out, String err) {}

    static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Result(code, out.toString(), err.toString());
    }

    @Test
    @DisplayName("exercise new with a bad name: one line naming the value, exit 2, nothing written")
    void badName() {
        Result r = run("exercise", "new", "Line Search");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err().strip().lines()).hasSize(1);
        assertThat(r.err()).contains("optikata exercise new: invalid exercise name: Line Search (");
    }

    @Test
    @DisplayName("exercise check of an unknown exercise: one line listing the known ones, exit 2")
    void unknown() {
        Result r = run("exercise", "check", "99");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("unknown exercise: 99").contains("01-one-step");
    }

    @Test
    @DisplayName("exercise without a subcommand prints its usage")
    void usage() {
        Result r = run("exercise");
        assertThat(r.out()).contains("check").contains("new");
    }
}
