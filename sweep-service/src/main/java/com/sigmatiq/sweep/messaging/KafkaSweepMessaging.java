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

/**
 * Publishes work, results and events as JSON. Work and events wait for the broker's acknowledgement; results are
 * sent without waiting and waited for together ({@link #awaitAll}) by the worker before it acknowledges its chunk.
 */
@Component
class KafkaSweepMessaging implements WorkPublisher, ResultPublisher, SweepEventPublisher {

    private final KafkaTemplate<String, String> kafka;
    private final JsonMapper json;

    KafkaSweepMessaging(KafkaTemplate<String, String> kafka, JsonMapper json) {
        this.kafka = kafka;
        this.json = json;
    }

    /**
     * Chunks go round the partitions of {@code sweep.work} in turn (from a partition chosen by the sweep id), so every
     * partition, and so every worker, gets as many chunks as the others, give or take one; a worker only ever
     * reads its own partitions.
     */
    @Override
    public void publish(List<WorkChunk> chunks) {
        if (chunks.isEmpty()) {
            return;
        }
        int partitions = kafka.partitionsFor(SweepTopics.WORK).size();
        int first = Math.floorMod(chunks.get(0).sweepId().hashCode(), partitions);
        List<CompletableFuture<SendResult<String, String>>> sent = new ArrayList<>();
        for (int i = 0; i < chunks.size(); i++) {
            WorkChunk c = chunks.get(i);
            sent.add(kafka.send(SweepTopics.WORK, (first + i) % partitions, c.sweepId() + ":" + c.units().get(0),
                    json.writeValueAsString(c)));
        }
        await(sent);
    }

    /**
     * Key = sweep id + first unit, so the batches of one sweep spread over the partitions of {@code sweep.results}
     * and the coordinators store them in parallel (their order does not matter: the store is idempotent).
     */
    @Override
    public CompletableFuture<?> send(ResultBatch batch) {
        String key = batch.sweepId() + ":" + (batch.results().isEmpty() ? 0 : batch.results().get(0).unit());
        return kafka.send(SweepTopics.RESULTS, key, json.writeValueAsString(batch));
    }

    /** Flushes first: the producer's linger would otherwise add its delay to every chunk. */
    @Override
    public void awaitAll(List<CompletableFuture<?>> sends) {
        if (sends.isEmpty()) {
            return;
        }
        kafka.flush();
        await(sends);
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

    private static void await(List<? extends CompletableFuture<?>> sent) {
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
