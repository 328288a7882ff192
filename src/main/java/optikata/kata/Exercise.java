package optikata.kata;

import java.nio.file.Path;
import java.util.List;

/**
 * One exercise of the kata.
 *
 * @param name        its folder name, such as {@code 01-one-step}
 * @param sources     the learner's source files, relative to the exercise's {@code src/} folder
 * @param publicSpecs the public spec files (shipped in {@code exercises/<name>/spec/})
 * @param hiddenSpecs the instructor's hidden spec files ({@code src/kata/hidden/<name>/})
 */
public record Exercise(String name, List<Path> sources, List<Path> publicSpecs, List<Path> hiddenSpecs) {}
