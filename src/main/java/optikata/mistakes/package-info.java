/**
 * The catalogue of the classic ways to get RMSProp wrong (level 2): {@link
 * optikata.mistakes.RmsPropMistake} names each one and {@link optikata.mistakes.MistakenRmsProp}
 * runs it, so that a diagnosis is computed by replaying the candidates, never guessed from text. It
 * may use {@code optim} only (it is an optimizer with one deliberate change); the diagnoser, the
 * kata specs and the grader's feedback read this one catalogue. The layers are enforced by {@code
 * optikata.LayersTest}.
 */
package optikata.mistakes;
