package com.sigmatiq.gateway;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The Sigmatiq gateway: one origin (port 8080) that registers and logs in users, issues RS256
 * JWTs and publishes their JWKS, proxies {@code /api/<service>/**} to the services and will
 * serve the web UI.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class GatewayApplication {

    public static void main(String[] args) {
        SpringApplication.run(GatewayApplication.class, args);
    }
}
