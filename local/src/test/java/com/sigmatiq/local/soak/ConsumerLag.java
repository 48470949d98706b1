package com.sigmatiq.local.soak;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Kafka consumer lag per consumer group: for every partition a group has committed an offset on, the partition's end
 * offset minus that committed offset, summed over the group's partitions. Records a group has not committed yet (a
 * partition it never committed on) are not counted; the services commit after each batch they processed.
 */
public final class ConsumerLag implements AutoCloseable {

    private final Admin admin;

    public ConsumerLag(String bootstrapServers) {
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000, AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 15_000));
    }

    /** Lag (records) per group, by group name. */
    public Map<String, Long> perGroup() {
        try {
            Map<String, Long> lag = new TreeMap<>();
            for (ConsumerGroupListing group : admin.listConsumerGroups().all().get(15, TimeUnit.SECONDS)) {
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group.groupId())
                        .partitionsToOffsetAndMetadata().get(15, TimeUnit.SECONDS);
                Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
                committed.forEach((p, o) -> {
                    if (o != null) {
                        latest.put(p, OffsetSpec.latest());
                    }
                });
                long sum = 0;
                if (!latest.isEmpty()) {
                    var ends = admin.listOffsets(latest).all().get(15, TimeUnit.SECONDS);
                    for (var e : ends.entrySet()) {
                        sum += Math.max(0, e.getValue().offset() - committed.get(e.getKey()).offset());
                    }
                }
                lag.put(group.groupId(), sum);
            }
            return lag;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("consumer lag: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        admin.close();
    }
}
