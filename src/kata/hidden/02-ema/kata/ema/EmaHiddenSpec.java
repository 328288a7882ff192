package kata.ema;

import java.util.Random;
import optikata.kata.spec.Book;
import optikata.kata.spec.CaseBook;

/** Exercise 02's hidden spec. */
public final class EmaHiddenSpec implements CaseBook {
    @Override
    public void define(Book book) {
        book.add("generated", "updates, windows and shares match the formulas for 200 generated inputs (fixed seed)")
                .formula("γ·average + (1 − γ)·value; 1 / (1 − γ); 1 − γᵏ")
                .input("average and value in [−100, 100], γ in [0, 0.999], k in [0, 500]")
                .tolerance(1e-9)
                .probe(r -> {
                    Random random = new Random(202);
                    double[] updates = new double[200];
                    double[] windows = new double[200];
                    double[] shares = new double[200];
                    for (int i = 0; i < 200; i++) {
                        double average = random.nextDouble() * 200 - 100;
                        double value = random.nextDouble() * 200 - 100;
                        double decay = random.nextDouble() * 0.999;
                        int k = random.nextInt(501);
                        updates[i] = Ema.update(average, value, decay);
                        windows[i] = Ema.window(decay);
                        shares[i] = Ema.weightOfLast(k, decay);
                    }
                    r.value("Ema.update on each input", updates);
                    r.value("Ema.window on each input", windows);
                    r.value("Ema.weightOfLast on each input", shares);
                });
        book.add("converges", "feeding the same value forever converges to that value")
                .formula("γ·a + (1 − γ)·3 → 3")
                .input("2000 updates of the value 3 from 0, γ = 0.99")
                .tolerance(1e-9)
                .probe(r -> {
                    double a = 0;
                    for (int i = 0; i < 2000; i++) {
                        a = Ema.update(a, 3.0, 0.99);
                    }
                    r.value("the average after 2000 updates", a);
                });
    }
}
