/**
 * The catalogue of the classic ways to get RMSProp wrong (the verification wing, under {@code diagnose} and {@code claims}): {@link
 * optikata.mistakes.RmsPropMistake} names each one and {@link optikata.mistakes.MistakenRmsProp}
 * runs it, so that a diagnosis is computed by replaying the candidates, never guessed from text. It
 * may use {@code optim} only (it is an optimizer with one deliberate change). The trace diagnoser
 * ({@code diagnose}) and the precision check of the command line read it; the kata has a catalogue of
 * its own, per exercise ({@code optikata.kata.Catalogue}: patches of the exercise's solution), since a
 * learner's mistakes are made in the exercise's code, not in the library's. The layers are enforced by
 * {@code optikata.LayersTest}.
 */
package optikata.mistakes;
