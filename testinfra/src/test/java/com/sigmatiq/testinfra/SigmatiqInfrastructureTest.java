package com.sigmatiq.testinfra;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The real infrastructure answers: PostgreSQL runs SQL, Kafka carries a record from producer to consumer. */
class SigmatiqInfrastructureTest {

    @Test
    void startIsIdempotent() {
        assertThat(SigmatiqInfrastructure.start()).isSameAs(SigmatiqInfrastructure.start());
    }

    @Test
    void postgresAnswersSelectOneInTheSigmatiqDatabase() throws Exception {
        var endpoints = SigmatiqInfrastructure.start();
        try (Connection c = DriverManager.getConnection(endpoints.jdbcUrl(), endpoints.username(), endpoints.password());
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select 1, current_database()")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getInt(1)).isEqualTo(1);
            assertThat(rs.getString(2)).isEqualTo(SigmatiqInfrastructure.DATABASE);
        }
    }

    @Test
    void schemaUrlSetsTheSearchPath() throws Exception {
        var endpoints = SigmatiqInfrastructure.start();
        try (Connection c = DriverManager.getConnection(endpoints.jdbcUrl("selftest_schema"), endpoints.username(),
                endpoints.password());
             Statement s = c.createStatement()) {
            s.execute("create schema if not exists selftest_schema");
            s.execute("create table if not exists probe (id int)");
            try (ResultSet rs = s.executeQuery("select table_schema from information_schema.tables where table_name = 'probe'")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("selftest_schema");
            }
        }
    }

    @Test
    void kafkaCarriesOneRecordFromProducerToConsumer() throws Exception {
        var endpoints = SigmatiqInfrastructure.start();
        String topic = "selftest." + UUID.randomUUID();
        String value = "hello-" + UUID.randomUUID();

        try (var producer = new KafkaProducer<>(Map.<String, Object>of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, endpoints.kafkaBootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, "k", value)).get();
        }

        List<ConsumerRecord<String, String>> received = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(Map.<String, Object>of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, endpoints.kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "selftest-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (received.isEmpty() && System.nanoTime() < deadline) {
                ConsumerRecords<String, String> records = consumer.poll(Duration.ofMillis(500));
                records.forEach(received::add);
            }
        }

        assertThat(received).hasSize(1);
        assertThat(received.get(0).key()).isEqualTo("k");
        assertThat(received.get(0).value()).isEqualTo(value);
    }

    @Test
    void modeDefaultsToEmbeddedAndRefusesUnknownNames() {
        assertThat(SigmatiqInfrastructure.parseMode(null)).isEqualTo(SigmatiqInfrastructure.Mode.EMBEDDED);
        assertThat(SigmatiqInfrastructure.parseMode(" Testcontainers ")).isEqualTo(SigmatiqInfrastructure.Mode.TESTCONTAINERS);
        assertThatThrownBy(() -> SigmatiqInfrastructure.parseMode("docker"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("embedded, testcontainers");
    }

    @Test
    void testcontainersModeWithoutDockerDisablesTheTest() {
        assertThat(SigmatiqInfrastructureCondition.evaluate(SigmatiqInfrastructure.Mode.TESTCONTAINERS, () -> false)
                .isDisabled()).isTrue();
        assertThat(SigmatiqInfrastructureCondition.evaluate(SigmatiqInfrastructure.Mode.TESTCONTAINERS, () -> true)
                .isDisabled()).isFalse();
        assertThat(SigmatiqInfrastructureCondition.evaluate(SigmatiqInfrastructure.Mode.EMBEDDED, () -> false)
                .isDisabled()).isFalse();
    }

    @Test
    void schemaIsAppendedWithTheRightSeparator() {
        var plain = new SigmatiqInfrastructure.Endpoints("jdbc:postgresql://h:1/db", "u", "p", "k:1");
        var withQuery = new SigmatiqInfrastructure.Endpoints("jdbc:postgresql://h:1/db?loggerLevel=OFF", "u", "p", "k:1");
        assertThat(plain.jdbcUrl("model")).isEqualTo("jdbc:postgresql://h:1/db?currentSchema=model");
        assertThat(withQuery.jdbcUrl("model")).isEqualTo("jdbc:postgresql://h:1/db?loggerLevel=OFF&currentSchema=model");
    }
}
