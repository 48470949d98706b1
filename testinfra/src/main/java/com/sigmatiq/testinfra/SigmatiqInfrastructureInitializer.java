package com.sigmatiq.testinfra;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Points a test application context at the shared infrastructure: sets {@code spring.datasource.url|username|password}
 * and {@code spring.kafka.bootstrap-servers} ahead of every other property source.
 *
 * <p>The JDBC URL carries {@code currentSchema=<schema>}, where the schema is the property
 * {@value #SCHEMA_PROPERTY} if set, else the service's own {@code spring.flyway.default-schema}
 * (read from its {@code application.yaml}), else none.
 */
public class SigmatiqInfrastructureInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    /** Optional override of the schema put in the JDBC URL. */
    public static final String SCHEMA_PROPERTY = "sigmatiq.test.schema";
    /** Name of the property source this initializer adds. */
    public static final String PROPERTY_SOURCE_NAME = "sigmatiqInfrastructure";

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        ConfigurableEnvironment environment = context.getEnvironment();
        SigmatiqInfrastructure.Endpoints endpoints = SigmatiqInfrastructure.start();
        String schema = environment.getProperty(SCHEMA_PROPERTY, environment.getProperty("spring.flyway.default-schema"));

        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("spring.datasource.url", schema == null || schema.isBlank()
                ? endpoints.jdbcUrl() : endpoints.jdbcUrl(schema));
        properties.put("spring.datasource.username", endpoints.username());
        properties.put("spring.datasource.password", endpoints.password());
        properties.put("spring.kafka.bootstrap-servers", endpoints.kafkaBootstrapServers());
        environment.getPropertySources().addFirst(new MapPropertySource(PROPERTY_SOURCE_NAME, properties));

        // Boot has (re)initialized logging from the test's properties by now; keep Kafka quiet unless asked otherwise.
        if (!environment.containsProperty("logging.level.org.apache.kafka")) {
            InfrastructureLogLevels.quiet();
        }
    }
}
