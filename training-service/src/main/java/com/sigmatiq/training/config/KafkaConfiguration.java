package com.sigmatiq.training.config;

import com.sigmatiq.training.domain.TrainingProperties;
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
 * Topics and the workers' listener container: a job is acknowledged record by record after the listener returned
 * (its result stored), and retried twice on an unexpected error before the watch takes over.
 */
@Configuration(proxyBeanMethods = false)
public class KafkaConfiguration {

    @Bean
    NewTopic trainingJobsTopic(TrainingProperties p) {
        return TopicBuilder.name("training.jobs").partitions(p.jobPartitions()).replicas(1).build();
    }

    @Bean
    NewTopic trainingEventsTopic() {
        return TopicBuilder.name("training.events").partitions(1).replicas(1).build();
    }

    @Bean
    @SuppressWarnings({"unchecked", "rawtypes"})
    ConcurrentKafkaListenerContainerFactory<String, String> trainingWorkerContainerFactory(ConsumerFactory<?, ?> consumers,
                                                                                           TrainingProperties p) {
        ConcurrentKafkaListenerContainerFactory<String, String> f = new ConcurrentKafkaListenerContainerFactory<>();
        f.setConsumerFactory((ConsumerFactory) consumers);
        f.setConcurrency(Math.max(1, p.worker().concurrency()));
        f.getContainerProperties().setAckMode(ContainerProperties.AckMode.RECORD);
        f.setCommonErrorHandler(new DefaultErrorHandler(new FixedBackOff(1000, 2)));
        return f;
    }
}
