package com.sigmatiq.sim.web;

import com.sigmatiq.kit.web.sse.SseKeepAlive;
import com.sigmatiq.sim.domain.Account;
import com.sigmatiq.sim.domain.AccountUpdates;
import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * {@code GET /sim/accounts/{id}/events}: the account's {@code fill}, {@code mark} (after every bar it takes) and
 * {@code completed} events as they happen, sent from one thread of their own so that a slow client never holds a bar.
 */
@Component
class AccountStreams implements AccountUpdates {

    private record Subscriber(String ownerId, String accountId) {
    }

    private final Map<SseEmitter, Subscriber> open = new ConcurrentHashMap<>();
    private final SseKeepAlive keepAlive = new SseKeepAlive("sim-sse-keep-alive", SseKeepAlive.DEFAULT_INTERVAL);
    private final ExecutorService sender = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "sim-sse");
        t.setDaemon(true);
        return t;
    });

    SseEmitter open(String ownerId, String accountId) {
        SseEmitter e = new SseEmitter(TimeUnit.MINUTES.toMillis(30));
        open.put(e, new Subscriber(ownerId, accountId));
        e.onCompletion(() -> open.remove(e));
        e.onTimeout(() -> open.remove(e));
        e.onError(t -> open.remove(e));
        return keepAlive.register(e);
    }

    @Override
    public boolean listening(String ownerId) {
        if (open.isEmpty()) {
            return false;
        }
        return open.values().stream().anyMatch(s -> s.ownerId().equals(ownerId));
    }

    @Override
    public void send(Account account, String event, Object data) {
        open.forEach((emitter, s) -> {
            if (s.accountId().equals(account.id())) {
                sender.execute(() -> {
                    try {
                        emitter.send(SseEmitter.event().name(event).data(data, MediaType.APPLICATION_JSON));
                    } catch (IOException | IllegalStateException ex) {
                        open.remove(emitter);
                        emitter.completeWithError(ex);
                    }
                });
            }
        });
    }

    @PreDestroy
    void stop() {
        sender.shutdownNow();
        keepAlive.close();
        open.keySet().forEach(SseEmitter::complete);
    }
}
