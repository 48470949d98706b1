package com.sigmatiq.pilot;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** pilot-service (Sigma Pilot): live accounts and broker orders of live published models (port 8088, schema {@code pilot}). */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class PilotServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(PilotServiceApplication.class, args);
    }
}
