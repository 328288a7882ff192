package optikata.claims.file;

/** One check of a claim from a file: the run, what is measured, and what the text says of it. */
record FileCheck(RunSetup setup, Measure measure, Expectation expect) {}
