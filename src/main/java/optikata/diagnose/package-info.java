/**
 * Diagnosis of a recorded run (the verification wing): {@link optikata.diagnose.Diagnoser} fits every RMSProp form
 * and every catalogued mistake to the recorded gradients and parameters, replays each and names the
 * ones that reproduce the run. It may use {@code optim}, {@code run} (the trace reader) and {@code
 * mistakes}; it does not know the kata, the grader or the command line, which call it. The layers
 * are enforced by {@code optikata.LayersTest}.
 */
package optikata.diagnose;
