/**
 * The checkable statements of the five reference texts and of the Java libraries (the verification wing, beside {@code
 * diagnose}, over {@code mistakes} and {@code conformance}): each
 * {@link optikata.claims.Claim} computes its figures with the project's optimizers and objectives,
 * derives its verdict from them and its tolerance, and returns its pictures as {@link
 * optikata.claims.Figure} data. It may use {@code optim} (the family's registry and presets
 * included), {@code objective}, {@code run}, {@code mistakes} and {@code conformance}, never the teaching wing
 * ({@code kata}, {@code grade}) nor {@code report}: the report package draws the figures and writes the pages, so
 * the data flows down only. The layers are enforced by {@code optikata.LayersTest}.
 */
package optikata.claims;
