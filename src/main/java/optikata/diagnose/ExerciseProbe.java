package optikata.diagnose;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import optikata.kata.KataCompiler;
import optikata.kata.KataLayout;
import optikata.kata.KataRun;
import optikata.optim.Optimizer;
import optikata.run.Trace;
import org.ejml.data.DMatrixRMaj;

/**
 * Drives a learner's RMSProp (an exercise class implementing {@link Optimizer} with a
 * {@code (learningRate, decay, epsilon)} constructor) on a probe and records the trace for
 * {@link Diagnoser}. The probe mixes gradient sizes around √ε so that ε's placement shows.
 */
public final class ExerciseProbe {
    static final double LR = 0.01;
    static final double DECAY = 0.9;
    static final double EPSILON = 1e-8;

    private ExerciseProbe() {
    }

    /** The probe's gradients: three coordinates of sizes near 1, 0.1 and √ε = 1e-4, signs varying. */
    static double[][] gradients() {
        double[][] g = new double[25][];
        for (int t = 0; t < g.length; t++) {
            g[t] = new double[] {Math.cos(0.7 * t) + 0.3, 0.1 * Math.sin(1.3 * t + 0.2), 1e-4 * (1 + 0.5 * Math.cos(t))};
        }
        return g;
    }

    /** Compiles the exercise from {@code tree}, runs its optimizer on the probe and returns the trace. */
    public static Trace record(KataLayout layout, Path tree, String exercise) throws IOException {
        Path src = KataLayout.sourceDir(tree, exercise);
        List<Path> files = new ArrayList<>();
        for (Path rel : KataLayout.javaFiles(src)) {
            files.add(src.resolve(rel));
        }
        Path out = Files.createTempDirectory("optikata-probe-");
        try {
            KataCompiler.Result r = KataCompiler.compile(files, out, List.of(), Path::toString);
            if (!r.ok()) {
                throw new IllegalArgumentException("Invalid exercise: " + exercise + " does not compile:\n  " + String.join("\n  ", r.errors()));
            }
            try (URLClassLoader loader = new URLClassLoader(new java.net.URL[] {out.toUri().toURL()}, ExerciseProbe.class.getClassLoader())) {
                for (Path rel : KataLayout.javaFiles(src)) {
                    Class<?> c = loader.loadClass(KataLayout.className(rel));
                    if (!Optimizer.class.isAssignableFrom(c)) {
                        continue;
                    }
                    Constructor<?> ctor;
                    try {
                        ctor = c.getConstructor(double.class, double.class, double.class);
                    } catch (NoSuchMethodException e) {
                        continue;
                    }
                    return drive((Optimizer) ctor.newInstance(LR, DECAY, EPSILON));
                }
            } catch (ReflectiveOperationException e) {
                throw new IllegalArgumentException("Invalid exercise: " + exercise + " could not be started: " + e.getCause(), e);
            }
            throw new IllegalArgumentException("Invalid exercise: " + exercise
                    + " has no RMSProp optimizer with a (learningRate, decay, epsilon) constructor (03-vectors and 04-epsilon-outside have)");
        } finally {
            KataRun.deleteTree(out);
        }
    }

    static Trace drive(Optimizer o) {
        double[] start = {0.5, -0.5, 1.0};
        DMatrixRMaj theta = new DMatrixRMaj(3, 1, true, start.clone());
        List<double[]> gs = new ArrayList<>();
        List<double[]> thetas = new ArrayList<>();
        for (double[] g : gradients()) {
            try {
                o.step(theta, new DMatrixRMaj(3, 1, true, g.clone()));
            } catch (UnsupportedOperationException e) {
                throw new IllegalArgumentException("The exercise is not started yet: " + e.getMessage());
            }
            gs.add(g);
            thetas.add(java.util.Arrays.copyOf(theta.data, 3));
        }
        return new Trace(start, gs, thetas, 0);
    }
}
