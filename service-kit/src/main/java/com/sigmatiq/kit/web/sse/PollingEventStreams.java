package com.sigmatiq.kit.web.sse;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Server-sent progress of long-running work (DESIGN §8), read from the database so that it works whichever instance
 * does the work: every {@code interval} each open stream polls its source and sends a {@code progress} event when the
 * snapshot's change key differs from the last one sent, then, once the work has ended, one more event named after
 * its final status, after which the stream completes. A poll that fails (the database restarting, a lost connection)
 * leaves the stream open and is tried again at the next tick; a stream that cannot be written is completed with its
 * error. One poller thread per instance of this class.
 *
 * @param <K> what identifies the work (a sweep id, a job id)
 */
public final class PollingEventStreams<K> implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(PollingEventStreams.class);

    /** What a stream shows now. */
    public record Snapshot(Object data, Object changeKey, String finalEvent) {

        /**
         * @param data       the event's JSON body
         * @param changeKey  equal keys mean nothing changed (no event is sent)
         * @param finalEvent the final status's name once the work has ended, else null
         */
        public Snapshot {
            Objects.requireNonNull(data, "data");
        }
    }

    /** Reads the current snapshot of {@code key}; empty when it no longer exists (the stream then completes). */
    @FunctionalInterface
    public interface Source<K> {
        Optional<Snapshot> poll(K key);
    }

    private final Source<K> source;
    private final ScheduledExecutorService timer;
    private final Map<SseEmitter, Stream<K>> open = new ConcurrentHashMap<>();
    private final SseKeepAlive keepAlive = new SseKeepAlive("sse-keep-alive", SseKeepAlive.DEFAULT_INTERVAL);

    private static final class Stream<K> {
        final K key;
        Object last;
        /** Whether the last poll failed (logged once per run of failures). */
        boolean failing;

        Stream(K key) {
            this.key = key;
        }
    }

    public PollingEventStreams(String threadName, Duration interval, Source<K> source) {
        this.source = source;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, threadName);
            t.setDaemon(true);
            return t;
        });
        timer.scheduleWithFixedDelay(this::tick, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** A new stream of {@code key}, open for at most 30 minutes; its first event follows at once. */
    public SseEmitter open(K key) {
        return open(key, new SseEmitter(TimeUnit.MINUTES.toMillis(30)));
    }

    /** {@link #open(Object)} on a given emitter (tests record what is sent). */
    SseEmitter open(K key, SseEmitter e) {
        open.put(e, new Stream<>(key));
        e.onCompletion(() -> open.remove(e));
        e.onTimeout(() -> open.remove(e));
        e.onError(t -> open.remove(e));
        timer.execute(this::tick);
        return keepAlive.register(e);
    }

    private void tick() {
        open.forEach((emitter, stream) -> {
            Snapshot s;
            try {
                s = source.poll(stream.key).orElse(null);
            } catch (RuntimeException ex) {
                // e.g. the database restarting: the stream stays open and polls again at the next tick
                if (!stream.failing) {
                    log.warn("progress of {} could not be read (tried again every tick): {}", stream.key, ex.toString());
                }
                stream.failing = true;
                return;
            }
            stream.failing = false;
            try {
                if (s == null) {
                    open.remove(emitter);
                    emitter.complete();
                    return;
                }
                if (!Objects.equals(s.changeKey(), stream.last)) {
                    stream.last = s.changeKey();
                    emitter.send(SseEmitter.event().name("progress").data(s.data(), MediaType.APPLICATION_JSON));
                }
                if (s.finalEvent() != null) {
                    emitter.send(SseEmitter.event().name(s.finalEvent()).data(s.data(), MediaType.APPLICATION_JSON));
                    open.remove(emitter);
                    emitter.complete();
                }
            } catch (IOException | RuntimeException ex) {
                open.remove(emitter);
                emitter.completeWithError(ex);
            }
        });
    }

    /** Stops polling and completes every open stream. */
    @Override
    public void close() {
        timer.shutdownNow();
        keepAlive.close();
        open.keySet().forEach(SseEmitter::complete);
    }
}
