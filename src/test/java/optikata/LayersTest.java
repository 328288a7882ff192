package optikata;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import com.tngtech.archunit.library.Architectures.LayeredArchitecture;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The layers of optikata as rules: data flows down only. Each top-level package is its own layer
 * and may use only packages on lower levels (never a sibling on its own level):
 * <pre>
 *   6  cli                                   the commands: may use everything below
 *   5  report                                draws the claims' figure data, writes the HTML report
 *   4  grade                                 grades submissions against the kata's oracle
 *   3  claims · diagnose · kata              checks of the texts, trace diagnosis, the exercises
 *   2  mistakes · conformance                catalogues of known mistakes and of conformance cases
 *   1  run                                   running an optimizer on an objective, traces
 *   0  optim · objective                     the optimizer family; the functions it minimises
 * </pre>
 * Measured on the main classes (jdeps and ArchUnit agree): run → optim, objective; mistakes → optim;
 * conformance → optim, objective, run; claims → conformance, objective, optim, run; diagnose → mistakes,
 * optim, run; kata → optim, run (the spec runtime's replay loop); grade → kata; report → claims,
 * objective, run; cli → all ten. There is no upward edge and no exception to document.
 */
final class LayersTest {

    /** The levels, lowest first; each package may use the packages of the levels below its own. */
    static final List<List<String>> LEVELS = List.of(
            List.of("optim", "objective"),
            List.of("run"),
            List.of("mistakes", "conformance"),
            List.of("claims", "diagnose", "kata"),
            List.of("grade"),
            List.of("report"),
            List.of("cli"));

    /** Main classes only: tests may cross layers to check them. */
    private static final ImportOption MAIN = new ImportOption.DoNotIncludeTests();

    static JavaClasses mainClasses() {
        return new ClassFileImporter().withImportOption(MAIN).importPackages("optikata");
    }

    static LayeredArchitecture layers() {
        LayeredArchitecture rule = layeredArchitecture().consideringOnlyDependenciesInLayers();
        for (List<String> level : LEVELS) {
            for (String name : level) {
                rule = rule.layer(name).definedBy("optikata." + name + "..");
            }
        }
        List<String> below = new ArrayList<>();
        for (List<String> level : LEVELS) {
            for (String name : level) {
                rule = below.isEmpty()
                        ? rule.whereLayer(name).mayNotAccessAnyLayer()
                        : rule.whereLayer(name).mayOnlyAccessLayers(below.toArray(String[]::new));
            }
            below.addAll(level);
        }
        return rule.ensureAllClassesAreContainedInArchitecture();
    }

    static ArchRule noCycles() {
        return slices().matching("optikata.(*)..").should().beFreeOfCycles();
    }

    @Test
    @DisplayName("each package uses only the layers below it")
    void layersHold() {
        layers().check(mainClasses());
    }

    @Test
    @DisplayName("no cycle between optikata's top-level packages")
    void noCyclesBetweenPackages() {
        noCycles().check(mainClasses());
    }

    @Test
    @DisplayName("a claim that imports the report breaks both rules")
    void plantedClaimsToReportEdgeIsCaught() {
        // The main classes plus one planted class under src/test/java: optikata.claims.fixture.ClaimDrawsItsOwnChart.
        ImportOption mainPlusFixture =
                (Location location) -> MAIN.includes(location) || location.contains("optikata/claims/fixture/");
        JavaClasses planted =
                new ClassFileImporter().withImportOption(mainPlusFixture).importPackages("optikata");
        assertThat(planted.contain("optikata.claims.fixture.ClaimDrawsItsOwnChart"))
                .isTrue();

        EvaluationResult layered = layers().evaluate(planted);
        assertThat(layered.hasViolation()).isTrue();
        assertThat(layered.getFailureReport().getDetails())
                .anyMatch(d -> d.contains("ClaimDrawsItsOwnChart") && d.contains("optikata.report.ClaimsReport"));

        EvaluationResult cycles = noCycles().evaluate(planted);
        assertThat(cycles.hasViolation()).isTrue();
        assertThat(String.join("\n", cycles.getFailureReport().getDetails()))
                .contains("Slice claims")
                .contains("Slice report")
                .contains("ClaimDrawsItsOwnChart");

        // Without the planted class the same rules pass: the violation is the fixture's alone.
        assertThat(layers().evaluate(mainClasses()).hasViolation()).isFalse();
        assertThat(noCycles().evaluate(mainClasses()).hasViolation()).isFalse();
    }
}
