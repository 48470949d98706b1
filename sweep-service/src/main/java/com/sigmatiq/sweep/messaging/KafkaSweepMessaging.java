package com.sigmatiq.sweep.messaging;

import com.sigmatiq.sweep.domain.ResultBatch;
import com.sigmatiq.sweep.domain.ResultPublisher;
import com.sigmatiq.sweep.domain.WorkChunk;
import com.sigmatiq.sweep.domain.WorkPublisher;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Publishes work and results as JSON (the service's own topics; its events go through the outbox,
 * {@link SweepEventsOutbox}). Work waits for the broker's acknowledgement; results are sent without waiting and waited
 * for together ({@link #awaitAll}) by the worker before it acknowledges its chunk. Both are idempotent by what they
 * carry (a result already stored is ignored), so they need neither outbox nor inbox.
 */
@Component
class KafkaSweepMessaging implements WorkPublisher, ResultPublisher {

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
