package optikata.grade;

import optikata.kata.Oracle;
import optikata.kata.spec.Case;

/** One case to run: its exercise, its spec book (which says whether it is hidden) and the case. */
record Planned(String exercise, Oracle.BookInfo book, Case meta) {
    /** The case's key on the report channel and in the oracle: book class + " " + case id. */
    String key() {
        return book.className() + " " + meta.id();
    }
}
