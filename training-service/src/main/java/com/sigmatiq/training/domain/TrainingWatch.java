package com.sigmatiq.training.domain;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Sends again the jobs nobody is working on: queued for long (their message was lost, say the broker was down when
 * they were created) or training without a sign of life (their worker died and the broker has not yet redelivered).
 * A job sent twice is trained twice at worst; its result is stored once.
 */
@Component
public class TrainingWatch {

    private static final Logger log = LoggerFactory.getLogger(TrainingWatch.class);

    private final JobRepository repository;
    private final JobPublisher publisher;
    private final TrainingProperties properties;
    private final Clock clock;

    public TrainingWatch(JobRepository repository, JobPublisher publisher, TrainingProperties properties, Clock clock) {
        this.repository = repository;
        this.publisher = publisher;
        this.properties = properties;
        this.clock = clock;
    }

    /** @return the jobs sent again */
    public List<UUID> resendStalled() {
        Instant now = clock.instant();
        List<UUID> stalled = repository.stalled(now.minus(properties.watch().queuedFor()),
                now.minus(properties.watch().silentFor()));
        for (UUID id : stalled) {
            log.info("training job {} has no worker; sending it again", id);
            publisher.publish(id);
        }
        return stalled;
    }
}
