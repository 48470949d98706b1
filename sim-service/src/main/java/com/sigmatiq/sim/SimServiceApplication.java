package com.sigmatiq.sim;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** sim-service (SigmaSim): paper accounts of paper-trading published models (port 8087, schema {@code sim}). */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class SimServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(SimServiceApplication.class, args);
    }
}
