package com.sigmatiq.kit.messaging;

import com.sigmatiq.contracts.EventEnvelope;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.support.SendResult;

import java.util.concurrent.CompletableFuture;

/**
 * Sends events straight to Kafka, without the outbox: for high-rate facts that are derived from rows already stored and
 * can be sent again from them (market-data's bar feed, whose replays resume from a saved cursor), where one outbox row
 * per event would cost more than it protects. The caller owns delivery: it waits for the returned futures before it
 * records progress. Values are {@link EventEnvelopeCodec}'s JSON, keys the envelope's subject id; the producer has the
 * service's {@code spring.kafka.producer.*} settings.
 */
public class EventSender implements DisposableBean {

    private final DefaultKafkaProducerFactory<String, EventEnvelope<?>> producers;
    private final KafkaTemplate<String, EventEnvelope<?>> kafka;

    /**
     * @param settings the service's producer factory, whose configuration this sender copies (serializers replaced)
     */
    public EventSender(ProducerFactory<?, ?> settings, EventEnvelopeCodec codec) {
        this.producers = new DefaultKafkaProducerFactory<>(settings.getConfigurationProperties(), new StringSerializer(),
                new EventEnvelopeSerializer(codec));
        this.kafka = new KafkaTemplate<>(producers);
    }

    /** Sends {@code event} to {@code topic} with key = subject id; completes when the broker has acknowledged it. */
    public CompletableFuture<RecordMetadata> send(String topic, EventEnvelope<?> event) {
        return kafka.send(topic, event.subjectId(), event).thenApply(SendResult::getRecordMetadata);
    }

    /** Sends what the producer holds back for batching now ({@code linger.ms}). */
    public void flush() {
        kafka.flush();
    }

    @Override
    public void destroy() {
        producers.destroy();
    }
}
