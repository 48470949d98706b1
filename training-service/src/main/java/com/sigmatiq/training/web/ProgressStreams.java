package com.sigmatiq.training.web;

import com.sigmatiq.training.domain.Job;
import com.sigmatiq.training.domain.JobRepository;
import jakarta.annotation.PreDestroy;
import java.io.IOException;
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
 * Server-sent progress: every half second each open stream gets a {@code progress} event (the job as
 * {@code GET /training/jobs/{id}} answers it) when its job changed (read from the database, so it works whichever
 * instance trains), and a final event named after the terminal status, after which the stream ends.
 */
@Component
class ProgressStreams {

    private final JobRepository repository;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "training-sse");
        t.setDaemon(true);
        return t;
    });
    private final Map<SseEmitter, Stream> open = new ConcurrentHashMap<>();

    private static final class Stream {
        final UUID jobId;
        Object last;

        Stream(UUID jobId) {
            this.jobId = jobId;
        }
    }

    ProgressStreams(JobRepository repository) {
        this.repository = repository;
        timer.scheduleWithFixedDelay(this::tick, 500, 500, TimeUnit.MILLISECONDS);
    }

    SseEmitter open(UUID jobId) {
        SseEmitter e = new SseEmitter(TimeUnit.MINUTES.toMillis(30));
        open.put(e, new Stream(jobId));
        e.onCompletion(() -> open.remove(e));
        e.onTimeout(() -> open.remove(e));
        e.onError(t -> open.remove(e));
        timer.execute(this::tick);
        return e;
    }

    private void tick() {
        open.forEach((emitter, stream) -> {
            try {
                Job j = repository.find(stream.jobId).orElse(null);
                if (j == null) {
                    emitter.complete();
                    return;
                }
                Views.JobView view = Views.job(j);
                Object key = j.status() + "|" + j.progress() + "|" + j.attempts();
                if (!Objects.equals(key, stream.last)) {
                    stream.last = key;
                    emitter.send(SseEmitter.event().name("progress").data(view, MediaType.APPLICATION_JSON));
                }
                if (j.status().terminal()) {
                    emitter.send(SseEmitter.event().name(j.status().label()).data(view, MediaType.APPLICATION_JSON));
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
