package com.sigmatiq.kit.web.sse;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Keeps event streams open through proxies: a stream registered here gets a comment line at once (so that its headers
 * leave before the first event, and the gateway does not time it out as an answer that never started) and another
 * every {@code interval} (so that an idle stream is not cut as idle). Comments are ignored by {@code EventSource}.
 * A stream whose comment cannot be sent is completed and forgotten.
 */
public final class SseKeepAlive implements AutoCloseable {

    /** Well under the gateway's 60-second read timeout. */
    public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(20);

    private final Map<SseEmitter, Boolean> streams = new ConcurrentHashMap<>();
    private final ScheduledExecutorService timer;

    public SseKeepAlive(String threadName, Duration interval) {
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, threadName);
            t.setDaemon(true);
            return t;
        });
        timer.scheduleWithFixedDelay(this::ping, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Sends the opening comment and keeps {@code e} alive until it completes, times out or fails. */
    public SseEmitter register(SseEmitter e) {
        e.onCompletion(() -> streams.remove(e));
        e.onTimeout(() -> streams.remove(e));
        e.onError(t -> streams.remove(e));
        if (send(e, "open")) {
            streams.put(e, Boolean.TRUE);
        }
        return e;
    }

    /** Streams kept alive now (tests). */
    public int size() {
        return streams.size();
    }

    private void ping() {
        streams.keySet().forEach(e -> send(e, "keep-alive"));
    }

    private boolean send(SseEmitter e, String comment) {
        try {
            e.send(SseEmitter.event().comment(comment));   // the emitter serializes its own sends
            return true;
        } catch (IOException | IllegalStateException ex) {
            streams.remove(e);
            e.completeWithError(ex);
            return false;
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
