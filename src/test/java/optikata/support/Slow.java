package optikata.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;

/**
 * A test class that grades or builds many submissions in child JVMs (tens of seconds each): left out of
 * the quick {@code mvn verify} and run by {@code mvn verify -Pall}, which {@code .ci/run} runs after it.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag("slow")
public @interface Slow {}
