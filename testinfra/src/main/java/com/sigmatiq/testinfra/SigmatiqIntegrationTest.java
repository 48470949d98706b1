package com.sigmatiq.testinfra;

import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.annotation.AliasFor;
import org.springframework.test.context.ContextConfiguration;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A full Spring Boot integration test on a random port, wired to the shared PostgreSQL and Kafka of
 * {@link SigmatiqInfrastructure} (one instance per JVM, shared by every test class and cached context).
 *
 * <p>Equivalent to {@code @SpringBootTest(webEnvironment = RANDOM_PORT)} plus
 * {@link SigmatiqInfrastructureInitializer} plus {@link SigmatiqInfrastructureCondition}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = SigmatiqInfrastructureInitializer.class)
@ExtendWith(SigmatiqInfrastructureCondition.class)
public @interface SigmatiqIntegrationTest {

    /** Extra {@code key=value} properties, as {@link SpringBootTest#properties()}. */
    @AliasFor(annotation = SpringBootTest.class, attribute = "properties")
    String[] properties() default {};

    /** Configuration classes, as {@link SpringBootTest#classes()}; default: the {@code @SpringBootApplication}. */
    @AliasFor(annotation = SpringBootTest.class, attribute = "classes")
    Class<?>[] classes() default {};
}
