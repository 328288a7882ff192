package kata.ema;

import optikata.kata.spec.Book;
import optikata.kata.spec.CaseBook;

/** Exercise 02's public spec. */
public final class EmaSpec implements CaseBook {
    @Override
    public void define(Book book) {
        book.add("update", "one update keeps γ of the old average: 0.9·0.4 + 0.1·4 = 0.76")
                .formula("γ·average + (1 − γ)·value")
                .input(
                        "average = 0.4, value = 4, γ = 0.9; then average = 2, value = 0, γ = 0.5; then average = 0, value = 5, γ = 0.9")
                .symbol("γ", 0.9)
                .meaning(
                        "Ema.update",
                        "γ·average + (1 − γ)·value: γ multiplies the old average, which keeps the share γ and decays "
                                + "(without γ it never decays and grows like a sum), and (1 − γ) multiplies the new value, as it is (not squared)")
                .meaning(
                        "Ema.update(0, 5, 0.9)",
                        "an average of 0 is an average like any other: the first update gives (1 − γ)·value, "
                                + "not the value itself")
                .probe(r -> {
                    r.value("Ema.update(0.4, 4, 0.9)", Ema.update(0.4, 4.0, 0.9));
                    r.value("Ema.update(2, 0, 0.5)", Ema.update(2.0, 0.0, 0.5));
                    r.value("Ema.update(0, 5, 0.9)", Ema.update(0.0, 5.0, 0.9));
                });
        book.add("window", "the window of γ = 0.9 is 10 steps, of γ = 0.99 is 100")
                .formula("window = 1 / (1 − γ)")
                .input("γ = 0.9, then γ = 0.99")
                .tolerance(1e-9)
                .symbol("γ", 0.9)
                .meaning(
                        "Ema.window",
                        "the window is 1 / (1 − γ): how many steps the weights (1 − γ)·γʲ last, counting the newest value "
                                + "(γ/(1 − γ) is one less: the average age of the older values)")
                .probe(r -> {
                    r.value("Ema.window(0.9)", Ema.window(0.9));
                    r.value("Ema.window(0.99)", Ema.window(0.99));
                });
        book.add("share", "the last 10 values carry only 65% of the weight when γ = 0.9")
                .formula("share of the last k values = 1 − γᵏ")
                .input("k = 10, γ = 0.9")
                .symbol("γ", 0.9)
                .symbol("k", 10)
                .meaning(
                        "Ema.weightOfLast",
                        "the last k values are the newest ones, with weights (1 − γ)·γʲ for j = 0 … k − 1 (the newest "
                                + "value has γ⁰, and the weights fade with age); they add up to 1 − γᵏ")
                .probe(r -> r.value("Ema.weightOfLast(10, 0.9)", Ema.weightOfLast(10, 0.9)));
        book.add("share-edges", "no values carry no weight, and one value carries 1 − γ")
                .formula("share of the last k values = 1 − γᵏ")
                .input("k = 0 and k = 1, γ = 0.8")
                .symbol("γ", 0.8)
                .meaning(
                        "Ema.weightOfLast(0",
                        "no values (k = 0) carry no weight: the sum over j = 0 … k − 1 is empty, 1 − γ⁰ = 0")
                .meaning("Ema.weightOfLast(1", "one value, the newest, carries 1 − γ: its weight is (1 − γ)·γ⁰")
                .probe(r -> {
                    r.value("Ema.weightOfLast(0, 0.8)", Ema.weightOfLast(0, 0.8));
                    r.value("Ema.weightOfLast(1, 0.8)", Ema.weightOfLast(1, 0.8));
                });
    }
}
