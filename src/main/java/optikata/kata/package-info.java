/**
 * The kata engine (the teaching wing, under {@code grade}): where exercises live ({@link optikata.kata.KataLayout}), the oracle
 * that runs every case of the specs on the reference solutions and on the named and generated
 * mistakes ({@link optikata.kata.Oracle}, {@link optikata.kata.Catalogue}, {@link
 * optikata.kata.Mutants}), the judge that decides a learner's observations and writes the words
 * that teach ({@link optikata.kata.Judge}, {@link optikata.kata.Explain}), a learner's own check
 * ({@link optikata.kata.KataRun}), the contract a learner compiles against ({@link
 * optikata.kata.Contract}) and the learner's loop (progress, hints, watch, reset). It may use
 * {@code optim} and {@code run}'s replay loop, never the verification wing; the spec format itself, which runs beside learner code, is the sub-package
 * {@code optikata.kata.spec}. The layers are enforced by {@code optikata.LayersTest}.
 */
package optikata.kata;
