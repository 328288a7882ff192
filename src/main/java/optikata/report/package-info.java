/**
 * The claims report and the pictures (level 5): {@link optikata.report.ClaimsReport} writes the
 * verdicts as Markdown, HTML and JSON, {@link optikata.report.Charts} draws the claims' figure data
 * with XChart, and {@link optikata.report.TracePlots} draws runs. It may use every level below it
 * that it needs ({@code claims}, {@code run}, {@code objective}, ...), never {@code cli}; nothing
 * below it may use it. The layers are enforced by {@code optikata.LayersTest}.
 */
package optikata.report;
