package optikata.kata.spec;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Collects the cases of a {@link CaseBook}, in order; ids are unique within a book. */
public final class Book {
    private final List<Case> cases = new ArrayList<>();

    /** Starts a case: {@code id} is stable (grades refer to it), {@code title} a sentence a learner reads. */
    public Case.Builder add(String id, String title) {
        for (Case c : cases) {
            if (c.id().equals(id)) {
                throw new IllegalArgumentException("Duplicate case id: " + id);
            }
        }
        return new Case.Builder(this, id, title);
    }

    void added(Case c) {
        cases.add(c);
    }

    public List<Case> cases() {
        return Collections.unmodifiableList(cases);
    }

    /** The cases of {@code book}, by id. */
    public static Map<String, Case> of(CaseBook book) {
        Book b = new Book();
        book.define(b);
        Map<String, Case> out = new LinkedHashMap<>();
        b.cases().forEach(c -> out.put(c.id(), c));
        return out;
    }
}
