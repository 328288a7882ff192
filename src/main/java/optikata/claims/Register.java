package optikata.claims;

import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/** The claims register (docs/CLAIMS.md): the texts' claims C01–C25, then the Java libraries' documentation claims L01–L07, in order. */
public final class Register {
    private Register() {}

    /**
     * The claims of the Java libraries' documentation, L01 to L07, in order. The list is kept here, not
     * in {@link LibraryClaim}, which each of them extends: a base class that listed its subclasses
     * would close a cycle through all of them ({@code optikata.LayersTest}).
     */
    public static List<Claim> libraryClaims() {
        return List.of(
                new L01TribuoRmsPropFollowsKeras(),
                new L02TribuoRhoIsMomentum(),
                new L03TribuoAdam(),
                new L04TribuoAdamPaperDefaults(),
                new L05Nd4jRmsProp(),
                new L06Nd4jAdam(),
                new L07TribuoDecay());
    }

    public static List<Claim> all() {
        return Stream.concat(
                        Stream.of(
                                new C01Definition(),
                                new C02ThetaSquared(),
                                new C03RateMonotonicity(),
                                new C04Window(),
                                new C05D2lRmsProp(),
                                new C06D2lAdaGrad(),
                                new C07EpsilonOutside(),
                                new C08ScaleAdaptation(),
                                new C09BoundedStep(),
                                new C10AdamIsRmsPropPlusMomentum(),
                                new C11RmsFormulation(),
                                new C12UnusedGradientAverage(),
                                new C13DerivativeSign(),
                                new C14TutorialProgram(),
                                new C15CorrectedProgram(),
                                new C16CacheIsNotMomentum(),
                                new C17StateCount(),
                                new C18InitialAccumulator(),
                                new C19LargeEpsilon(),
                                new C20Defaults(),
                                new C21NonStationary(),
                                new C22KerasExample(),
                                new C23FasterThanGd(),
                                new C24Airfoil(),
                                new C25FrameworkEquivalence()),
                        libraryClaims().stream())
                .toList();
    }

    /**
     * The claim with this id (case-insensitive, e.g. {@code c07}).
     *
     * @throws IllegalArgumentException naming the known ids
     */
    public static Claim byId(String id) {
        String wanted = id.toUpperCase(Locale.ROOT);
        for (Claim c : all()) {
            if (c.id().equals(wanted)) {
                return c;
            }
        }
        throw new IllegalArgumentException("Unknown claim: " + id + " (known: C01 to C25, L01 to L07)");
    }
}
