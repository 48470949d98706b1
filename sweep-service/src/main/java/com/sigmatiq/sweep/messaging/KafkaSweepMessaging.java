package com.sigmatiq.sweep.messaging;

import com.sigmatiq.contracts.sweep.SweepCompleted;

import com.sigmatiq.contracts.EventEnvelope;
import com.sigmatiq.sweep.domain.ResultBatch;
import com.sigmatiq.sweep.domain.ResultPublisher;
import com.sigmatiq.sweep.domain.SweepEventPublisher;
import com.sigmatiq.sweep.domain.SweepState;
import com.sigmatiq.sweep.domain.WorkChunk;
import com.sigmatiq.sweep.domain.WorkPublisher;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** Publishes work, results and events as JSON; every send waits for the broker's acknowledgement. */
@Component
class KafkaSweepMessaging implements WorkPublisher, ResultPublisher, SweepEventPublisher {

    private final KafkaTemplate<String, String> kafka;
    private final JsonMapper json;

    KafkaSweepMessaging(KafkaTemplate<String, String> kafka, JsonMapper json) {
        this.kafka = kafka;
        this.json = json;
    }

    @Override
    public void publish(List<WorkChunk> chunks) {
        List<CompletableFuture<SendResult<String, String>>> sent = new ArrayList<>();
        for (WorkChunk c : chunks) {
            sent.add(kafka.send(SweepTopics.WORK, c.sweepId() + ":" + c.units().get(0), json.writeValueAsString(c)));
        }
        await(sent);
    }

    @Override
    public void publish(ResultBatch batch) {
        await(List.of(kafka.send(SweepTopics.RESULTS, batch.sweepId().toString(), json.writeValueAsString(batch))));
    }

    @Override
    public void completed(SweepState s, Long bestComboId, Double bestSharpe) {
        long passed = s.passed() == null ? 0 : s.passed();
        SweepCompleted payload = new SweepCompleted(s.spec().id().toString(), s.spec().modelId(), s.spec().totalCombinations(),
                passed, s.done() - passed, bestComboId, bestSharpe, s.completedAt());
        // The event id is derived from the sweep id, so a completion sent again after a crash carries the same id.
        UUID eventId = UUID.nameUUIDFromBytes(("sweep.completed:" + s.spec().id()).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        EventEnvelope<SweepCompleted> e = new EventEnvelope<>(eventId, SweepCompleted.TYPE,
                s.completedAt() == null ? Instant.now() : s.completedAt(), EventEnvelope.CURRENT_VERSION, s.spec().ownerId(),
                s.spec().id().toString(), payload);
        await(List.of(kafka.send(SweepTopics.EVENTS, e.subjectId(), json.writeValueAsString(e))));
    }

    private static void await(List<CompletableFuture<SendResult<String, String>>> sent) {
        try {
            CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while sending to Kafka", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("sending to Kafka failed: " + e, e);
        }
    }
}
