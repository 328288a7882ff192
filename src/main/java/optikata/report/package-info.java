/**
 * Presentation, the claims report and the pictures (under {@code cli} only): {@link optikata.report.ClaimsReport} writes the
 * verdicts as Markdown, HTML and JSON, {@link optikata.report.Charts} draws the claims' figure data
 * with XChart, {@link optikata.report.TracePlots} draws runs and {@link
 * optikata.report.ScoreCharts} the grader's cohort histogram. It is the only package that uses XChart. It may use every layer below it
 * that it needs, of both wings ({@code claims}, {@code grade}, {@code run}, {@code objective}, ...), never {@code cli}; nothing
 * below it may use it. The layers are enforced by {@code optikata.LayersTest}.
 */
package optikata.report;
