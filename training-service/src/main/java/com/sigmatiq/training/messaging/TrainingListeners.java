package com.sigmatiq.training.messaging;

import com.sigmatiq.training.domain.TrainingWorker;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * The workers (group {@code training-workers}): one job per poll, acknowledged after it is stored (or failed for
 * good). A worker killed mid-job never acknowledges it, so after the session timeout its partitions and the job go
 * to another worker, or to this one after a restart.
 */
@Component
class TrainingListeners {

    static final String WORKER_ID = "training-worker";
    private static final Logger log = LoggerFactory.getLogger(TrainingListeners.class);

    private final TrainingWorker worker;

    TrainingListeners(TrainingWorker worker) {
        this.worker = worker;
    }

    @KafkaListener(id = WORKER_ID, topics = TrainingTopics.JOBS, groupId = TrainingTopics.WORKER_GROUP,
            containerFactory = "trainingWorkerContainerFactory", autoStartup = "${sigmatiq.training.worker.enabled:true}",
            properties = {"max.poll.records=1", "auto.offset.reset=earliest", "heartbeat.interval.ms=2000",
                "max.poll.interval.ms=3600000",
                "session.timeout.ms=${sigmatiq.training.worker.session-timeout-ms:10000}"})
    void train(String jobId) {
        UUID id;
        try {
            id = UUID.fromString(jobId.trim());
        } catch (IllegalArgumentException e) {
            log.warn("ignored a training.jobs message that is not a job id: {}", jobId);
            return;
        }
        worker.run(id);
    }
}
