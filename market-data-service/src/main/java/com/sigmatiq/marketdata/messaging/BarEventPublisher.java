package com.sigmatiq.marketdata.messaging;

import com.sigmatiq.contracts.EventEnvelope;
import com.sigmatiq.contracts.marketdata.BarClosed;
import com.sigmatiq.engine.data.Timeframe;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * Sends {@link BarClosed} events in an {@link EventEnvelope} (type {@code market.bar.closed}, subject = ticker) to
 * {@code market.bars.<timeframe>}, key = ticker. The producer is idempotent ({@code enable.idempotence}, acks=all), so
 * retries neither duplicate nor reorder within a partition. The event id is derived from the stream (replay id or
 * {@code live}), ticker, timeframe and bar start: a bar re-sent by any path carries the same id.
 */
@Component
public class BarEventPublisher {

    private final KafkaTemplate<String, String> kafka;
    private final JsonMapper json;

    public BarEventPublisher(KafkaTemplate<String, String> kafka, JsonMapper json) {
        this.kafka = kafka;
        this.json = json;
    }

    public static UUID eventId(String stream, String ticker, String timeframe, long startMs) {
        return UUID.nameUUIDFromBytes((stream + '|' + ticker + '|' + timeframe + '|' + startMs).getBytes(StandardCharsets.UTF_8));
    }

    public CompletableFuture<SendResult<String, String>> publish(BarClosed bar, Instant occurredAt) {
        String stream = bar.replayId() != null ? bar.replayId() : "live";
        EventEnvelope<BarClosed> envelope = new EventEnvelope<>(
                eventId(stream, bar.ticker(), bar.timeframe(), bar.start().toEpochMilli()), BarClosed.TYPE, occurredAt,
                EventEnvelope.CURRENT_VERSION, null, bar.ticker(), bar);
        String topic = BarTopics.topic(Timeframe.parse(bar.timeframe()));
        return kafka.send(new ProducerRecord<>(topic, bar.ticker(), json.writeValueAsString(envelope)));
    }

    public void flush() {
        kafka.flush();
    }
}
