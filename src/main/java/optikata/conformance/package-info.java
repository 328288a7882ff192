/**
 * Conformance with other frameworks (the verification wing, under {@code claims} and {@code diagnose}): recorded runs of PyTorch, Optax, Keras, TF1, Tribuo and ND4J
 * ({@link optikata.conformance.RecordingSet}), the transcribed update forms no configuration of the
 * family reproduces ({@link optikata.conformance.PeerForms}), live Java peers ({@link
 * optikata.conformance.LivePeer}), and how closely a replay follows a recording ({@link
 * optikata.conformance.Agreement}). It may use {@code optim} (with the family layer), {@code objective} and {@code run}; the
 * claims about framework equivalence and the {@code conformance} command build on it. The layers are
 * enforced by {@code optikata.LayersTest}.
 */
package optikata.conformance;
