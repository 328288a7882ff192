/**
 * An instructor's own claims, read from a YAML or JSON file (part of {@code claims}, the verification wing): {@link
 * optikata.claims.file.ClaimsFile} validates the whole file against the schema of {@code
 * docs/CLAIMS-FILE.md} before anything runs, reporting every mistake with its line and column, and each
 * {@link optikata.claims.file.FileClaim} then measures its quantity with the family's optimizers (built
 * through the registry and presets of {@code optim}, run by {@code run}) and derives its verdict from the
 * figures. Like the rest of {@code claims} it may use {@code optim}, {@code objective}, {@code run},
 * {@code mistakes} and {@code conformance}, never the teaching wing, {@code report} or {@code cli}. The layers are enforced by {@code
 * optikata.LayersTest}.
 */
package optikata.claims.file;
