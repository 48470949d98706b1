package com.sigmatiq.testinfra.selftest;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** A minimal service (web, JDBC, Kafka) that {@code @SigmatiqIntegrationTest} wires to the shared infrastructure. */
@SpringBootApplication
public class SelfTestApplication {
}
