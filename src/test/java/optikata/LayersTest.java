package optikata;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import com.tngtech.archunit.library.Architectures.LayeredArchitecture;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import com.tngtech.archunit.library.dependencies.SliceRule;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The layers of optikata as rules: a DAG, data flowing down only. A layer is a package, or part of
 * one (the family layer is a few classes of {@code optim}, the rest of {@code optim} is core); it may
 * use only the layers under it on its own path down, never a sibling:
 * <pre>
 *                       cli                       the commands: may use everything below
 *                        │
 *                   presentation                  report: the claims report, charts, the cohort's histogram
 *                  ╱            ╲
 *    verification wing        teaching wing       the two wings never meet
 *    claims · diagnose        grade               (grade → kata; claims, diagnose → mistakes, conformance)
 *    mistakes · conformance   kata (+ kata.spec)
 *                  ╲            ╱
 *                     family                      optim's OptimizerRegistry (building by name) and RmsPropPreset
 *                        │
 *                       run                       running an optimizer on an objective, traces
 *                        │
 *                optim · objective                the core: the optimizers' arithmetic; the functions they minimise
 * </pre>
 * The teaching wing may not use the verification wing nor the other way round, and presentation
 * draws for both; inside a wing the old levels stay (mistakes and conformance under claims and
 * diagnose, kata under grade, siblings apart). {@code OptimizerSpec}
 * and {@code OptimizerKind} are core, not family: every optimizer declares its kind (how it is built
 * from a spec) beside its code. Measured on the main classes: run → optim, objective; family → optim (and
 * optim → family only by RmsProp → RmsPropPreset, an allowance below); mistakes → optim;
 * conformance → optim, objective, run; claims → conformance, family, objective, optim, run; diagnose →
 * family, mistakes, optim, run; kata → optim, run; grade → kata, run; report → claims, grade,
 * objective, run; cli → all.
 *
 * <p>Besides the layers: XChart only in presentation, picocli only in cli, and the core ({@code optim},
 * {@code objective}) uses the JDK and EJML alone. No package has a cycle between its classes (a class and
 * its nested classes count as one). Each rule is shown to fail on a class planted under
 * {@code src/test/java} ({@code optikata.*.fixture}); the allowances below are named edges, each
 * temporary, with what would remove it.
 */
final class LayersTest {

    /** The family layer: the classes of {@code optim} that build the optimizers by name and hold the presets. */
    static final Set<String> FAMILY_CLASSES =
            Set.of("optikata.optim.OptimizerRegistry", "optikata.optim.RmsPropPreset");

    static final DescribedPredicate<JavaClass> FAMILY = DescribedPredicate.describe(
            "the family (" + String.join(", ", FAMILY_CLASSES) + ")", c -> FAMILY_CLASSES.contains(topLevel(c)));

    /** One layer: its name, its classes, and the layers it may use. */
    record Layer(String name, DescribedPredicate<? super JavaClass> classes, List<String> uses) {}

    private static final List<String> CORE = List.of("optim", "objective");
    private static final List<String> BELOW_WINGS = List.of("optim", "objective", "run", "family");
    private static final List<String> BELOW_PRESENTATION = List.of(
            "optim", "objective", "run", "family", "mistakes", "conformance", "claims", "diagnose", "kata", "grade");

    /** The DAG, lowest first. */
    static final List<Layer> LAYERS = List.of(
            new Layer("optim", package_("optim").and(not(FAMILY)), List.of()),
            new Layer("objective", package_("objective"), List.of()),
            new Layer("run", package_("run"), CORE),
            new Layer("family", FAMILY, List.of("optim", "objective", "run")),
            // the verification wing
            new Layer("mistakes", package_("mistakes"), BELOW_WINGS),
            new Layer("conformance", package_("conformance"), BELOW_WINGS),
            new Layer("claims", package_("claims"), plus(BELOW_WINGS, "mistakes", "conformance")),
            new Layer("diagnose", package_("diagnose"), plus(BELOW_WINGS, "mistakes", "conformance")),
            // the teaching wing
            new Layer("kata", package_("kata"), BELOW_WINGS),
            new Layer("grade", package_("grade"), plus(BELOW_WINGS, "kata")),
            new Layer("presentation", package_("report"), BELOW_PRESENTATION),
            new Layer("cli", package_("cli"), plus(BELOW_PRESENTATION, "presentation")));

