package optikata.claims;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The claims compute and return data; drawing is the report's job, so claims never depend on report or on XChart. */
class LayeringTest {
    @Test
    @DisplayName("no class of optikata.claims (its sub-packages included) imports optikata.report or the chart library")
    void claimsDoNotDependOnTheReport() throws Exception {
        List<Path> offenders;
        try (Stream<Path> files = Files.walk(Path.of("src", "main", "java", "optikata", "claims"))) {
            offenders = files.filter(Files::isRegularFile)
                    .filter(p -> {
                        try {
                            String s = Files.readString(p);
                            return s.contains("optikata.report") || s.contains("org.knowm.xchart");
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    })
                    .toList();
        }
        assertThat(offenders).isEmpty();
    }
}
