package com.sigmatiq.marketdata.messaging;

import com.sigmatiq.contracts.EventEnvelope;
import com.sigmatiq.contracts.marketdata.BarClosed;
import com.sigmatiq.engine.data.Timeframe;
import com.sigmatiq.kit.messaging.EventCatalog;
import com.sigmatiq.kit.messaging.EventSender;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * Sends {@link BarClosed} events in an {@link EventEnvelope} (type {@code market.bar.closed}, subject = ticker) to
 * {@code market.bars.<timeframe>}, key = ticker, straight through the kit's {@link EventSender}: bars are facts derived
 * from stored rows, and a replay resumes from its saved cursor, so they need no outbox row each (docs/services.md,
 * "Messaging"). The producer is idempotent ({@code enable.idempotence}, acks=all), so retries neither duplicate nor
 * reorder within a partition. The event id is derived from the stream (replay id or {@code live}), ticker, timeframe
 * and bar start: a bar re-sent by any path carries the same id, and consumers drop it by that id.
 */
@Component
public class BarEventPublisher {

    private final EventSender sender;

    public BarEventPublisher(EventSender sender) {
        this.sender = sender;
    }

    public static UUID eventId(String stream, String ticker, String timeframe, long startMs) {
        return UUID.nameUUIDFromBytes((stream + '|' + ticker + '|' + timeframe + '|' + startMs).getBytes(StandardCharsets.UTF_8));
    }

    /** Sends one bar; the future completes with where the broker stored it. */
    public CompletableFuture<RecordMetadata> publish(BarClosed bar, Instant occurredAt) {
        String stream = bar.replayId() != null ? bar.replayId() : "live";
        EventEnvelope<BarClosed> envelope = EventCatalog.envelope(
                eventId(stream, bar.ticker(), bar.timeframe(), bar.start().toEpochMilli()), bar, null, bar.ticker(), occurredAt);
        return sender.send(BarTopics.topic(Timeframe.parse(bar.timeframe())), envelope);
    }

    public void flush() {
        sender.flush();
    }
}
