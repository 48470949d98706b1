package com.sigmatiq.testinfra.selftest;

import com.sigmatiq.testinfra.SigmatiqInfrastructure;
import com.sigmatiq.testinfra.SigmatiqIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;

import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** One annotation gives a Boot application on a random port whose datasource and Kafka client use the shared infrastructure. */
@SigmatiqIntegrationTest(properties = "spring.flyway.default-schema=selftest_service")
class SigmatiqIntegrationTestAnnotationTest {

    @Autowired
    Environment environment;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    KafkaTemplate<String, String> kafka;
    @LocalServerPort
    int port;

    @Test
    void datasourcePointsAtTheSharedDatabaseAndTheServiceSchema() {
        var endpoints = SigmatiqInfrastructure.start();

        assertThat(environment.getProperty("spring.datasource.url")).isEqualTo(endpoints.jdbcUrl("selftest_service"));
        assertThat(jdbc.sql("select current_database()").query(String.class).single())
                .isEqualTo(SigmatiqInfrastructure.DATABASE);
        assertThat(jdbc.sql("show search_path").query(String.class).single()).isEqualTo("selftest_service");
    }

    @Test
    void kafkaTemplateSendsToTheSharedBroker() throws Exception {
        assertThat(environment.getProperty("spring.kafka.bootstrap-servers"))
                .isEqualTo(SigmatiqInfrastructure.start().kafkaBootstrapServers());

        var result = kafka.send("selftest.spring", "k", "v").get(30, TimeUnit.SECONDS);

        assertThat(result.getRecordMetadata().offset()).isGreaterThanOrEqualTo(0);
    }

    @Test
    void runsOnARandomPort() {
        assertThat(port).isPositive().isNotEqualTo(8080);
    }
}
