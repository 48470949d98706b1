package com.sigmatiq.pilot.web;

import com.sigmatiq.kit.web.sse.SseKeepAlive;
import com.sigmatiq.pilot.domain.LiveOrder;
import com.sigmatiq.pilot.domain.OrderUpdates;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * {@code GET /pilot/accounts/{id}/events}: the account's {@code order}, {@code fill}, {@code refusal} and
 * {@code connection} events as they happen, sent from a thread of their own so that a slow client never holds an order.
 */
@Component
class OrderStreams implements OrderUpdates, ApplicationListener<ContextClosedEvent> {

    private final Map<SseEmitter, String> open = new ConcurrentHashMap<>();
    private final SseKeepAlive keepAlive = new SseKeepAlive("pilot-sse-keep-alive", SseKeepAlive.DEFAULT_INTERVAL);
    private final ExecutorService sender = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "pilot-sse");
        t.setDaemon(true);
        return t;
    });

    SseEmitter open(String accountId) {
        SseEmitter e = new SseEmitter(TimeUnit.MINUTES.toMillis(30));
        open.put(e, accountId);
        e.onCompletion(() -> open.remove(e));
        e.onTimeout(() -> open.remove(e));
        e.onError(t -> open.remove(e));
        return keepAlive.register(e);
    }

    /** At shutdown, before the web server waits for open requests: every stream ends. */
    @Override
    public void onApplicationEvent(ContextClosedEvent event) {
        open.keySet().forEach(e -> {
            try {
                e.complete();
            } catch (RuntimeException ex) {
                // already gone
            }
        });
        open.clear();
        sender.shutdown();
        keepAlive.close();
    }

    @Override
    public void send(String accountId, String event, Object data) {
        if (open.isEmpty()) {
            return;
        }
        Object view = data instanceof LiveOrder o ? Views.OrderView.of(o, null, null, java.util.List.of()) : data;
        open.forEach((emitter, account) -> {
            if (account.equals(accountId) && !sender.isShutdown()) {
                sender.execute(() -> {
                    try {
                        emitter.send(SseEmitter.event().name(event).data(view, MediaType.APPLICATION_JSON));
                    } catch (IOException | IllegalStateException ex) {
                        open.remove(emitter);
                        emitter.completeWithError(ex);
                    }
                });
            }
        });
    }
}
