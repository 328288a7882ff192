package optikata.kata.spec;

/**
 * The cases of one exercise's spec file. A public book lives in {@code exercises/NN-name/spec/},
 * a hidden one in the instructor's {@code src/kata/hidden/NN-name/}; both are compiled against the
 * exercise's stub and linked, when run, to whichever implementation is on the class path: the
 * learner's, the reference solution, or a known mistake.
 */
public interface CaseBook {
    /** Adds this book's cases. */
    void define(Book book);
}
