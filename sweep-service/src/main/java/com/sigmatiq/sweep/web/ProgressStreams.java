package com.sigmatiq.sweep.web;

import com.sigmatiq.sweep.domain.SweepRepository;
import com.sigmatiq.sweep.domain.SweepState;
import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Server-sent progress: every half second each open stream gets a {@code progress} event when its sweep's progress
 * changed (read from the database, so it works whichever instance stores the results), and a final event named
 * after the terminal status, after which the stream ends.
 */
@Component
class ProgressStreams {

    private final SweepRepository repository;
    private final Clock clock;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "sweep-sse");
        t.setDaemon(true);
        return t;
    });
    private final Map<SseEmitter, Stream> open = new ConcurrentHashMap<>();

    private static final class Stream {
        final UUID sweepId;
        Object last;

        Stream(UUID sweepId) {
            this.sweepId = sweepId;
        }
    }

    ProgressStreams(SweepRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
        timer.scheduleWithFixedDelay(this::tick, 500, 500, TimeUnit.MILLISECONDS);
    }

    SseEmitter open(UUID sweepId) {
        SseEmitter e = new SseEmitter(TimeUnit.MINUTES.toMillis(30));
        open.put(e, new Stream(sweepId));
        e.onCompletion(() -> open.remove(e));
        e.onTimeout(() -> open.remove(e));
        e.onError(t -> open.remove(e));
        timer.execute(this::tick);
        return e;
    }

    private void tick() {
        open.forEach((emitter, stream) -> {
            try {
                SweepState s = repository.find(stream.sweepId).orElse(null);
                if (s == null) {
                    emitter.complete();
                    return;
                }
                Views.ProgressEvent event = Views.progressEvent(s, clock.instant());
                Object key = s.done() + "|" + s.status();
                if (!Objects.equals(key, stream.last)) {
                    stream.last = key;
                    emitter.send(SseEmitter.event().name("progress").data(event, MediaType.APPLICATION_JSON));
                }
                if (s.status().terminal()) {
                    emitter.send(SseEmitter.event().name(s.status().label()).data(event, MediaType.APPLICATION_JSON));
                    open.remove(emitter);
                    emitter.complete();
                }
            } catch (IOException | IllegalStateException ex) {
                open.remove(emitter);
                emitter.completeWithError(ex);
            } catch (RuntimeException ex) {
                open.remove(emitter);
            }
        });
    }

    @PreDestroy
    void stop() {
        timer.shutdownNow();
        open.keySet().forEach(SseEmitter::complete);
    }
}
