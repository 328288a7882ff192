/**
 * The checkable statements of the five reference texts and of the Java libraries (level 3): each
 * {@link optikata.claims.Claim} computes its figures with the project's optimizers and objectives,
 * derives its verdict from them and its tolerance, and returns its pictures as {@link
 * optikata.claims.Figure} data. It may use {@code optim}, {@code objective}, {@code run} and {@code
 * conformance}, never {@code report}: the report package draws the figures and writes the pages, so
 * the data flows down only. The layers are enforced by {@code optikata.LayersTest}.
 */
package optikata.claims;
