package com.sigmatiq.testinfra;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Restarting PostgreSQL or the Kafka broker keeps their data and address, and drops the connections of the moment. */
@ExtendWith(SigmatiqInfrastructureCondition.class)
class InfrastructureRestartTest {

    @Test
    void aPostgresRestartDropsConnectionsAndKeepsTheData() throws Exception {
        var e = SigmatiqInfrastructure.start();
        String value = UUID.randomUUID().toString();
        try (Connection before = DriverManager.getConnection(e.jdbcUrl(), e.username(), e.password());
             Statement s = before.createStatement()) {
            s.execute("create table if not exists restart_probe (v text)");
            s.execute("insert into restart_probe values ('" + value + "')");
            SigmatiqInfrastructure.restartPostgres();
            assertThatThrownBy(() -> s.executeQuery("select 1")).as("a connection of before the restart")
                    .isInstanceOf(SQLException.class);
        }
        try (Connection after = DriverManager.getConnection(e.jdbcUrl(), e.username(), e.password());
             Statement s = after.createStatement();
             ResultSet rs = s.executeQuery("select count(*) from restart_probe where v = '" + value + "'")) {
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(1);
        }
    }

    @Test
    void aKafkaRestartKeepsTheRecordsAndTheAddressAndAProducerCarriesOn() throws Exception {
        var e = SigmatiqInfrastructure.start();
        String topic = "restart-probe-" + UUID.randomUUID();
        Map<String, Object> producer = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, e.kafkaBootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        try (KafkaProducer<String, String> p = new KafkaProducer<>(producer, new StringSerializer(), new StringSerializer())) {
            for (int i = 0; i < 5; i++) {
                p.send(new ProducerRecord<>(topic, "k", "before-" + i)).get(30, TimeUnit.SECONDS);
            }
            SigmatiqInfrastructure.restartKafka();
            for (int i = 0; i < 5; i++) {
                p.send(new ProducerRecord<>(topic, "k", "after-" + i)).get(60, TimeUnit.SECONDS);
            }
        }
        Map<String, Object> consumer = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, e.kafkaBootstrapServers(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<String, String> c = new KafkaConsumer<>(consumer, new StringDeserializer(), new StringDeserializer())) {
            TopicPartition tp = new TopicPartition(topic, 0);
            c.assign(List.of(tp));
            c.seekToBeginning(List.of(tp));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (values.size() < 10 && System.nanoTime() < deadline) {
                c.poll(Duration.ofMillis(200)).forEach(r -> values.add(r.value()));
            }
        }
        assertThat(values).containsExactly("before-0", "before-1", "before-2", "before-3", "before-4",
                "after-0", "after-1", "after-2", "after-3", "after-4");
    }
}
