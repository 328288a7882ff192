package kata.ema;

import java.util.List;
import optikata.kata.Teach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("02 · the moving average and its window")
class EmaSpec {

    static void checkUpdate(double average, double value, double decay) {
        String input = "average = " + average + ", value = " + value + ", γ = " + decay;
        Teach.check("Ema.update", "γ·average + (1 − γ)·value", input, decay * average + (1 - decay) * value,
                Ema.update(average, value, decay), 1e-12, List.of(
                        new Teach.Mistake("decay-swapped", "γ and 1 − γ are swapped", "the old average keeps the share γ",
                                new double[] {(1 - decay) * average + decay * value}),
                        new Teach.Mistake("one-minus-beta-missing", "the (1 − γ) factor on the new value is missing",
                                "multiply the new value by (1 − γ)", new double[] {decay * average + value}),
                        new Teach.Mistake("state-reset", "the old average is ignored", "start from the average you were given",
                                new double[] {(1 - decay) * value})));
    }

    static void checkShare(int k, double decay) {
        Teach.check("Ema.weightOfLast", "1 − γᵏ", "k = " + k + ", γ = " + decay, 1 - Math.pow(decay, k), Ema.weightOfLast(k, decay),
                1e-12, List.of(new Teach.Mistake("complement", "this is the weight of everything *older* than the last k",
                        "the last k values carry 1 − γᵏ", new double[] {Math.pow(decay, k)}),
                        new Teach.Mistake("off-by-one", "one value too many or too few", "the last k values are γ⁰ … γᵏ⁻¹",
                                new double[] {1 - Math.pow(decay, k + 1)})));
    }

    @Test
    @DisplayName("one update keeps γ of the old average: 0.9·0.4 + 0.1·4 = 0.76")
    void update() {
        checkUpdate(0.4, 4.0, 0.9);
        checkUpdate(2.0, 0.0, 0.5);
    }

    @Test
    @DisplayName("the window of γ = 0.9 is 10 steps, of γ = 0.99 is 100")
    void window() {
        for (double decay : new double[] {0.9, 0.99}) {
            Teach.check("Ema.window", "1 / (1 − γ)", "γ = " + decay, 1 / (1 - decay), Ema.window(decay), 1e-9, List.of(
                    new Teach.Mistake("one-over-gamma", "divided by γ instead of 1 − γ", "window = 1 / (1 − γ)", new double[] {1 / decay}),
                    new Teach.Mistake("one-minus-gamma", "returned 1 − γ itself", "window = 1 / (1 − γ)", new double[] {1 - decay})));
        }
    }

    @Test
    @DisplayName("the last 10 values carry only 65% of the weight when γ = 0.9")
    void shareOfTheWindow() {
        checkShare(10, 0.9);
    }
}
