package com.sigmatiq.alert.web;

import com.sigmatiq.alert.domain.AlertQueries;
import com.sigmatiq.kit.web.sse.SseKeepAlive;
import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * {@code GET /alerts/stream}: every half second each open stream is sent, as {@code alert} events, the caller's alerts
 * stored since the last one it was sent (read from the database, so it works whichever instance stored them).
 */
@Component
class AlertStreams {

    private static final Logger log = LoggerFactory.getLogger(AlertStreams.class);

    private final AlertQueries queries;
    private final Clock clock;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "alert-sse");
        t.setDaemon(true);
        return t;
    });
    private final Map<SseEmitter, Cursor> open = new ConcurrentHashMap<>();
    private final SseKeepAlive keepAlive = new SseKeepAlive("alert-sse-keep-alive", SseKeepAlive.DEFAULT_INTERVAL);

    private static final class Cursor {
        final String ownerId;
        Instant after;
        String lastId = "";

        Cursor(String ownerId, Instant after) {
            this.ownerId = ownerId;
            this.after = after;
        }
    }

    AlertStreams(AlertQueries queries, Clock clock) {
        this.queries = queries;
        this.clock = clock;
        timer.scheduleWithFixedDelay(this::tick, 500, 500, TimeUnit.MILLISECONDS);
    }

    SseEmitter open(String ownerId) {
        SseEmitter e = new SseEmitter(TimeUnit.MINUTES.toMillis(30));
        open.put(e, new Cursor(ownerId, clock.instant()));
        e.onCompletion(() -> open.remove(e));
        e.onTimeout(() -> open.remove(e));
        e.onError(t -> open.remove(e));
        return keepAlive.register(e);
    }

    private void tick() {
        open.forEach((emitter, cursor) -> {
            try {
                for (AlertQueries.Stamped s : queries.alertsAfter(cursor.ownerId, cursor.after, cursor.lastId, 200)) {
                    emitter.send(SseEmitter.event().name("alert").id(s.alert().alertId())
                            .data(AlertViews.AlertView.of(s.alert(), null), MediaType.APPLICATION_JSON));
                    cursor.after = s.createdAt();
                    cursor.lastId = s.alert().alertId();
                }
            } catch (IOException | IllegalStateException ex) {
                open.remove(emitter);
                emitter.completeWithError(ex);
            } catch (RuntimeException ex) {
                // the database is away (a restart): the stream stays open and is read again at the next tick
                long now = System.nanoTime();
                if (now - lastFailureLogged > 30_000_000_000L) {
                    lastFailureLogged = now;
                    log.warn("alert streams cannot read new alerts yet ({}); trying again", ex.toString());
                }
            }
        });
    }

    private volatile long lastFailureLogged = System.nanoTime() - 60_000_000_000L;

    /** At the start of shutdown (before the web server waits for open requests to end): every stream ends. */
    @EventListener(ContextClosedEvent.class)
    @PreDestroy
    void stop() {
        timer.shutdownNow();
        keepAlive.close();
        open.keySet().forEach(SseEmitter::complete);
    }
}
