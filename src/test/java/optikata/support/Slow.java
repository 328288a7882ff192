package optikata.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;

/**
 * A test class (or method) that grades or builds many submissions in child JVMs, or builds a tree deep enough
 * to take tens of seconds: left out of
 * the quick {@code mvn verify} and run by {@code mvn verify -Pall}, which {@code .ci/run} runs after it.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Tag("slow")
public @interface Slow {}
