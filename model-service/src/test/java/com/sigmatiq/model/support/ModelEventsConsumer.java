package com.sigmatiq.model.support;

import com.sigmatiq.contracts.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.Awaitility;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads every record of {@code model.events} from the beginning (no consumer group, no commits), so each
 * call sees the whole topic as it is: what a test counts is what is on the broker.
 */
public final class ModelEventsConsumer {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** One record: its key and its JSON body. */
    public record Event(String key, JsonNode body) {

        public String type() {
            return body.get("type").asString();
        }

        public String eventId() {
            return body.get("event_id").asString();
        }
    }

    private ModelEventsConsumer() {
    }

    /** Every record currently on the topic. */
    public static List<Event> readAll(String bootstrapServers) {
        Map<String, Object> props = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        List<Event> events = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props)) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.MODEL_EVENTS, Duration.ofSeconds(10)).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p)) && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                    events.add(new Event(r.key(), JSON.readTree(r.value())));
                }
            }
        }
        return events;
    }

    /**
     * Waits up to {@code timeout} until at least {@code atLeast} records match, then returns every matching record.
     *
     * @throws org.awaitility.core.ConditionTimeoutException if fewer match in time
     */
    public static List<Event> await(String bootstrapServers, Predicate<Event> match, int atLeast, Duration timeout) {
        return Awaitility.await().atMost(timeout).pollInterval(Duration.ofMillis(200))
                .until(() -> readAll(bootstrapServers).stream().filter(match).toList(), found -> found.size() >= atLeast);
    }
}
