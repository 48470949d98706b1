package com.sigmatiq.kit.messaging.it;

import com.sigmatiq.contracts.EventEnvelope;
import com.sigmatiq.kit.messaging.EventEnvelopeDeserializer;
import com.sigmatiq.testinfra.SigmatiqInfrastructure;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Every record on a topic right now, from the beginning (no group, no commits): what the broker holds. */
final class TopicContents {

    /** A record's key and its envelope as the kit reads it. */
    record Event(String key, EventEnvelope<?> envelope) {
    }

    private TopicContents() {
    }

    static List<Event> read(String topic) {
        Map<String, Object> props = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, SigmatiqInfrastructure.start().kafkaBootstrapServers(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        List<Event> events = new ArrayList<>();
        try (KafkaConsumer<String, EventEnvelope<?>> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                new EventEnvelopeDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(10));
            long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                assertThat(System.nanoTime()).as(topic + " read to its end within 20 s").isLessThan(until);
                for (ConsumerRecord<String, EventEnvelope<?>> r : consumer.poll(Duration.ofMillis(200))) {
                    events.add(new Event(r.key(), r.value()));
                }
            }
        }
        return events;
    }

    /** The records keyed {@code key}. */
    static List<Event> keyed(String topic, String key) {
        return read(topic).stream().filter(e -> key.equals(e.key())).toList();
    }
}
