/**
 * The kata's spec format, the part that runs beside a learner's code. A spec is a {@link
 * optikata.kata.spec.CaseBook}: a list of {@link optikata.kata.spec.Case}s, each with its inputs
 * (written in its {@link optikata.kata.spec.Probe}), the quantities it observes, the formula and the
 * words that teach. A probe only <em>observes</em>: it drives the code under test and records what
 * it produced into a {@link optikata.kata.spec.Recorder}. Whether an observation is right is judged
 * elsewhere ({@code optikata.kata.Judge}), against the same probe run on the reference solution, in
 * a process that runs no learner code. This package therefore holds no reference implementation
 * and no expected value: it is on the learner's class path (check, release, grading child). Besides
 * {@code optikata.optim}'s contract it uses only {@link optikata.run.Replay}, the replay loop (which
 * needs only {@code optim} and EJML), so the contract's computed closure stays small.
 */
package optikata.kata.spec;
