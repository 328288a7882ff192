package optikata.kata;

/**
 * The kata's small word helpers shared by the judge, its number readings and the mutant generator: a
 * capital at the start of a sentence, and the step a quantity's name refers to. They live apart from
 * {@link Judge} so that {@link Explain} and {@link Mutants}, which the judge uses, do not use it back
 * ({@code optikata.LayersTest} refuses cycles inside a package).
 */
final class Words {
    private Words() {}

    /** "the gradient" → "The gradient"; a symbol ("s after step 1", "θ ...") keeps its case. */
    static String capital(String s) {
        boolean word = s.length() > 1 && s.charAt(0) >= 'a' && s.charAt(0) <= 'z' && Character.isLetter(s.charAt(1));
        return word ? Character.toUpperCase(s.charAt(0)) + s.substring(1) : s;
    }

    /** The step a quantity of a case names ("θ after step 2" → 2), or -1 when it names none. */
    static int stepOf(String quantity) {
        int at = quantity.lastIndexOf(" after step ");
        if (at < 0) {
            return -1;
        }
        try {
            return Integer.parseInt(quantity.substring(at + 12).trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