    /** Main classes only: tests may cross layers to check them. */
    private static final ImportOption MAIN = new ImportOption.DoNotIncludeTests();

    /** Imported once: every rule reads the same main classes, and an import takes seconds. */
    private static JavaClasses main;

    static synchronized JavaClasses mainClasses() {
        if (main == null) {
            main = new ClassFileImporter().withImportOption(MAIN).importPackages("optikata");
        }
        return main;
    }

    /** The main classes and every fixture package's planted classes, imported once. */
    private static JavaClasses withFixtures;

    /** The main classes and the classes planted in one fixture package of src/test/java, such as {@code optikata/claims/fixture/}. */
    static synchronized JavaClasses mainPlus(String fixtureFolder) {
        if (withFixtures == null) {
            ImportOption mainPlusFixtures =
                    (Location location) -> MAIN.includes(location) || location.contains("/fixture/");
            withFixtures =
                    new ClassFileImporter().withImportOption(mainPlusFixtures).importPackages("optikata");
        }
        String fixture = fixtureFolder.replace('/', '.').replaceAll("\\.$", "");
        return withFixtures.that(new DescribedPredicate<JavaClass>("main classes and " + fixture) {
            @Override
            public boolean test(JavaClass c) {
                return !c.getPackageName().endsWith(".fixture")
                        || c.getPackageName().equals(fixture);
            }
        });
    }

    static LayeredArchitecture layers() {
        LayeredArchitecture rule = layeredArchitecture().consideringOnlyDependenciesInLayers();
        for (Layer layer : LAYERS) {
            rule = rule.layer(layer.name()).definedBy(layer.classes());
        }
        for (Layer layer : LAYERS) {
            rule = layer.uses().isEmpty()
                    ? rule.whereLayer(layer.name()).mayNotAccessAnyLayer()
                    : rule.whereLayer(layer.name())
                            .mayOnlyAccessLayers(layer.uses().toArray(String[]::new));
        }
        // TEMPORARY, one edge: RmsProp (core) → RmsPropPreset (family). RmsProp.java, which is being rewritten,
        // has a constructor RmsProp(RmsPropPreset) and its KIND looks presets up by id (RmsPropPreset.byId).
        // Removed when RmsProp takes only an RmsPropConfig (callers write new RmsProp(preset.config())) and
        // the preset lookup of RmsProp.KIND moves into the family layer (OptimizerRegistry, or a kind the
        // registry wraps around RmsProp.KIND).
        rule = rule.ignoreDependency(topLevelIs("optikata.optim.RmsProp"), topLevelIs("optikata.optim.RmsPropPreset"));
        return rule.ensureAllClassesAreContainedInArchitecture();
    }

    static ArchRule noCycles() {
        return slices().matching("optikata.(*)..").should().beFreeOfCycles();
    }

    /** XChart only in presentation. */
    static ArchRule xchartOnlyInPresentation() {
        return noClasses()
                .that(not(package_("report")))
                .should()
                .dependOnClassesThat()
                .resideInAPackage("org.knowm.xchart..")
                .as("XChart only in presentation (optikata.report)");
    }

