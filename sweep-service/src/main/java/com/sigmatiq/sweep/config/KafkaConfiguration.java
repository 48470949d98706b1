package com.sigmatiq.sweep.config;

import java.time.Duration;
import java.util.Properties;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.FixedBackOff;

/**
 * Topics and the two listener containers. Workers: one record per poll, acknowledged one by one after the listener
 * returns (its results are on the broker then), a short session timeout so a dead worker's chunks move on quickly.
 * Coordinators: batches of results, acknowledged after they are stored. A failure is retried twice; after that the
 * message is skipped and the coordinator's stall watch publishes the missing units again.
 */
@Configuration(proxyBeanMethods = false)
public class KafkaConfiguration {

    @Bean
    NewTopic sweepWorkTopic(SweepProperties p) {
        return TopicBuilder.name("sweep.work").partitions(p.workPartitions()).replicas(1).build();
    }

    @Bean
    NewTopic sweepResultsTopic() {
        return TopicBuilder.name("sweep.results").partitions(3).replicas(1).build();
    }

    @Bean
    NewTopic sweepEventsTopic() {
        return TopicBuilder.name("sweep.events").partitions(1).replicas(1).build();
    }

    @Bean
    @SuppressWarnings({"unchecked", "rawtypes"})
    ConcurrentKafkaListenerContainerFactory<String, String> sweepWorkerContainerFactory(
            ConsumerFactory<?, ?> consumers, SweepProperties p,
            @Value("${sigmatiq.sweep.worker.session-timeout:10s}") Duration sessionTimeout) {
        ConcurrentKafkaListenerContainerFactory<String, String> f = new ConcurrentKafkaListenerContainerFactory<>();
        f.setConsumerFactory((ConsumerFactory) consumers);
        f.setConcurrency(p.worker().effectiveConcurrency());
        f.getContainerProperties().setAckMode(ContainerProperties.AckMode.RECORD);
        Properties props = new Properties();
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "1");
        props.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, String.valueOf(sessionTimeout.toMillis()));
        props.put(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, String.valueOf(Math.max(500, sessionTimeout.toMillis() / 4)));
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        f.getContainerProperties().setKafkaConsumerProperties(props);
        f.setCommonErrorHandler(new DefaultErrorHandler(new FixedBackOff(500, 2)));
        return f;
    }

    @Bean
    @SuppressWarnings({"unchecked", "rawtypes"})
    ConcurrentKafkaListenerContainerFactory<String, String> sweepResultsContainerFactory(ConsumerFactory<?, ?> consumers) {
        ConcurrentKafkaListenerContainerFactory<String, String> f = new ConcurrentKafkaListenerContainerFactory<>();
        f.setConsumerFactory((ConsumerFactory) consumers);
        f.setBatchListener(true);
        f.getContainerProperties().setAckMode(ContainerProperties.AckMode.BATCH);
        Properties props = new Properties();
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        f.getContainerProperties().setKafkaConsumerProperties(props);
        f.setCommonErrorHandler(new DefaultErrorHandler(new FixedBackOff(1000, 2)));
        return f;
    }
}
