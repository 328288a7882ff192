package kata.epsilon;

import java.util.Random;
import optikata.kata.spec.Book;
import optikata.kata.spec.CaseBook;

/** Exercise 04's hidden spec. */
public final class OutsideRmsPropHiddenSpec implements CaseBook {
    @Override
    public void define(Book book) {
        Random random = new Random(404);
        double[][] gradients = new double[30][3];
        for (double[] g : gradients) {
            for (int i = 0; i < 3; i++) {
                g[i] = random.nextGaussian() * Math.pow(10, random.nextInt(7) - 5);
            }
        }
        OutsideRmsPropSpec.steps(book, "generated-steps", "30 steps with gradients from 1e-5 to 10 (fixed seed)", 0.01, 0.99, 1e-8,
                new double[] {1, -1, 0.5}, gradients);
        double[] gs = new double[50];
        double[] epss = new double[50];
        for (int i = 0; i < 50; i++) {
            gs[i] = random.nextGaussian() * Math.pow(10, random.nextInt(8) - 6);
            epss[i] = Math.pow(10, -random.nextInt(10) - 1);
        }
        OutsideRmsPropSpec.ratios(book, "generated-ratios", "50 generated ratios (fixed seed)", gs, epss);
    }
}
