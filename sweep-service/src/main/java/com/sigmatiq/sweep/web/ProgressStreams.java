package com.sigmatiq.sweep.web;

import com.sigmatiq.kit.web.sse.PollingEventStreams;
import com.sigmatiq.sweep.domain.SweepRepository;
import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Server-sent progress: every half second each open stream gets a {@code progress} event when its sweep's progress
 * changed (read from the database, so it works whichever instance stores the results), and a final event named
 * after the terminal status, after which the stream ends.
 */
@Component
class ProgressStreams {

    private final PollingEventStreams<UUID> streams;

    ProgressStreams(SweepRepository repository, Clock clock) {
        this.streams = new PollingEventStreams<>("sweep-sse", Duration.ofMillis(500), id -> repository.find(id)
                .map(s -> new PollingEventStreams.Snapshot(Views.progressEvent(s, clock.instant()), s.done() + "|" + s.status(),
                        s.status().terminal() ? s.status().label() : null)));
    }

    SseEmitter open(UUID sweepId) {
        return streams.open(sweepId);
    }

    @PreDestroy
    void stop() {
        streams.close();
    }
}
