package optikata.kata.spec;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The cases of one exercise's spec file. A public book lives in {@code exercises/NN-name/spec/},
 * a hidden one in the instructor's {@code src/kata/hidden/NN-name/}; both are compiled against the
 * exercise's stub and linked, when run, to whichever implementation is on the class path: the
 * learner's, the reference solution, or a known mistake.
 */
public interface CaseBook {
    /** Adds this book's cases. */
    void define(Book book);

    /** The cases of {@code book}, by id, in the order it adds them. */
    static Map<String, Case> casesOf(CaseBook book) {
        Book b = new Book();
        book.define(b);
        Map<String, Case> out = new LinkedHashMap<>();
        b.cases().forEach(c -> out.put(c.id(), c));
        return out;
    }
}
