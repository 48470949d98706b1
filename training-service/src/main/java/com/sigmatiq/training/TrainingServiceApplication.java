package com.sigmatiq.training;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** training-service: meta-labelling jobs with XGBoost on a sweep's chosen configurations (port 8085, schema {@code training}). */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class TrainingServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(TrainingServiceApplication.class, args);
    }
}
