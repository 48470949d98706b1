package com.sigmatiq.training.messaging;

import com.sigmatiq.training.domain.JobPublisher;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * A job's id on {@code training.jobs}, keyed by itself. The message needs no outbox: the job is stored first, and
 * the watch sends again any job that stays queued.
 */
@Component
class KafkaJobPublisher implements JobPublisher {

    private final KafkaTemplate<String, String> kafka;

    KafkaJobPublisher(KafkaTemplate<String, String> kafka) {
        this.kafka = kafka;
    }

    @Override
    public void publish(UUID jobId) {
        try {
            kafka.send(TrainingTopics.JOBS, jobId.toString(), jobId.toString()).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while sending job " + jobId, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("sending job " + jobId + " to Kafka failed: " + e, e);
        }
    }
}
