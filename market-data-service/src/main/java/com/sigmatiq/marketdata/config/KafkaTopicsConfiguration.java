package com.sigmatiq.marketdata.config;

import com.sigmatiq.engine.data.Timeframe;
import com.sigmatiq.marketdata.messaging.BarTopics;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;

import java.util.Arrays;

/** Creates {@code market.bars.<timeframe>} for every timeframe at start (existing topics are left as they are). */
@Configuration(proxyBeanMethods = false)
class KafkaTopicsConfiguration {

    @Bean
    KafkaAdmin.NewTopics barTopics(MarketDataProperties properties) {
        return new KafkaAdmin.NewTopics(Arrays.stream(Timeframe.values())
                .map(tf -> TopicBuilder.name(BarTopics.topic(tf)).partitions(properties.feed().partitions()).build())
                .toArray(NewTopic[]::new));
    }
}
