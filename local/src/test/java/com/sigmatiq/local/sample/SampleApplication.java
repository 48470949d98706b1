package com.sigmatiq.local.sample;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.Map;

/** A stand-in service for the launcher tests: reports its schema, broker, class loader and process id. */
@SpringBootApplication
public class SampleApplication {

    /** As a service's own JVM starts it ({@link com.sigmatiq.local.ServiceProcesses}). */
    public static void main(String[] args) {
        org.springframework.boot.SpringApplication.run(SampleApplication.class, args);
    }

    @RestController
    static class WhoAmI {
        private final JdbcClient jdbc;
        private final String kafka;

        WhoAmI(JdbcClient jdbc, @Value("${spring.kafka.bootstrap-servers}") String kafka) {
            this.jdbc = jdbc;
            this.kafka = kafka;
        }

        @GetMapping("/whoami")
        Map<String, String> whoami() {
            return Map.of(
                    "search_path", jdbc.sql("show search_path").query(String.class).single(),
                    "kafka", kafka,
                    "loader", String.valueOf(getClass().getClassLoader().getName()),
                    "pid", Long.toString(ProcessHandle.current().pid()));
        }
    }
}
