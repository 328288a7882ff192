package optikata.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import optikata.optim.InvalidArgument;
import optikata.optim.RmsProp;
import optikata.optim.RmsPropConfig;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.Model.CommandSpec;

/** A rejected argument reaches its flag by the parameter it names, whatever its message says. */
final class TypedErrorsTest {
    static CommandSpec trace() {
        return Main.commandLine().getSubcommands().get("trace").getCommandSpec();
    }

    @Test
    @DisplayName("the flag comes from the parameter an InvalidArgument carries, not from its message's words")
    void byParameter() {
        InvalidArgument reworded = new InvalidArgument("learning rate", -1, ">= 0", "η may not be negative: -1");
        assertThat(Errors.optionFor(reworded, trace())).isEqualTo("--lr");
        assertThat(Errors.optionFor(new IllegalStateException("wrapped", reworded), trace()))
                .isEqualTo("--lr");
        assertThat(Errors.optionFor(new InvalidArgument("weight decay", "x", "a number", "nope"), trace()))
                .isEqualTo("--weight-decay");
    }

    @Test
    @DisplayName("the library's own rejections are typed: parameter, value and rule")
    void libraryThrowsTyped() {
        try {
            new RmsProp(RmsPropConfig.builder().epsilon(0).build());
            throw new AssertionError("epsilon 0 was accepted");
        } catch (InvalidArgument e) {
            assertThat(e.parameter()).isEqualTo("epsilon");
            assertThat(e.value()).isEqualTo("0.0");
            assertThat(e.rule()).isEqualTo("finite and > 0");
        }
    }

    @Test
    @DisplayName("on the command line: one line naming the flag and the value")
    void commandLine() {
        StringWriter err = new StringWriter();
        int code = Main.execute(
                new String[] {"trace", "--optimizer", "rmsprop", "--eps", "0", "--objective", "rosenbrock"},
                new PrintWriter(new StringWriter()),
                new PrintWriter(err));
        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).startsWith("optikata trace: --eps: ").contains("0");
    }
}
