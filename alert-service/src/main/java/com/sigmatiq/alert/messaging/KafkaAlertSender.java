package com.sigmatiq.alert.messaging;

import com.sigmatiq.alert.domain.DeliverySender;
import com.sigmatiq.alert.domain.DueDelivery;
import com.sigmatiq.alert.domain.SendResult;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * {@code sigma_sim} / {@code sigma_pilot}: the alert document, as stored, on its topic, keyed by the published model
 * (so one model's alerts stay in order on one partition) with the header {@code alert_id}. Sent at least once: a
 * consumer keeps the alert ids it has taken and drops a repeat. Sent when the broker acknowledges (acks=all) within
 * the timeout; anything else is retried.
 */
public class KafkaAlertSender implements DeliverySender {

    private final String destination;
    private final String topic;
    private final KafkaTemplate<String, String> kafka;
    private final Duration timeout;

    public KafkaAlertSender(String destination, String topic, KafkaTemplate<String, String> kafka, Duration timeout) {
        this.destination = destination;
        this.topic = topic;
        this.kafka = kafka;
        this.timeout = timeout;
    }

    @Override
    public String destination() {
        return destination;
    }

    @Override
    public SendResult send(DueDelivery d) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, d.publicationId(), d.alertJson());
        record.headers().add(AlertTopics.ALERT_ID_HEADER, d.alertId().getBytes(StandardCharsets.UTF_8));
        try {
            kafka.send(record).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return SendResult.sent();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return SendResult.retry("interrupted while sending to " + topic, null);
        } catch (ExecutionException e) {
            return SendResult.retry("sending to " + topic + " failed: " + e.getCause(), null);
        } catch (TimeoutException e) {
            return SendResult.retry("no acknowledgement from " + topic + " within " + timeout, null);
        }
    }
}
