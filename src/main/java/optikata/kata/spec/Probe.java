package optikata.kata.spec;

/** Drives the code under test on one case's inputs and records what it produced. */
@FunctionalInterface
public interface Probe {
    void run(Recorder record) throws Exception;
}
