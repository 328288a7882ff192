/**
 * Grading (the teaching wing, over {@code kata}): one submission or a cohort, each in a {@link optikata.grade.Sandbox} of its
 * own (a namespace where the machine allows, else a fresh uid). {@link optikata.grade.Grader}
 * orchestrates one grade: its files staged without following links ({@link
 * optikata.grade.Staging}, {@link optikata.kata.OneFileRule}), compiled in the sandbox ({@link
 * optikata.grade.SandboxCompiler}) and probed in child processes that only report observations
 * ({@link optikata.grade.ProbeChildren}), which are judged here with the kata's judge ({@link
 * optikata.grade.Scoring}); reports written atomically where only the grader can write ({@link
 * optikata.grade.SafeFiles}, {@link optikata.grade.Reports}), and the releases. It may use {@code
 * kata} and below, never the verification wing nor {@code report}: the cohort's histogram is computed
 * here ({@link optikata.grade.ScoreHistogram}) and drawn by the presentation layer, which the command
 * line hands in. The layers are enforced by {@code optikata.LayersTest}.
 */
package optikata.grade;
