package com.sigmatiq.local.soak;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;

/**
 * When each bar of a topic was published: reads {@code market.bars.<timeframe>} from its end onwards (assigned
 * partitions, no consumer group, so it adds no group to the lag) and keeps, per replay and bar start, the envelope's
 * {@code occurred_at}, the instant market-data-service handed the bar to its producer.
 */
public final class BarClock implements Runnable, AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final KafkaConsumer<String, String> consumer;
    private final Map<String, Long> published = new ConcurrentHashMap<>();
    private final Thread thread;
    private volatile boolean stopped;
    private volatile long read;

    public BarClock(String bootstrapServers, String topic) {
        consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false, ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000),
                new StringDeserializer(), new StringDeserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                .map(p -> new TopicPartition(topic, p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position); // the end now, before any soak bar is sent
        thread = new Thread(this, "soak-bar-clock");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void run() {
        try {
            while (!stopped) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                    JsonNode envelope = JSON.readTree(r.value());
                    JsonNode bar = envelope.get("payload");
                    String replay = bar.path("replay_id").asString(null);
                    if (replay != null) {
                        JsonNode at = envelope.path("occurred_at");
                        // the envelope's instant; the record's own time stamp (the producer's) if it has none
                        long publishedAt = at.isString() ? Instant.parse(at.asString()).toEpochMilli() : r.timestamp();
                        published.put(key(replay, Instant.parse(bar.get("start").asString()).toEpochMilli()), publishedAt);
                    }
                    read++;
                }
            }
        } catch (org.apache.kafka.common.errors.WakeupException e) {
            // closing
        } finally {
            consumer.close();
        }
    }

    /** When the bar of {@code replay} starting at {@code startMs} was published, if it has been read. */
    public OptionalLong publishedAt(String replay, long startMs) {
        Long at = published.get(key(replay, startMs));
        return at == null ? OptionalLong.empty() : OptionalLong.of(at);
    }

    /** Records read so far. */
    public long read() {
        return read;
    }

    /** Forgets the bars of {@code replay} (its alerts are all measured). */
    public void forget(String replay) {
        published.keySet().removeIf(k -> k.startsWith(replay + '|'));
    }

    private static String key(String replay, long startMs) {
        return replay + '|' + startMs;
    }

    @Override
    public void close() throws InterruptedException {
        stopped = true;
        consumer.wakeup();
        thread.join(10_000);
    }
}
