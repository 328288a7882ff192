package optikata.kata;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import optikata.optim.Optimizer;

/**
 * The learner's own optimizer (exercises 03–07 and 09 implement {@link Optimizer}), compiled from the
 * learner's sources and constructed with named hyperparameters. The constructor's parameters are
 * matched by the names of the class's {@code Config} record (learningRate, decay, epsilon,
 * momentum, beta1, beta2, weightDecay), in the order the record declares them.
 */
public final class LearnerOptimizer {
    private final String exercise;
    private final Class<? extends Optimizer> type;
    private final List<String> parameters;

    private LearnerOptimizer(String exercise, Class<? extends Optimizer> type, List<String> parameters) {
        this.exercise = exercise;
        this.type = type;
        this.parameters = parameters;
    }

    /** The hyperparameters the constructor takes, by name, in order. */
    public List<String> parameters() {
        return parameters;
    }

    public String exercise() {
        return exercise;
    }

    /**
     * Compiles the learner's sources of {@code exercise} (from {@code tree}, laid out like exercises/)
     * and finds the class that implements {@link Optimizer}.
     */
    public static LearnerOptimizer load(KataLayout layout, Path tree, String exercise) throws IOException {
        Path src = KataLayout.sourceDir(tree, exercise);
        List<Path> files = new ArrayList<>();
        for (Path rel : KataLayout.javaFiles(src)) {
            files.add(src.resolve(rel));
        }
        if (files.isEmpty()) {
            throw new IllegalArgumentException(
                    "Invalid --exercise: " + exercise + " has no sources in " + Stubs.show(layout, src));
        }
        Path out = Files.createTempDirectory("optikata-learner-");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                FileTrees.deleteTree(out);
            } catch (IOException e) {
                // a temporary folder left behind
            }
        }));
        KataCompiler.Result r = KataCompiler.compile(files, out, List.of(), p -> Stubs.show(layout, p));
        if (!r.ok()) {
            throw new IllegalArgumentException("Invalid --exercise: " + exercise + " does not compile: "
                    + (r.errors().isEmpty() ? "(no message)" : r.errors().get(0)));
        }
        // Kept open: the optimizer's classes load lazily while it runs (the process ends soon after).
        @SuppressWarnings("resource")
        URLClassLoader loader =
                new URLClassLoader(new URL[] {out.toUri().toURL()}, LearnerOptimizer.class.getClassLoader());
        for (Path rel : KataLayout.javaFiles(src)) {
            Class<?> c;
            try {
                c = loader.loadClass(KataLayout.className(rel));
            } catch (ClassNotFoundException e) {
                continue;
            }
            if (Optimizer.class.isAssignableFrom(c) && !c.isInterface() && !Modifier.isAbstract(c.getModifiers())) {
                return new LearnerOptimizer(exercise, c.asSubclass(Optimizer.class), parameterNames(c));
            }
        }
        throw new IllegalArgumentException(
                "Invalid --exercise: " + exercise
                        + " has no optimizer (a class implementing optikata.optim.Optimizer); exercises 03 to 07 and 09 have one");
    }

    private static List<String> parameterNames(Class<?> c) {
        for (Class<?> inner : c.getDeclaredClasses()) {
            if (inner.isRecord() && inner.getSimpleName().equals("Config")) {
                return Arrays.stream(inner.getRecordComponents())
                        .map(RecordComponent::getName)
                        .toList();
            }
        }
        throw new IllegalArgumentException(
                "Invalid --exercise: " + c.getName() + " has no Config record naming its hyperparameters");
    }

    /** Builds the learner's optimizer with {@code values} (by name; every parameter must be given). */
    public Optimizer build(Map<String, Double> values) {
        Object[] args = new Object[parameters.size()];
        Class<?>[] types = new Class<?>[parameters.size()];
        for (int i = 0; i < args.length; i++) {
            Double v = values.get(parameters.get(i));
            if (v == null) {
                throw new IllegalArgumentException("Invalid --exercise: no value for " + parameters.get(i));
            }
            args[i] = v;
            types[i] = double.class;
        }
        try {
            Constructor<? extends Optimizer> ctor = type.getConstructor(types);
            return ctor.newInstance(args);
        } catch (NoSuchMethodException e) {
            throw new IllegalArgumentException("Invalid --exercise: " + type.getSimpleName()
                    + " has no public constructor taking " + String.join(", ", parameters));
        } catch (InvocationTargetException e) {
            throw new IllegalArgumentException(
                    "Invalid --exercise: " + type.getSimpleName() + "'s constructor threw " + e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalArgumentException(
                    "Invalid --exercise: " + type.getSimpleName() + " could not be constructed: " + e);
        }
    }
}
