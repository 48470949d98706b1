package com.sigmatiq.testinfra;

import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;

import java.util.List;

/**
 * Turns the embedded broker's and the Kafka clients' INFO chatter (thousands of lines per test run) down to WARN.
 * A test that wants them sets {@code logging.level.org.apache.kafka} itself, which the initializer respects.
 */
final class InfrastructureLogLevels {

    static final List<String> LOGGERS = List.of("kafka", "org.apache.kafka", "state.change.logger", "io.zonky");

    private InfrastructureLogLevels() {
    }

    static void quiet() {
        try {
            LoggingSystem logging = LoggingSystem.get(InfrastructureLogLevels.class.getClassLoader());
            for (String logger : LOGGERS) {
                logging.setLogLevel(logger, LogLevel.WARN);
            }
        } catch (RuntimeException | LinkageError e) {
            // no usable logging system: leave the levels as they are
        }
    }
}
