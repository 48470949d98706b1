package com.sigmatiq.training.web;

import com.sigmatiq.kit.web.sse.PollingEventStreams;
import com.sigmatiq.training.domain.JobRepository;
import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Server-sent progress of a job: a {@code progress} event (the job as {@code GET /training/jobs/{id}} answers it)
 * whenever its status, steps or attempts change, then {@code completed} or {@code failed}. Polled from the database
 * every half second, so it works whichever instance trains.
 */
@Component
class ProgressStreams {

    private final PollingEventStreams<UUID> streams;

    ProgressStreams(JobRepository repository) {
        this.streams = new PollingEventStreams<>("training-sse", Duration.ofMillis(500), id -> repository.find(id)
                .map(j -> new PollingEventStreams.Snapshot(Views.job(j), j.status() + "|" + j.progress() + "|" + j.attempts(),
                        j.status().terminal() ? j.status().label() : null)));
    }

    SseEmitter open(UUID jobId) {
        return streams.open(jobId);
    }

    @PreDestroy
    void stop() {
        streams.close();
    }
}