    /** picocli only in cli. */
    static ArchRule picocliOnlyInCli() {
        return noClasses()
                .that()
                .resideOutsideOfPackage("optikata.cli..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("picocli..")
                .as("picocli only in cli");
    }

    /** The core uses the JDK and EJML alone (and itself). */
    static ArchRule coreUsesOnlyJdkAndEjml() {
        return classes()
                .that()
                .resideInAnyPackage("optikata.optim..", "optikata.objective..")
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage("java..", "org.ejml..", "optikata.optim..", "optikata.objective..")
                .as("optim and objective use only the JDK and EJML");
    }

    /**
     * No cycle between the classes of one package: each top-level class (with its nested classes) is a
     * slice. A cycle across packages is a cycle between packages, which {@link #noCycles()} refuses.
     * With several cycles in the classes, ArchUnit (1.4.1) may report only some of them (with kata's
     * cycles present, a planted cycle elsewhere went unreported), but the rule fails while any is left.
     */
    static SliceRule noCyclesInsidePackages() {
        SliceAssignment byClass = new SliceAssignment() {
            @Override
            public SliceIdentifier getIdentifierOf(JavaClass c) {
                return c.getPackageName().startsWith("optikata")
                        ? SliceIdentifier.of(topLevel(c))
                        : SliceIdentifier.ignore();
            }

            @Override
            public String getDescription() {
                return "optikata's top-level classes";
            }
        };
        SliceRule rule = slices().assignedFrom(byClass).should().beFreeOfCycles();
        // A TEMPORARY allowance, one edge, in a file being rewritten (Sandbox); its comment says what removes it.
        // grade: Sandbox ⇄ SafeFiles. SafeFiles (prepareOut, its holder check, write) calls Sandbox.realUid.
        // Removed when realUid, with its `id -ru` fallback, moves out of Sandbox.java into a small class of its
        // own that Sandbox and SafeFiles both call.
        rule = rule.ignoreDependency(topLevelIs("optikata.grade.SafeFiles"), topLevelIs("optikata.grade.Sandbox"));
        return rule.as("no cycle between the classes of a package");
    }

    @Test
    @DisplayName("each layer uses only the layers it points to in the DAG")
    void layersHold() {
        layers().check(mainClasses());
    }

    @Test
    @DisplayName("no cycle between optikata's top-level packages")
    void noCyclesBetweenPackages() {
        noCycles().check(mainClasses());
    }

    @Test
    @DisplayName("XChart only in presentation, picocli only in cli, the core on the JDK and EJML alone")
    void librariesStayInTheirLayers() {
        JavaClasses main = mainClasses();
        xchartOnlyInPresentation().check(main);
        picocliOnlyInCli().check(main);
        coreUsesOnlyJdkAndEjml().check(main);
    }

    @Test
    @DisplayName("no cycle between the classes of a package")
    void noCyclesInsideAPackage() {
        noCyclesInsidePackages().check(mainClasses());
    }

    @Test
    @DisplayName("a claim that imports the report breaks both rules")
    void plantedClaimsToReportEdgeIsCaught() {
        // The main classes plus one planted class under src/test/java: optikata.claims.fixture.ClaimDrawsItsOwnChart.
        JavaClasses planted = mainPlus("optikata/claims/fixture/");
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

    @Test
    @DisplayName("the two wings never meet: a grader class that reads a claim's verdict breaks the layers")
    void plantedWingToWingEdgeIsCaught() {
        JavaClasses planted = mainPlus("optikata/grade/fixture/");
        assertThat(planted.contain("optikata.grade.fixture.GradeReadsAVerdict")).isTrue();
        assertViolation(layers(), planted, "GradeReadsAVerdict", "optikata.claims.Verdict");
    }

    @Test
    @DisplayName("the core may not use the family layer: an optimizer built by name inside optim breaks the layers")
    void plantedCoreToFamilyEdgeIsCaught() {
        JavaClasses planted = mainPlus("optikata/optim/fixture/");
        assertThat(planted.contain("optikata.optim.fixture.CoreBuildsByName")).isTrue();
        assertViolation(layers(), planted, "CoreBuildsByName", "optikata.optim.OptimizerRegistry");
    }

    @Test
    @DisplayName("a grader class that draws with XChart breaks the XChart rule")
    void plantedXChartOutsidePresentationIsCaught() {
        JavaClasses planted = mainPlus("optikata/grade/fixture/");
        assertThat(planted.contain("optikata.grade.fixture.GradeDrawsItsHistogram"))
                .isTrue();
        assertViolation(xchartOnlyInPresentation(), planted, "GradeDrawsItsHistogram", "org.knowm.xchart");
        // the rule sees only the planted class in the grader, not the other grade fixture
        assertThat(xchartOnlyInPresentation()
                        .evaluate(planted)
                        .getFailureReport()
                        .getDetails())
                .noneMatch(d -> d.contains("GradeReadsAVerdict"));
    }

    @Test
    @DisplayName("a kata class that parses options with picocli breaks the picocli rule")
    void plantedPicocliOutsideCliIsCaught() {
        JavaClasses planted = mainPlus("optikata/kata/fixture/");
        assertThat(planted.contain("optikata.kata.fixture.KataParsesItsOwnOptions"))
                .isTrue();
        assertViolation(picocliOnlyInCli(), planted, "KataParsesItsOwnOptions", "picocli.CommandLine");
    }

    @Test
    @DisplayName("an objective that reads JSON with Jackson breaks the core's library rule")
    void plantedLibraryInCoreIsCaught() {
        JavaClasses planted = mainPlus("optikata/objective/fixture/");
        assertThat(planted.contain("optikata.objective.fixture.ObjectiveReadsJson"))
                .isTrue();
        assertViolation(coreUsesOnlyJdkAndEjml(), planted, "ObjectiveReadsJson", "com.fasterxml.jackson");
    }

    @Test
    @DisplayName("two kata classes that use each other break the rule against cycles inside a package")
    void plantedCycleInsideAPackageIsCaught() {
        JavaClasses planted = mainPlus("optikata/kata/fixture/");
        assertThat(planted.contain("optikata.kata.fixture.Ping")).isTrue();
        assertThat(planted.contain("optikata.kata.fixture.Pong")).isTrue();
        EvaluationResult result = noCyclesInsidePackages().evaluate(planted);
        assertThat(result.hasViolation()).isTrue();
        assertThat(String.join("\n", result.getFailureReport().getDetails()))
                .contains("optikata.kata.fixture.Ping")
                .contains("optikata.kata.fixture.Pong");
        // the package-level rule does not see it (both classes are in kata): only the new rule does
        assertThat(noCycles().evaluate(planted).hasViolation()).isFalse();
    }

    @Test
    @DisplayName("the fixtures are the only violations: every rule passes on the main classes")
    void everyRulePassesWithoutTheFixtures() {
        JavaClasses main = mainClasses();
        for (ArchRule rule : List.of(
                layers(),
                noCycles(),
                xchartOnlyInPresentation(),
                picocliOnlyInCli(),
                coreUsesOnlyJdkAndEjml(),
                noCyclesInsidePackages())) {
            assertThat(rule.evaluate(main).hasViolation())
                    .as(rule.getDescription())
                    .isFalse();
        }
    }

    private static void assertViolation(ArchRule rule, JavaClasses planted, String fixture, String target) {
        EvaluationResult result = rule.evaluate(planted);
        assertThat(result.hasViolation()).as(rule.getDescription()).isTrue();
        assertThat(result.getFailureReport().getDetails())
                .as(rule.getDescription())
                .anyMatch(d -> d.contains(fixture) && d.contains(target));
    }

    /** The classes of one top-level package of optikata, and its subpackages. */
    private static DescribedPredicate<JavaClass> package_(String name) {
        return resideInAPackage("optikata." + name + "..");
    }

    /** The name of the top-level class {@code c} is, or is nested in (a lambda's code is its class's). */
    static String topLevel(JavaClass c) {
        String name = c.getName();
        int dollar = name.indexOf('$');
        return dollar < 0 ? name : name.substring(0, dollar);
    }

    /** A top-level class and the classes nested in it. */
    static DescribedPredicate<JavaClass> topLevelIs(String name) {
        return DescribedPredicate.describe(name, c -> topLevel(c).equals(name));
    }

    private static List<String> plus(List<String> layers, String... more) {
        List<String> all = new ArrayList<>(layers);
        all.addAll(List.of(more));
        return List.copyOf(all);
    }
}
