package com.sigmatiq.sweep.messaging;

import com.sigmatiq.sweep.domain.ResultBatch;
import com.sigmatiq.sweep.domain.SweepCoordinator;
import com.sigmatiq.sweep.domain.SweepTimings;
import com.sigmatiq.sweep.domain.SweepWorker;
import com.sigmatiq.sweep.domain.WorkChunk;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The two consumers. Workers (group {@code sweep-workers}) take one work chunk at a time and acknowledge it only
 * after its results are on the broker; coordinators (group {@code sweep-results}, several consumers per instance)
 * store result batches and acknowledge them after the database commit. A crash anywhere redelivers, and the
 * idempotent store ignores what it has.
 */
@Component
class SweepListeners {

    static final String WORKER_ID = "sweep-worker";
    static final String RESULTS_ID = "sweep-results";

    private final SweepWorker worker;
    private final SweepCoordinator coordinator;
    private final JsonMapper json;
    private final SweepTimings timings;

    SweepListeners(SweepWorker worker, SweepCoordinator coordinator, JsonMapper json, SweepTimings timings) {
        this.worker = worker;
        this.coordinator = coordinator;
        this.json = json;
        this.timings = timings;
    }

    @KafkaListener(id = WORKER_ID, topics = SweepTopics.WORK, groupId = SweepTopics.WORKER_GROUP,
            containerFactory = "sweepWorkerContainerFactory", autoStartup = "${sigmatiq.sweep.worker.enabled:true}",
            properties = {"max.poll.records=1", "auto.offset.reset=earliest", "heartbeat.interval.ms=2000",
                "session.timeout.ms=${sigmatiq.sweep.worker.session-timeout-ms:10000}"})
    void work(String message) {
        worker.run(json.readValue(message, WorkChunk.class));
    }

    @KafkaListener(id = RESULTS_ID, topics = SweepTopics.RESULTS, containerFactory = "sweepResultsContainerFactory",
            autoStartup = "${sigmatiq.sweep.coordinator.enabled:true}", properties = "auto.offset.reset=earliest")
    void results(List<ConsumerRecord<String, String>> records) {
        long t = System.nanoTime();
        List<ResultBatch> batches = records.stream().map(r -> json.readValue(r.value(), ResultBatch.class)).toList();
        timings.resultsDecoded(System.nanoTime() - t);
        coordinator.onResults(batches);
    }
}
