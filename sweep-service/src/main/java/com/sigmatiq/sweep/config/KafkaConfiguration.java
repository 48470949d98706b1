package com.sigmatiq.sweep.config;

import com.sigmatiq.sweep.domain.SweepProperties;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.FixedBackOff;

/**
 * Topics and the two listener containers. Workers: acknowledged record by record after the listener returns (its
 * results are on the broker then), the offset committed without waiting; one record per poll and a short session
 * timeout are set on the listener ({@code SweepListeners}) so a dead worker's chunks move on quickly.
 * Coordinators: batches of results, acknowledged after they are stored, on {@code store-threads} consumers (one
 * transaction each, so batches are stored in parallel). A failure is retried twice; after that the message is skipped
 * and the coordinator's stall watch publishes the missing units again.
 */
@Configuration(proxyBeanMethods = false)
public class KafkaConfiguration {

    /** Partitions of {@code sweep.results} when this service creates it: at most this many storing consumers work. */
    static final int RESULT_PARTITIONS = 3;

    @Bean
    NewTopic sweepWorkTopic(SweepProperties p) {
        return TopicBuilder.name("sweep.work").partitions(p.workPartitions()).replicas(1).build();
    }

    @Bean
    NewTopic sweepResultsTopic() {
        return TopicBuilder.name("sweep.results").partitions(RESULT_PARTITIONS).replicas(1).build();
    }

    @Bean
    NewTopic sweepEventsTopic() {
        return TopicBuilder.name("sweep.events").partitions(1).replicas(1).build();
    }

    @Bean
    @SuppressWarnings({"unchecked", "rawtypes"})
    ConcurrentKafkaListenerContainerFactory<String, String> sweepWorkerContainerFactory(
            ConsumerFactory<?, ?> consumers, SweepProperties p) {
        ConcurrentKafkaListenerContainerFactory<String, String> f = new ConcurrentKafkaListenerContainerFactory<>();
        f.setConsumerFactory((ConsumerFactory) consumers);
        f.setConcurrency(p.worker().effectiveConcurrency());
        f.getContainerProperties().setAckMode(ContainerProperties.AckMode.RECORD);
        // The offset is committed only after the listener returned (its results acknowledged by the broker), but
        // without waiting for the commit: a lost commit only redelivers a chunk, which the idempotent store absorbs.
        f.getContainerProperties().setSyncCommits(false);
        f.setCommonErrorHandler(new DefaultErrorHandler(new FixedBackOff(500, 2)));
        return f;
    }

    @Bean
    @SuppressWarnings({"unchecked", "rawtypes"})
    ConcurrentKafkaListenerContainerFactory<String, String> sweepResultsContainerFactory(ConsumerFactory<?, ?> consumers,
                                                                                         SweepProperties p) {
        ConcurrentKafkaListenerContainerFactory<String, String> f = new ConcurrentKafkaListenerContainerFactory<>();
        f.setConsumerFactory((ConsumerFactory) consumers);
        f.setConcurrency(Math.max(1, p.coordinator().storeThreads()));
        f.setBatchListener(true);
        f.getContainerProperties().setAckMode(ContainerProperties.AckMode.BATCH);
        f.setCommonErrorHandler(new DefaultErrorHandler(new FixedBackOff(1000, 2)));
        return f;
    }
}
