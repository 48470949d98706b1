package com.sigmatiq.alert.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A user's webhook for tests: a JDK HTTP server where each hook (a path) answers a script of responses in turn (the
 * last one repeats) and records every request it receives.
 */
public final class WebhookReceiver implements AutoCloseable {

    /** One request as received. */
    public record Received(Instant at, String signature, String eventId, String contentType, byte[] body) {
        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    /** An answer: a status with a header, or a hang that lasts until {@link #close()}. */
    public record Answer(int code, String retryAfterHeader, boolean hangs) {
        public static Answer answer(int code) {
            return new Answer(code, null, false);
        }

        public static Answer retryAfter(int code, String retryAfter) {
            return new Answer(code, retryAfter, false);
        }

        public static Answer never() {
            return new Answer(0, null, true);
        }
    }

    /** One hook: its URL and what it received. */
    public static final class Hook {
        private final String url;
        private final Deque<Answer> script;
        private final List<Received> received = new CopyOnWriteArrayList<>();

        Hook(String url, List<Answer> script) {
            this.url = url;
            this.script = new ArrayDeque<>(script);
        }

        public String url() {
            return url;
        }

        public List<Received> received() {
            return List.copyOf(received);
        }

        synchronized Answer next() {
            return script.size() > 1 ? script.pollFirst() : script.peekFirst();
        }
    }

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final Map<String, Hook> hooks = new ConcurrentHashMap<>();
    private final CountDownLatch released = new CountDownLatch(1);

    public WebhookReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/hook/", this::handle);
        server.setExecutor(threads);
        server.start();
    }

    /** A new hook answering {@code script} in turn (the last answer repeats). */
    public Hook hook(Answer... script) {
        String path = "/hook/" + UUID.randomUUID();
        Hook h = new Hook("http://127.0.0.1:" + server.getAddress().getPort() + path, List.of(script));
        hooks.put(path, h);
        return h;
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            byte[] body = ex.getRequestBody().readAllBytes();
            Hook h = hooks.get(ex.getRequestURI().getPath());
            if (h == null) {
                ex.sendResponseHeaders(404, -1);
                return;
            }
            h.received.add(new Received(Instant.now(), ex.getRequestHeaders().getFirst("X-Sigmatiq-Signature"),
                    ex.getRequestHeaders().getFirst("X-Sigmatiq-Event-Id"),
                    ex.getRequestHeaders().getFirst("Content-Type"), body));
            Answer a = h.next();
            if (a.hangs()) {
                try {
                    released.await(5, TimeUnit.MINUTES);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return;
            }
            if (a.retryAfterHeader() != null) {
                ex.getResponseHeaders().add("Retry-After", a.retryAfterHeader());
            }
            byte[] out = ("{\"status\":" + a.code() + "}").getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(a.code(), out.length);
            ex.getResponseBody().write(out);
        }
    }

    @Override
    public void close() {
        released.countDown();
        server.stop(0);
        threads.shutdownNow();
    }
}
