/**
 * Grading (level 4): one submission or a cohort, each in a {@link optikata.grade.Sandbox} of its
 * own (a namespace where the machine allows, else a fresh uid), its files staged without following
 * links ({@link optikata.grade.SubmissionFiles}), its code compiled and probed in child processes
 * that only report observations, which {@link optikata.grade.Grader} judges here with the kata's
 * judge; reports written atomically where only the grader can write ({@link
 * optikata.grade.SafeFiles}, {@link optikata.grade.Reports}), and the releases. It may use {@code
 * kata} and below. The layers are enforced by {@code optikata.LayersTest}.
 */
package optikata.grade;
