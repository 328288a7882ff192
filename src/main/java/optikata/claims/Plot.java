package optikata.claims;

/** A picture a claim contributes to the report: a file name and what it shows. */
public record Plot(String file, String caption) {
}
