package com.sigmatiq.pack;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** pack-service: the catalogue of strategy packs and their immutable versions (schema {@code pack}, port 8081). */
@SpringBootApplication
@ConfigurationPropertiesScan
public class PackServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(PackServiceApplication.class, args);
    }
}
