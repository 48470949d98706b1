package com.sigmatiq.sweep;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** sweep-service: distributed, crash-safe parameter sweeps and leaderboards (port 8084, schema {@code sweep}). */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class SweepServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(SweepServiceApplication.class, args);
    }
}
