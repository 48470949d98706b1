package com.sigmatiq.marketdata.feed;

import com.sigmatiq.marketdata.TestTokens;
import com.sigmatiq.testinfra.SigmatiqInfrastructure;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.util.HashMap;
import java.util.Map;

/** market-data-service started by a replay test on the test infrastructure, with the properties the test adds. */
final class ReplayContexts {

    private ReplayContexts() {
    }

    /** The properties every replay test starts the service with (a free port, the bundled data, Kafka quiet). */
    static Map<String, Object> properties() {
        SigmatiqInfrastructure.Endpoints e = SigmatiqInfrastructure.start();
        Map<String, Object> p = new HashMap<>();
        p.put("spring.datasource.url", e.jdbcUrl("marketdata"));
        p.put("spring.datasource.username", e.username());
        p.put("spring.datasource.password", e.password());
        p.put("spring.kafka.bootstrap-servers", e.kafkaBootstrapServers());
        p.put("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", TestTokens.jwksUri());
        p.put("sigmatiq.marketdata.bootstrap-dir", "../data/market");
        p.put("server.port", "0");
        p.put("logging.level.org.apache.kafka", "WARN");
        return p;
    }

    static ConfigurableApplicationContext run(Map<String, Object> properties, Class<?>... sources) {
        return new SpringApplicationBuilder(sources)
                .run(properties.entrySet().stream().map(x -> "--" + x.getKey() + "=" + x.getValue()).toArray(String[]::new));
    }
}
