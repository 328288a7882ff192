package optikata.claims.file;

/**
 * A validated {@code measure}: the quantity and where it is read.
 *
 * @param quantity   what is measured
 * @param step       the step it is read at, or null for every step (or, for weight, the run's last step)
 * @param coordinate the 1-based coordinate, or null for every coordinate
 * @param lag        for weight: how many steps back
 * @param last       for share: how many of the newest squared gradients
 * @param below      for steps-to: the loss to reach
 * @param of         for ratio: the quantity divided
 * @param over       for ratio: the run whose value divides this run's
 */
record Measure(
        Quantity quantity,
        Integer step,
        Integer coordinate,
        Integer lag,
        Integer last,
        Double below,
        Quantity of,
        RunSetup over) {

    /** The quantity whose values are read: {@code of} for a ratio. */
    Quantity read() {
        return quantity == Quantity.RATIO ? of : quantity;
    }

    /** Whether the measure gives a value at every step (no step chosen, a stepped quantity). */
    boolean everyStep() {
        return step == null && read().stepped();
    }
}
