package optikata.kata;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * Runs compiled specs with the JUnit Platform launcher in this JVM, each test with a timeout (a
 * learner's endless loop fails that test instead of hanging the check), and collects one
 * {@link SpecResult} per test.
 */
public final class SpecRunner {
    private SpecRunner() {
    }

    public static List<SpecResult> run(List<Path> classFolders, List<String> specClasses, int timeoutSeconds) throws IOException {
        URL[] urls = new URL[classFolders.size()];
        for (int i = 0; i < urls.length; i++) {
            urls[i] = classFolders.get(i).toUri().toURL();
        }
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        try (URLClassLoader loader = new URLClassLoader(urls, SpecRunner.class.getClassLoader())) {
            Thread.currentThread().setContextClassLoader(loader);
            LauncherDiscoveryRequestBuilder request = LauncherDiscoveryRequestBuilder.request()
                    .configurationParameter("junit.jupiter.execution.timeout.default", timeoutSeconds + " s")
                    .configurationParameter("junit.jupiter.execution.timeout.mode", "enabled")
                    .configurationParameter("junit.jupiter.execution.timeout.thread.mode.default", "SEPARATE_THREAD");
            for (String name : specClasses) {
                try {
                    request.selectors(selectClass(loader.loadClass(name)));
                } catch (ClassNotFoundException e) {
                    throw new IllegalArgumentException("Spec class not found: " + name, e);
                }
            }
            LauncherDiscoveryRequest built = request.build();
            Collector collector = new Collector();
            Launcher launcher = LauncherFactory.create();
            launcher.execute(built, collector);
            List<SpecResult> results = new ArrayList<>(collector.results);
            results.sort(Comparator.comparing(SpecResult::spec).thenComparing(SpecResult::name));
            return results;
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
    }

    private static final class Collector implements TestExecutionListener {
        final List<SpecResult> results = java.util.Collections.synchronizedList(new ArrayList<>());
        final Map<String, Long> started = new ConcurrentHashMap<>();

        @Override
        public void executionStarted(TestIdentifier id) {
            started.put(id.getUniqueId(), System.nanoTime());
        }

        @Override
        public void executionFinished(TestIdentifier id, TestExecutionResult result) {
            if (!id.isTest()) {
                if (result.getStatus() != TestExecutionResult.Status.SUCCESSFUL && id.getSource().isPresent()) {
                    // a whole spec class failed (e.g. its setup threw): report it once
                    results.add(new SpecResult(specName(id), id.getDisplayName(), SpecResult.Status.FAILED,
                            message(result.getThrowable().orElse(null)), 0));
                }
                return;
            }
            long millis = (System.nanoTime() - started.getOrDefault(id.getUniqueId(), System.nanoTime())) / 1_000_000;
            Throwable t = result.getThrowable().orElse(null);
            SpecResult.Status status = result.getStatus() == TestExecutionResult.Status.SUCCESSFUL ? SpecResult.Status.PASSED
                    : notStarted(t) ? SpecResult.Status.NOT_STARTED : SpecResult.Status.FAILED;
            results.add(new SpecResult(specName(id), id.getDisplayName(), status, status == SpecResult.Status.PASSED ? "" : message(t), millis));
        }

        private static String specName(TestIdentifier id) {
            return id.getSource().map(s -> {
                if (s instanceof org.junit.platform.engine.support.descriptor.MethodSource m) {
                    return m.getClassName().substring(m.getClassName().lastIndexOf('.') + 1);
                }
                if (s instanceof org.junit.platform.engine.support.descriptor.ClassSource c) {
                    return c.getClassName().substring(c.getClassName().lastIndexOf('.') + 1);
                }
                return "";
            }).orElse("");
        }
    }

    /** Whether the failure is the stub's own UnsupportedOperationException (the exercise is not started). */
    public static boolean isNotStarted(Throwable t) {
        return notStarted(t);
    }

    /** The message shown for a failed spec: the teaching message, or the exception and where in kata code it came from. */
    public static String describe(Throwable t) {
        return message(t);
    }

    static boolean notStarted(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof UnsupportedOperationException) {
                return true;
            }
        }
        return false;
    }

    static String message(Throwable t) {
        if (t == null) {
            return "";
        }
        if (t instanceof UnsupportedOperationException || t instanceof AssertionError) {
            return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        }
        if (t instanceof org.junit.jupiter.api.extension.ExtensionConfigurationException) {
            return t.getMessage();
        }
        String where = "";
        for (StackTraceElement e : t.getStackTrace()) {
            if (e.getClassName().startsWith("kata.")) {
                where = " (at " + e.getClassName() + "." + e.getMethodName() + ", line " + e.getLineNumber() + ")";
                break;
            }
        }
        if (t instanceof java.util.concurrent.TimeoutException) {
            return "did not finish in time: look for a loop that never ends" + where;
        }
        return t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage()) + where;
    }
}
