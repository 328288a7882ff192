package optikata.kata.spec;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Collects the cases of a {@link CaseBook}, in order; ids are unique within a book. A case's builder
 * hands its case back through a callback, not through this class, and {@link CaseBook#casesOf} reads a
 * book, so neither {@link Case} nor {@link CaseBook} depends on this class and back
 * ({@code optikata.LayersTest} refuses cycles inside a package).
 */
public final class Book {
    private final List<Case> cases = new ArrayList<>();

    /** Starts a case: {@code id} is stable (grades refer to it), {@code title} a sentence a learner reads. */
    public Case.Builder add(String id, String title) {
        for (Case c : cases) {
            if (c.id().equals(id)) {
                throw new IllegalArgumentException("Duplicate case id: " + id);
            }
        }
        return new Case.Builder(this::added, id, title);
    }

    void added(Case c) {
        cases.add(c);
    }

    public List<Case> cases() {
        return Collections.unmodifiableList(cases);
    }
}
